// Fanfare against the libraries people would pick instead, in one command:
//
//   node bench/run.mjs [--runs 5] [--shots DIR]
//
// Headless Chromium on loopback only (every request to another host is aborted and
// counted). Prints Markdown tables and writes them to bench/results.md with the date and
// the machine. Numbers are printed, never asserted. The whole run is bounded: every loop
// has a fixed count and every wait a timeout, and the process stops itself after
// HARD_LIMIT_MS.
//
// Needs the built embed folder (packages/embed/dist) and the peers in bench/node_modules;
// uses the built fanfare-server (packages/server/dist) for the demo shop when there is one.
// BENCH_STRICT_CSP=1 serves every page with the strict policy, to see why a peer's page
// is relaxed.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { arch, cpus, release, tmpdir, totalmem, type } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import sirv from 'sirv';
import { chromeArgs, findChrome } from '../scripts/chrome.mjs';
import { startFanfareServer } from '../scripts/fanfare-server.mjs';
import { csp, startServer } from '../scripts/serve.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const RUNS = Math.min(20, Math.max(1, Number(flag('runs', 5)) || 5));
// --shots DIR: a screenshot of each share page and of the shop, to check what was measured.
const shots = flag('shots', '');
if (shots) mkdirSync(shots, { recursive: true });
const CLOSE_TRIALS = 5;
const EVENTS = 20;
const HARD_LIMIT_MS = 175_000;
const started = Date.now();

const hardStop = setTimeout(() => {
  console.error(`bench: still running after ${HARD_LIMIT_MS / 1000} s; stopping.`);
  process.exit(2);
}, HARD_LIMIT_MS);
hardStop.unref();

const chrome = findChrome();
if (!chrome) {
  console.error('No Chromium found: install one (Debian/Ubuntu: sudo apt-get install chromium) or set CHROME_PATH.');
  process.exit(1);
}
if (!existsSync(`${root}packages/embed/dist/fanfare.js`)) {
  console.error('packages/embed/dist is missing: run `npx pnpm@12.21.0 --filter @fanfare/embed build` first.');
  process.exit(1);
}

// ---- the collector: a stand-in for an analytics endpoint on another origin ----------------
const received = [];
const collector = createServer((req, res) => {
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
    const text = Buffer.concat(chunks).toString('utf8');
    let events = 0;
    try {
      const body = JSON.parse(text);
      // Fanfare batches {e:[…]}; plausible sends one {n:…} per request.
      events = Array.isArray(body.e) ? body.e.filter((e) => e.n === 'share').length : body.n === 'share' ? 1 : 0;
    } catch {
      // Not JSON: counted as a request with no events.
    }
    received.push({ path: req.url, bytes: size, events, mode: req.headers['sec-fetch-mode'] });
    res.writeHead(204).end();
  });
});
await new Promise((r) => collector.listen(0, '127.0.0.1', r));
const collectorOrigin = `http://127.0.0.1:${collector.address().port}`;

// ---- the bench pages: bench/pages at /, the embed at /fanfare/, the peers at /npm/ --------
// plausible-tracker ships extensionless ESM imports a browser cannot load: bundled and
// minified here, as a site would.
const built = new Map();
{
  const out = await build({
    stdin: { contents: "export { default } from 'plausible-tracker';", resolveDir: here, sourcefile: 'plausible.js' },
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2020',
    write: false,
    logLevel: 'error',
  });
  built.set('/built/plausible.js', out.outputFiles[0].contents);
}

// Each page's policy: the strict one the demo is served with, relaxed only where a peer
// cannot work without it (reported under the tables).
const strict = csp([collectorOrigin]);
const relax = {
  '/share/shariff.html': {
    why: "shariff (jQuery) builds its buttons from HTML strings: without `require-trusted-types-for 'script'`",
    policy: (p) => p.replace(/; require-trusted-types-for 'script'/, ''),
  },
};
const policyFor = (path) => (relax[path] && !process.env.BENCH_STRICT_CSP ? relax[path].policy(strict) : strict);

