// `npm test`: installs what the tests need that npm cannot (see setup.mjs), then the
// workspace's packages, then runs every check in order (`pnpm test:all`).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setup } from './setup.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const setupStarted = Date.now();
if (!setup()) process.exit(1);
const setupTook = (Date.now() - setupStarted) / 1000;

const env = { ...process.env };
// node-gyp (better-sqlite3) builds against the headers installed here instead of
// downloading them, which a closed network cannot do.
if (!env.npm_config_nodedir && existsSync('/usr/include/node/node.h')) env.npm_config_nodedir = '/usr';

const PNPM = ['--yes', 'pnpm@12.21.0'];
// The steps of `pnpm test:all`, run one by one so the end prints what each took: CI allows
// the whole command 15 minutes, and this says where they go.
// The steps are read from test:all itself (`pnpm a && pnpm b …`), so the two cannot drift.
const all = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts['test:all'];
const steps = [['install', '--frozen-lockfile'], ...all.split('&&').map((s) => ['run', s.trim().replace(/^pnpm (run )?/, '')])];
const took = [['setup', setupTook]];
const report = () => {
  const total = took.reduce((n, [, s]) => n + s, 0);
  console.log(`\nnpm test: ${took.map(([name, s]) => `${name} ${s.toFixed(0)} s`).join(', ')}; ${(total / 60).toFixed(1)} min in all`);
};
for (const args of steps) {
  const started = Date.now();
  const r = spawnSync('npx', [...PNPM, ...args], { cwd: root, env, stdio: 'inherit' });
  took.push([args.at(-1) === '--frozen-lockfile' ? 'install' : args[1], (Date.now() - started) / 1000]);
  if (r.status !== 0) {
    report();
    process.exit(r.status ?? 1);
  }
}
report();
