// The bench's two loopback servers: a collector standing in for an analytics endpoint on
// another origin, and the bench site (bench/pages at /, the embed folder at /fanfare/,
// the peers from npm at /npm/), each page served with the strict CSP the demo has, relaxed
// only where a peer cannot work without it.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer as createHttp1 } from 'node:http';
import { createSecureServer } from 'node:http2';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import sirv from 'sirv';
import { csp } from '../../scripts/serve.mjs';
import { chunkMap } from '../../scripts/chunk-map.mjs';
import { writeFloor } from './floor.mjs';

const bench = new URL('..', import.meta.url).pathname;
const root = new URL('../..', import.meta.url).pathname;

// Text compressed as a CDN would send it, so a throttled network carries what a phone would
// get (sirv streams files as they are); once per file, since gzip is not what is measured.
const TYPES = { js: 'text/javascript', mjs: 'text/javascript', css: 'text/css', html: 'text/html', svg: 'image/svg+xml', json: 'application/json' };
const gzipped = new Map();
function compressed(dir) {
  const files = sirv(dir, { dev: true });
  return (req, res, next) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const type = TYPES[path.split('.').pop()];
    const file = join(dir, path);
    if (!type || !file.startsWith(`${dir.replace(/\/$/, '')}/`) || !existsSync(file) || !/\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) return files(req, res, next);
    if (!gzipped.has(file)) gzipped.set(file, gzipSync(readFileSync(file), { level: 9 }));
    const body = gzipped.get(file);
    res.writeHead(200, { 'content-type': type, 'content-encoding': 'gzip', 'content-length': body.length, vary: 'accept-encoding', 'cache-control': 'no-store' }).end(body);
  };
}

// HTTP/2 over TLS, as the CDNs that host these libraries serve them: every file of a page
// on one connection. Over HTTP/1.1 a browser opens at most six connections to a host, so
// the seventh file waits for one of the first six (a round trip more on a phone), which
// only the contender with many files pays. BENCH_HTTP1=1 serves HTTP/1.1 to see that.
export const HTTP1 = !!process.env.BENCH_HTTP1;
let tls;
function createServer(handler) {
  if (HTTP1) return createHttp1(handler);
  if (!tls) {
    // A throwaway self-signed certificate (the browser is told to accept it).
    const dir = mkdtempSync(join(tmpdir(), 'fanfare-bench-tls-'));
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=127.0.0.1', '-days', '1', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
    tls = { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
  }
  return createSecureServer({ ...tls, allowHTTP1: true }, handler);
}
const listen = (server) => new Promise((r) => server.listen(0, '127.0.0.1', () => r(`${HTTP1 ? 'http' : 'https'}://127.0.0.1:${server.address().port}`)));
const sum = (xs, f) => xs.reduce((n, x) => n + f(x), 0);

/**
 * The collector: counts the share events of every request it gets. Fanfare batches
 * `{e:[…]}`; plausible sends one `{n:…}` a request.
 * @returns {Promise<{ origin: string, received: object[], collected(events, ms): Promise<object>, close(): void }>}
 */
export async function startCollector() {
  const received = [];
  const server = createServer((req, res) => {
    // CORS as the beacon's README asks of an endpoint; plausible-tracker needs nothing more.
    res.setHeader('Access-Control-Allow-Origin', '*');
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { 'Access-Control-Allow-Methods': 'POST', 'Access-Control-Allow-Headers': 'content-type' }).end();
      return;
    }
    const path = new URL(req.url, 'http://x').pathname;
    if (req.method !== 'POST' || (path !== '/e' && path !== '/api/event')) {
      res.writeHead(404).end();
      return;
    }
    const chunks = [];
    let size = 0;
    req.on('data', (c) => {
      size += c.length;
      if (size <= 100_000) chunks.push(c);
    });
    req.on('end', () => {
      let events = 0;
      try {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        // Fanfare's share events (a widget's, or a goal named share from track()), or plausible's.
        const share = (e) => e.n === 'share' || (e.n === 'goal' && e.p?.name === 'share');
        events = Array.isArray(body.e) ? body.e.filter(share).length : share(body) ? 1 : 0;
      } catch {
        // Not JSON: counted as a request with no events.
      }
      received.push({ path: req.url, bytes: size, events, mode: req.headers['sec-fetch-mode'] });
      res.writeHead(204).end();
    });
  });
  const origin = await listen(server);
  return {
    origin,
    received,
    /** Waits, at most `ms`, until `events` share events have come; returns what came. */
    async collected(events, ms) {
      const end = Date.now() + ms;
      while (Date.now() < end && sum(received, (r) => r.events) < events) await new Promise((r) => setTimeout(r, 50));
      return {
        requests: received.length,
        events: sum(received, (r) => r.events),
        bytes: sum(received, (r) => r.bytes),
        modes: [...new Set(received.map((r) => r.mode))],
      };
    },
    close: () => server.close(),
  };
}