const pagesDir = `${here}pages`;
const pageFiles = sirv(pagesDir, { dev: true });
const npm = sirv(`${here}node_modules`, { dev: true });
const embed = sirv(`${root}packages/embed/dist`, { dev: true });
const site = createServer((req, res) => {
  const path = new URL(req.url, 'http://x').pathname;
  const notFound = () => res.writeHead(404).end('Not found');
  for (const [prefix, handler] of [
    ['/fanfare/', embed],
    ['/npm/', npm],
  ]) {
    if (path.startsWith(prefix)) {
      req.url = req.url.slice(prefix.length - 1);
      return handler(req, res, notFound);
    }
  }
  if (built.has(path)) return res.writeHead(200, { 'content-type': 'text/javascript' }).end(built.get(path));
  if (path.endsWith('.html')) {
    const file = `${pagesDir}${path}`;
    if (!file.startsWith(pagesDir) || !existsSync(file)) return notFound();
    const html = readFileSync(file, 'utf8').replaceAll('{{collector}}', collectorOrigin);
    return res
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': policyFor(path), 'cache-control': 'no-store' })
      .end(html);
  }
  if (path === '/favicon.ico') return res.writeHead(204).end();
  return pageFiles(req, res, notFound);
});
await new Promise((r) => site.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${site.address().port}`;

// ---- in the page -----------------------------------------------------------------------
// Runs before any page script (an init script is not subject to the page's CSP). `ready`
// and `laid` are checked on every frame; the first frame where each holds is recorded.
function observe(ready, laid) {
  const b = (window.__bench = { shifts: [], tasks: [], events: [], csp: [], ready: 0, laid: 0 });
  const watch = (type, fn, extra) => {
    try {
      new PerformanceObserver((list) => list.getEntries().forEach(fn)).observe({ type, buffered: true, ...extra });
    } catch {
      // An entry type this Chromium does not know: that figure stays empty.
    }
  };
  watch('layout-shift', (e) => e.hadRecentInput || b.shifts.push({ t: e.startTime, v: e.value }));
  watch('longtask', (e) => b.tasks.push({ t: e.startTime, d: e.duration }));
  const name = (el) => {
    const host = el?.getRootNode?.()?.host;
    return `${host ? `${host.localName} ` : ''}${el?.localName ?? '?'}${el?.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : ''}`;
  };
  const interaction = (e) => e.interactionId && b.events.push({ id: e.interactionId, name: e.name, d: e.duration, target: name(e.target) });
  watch('event', interaction, { durationThreshold: 16 });
  watch('first-input', interaction);
  document.addEventListener('securitypolicyviolation', (e) =>
    b.csp.push(`${e.effectiveDirective}${e.blockedURI ? ` ${e.blockedURI}` : ''}`),
  );
  if (!ready) return;
  const limit = performance.now() + 30_000;
  const holds = (test) => {
    try {
      return !!test?.();
    } catch {
      return false; // Not there yet.
    }
  };
  const tick = () => {
    if (!b.laid && holds(laid)) b.laid = performance.now();
    if (holds(ready)) b.ready = performance.now();
    else if (performance.now() < limit) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

// Largest session window of layout shifts (gaps under 1 s, windows up to 5 s), as CLS is defined.
function cls(shifts) {
  let worst = 0;
  let sum = 0;
  let first = -Infinity;
  let last = -Infinity;
  for (const { t, v } of shifts) {
    if (t - last > 1000 || t - first > 5000) {
      sum = 0;
      first = t;
    }
    sum += v;
    last = t;
    worst = Math.max(worst, sum);
  }
  return worst;
}

// INP from Event Timing: the slowest interaction (fewer than 50 on these pages, so no
// percentile is dropped). Entries under 16 ms are not observed.
function inp(events) {
  const byId = new Map();
  for (const e of events) if (!byId.has(e.id) || byId.get(e.id).d < e.d) byId.set(e.id, e);
  const all = [...byId.values()].sort((a, b) => b.d - a.d);
  return { value: all[0]?.d ?? 0, worst: all[0], count: byId.size };
}

const browser = await chromium.launch({ executablePath: chrome, args: chromeArgs, headless: true });
const chromiumVersion = browser.version();

/**
 * A fresh context (empty cache and storage) for one page view. Records every response with
 * its body's gzip size, aborts anything that is not loopback, and installs `observe`.
 */
async function open(ready, { laid, viewport = { width: 1000, height: 800 }, throttle = 0 } = {}) {
  const context = await browser.newContext({ viewport });
  const responses = [];
  const pending = [];
  const external = [];
  const problems = [];
  await context.route(
    (url) => url.hostname !== '127.0.0.1',
    (route) => {
      external.push(route.request().url());
      return route.abort();
    },
  );
  const page = await context.newPage();
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text().slice(0, 160)));
  page.on('pageerror', (e) => problems.push(String(e).slice(0, 160)));
  page.on('response', (r) => r.status() >= 400 && problems.push(`${r.status()} for ${new URL(r.url()).pathname}`));
  const t0 = Date.now();
  page.on('response', (r) =>
    pending.push(
      r
        .body()
        .then((body) => {
          const url = new URL(r.url());
          responses.push({
            path: url.pathname,
            kind: r.request().resourceType(),
            raw: body.length,
            gzip: gzipSync(body, { level: 9 }).length,
            at: Date.now() - t0,
          });
        })
        .catch(() => {}),
    ),
  );
  if (throttle) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  }
  await page.addInitScript({ content: `(${observe})(${ready ?? 'undefined'}, ${laid ?? 'undefined'});` });
  const settle = async () => {
    await Promise.all(pending);
    return responses;
  };
  return { context, page, responses: settle, external, problems };
}

const library = (r) => /^\/(fanfare|npm|built)\//.test(r.path);
const sum = (xs, f) => xs.reduce((n, x) => n + f(x), 0);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN;
};
const pause = (ms) => new Promise((r) => setTimeout(r, ms));
const n = (x) => Math.round(x).toLocaleString('en-US');

// ---- 1. share buttons ------------------------------------------------------------------
const sized = (els) => els.length === 6 && els.every((el) => el.offsetWidth > 0 && el.offsetHeight > 0);
const share = {
  '`<fan-share>`': {
    page: '/share/fanfare.html',
    laid: () => sized([...(document.querySelector('fan-share')?.shadowRoot?.querySelectorAll('.btn') ?? [])]),
    // Six buttons laid out, each with its glyph drawn (each network's glyph, colours and
    // link arrive as its own small chunk; until then its button holds its place, unseen).
    ready: () => {
      const btns = [...(document.querySelector('fan-share')?.shadowRoot?.querySelectorAll('.btn') ?? [])];
      return sized(btns) && btns.every((b) => b.querySelector('path')?.getAttribute('d'));
    },
  },
  shareon: {
    page: '/share/shareon.html',
    laid: () => sized([...document.querySelectorAll('.shareon > a')]),
    // The links laid out and given their share URLs (the icons are in the stylesheet).
    ready: () => {
      const links = [...document.querySelectorAll('.shareon > a')];
      return sized(links) && links.every((a) => a.href);
    },
  },
  shariff: {
    page: '/share/shariff.html',
    laid: () => sized([...document.querySelectorAll('.shariff a')]),
    // The buttons laid out and the icon font loaded.
    ready: () => sized([...document.querySelectorAll('.shariff a')]) && document.fonts.check('16px "Font Awesome 5 Brands"'),
  },
};
const inline = (f) => String(f).replace(/\bsized\(/g, `(${sized})(`);

const shotTaken = new Set();
async function shareRun(c) {
  const { context, page, responses, external, problems } = await open(inline(c.ready), { laid: inline(c.laid) });
  try {
    await page.goto(origin + c.page);
    const shown = await page.waitForFunction(() => window.__bench.ready > 0, undefined, { timeout: 15_000 }).then(
      () => true,
      () => false,
    );
    if (shown) await pause(1000); // late shifts: fonts, icons
    if (shots && !shotTaken.has(c.page)) {
      shotTaken.add(c.page);
      await page.screenshot({ path: join(shots, `share-${c.page.split('/').pop().replace('.html', '')}.png`) });
    }
    const m = await page.evaluate(() => window.__bench);
    if (!shown) return { failed: true, csp: m.csp, problems, external: external.length };
    const res = (await responses()).filter(library);
    const code = res.filter((r) => r.kind === 'script' || r.kind === 'stylesheet');
    return {
      laid: m.laid,
      first: m.ready,
      cls: cls(m.shifts),
      js: sum(code.filter((r) => r.kind === 'script'), (r) => r.gzip),
      css: sum(code.filter((r) => r.kind === 'stylesheet'), (r) => r.gzip),
      files: code.length,
      other: sum(res.filter((r) => !code.includes(r)), (r) => r.gzip),
      otherKinds: [...new Set(res.filter((r) => !code.includes(r)).map((r) => r.kind))],
      external: external.length,
      csp: m.csp,
      problems,
    };
  } finally {
    await context.close();
  }
}

const shareResults = {};
for (let run = 0; run < RUNS; run++) {
  // Interleaved, so a busy moment on the machine does not land on one contender only.
  for (const [name, c] of Object.entries(share)) (shareResults[name] ??= []).push(await shareRun(c));
}
console.error(`share buttons done (${((Date.now() - started) / 1000).toFixed(0)} s)`);

// ---- 2. beacon ---------------------------------------------------------------------------
const beacon = {
  '`@fanfare/beacon` (embed loader)': {
    page: '/beacon/fanfare.html',
    ready: `() => globalThis[Symbol.for('fanfare.beacon')] === true`,
  },
  'plausible-tracker': { page: '/beacon/plausible.html', ready: `() => window.benchReady === true` },
};

/** Waits, at most `ms`, until the collector has `events` share events; returns what came. */
async function collected(events, ms) {
  const end = Date.now() + ms;
  while (Date.now() < end && sum(received, (r) => r.events) < events) await pause(50);
  return { requests: received.length, events: sum(received, (r) => r.events), bytes: sum(received, (r) => r.bytes), modes: [...new Set(received.map((r) => r.mode))] };
}

async function beaconRun(c) {
  const { context, page, responses, external, problems } = await open(c.ready);
  try {
    await page.goto(origin + c.page);
    await page.waitForFunction(() => window.__bench.ready > 0, undefined, { timeout: 20_000 });
    await pause(300);
    received.length = 0;
    const t0 = Date.now();
    for (let i = 0; i < EVENTS; i++) await page.click('#fire');
    // The beacon sends every 10 events or after 5 s, whichever comes first.
    const got = await collected(EVENTS, 7000);
    const res = (await responses()).filter(library);
    const m = await page.evaluate(() => window.__bench);
    return {
      ...got,
      ms: Date.now() - t0,
      js: sum(res.filter((r) => r.kind === 'script'), (r) => r.gzip),
      files: res.length,
      breakdown: res.map((r) => `${r.path.split('/').pop()} ${n(r.gzip)}`).join(', '),
      external: external.length,
      csp: m.csp,
      problems,
    };
  } finally {
    await context.close();
  }
}

/** One click, then the page closes at once; true if the collector got the event. */
async function closeRun(c) {
  const { context, page } = await open(c.ready);
  try {
    await page.goto(origin + c.page);
    await page.waitForFunction(() => window.__bench.ready > 0, undefined, { timeout: 20_000 });
    received.length = 0;
    await page.click('#fire', { noWaitAfter: true });
    await page.close();
    const got = await collected(1, 3000);
    return { delivered: got.events >= 1, modes: got.modes };
  } finally {
    await context.close();
  }
}

const beaconResults = {};
const failure = (e) => String(e?.message ?? e).split('\n')[0].slice(0, 200);
for (const [name, c] of Object.entries(beacon)) {
  try {
    const run = await beaconRun(c);
    const closes = [];
    for (let i = 0; i < CLOSE_TRIALS; i++) closes.push(await closeRun(c).catch((e) => ({ delivered: false, modes: [], failed: failure(e) })));
    beaconResults[name] = {
      ...run,
      delivered: closes.filter((x) => x.delivered).length,
      closeModes: [...new Set(closes.flatMap((x) => x.modes))],
      closeFailures: closes.filter((x) => x.failed).map((x) => x.failed),
    };
  } catch (e) {
    beaconResults[name] = { failed: failure(e) };
  }
}
console.error(`beacon done (${((Date.now() - started) / 1000).toFixed(0)} s)`);

// ---- 3. the demo shop under 4× CPU slowdown ---------------------------------------------
// As `npm run demo` runs it: the real fanfare-server behind /e (beacon) and /games (rewards),
// with a throwaway database. Without a built server the collector stands in for /e.
const SHOP_RUNS = Math.min(RUNS, 3);
const serverCli = `${root}packages/server/dist/cli.js`;
const dbDir = mkdtempSync(join(tmpdir(), 'fanfare-bench-'));
const api = existsSync(serverCli)
  ? await startFanfareServer({ db: join(dbDir, 'bench.db'), config: `${root}demo/fanfare.config.json` }).catch((e) => {
      console.error(`fanfare-server did not start (${e.message}); the collector stands in for /e.`);
      return undefined;
    })
  : undefined;
const shop = await startServer({ api: api?.url ?? collectorOrigin });

async function shopRun() {
  const { context, page, responses, external, problems } = await open(undefined, { viewport: { width: 1280, height: 900 }, throttle: 4 });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: shop.url });
  try {
    await page.goto(`${shop.url}/`);
    await page.waitForFunction(
      () => {
        const root = (t) => document.querySelector(t)?.shadowRoot;
        return (
          ['fan-share', 'fan-2048', 'fan-card-maker', 'fan-buyer-show'].every((t) => customElements.get(t) && root(t)?.querySelector('[part]')) &&
          root('fan-buyer-show').querySelector('.slide img')
        );
      },
      undefined,
      { timeout: 45_000, polling: 100 },
    );
    const rendered = await page.evaluate(() => performance.now());
    const loadJs = (await responses()).filter((r) => r.kind === 'script');
    // A few things a visitor does: copy the link, play eight moves, page the reviews.
    await page.locator('fan-share').first().locator('[data-network=copy]').click();
    await pause(400);
    await page.locator('fan-2048').locator('[part=board]').click();
    for (const key of ['ArrowLeft', 'ArrowUp', 'ArrowRight', 'ArrowDown', 'ArrowLeft', 'ArrowUp', 'ArrowRight', 'ArrowDown']) {
      await page.keyboard.press(key);
      await pause(150);
    }
    const next = page.locator('fan-buyer-show').locator('.next');
    for (let i = 0; i < 3; i++) {
      await next.click();
      await pause(300);
    }
    await pause(1000);
    const m = await page.evaluate(() => window.__bench);
    const beaconOn = await page.evaluate(() => globalThis[Symbol.for('fanfare.beacon')] === true);
    const all = await responses();
    const js = all.filter((r) => r.kind === 'script');
    if (shots) await page.screenshot({ path: join(shots, 'shop.png') });
    return {
      rendered,
      loadJs: { files: loadJs.length, gzip: sum(loadJs, (r) => r.gzip), raw: sum(loadJs, (r) => r.raw) },
      js: { files: js.length, gzip: sum(js, (r) => r.gzip), raw: sum(js, (r) => r.raw) },
      vitals: js.some((r) => r.path.includes('/vitals-')),
      beaconOn,
      api: all.filter((r) => /^\/(e|games)\b/.test(r.path)).map((r) => r.path.split('/')[1]),
      tasks: m.tasks,
      cls: cls(m.shifts),
      inp: inp(m.events),
      external: external.length,
      csp: m.csp,
      problems,
    };
  } finally {
    await context.close();
  }
}

const shopResults = [];
const shopFailures = [];
try {
  for (let i = 0; i < SHOP_RUNS; i++) {
    try {
      shopResults.push(await shopRun());
    } catch (e) {
      shopFailures.push(failure(e));
    }
  }
} finally {
  await shop.close();
  await api?.stop();
  rmSync(dbDir, { recursive: true, force: true });
}
await browser.close();
console.error(`demo shop done (${((Date.now() - started) / 1000).toFixed(0)} s)`);

// ---- 4. buyer show: bench/buyer-show-1000.mjs, in its own process ------------------------
const buyerRuns = Math.min(RUNS, 3);
const buyer = await new Promise((resolve) => {
  const child = spawn(process.execPath, [`${here}buyer-show-1000.mjs`, '--runs', String(buyerRuns)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (err += d));
  const timer = setTimeout(() => child.kill('SIGTERM'), 90_000);
  child.on('close', (code) => {
    clearTimeout(timer);
    resolve({ code, out, err });
  });
});
console.error(`buyer show done (${((Date.now() - started) / 1000).toFixed(0)} s)`);
collector.close();
site.close();

// ---- the report ----------------------------------------------------------------------------
const ms = (x) => `${Math.round(x)} ms`;
const table = (head, rows) =>
  [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
const lines = [];
const say = (...xs) => lines.push(...xs);

const cpu = cpus();
say(
  '# Fanfare against its peers',
  '',
  `Measured ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')} with \`node bench/run.mjs --runs ${RUNS}\` (${Math.round((Date.now() - started) / 1000)} s),`,
  `on ${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB memory, ${type()} ${release()} ${arch()},`,
  `Node ${process.version}, headless Chromium ${chromiumVersion}. Loopback only: ${
    sum(Object.values(shareResults).flat(), (r) => r.external) + sum(Object.values(beaconResults), (r) => r.external ?? 0) + sum(shopResults, (r) => r.external)
  } requests to other hosts were attempted and aborted.`,
  'Bytes are the gzip -9 size of each response the page actually received, summed (the bench server sends them uncompressed). Figures are from one machine shared with other work: compare the rows, not the absolute values.',
  '',
);

say('## Share buttons', '', `The same six networks (X, Facebook, LinkedIn, WhatsApp, Telegram, Reddit), icons only, on the same page, each set up as its own README says; ${RUNS} page loads each, interleaved, each in a fresh browser context.`, '');
say(
  table(
    ['library', 'JS gzip B', 'CSS gzip B', 'JS+CSS gzip B (files)', 'buttons laid out (median)', 'first render, complete (median)', 'CLS (worst)', 'other bytes'],
    Object.entries(shareResults).map(([name, all]) => {
      const rs = all.filter((x) => !x.failed);
      const r = rs[0];
      if (!r) return [name, '—', '—', '—', '—', 'never rendered', '—', '—'];
      return [
        name,
        n(r.js),
        n(r.css),
        `**${n(r.js + r.css)}** (${r.files})`,
        ms(median(rs.map((x) => x.laid))),
        `**${ms(median(rs.map((x) => x.first)))}**${rs.length < all.length ? ` (${all.length - rs.length} of ${all.length} loads never rendered)` : ''}`,
        `**${Math.max(...rs.map((x) => x.cls)).toFixed(4)}**`,
        r.other ? `${n(r.other)} B gzip (${r.otherKinds.join(', ')})` : '—',
      ];
    }),
  ),
  '',
  '- Buttons laid out: from navigation start to the first frame with all six buttons in the page at a non-zero size. First render, complete: the first frame where they are also usable and drawn: `<fan-share>` with every glyph (each network\'s glyph, colours and link are a chunk of their own; until it arrives the button holds its place, unseen), shareon with its links filled in by its script, shariff with its icon font loaded.',
  '- `<fan-share>` is loaded by the one script tag (`fanfare.js`, then core, Lit and the share chunk, then one chunk per icon); the page reserves its height with the README\'s `fan-share:not(:defined)` rule.',
  '- shareon: `shareon.iife.js` (`defer init`) and `shareon.min.css`; shariff: `shariff.complete.js` (jQuery bundled) and `shariff.complete.css` (Font Awesome), the files its README gives to sites without jQuery or Font Awesome.',
);
for (const [name, rs] of Object.entries(shareResults)) {
  const path = Object.entries(share).find(([k]) => k === name)[1].page;
  const notes = [];
  if (relax[path]) notes.push(`CSP relaxed: ${relax[path].why}`);
  else notes.push('served with the strict CSP (Trusted Types required, no inline styles)');
  const csps = [...new Set(rs.flatMap((r) => r.csp))];
  if (csps.length) notes.push(`CSP reports: ${csps.join('; ')}`);
  const problems = [...new Set(rs.flatMap((r) => r.problems))];
  if (problems.length) notes.push(`console errors: ${problems.join(' | ')}`);
  say(`- ${name}: ${notes.join('; ')}.`);
}
say('');

say('## Buyer show (1,000 reviews)', '');
const rowRe = /^(fanfare|embla|swiper)\s+(\d+)\s+(\d+)\s+(\d+)\s+([\d.]+)\s+(\d+)\s*$/;
const buyerRows = buyer.out
  .split('\n')
  .map((l) => l.match(rowRe))
  .filter(Boolean);
if (buyerRows.length) {
  const label = { fanfare: '`<fan-buyer-show>`', embla: 'embla-carousel', swiper: 'swiper' };
  say(
    `From \`bench/buyer-show-1000.mjs --runs ${buyerRuns}\`, run by this command: the same 1,000-review feed, each library's plain setup (every peer slide in the DOM, lazy images, prev/next buttons), strict CSP with Trusted Types for all three; Right, Right, End, Home pressed after the first render.`,
    '',
    table(
      ['library', 'JS gzip B', 'first render (median)', 'DOM nodes', 'CLS (worst)', 'longest task (worst)'],
      buyerRows.map(([, name, js, first, nodes, shift, task]) => [label[name], n(js), ms(first), n(nodes), shift, ms(task)]),
    ),
    '',
    '- JS bytes are the script\'s own esbuild bundle of each contender (ours from source, without the lightbox, popover and SEO chunks that load on demand).',
  );
  const extra = buyer.out.split('\n').filter((l) => /^\s{2}\S/.test(l));
  for (const l of extra) say(`- ${l.trim()}`);
} else {
  say(`bench/buyer-show-1000.mjs gave no table (exit ${buyer.code}): ${(buyer.err || buyer.out).trim().split('\n').slice(-3).join(' / ')}`);
}
say('');

say(
  '## Beacon',
  '',
  `A button on the page reports one share per click: for Fanfare it announces a \`fan-share\` event (as the widget does), for plausible-tracker it calls \`trackEvent('share')\`. The collector is a second loopback server (another origin). Delivery across page close: ${CLOSE_TRIALS} fresh page views each, one click, then \`page.close()\` at once; counted when the collector got the event within 3 s.`,
  '',
  table(
    ['library', 'JS gzip B (files)', `requests per ${EVENTS} events`, `upload bytes per ${EVENTS} events`, `first click to last event received`, 'delivered across page close'],
    Object.entries(beaconResults).map(([name, r]) => r.failed ? [name, `did not start: ${r.failed}`, '—', '—', '—', '—'] : [
      name,
      `**${n(r.js)}** (${r.files})`,
      `**${r.requests}**`,
      n(r.bytes),
      r.events >= EVENTS ? ms(r.ms) : `only ${r.events} in 7 s`,
      `**${r.delivered} / ${CLOSE_TRIALS}**${r.closeModes.length ? ` (fetch mode: ${r.closeModes.join(', ')})` : ''}`,
    ]),
  ),
  '',
  '- Fanfare: the embed loader with `data-endpoint` and `data-vitals-sample="0"` (plausible-tracker collects no Web Vitals, so web-vitals stays unloaded). Its bytes are everything the page loads: the loader, the beacon, and the parts of core it imports (config, event names, ids; no Lit), which a page with widgets shares with them. It sends every 10 events or after 5 s, and by `sendBeacon` when the page is hidden or closed.',
  '- plausible-tracker 0.3.9, bundled and minified by esbuild; `trackLocalhost: true`, since it ignores 127.0.0.1 otherwise. One XMLHttpRequest per event.',
);
for (const [name, r] of Object.entries(beaconResults)) {
  if (r.failed) continue;
  const notes = [`files (gzip B): ${r.breakdown}`, r.csp.length ? `CSP reports: ${[...new Set(r.csp)].join('; ')}` : 'served with the strict CSP (Trusted Types required)'];
  if (r.problems.length) notes.push(`console errors: ${[...new Set(r.problems)].join(' | ')}`);
  if (r.closeFailures.length) notes.push(`page-close trials that failed before the click: ${[...new Set(r.closeFailures)].join(' | ')}`);
  say(`- ${name}: ${notes.join('; ')}.`);
}
say('');

if (!shopResults.length) {
  say('## The demo shop, all four widgets, 4× CPU slowdown', '', `No page view finished: ${[...new Set(shopFailures)].join(' | ')}`, '');
} else {
  const tbt = (r) => sum(r.tasks, (t) => t.d - 50);
  const longest = (r) => Math.max(0, ...r.tasks.map((t) => t.d));
  const range = (f, fmt) => {
    const xs = shopResults.map(f);
    return xs.length > 1 ? `**${fmt(median(xs))}** (${fmt(Math.min(...xs))}–${fmt(Math.max(...xs))})` : `**${fmt(xs[0])}**`;
  };
  const first = shopResults[0];
  say(
    '## The demo shop, all four widgets, 4× CPU slowdown',
    '',
    `\`demo/\` served by \`scripts/serve.mjs\` (strict CSP) ${api ? 'with the real fanfare-server behind `/e` and `/games`, as `npm run demo` runs it' : 'with the bench collector behind `/e` and `/games` (fanfare-server not built)'}; 1280 × 900, CPU slowed 4× through the DevTools Protocol (\`Emulation.setCPUThrottlingRate\`) from before navigation. After every widget rendered: a click on the first share bar's Copy button, a click on the game board and eight arrow keys, three clicks on the buyer show's Next. ${SHOP_RUNS} page views, each in a fresh context: median (lowest–highest).`,
    '',
    table(
      ['JS gzip B at render (files)', 'JS gzip B after interactions (files)', 'all four rendered at', 'long tasks', 'longest task', 'total blocking time', 'CLS', 'INP'],
      [
        [
          `${n(first.loadJs.gzip)} (${first.loadJs.files})`,
          `**${n(first.js.gzip)}** (${first.js.files}; ${n(first.js.raw)} B uncompressed)`,
          range((r) => r.rendered, ms),
          range((r) => r.tasks.length, String),
          range(longest, ms),
          range(tbt, ms),
          range((r) => r.cls, (x) => x.toFixed(4)),
          range((r) => r.inp.value, (x) => (x ? ms(x) : 'under 16 ms')),
        ],
      ],
    ),
    '',
    `- JS bytes are from the first page view${shopResults.some((r) => r.vitals) ? `; ${shopResults.filter((r) => r.vitals).length} of ${SHOP_RUNS} views were sampled for Core Web Vitals and also loaded web-vitals` : '; none of the views was sampled for Core Web Vitals (10% are), so web-vitals is not in them'}.`,
    `- INP: the slowest interaction among the Event Timing entries (\`PerformanceObserver\` type \`event\`, \`durationThreshold: 16\`, plus \`first-input\`), per view: ${shopResults
      .map((r) => (r.inp.worst ? `${ms(r.inp.value)} (\`${r.inp.worst.name}\` on \`${r.inp.worst.target}\`, ${r.inp.count} interactions over 16 ms)` : 'none over 16 ms'))
      .join('; ')}.`,
    `- Long tasks (over 50 ms) from navigation to the end of the interactions, per view: ${shopResults
      .map((r) => r.tasks.map((t) => `${Math.round(t.d)}`).join(' + ') || 'none')
      .join('; ')} (ms).`,
    `- The beacon ${first.beaconOn ? 'was running (the demo sets `data-endpoint="/e"`)' : 'was not running'}; requests to the fanfare-server during the first view: ${
      first.api.length ? Object.entries(first.api.reduce((o, k) => ({ ...o, [k]: (o[k] ?? 0) + 1 }), {})).map(([k, v]) => `${v} × /${k}`).join(', ') : 'none'
    } (the beacon sends after 10 events, after 5 s, or when the page is hidden).`,
  );
  const shopCsp = [...new Set(shopResults.flatMap((r) => r.csp))];
  const shopProblems = [...new Set(shopResults.flatMap((r) => r.problems))];
  if (shopCsp.length) say(`- CSP reports: ${shopCsp.join('; ')}.`);
  if (shopProblems.length) say(`- console errors: ${shopProblems.join(' | ')}.`);
  if (shopFailures.length) say(`- ${shopFailures.length} page views did not finish: ${[...new Set(shopFailures)].join(' | ')}.`);
  say('');
}

const markdown = lines.join('\n');
console.log(markdown);
writeFileSync(`${here}results.md`, `${markdown}\n`);
console.error(`wrote bench/results.md (${((Date.now() - started) / 1000).toFixed(0)} s in all)`);
