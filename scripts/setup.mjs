// What the tests need besides Node and npm: a Chromium for the browser and end-to-end
// tests, a Firefox for the end-to-end tests in a second engine, and clickhouse-server
// and postgresql for the server's store tests (started by the tests on loopback). Where it can (Debian
// or Ubuntu, as root: a container, CI) it installs what is missing from the
// distribution's packages; elsewhere it says in one line exactly what to install, before
// any test runs, and fails.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { findChrome } from './chrome.mjs';
import { findFirefox } from './firefox.mjs';
import { postgresBinDir } from './postgres.mjs';

/** "a", "a and b", "a, b and c". */
const and = (list) => (list.length > 1 ? `${list.slice(0, -1).join(', ')} and ${list.at(-1)}` : list.join(''));

const onPath = (name) => spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;

const NEEDS = [
  { name: 'Chromium', apt: 'chromium', found: () => Boolean(findChrome()), hint: 'or set CHROME_PATH to a Chrome or Chromium binary' },
  { name: 'Firefox', apt: 'firefox-esr', found: () => Boolean(findFirefox()), hint: 'or set FIREFOX_PATH to a Firefox binary' },
  {
    name: 'ClickHouse',
    apt: 'clickhouse-server',
    found: () => ['/usr/sbin/clickhouse-server', '/usr/bin/clickhouse-server'].some(existsSync) || onPath('clickhouse-server'),
  },
  { name: 'PostgreSQL', apt: 'postgresql', found: () => Boolean(postgresBinDir()) },
];

/** Install what is missing, or explain what to install; returns false when the tests cannot run. */
export function setup({ log = console.log } = {}) {
  const missing = NEEDS.filter((n) => !n.found());
  if (!missing.length) return true;
  const names = and(missing.map((n) => n.name));
  const pkgs = missing.map((n) => n.apt);
  const canInstall = process.platform === 'linux' && process.getuid?.() === 0 && onPath('apt-get');
  if (canInstall) {
    log(`Installing ${names} from the distribution's packages (apt-get install ${pkgs.join(' ')})…`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    try {
      execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
      execFileSync('apt-get', ['install', '-y', '-qq', ...pkgs], { stdio: ['ignore', 'ignore', 'inherit'], env });
    } catch {
      // Fall through: the check below says what is still missing.
    }
    const still = NEEDS.filter((n) => !n.found());
    if (!still.length) return true;
    console.error(`Could not install ${and(still.map((n) => n.name))}: apt-get install ${still.map((n) => n.apt).join(' ')} failed (see above).`);
    return false;
  }
  const hints = missing.flatMap((n) => (n.hint ? [n.hint] : []));
  console.error(
    `The tests need ${names}, which ${missing.length > 1 ? 'are' : 'is'} not installed: on Debian or Ubuntu run ` +
      `sudo apt-get install ${pkgs.join(' ')}${hints.length ? ` (${hints.join('; ')})` : ''}, then npm test again.`,
  );
  return false;
}

if (process.argv[1] === fileURLToPath(import.meta.url) && !setup()) process.exit(1);
