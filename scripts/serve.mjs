// A static server for the demo shop and the end-to-end tests: `pages` at /, the built
// embed folder at /fanfare/, exactly as a site owner would host them. HTML is sent with
// a strict Content Security Policy (Trusted Types included), so every page we serve
// proves the widgets work under one.
import { createServer, request } from 'node:http';
import { fileURLToPath } from 'node:url';
import sirv from 'sirv';

const root = fileURLToPath(new URL('..', import.meta.url));

export function csp(connect = []) {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    `connect-src 'self' ${connect.join(' ')}`.trim(),
    "require-trusted-types-for 'script'",
    'trusted-types lit-html fanfare-json-ld',
  ].join('; ');
}

/**
 * Start serving; resolves to { url, close }. Port 0 picks a free port. With `api` (the
 * base URL of a fanfare-server), /e, /games, /referrals, /reviews, /feeds and /media go to it, so pages can use a relative
 * data-endpoint and reward-endpoint, as a site that proxies them would.
 */
export function startServer({ pages = `${root}/demo`, port = 0, host = '127.0.0.1', connect = [], api } = {}) {
  const site = sirv(pages, { dev: true });
  const embed = sirv(`${root}/packages/embed/dist`, { dev: true });
  const server = createServer((req, res) => {
    // /reviews itself only: the demo's own reviews/ folder holds its static feeds.
    if (api && /^\/((e|games|referrals|feeds|media)(\/|\?|$)|reviews(\?|$))/.test(req.url)) return proxy(api, req, res);
    // /fanfare-copy/ serves the same folder again, as a page that embeds two copies would.
    const prefix = ['/fanfare/', '/fanfare-copy/'].find((p) => req.url.startsWith(p));
    if (prefix) {
      req.url = req.url.slice(prefix.length - 1);
      return embed(req, res, () => notFound(res));
    }
    const path = new URL(req.url, 'http://x').pathname;
    if (path.endsWith('/') || path.endsWith('.html')) res.setHeader('Content-Security-Policy', csp(connect));
    return site(req, res, () => notFound(res));
  });
  return new Promise((resolve) => {
    server.listen(port, host, () => {
      const { port: actual } = server.address();
      resolve({ url: `http://${host}:${actual}`, close: () => new Promise((r) => server.close(r)) });
    });
  });
}

function proxy(api, req, res) {
  const target = new URL(req.url, api);
  const upstream = request(target, { method: req.method, headers: { ...req.headers, host: target.host } }, (answer) => {
    res.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(res);
  });
  upstream.on('error', () => {
    res.statusCode = 502;
    res.end();
  });
  req.pipe(upstream);
}

function notFound(res) {
  res.statusCode = 404;
  res.end('Not found');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : fallback;
  };
  const { url } = await startServer({ port: Number(arg('port', 5173)), host: arg('host', '127.0.0.1'), api: arg('api') });
  console.log(`Fanfare demo shop: ${url}/  (中文: ${url}/zh.html)`);
}
