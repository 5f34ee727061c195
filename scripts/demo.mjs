// `npm run demo`: the demo shop with everything a brand would run. The fanfare-server
// receives the beacon and hands out the game's rewards (SQLite in .cache/demo.db); the
// shop's static server passes /e and /games on to it.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startFanfareServer } from './fanfare-server.mjs';
import { startServer } from './serve.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};

mkdirSync(`${root}/.cache`, { recursive: true });
const token = process.env.FANFARE_ADMIN_TOKEN ?? 'demo-admin-token';
const api = await startFanfareServer({
  port: Number(arg('api-port', 8787)),
  db: `${root}/.cache/demo.db`,
  config: `${root}/demo/fanfare.config.json`,
  token,
});
const shop = await startServer({ port: Number(arg('port', 5173)), api: api.url });

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
