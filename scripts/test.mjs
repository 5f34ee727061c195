// `npm test`: installs what the tests need that npm cannot (see setup.mjs), then the
// workspace's packages, then runs every check in order (`pnpm test:all`).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { setup } from './setup.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
if (!setup()) process.exit(1);

const env = { ...process.env };
// node-gyp (better-sqlite3) builds against the headers installed here instead of
// downloading them, which a closed network cannot do.
if (!env.npm_config_nodedir && existsSync('/usr/include/node/node.h')) env.npm_config_nodedir = '/usr';

const PNPM = ['--yes', 'pnpm@12.21.0'];
for (const args of [['install', '--frozen-lockfile'], ['run', 'test:all']]) {
  const r = spawnSync('npx', [...PNPM, ...args], { cwd: root, env, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