/**
 * `<link rel="modulepreload">` lines for every file the loader requests at start for `tag`
 * (its chunk, the shared chunks it imports; for fan-share, one chunk per network named),
 * read from the built embed's chunk graph, as a page that names them itself would carry.
 */
function preloadLines(tag, networks = []) {
  const meta = JSON.parse(readFileSync(`${root}packages/embed/dist/meta.json`, 'utf8'));
  const { entry, files } = chunkMap(meta, 'dist/fanfare.js', `${root}packages/embed`)[tag];
  return [entry, ...files, ...networks.map((n) => `dist/share-${n}.js`)]
    .map((f) => `<link rel="modulepreload" href="/fanfare/${f.replace(/^dist\//, '')}">`)
    .join('\n  ');
}

/**
 * The bench site. Pages may write `{{collector}}` for the collector's origin, and
 * `{{modulepreload fan-share x facebook}}` for preloadLines' links.
 * @returns {Promise<{ origin: string, relax: Record<string, { why: string }>, close(): void }>}
 */
export async function startSite({ collectorOrigin }) {
  // plausible-tracker ships extensionless ESM imports a browser cannot load: bundled and
  // minified here, as a site would.
  const built = new Map();
  const out = await build({
    stdin: { contents: "export { default } from 'plausible-tracker';", resolveDir: bench, sourcefile: 'plausible.js' },
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2020',
    write: false,
    logLevel: 'error',
  });
  built.set('/built/plausible.js', out.outputFiles[0].contents);

  const strict = csp([collectorOrigin]);
  const relax = {
    '/share/shariff.html': {
      why: "shariff (jQuery) builds its buttons from HTML strings: without `require-trusted-types-for 'script'`",
      policy: (p) => p.replace(/; require-trusted-types-for 'script'/, ''),
    },
  };
  // BENCH_STRICT_CSP=1 serves every page with the strict policy, to see why a peer's page is relaxed.
  const policyFor = (path) => (relax[path] && !process.env.BENCH_STRICT_CSP ? relax[path].policy(strict) : strict);

  const pagesDir = `${bench}pages`;
  const pageFiles = compressed(pagesDir);
  const mounts = [
    ['/fanfare/floor/', compressed(writeFloor(`${root}packages/embed/dist`))],
    ['/fanfare/', compressed(`${root}packages/embed/dist`)],
    ['/npm/', compressed(`${bench}node_modules`)],
  ];
  const server = createServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    const notFound = () => res.writeHead(404).end('Not found');
    for (const [prefix, handler] of mounts) {
      if (path.startsWith(prefix)) {
        req.url = req.url.slice(prefix.length - 1);
        return handler(req, res, notFound);
      }
    }
    if (built.has(path)) return res.writeHead(200, { 'content-type': 'text/javascript' }).end(built.get(path));
    if (path.endsWith('.html')) {
      const file = `${pagesDir}${path}`;
      if (!file.startsWith(pagesDir) || !existsSync(file)) return notFound();
      const html = readFileSync(file, 'utf8')
        .replaceAll('{{collector}}', collectorOrigin)
        .replace(/\{\{modulepreload ([a-z0-9-]+)((?: [a-z]+)*)\}\}/g, (_, tag, nets) => preloadLines(tag, nets.trim().split(' ').filter(Boolean)));
      return res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': policyFor(path), 'cache-control': 'no-store' })
        .end(html);
    }
    if (path === '/favicon.ico') return res.writeHead(204).end();
    return pageFiles(req, res, notFound);
  });
  const origin = await listen(server);
  return { origin, relax, close: () => server.close() };
}
