// Starts the real fanfare-server (packages/server/dist/cli.js, so run `pnpm build`
// first) as a child process, for the demo and the end-to-end tests.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../packages/server/dist/cli.js', import.meta.url));

/** Resolves to { url, token, stop } once the server listens. Port 0 picks a free one. */
export function startFanfareServer({ port = 0, db, config, token = 'demo-admin-token', quiet = true } = {}) {
  const args = [cli, '--port', String(port)];
  if (db) args.push('--db', db);
  if (config) args.push('--config', config);
  const child = spawn(process.execPath, args, {
    env: { ...process.env, FANFARE_ADMIN_TOKEN: token, FANFARE_SECRET: process.env.FANFARE_SECRET ?? 'demo-secret-not-for-production' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let buffer = '';
    const timer = setTimeout(() => reject(new Error('fanfare-server did not start within 15 s')), 15000);
    child.on('exit', (code) => reject(new Error(`fanfare-server exited with ${code}`)));
    child.stdout.on('data', (chunk) => {
      if (!quiet) process.stdout.write(chunk);
      buffer += chunk;
      const m = /dashboard at (http:\/\/[^\s"]+?)\/?"/.exec(buffer);
      if (!m) return;
      clearTimeout(timer);
      child.stdout.removeAllListeners('data');
      if (!quiet) child.stdout.pipe(process.stdout);
      else child.stdout.resume();
      resolve({
        url: m[1],
        token,
        stop: () =>
          new Promise((done) => {
            child.removeAllListeners('exit');
            child.once('exit', done);
            child.kill('SIGTERM');
          }),
      });
    });
  });
}
