// A throwaway PostgreSQL on loopback for the tests (the server's state-store suites and the
// scale-out test): Debian's postgresql package, a cluster made by initdb in a temp dir that
// goes with it. initdb and postgres refuse to run as root, so as root they run as the
// `postgres` user the package creates, in a directory handed to that user.
import { execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port.mjs';

/** The folder with initdb and postgres: Debian's newest /usr/lib/postgresql/<n>/bin, or one on PATH. */
export function postgresBinDir() {
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
    for (const v of versions) if (existsSync(join(root, v, 'bin', 'initdb'))) return join(root, v, 'bin');
  }
  for (const dir of (process.env.PATH ?? '').split(':')) if (dir && existsSync(join(dir, 'initdb'))) return dir;
  return undefined;
}

const isRoot = () => process.getuid?.() === 0;

/** Runs a PostgreSQL binary, as the `postgres` user when we are root. */
function command(bin, name, args) {
  const file = join(bin, name);
  return isRoot() ? ['runuser', ['-u', 'postgres', '--', file, ...args]] : [file, args];
}

/**
 * A throwaway PostgreSQL on loopback: superuser `fanfare` with no password (trust, on
 * 127.0.0.1 only), data in a temp dir. fsync is off: a test's data need not survive a power cut.
 * @param {string} bin @returns {Promise<import('./postgres.d.mts').Postgres>}
 */
export async function startPostgres(bin) {
  const dir = mkdtempSync(join(tmpdir(), 'fanfare-pg-'));
  const data = join(dir, 'data');
  if (isRoot()) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, uid, gid);
  }
  const [initdb, initArgs] = command(bin, 'initdb', ['-D', data, '-U', 'fanfare', '-A', 'trust', '-E', 'UTF8', '--no-locale', '--no-sync']);
  try {
    execFileSync(initdb, initArgs, { stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`initdb failed: ${err.stderr?.toString() ?? err.message}`);
  }
  const port = await freePort();
  // fsync off loses nothing when the process is killed (restart() does that), only on a power
  // cut; synchronous_commit stays on, or a commit just before a kill would be lost.
  const settings = ['listen_addresses=127.0.0.1', 'fsync=off', 'full_page_writes=off', 'max_connections=200'];
  const [postgres, args] = command(bin, 'postgres', ['-D', data, '-k', dir, '-p', String(port), ...settings.flatMap((s) => ['-c', s])]);
  let proc = spawn(postgres, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  const listen = (p) => {
    p.stderr.on('data', (chunk) => (log = (log + chunk).slice(-4000)));
    return new Promise((resolve) => p.once('exit', () => resolve()));
  };
  let exited = listen(proc);
  const ready = async () => {
    const [isReady, readyArgs] = command(bin, 'pg_isready', ['-h', '127.0.0.1', '-p', String(port), '-U', 'fanfare', '-d', 'postgres', '-q']);
    const deadline = Date.now() + 30_000;
    for (;;) {
      try {
        execFileSync(isReady, readyArgs, { stdio: 'ignore' });
        return;
      } catch {
        // not accepting connections yet
      }
      if (proc.exitCode !== null || Date.now() > deadline) throw new Error(`postgres did not start (exit ${proc.exitCode}): ${log}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  try {
    await ready();
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  // The postmaster's own pid: as root, `proc` is runuser, which need not pass signals on.
  const postmaster = () => Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
  const halt = async (signal) => {
    try {
      process.kill(postmaster(), signal);
    } catch {
      // gone already
    }
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    if (proc.exitCode === null) proc.kill('SIGKILL');
  };
  const url = (database = 'postgres') => `postgres://fanfare@127.0.0.1:${port}/${database}`;
  return {
    url: url(),
    port,
    async createDatabase(name) {
      const [createdb, createArgs] = command(bin, 'createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', 'fanfare', name]);
      execFileSync(createdb, createArgs, { stdio: ['ignore', 'ignore', 'pipe'] });
      return url(name);
    },
    async restart(whileDown) {
      // SIGQUIT: an immediate shutdown, as a crash would leave it (recovery runs on start).
      await halt('SIGQUIT');
      await whileDown?.();
      proc = spawn(postgres, args, { stdio: ['ignore', 'ignore', 'pipe'] });
      exited = listen(proc);
      await ready();
    },
    async stop() {
      // SIGINT: the fast shutdown (disconnects clients, no waiting for them).
      await halt('SIGINT');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
