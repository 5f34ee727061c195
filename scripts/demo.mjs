// `npm run demo`: the demo shop with everything a brand would run. The fanfare-server
// receives the beacon and hands out the game's rewards (SQLite in .cache/demo.db); the
// shop's static server passes /e and /games on to it.
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { startFanfareServer } from './fanfare-server.mjs';
import { startServer } from './serve.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};

const ports = { port: Number(arg('port', 5173)), 'api-port': Number(arg('api-port', 8787)) };
for (const [flag, port] of Object.entries(ports)) {
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    console.error(`--${flag} must be a port number from 1 to 65535, not "${arg(flag)}".`);
    process.exit(1);
  }
}

/** Resolves to true when nothing else listens on `port` (of 127.0.0.1). */
const isFree = (port) =>
  new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });

// Say which port is taken and how to pick another, instead of two stack traces.
for (const [flag, port] of Object.entries(ports)) {
  if (!(await isFree(port))) {
    const other = { ...ports, [flag]: port + 1 };
    console.error(
      `Port ${port} (${flag === 'port' ? 'the shop' : "the shop's fanfare-server"}) is already in use, perhaps by another demo.\n` +
        `Stop that, or pick free ports: npm run demo -- --port ${other.port} --api-port ${other['api-port']}`,
    );
    process.exit(1);
  }
}

mkdirSync(`${root}/.cache`, { recursive: true });
const token = process.env.FANFARE_ADMIN_TOKEN ?? 'demo-admin-token';
const api = await startFanfareServer({
  port: ports['api-port'],
  db: `${root}/.cache/demo.db`,
  config: `${root}/demo/fanfare.config.json`,
  token,
});
const shop = await startServer({ port: ports.port, api: api.url });

console.log(`
  Demo shop      ${shop.url}/
  中文           ${shop.url}/zh.html
  Dashboard      ${api.url}/   (admin token: ${token})

  Share, play and open reviews in the shop; the dashboard shows them a few seconds later.
  Ctrl-C stops both.
`);

const stop = async () => {
  await Promise.all([shop.close(), api.stop()]);
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
