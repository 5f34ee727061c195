// Headless Chromium for the bench: a fresh context per page view, every request to another
// host refused by the browser's own resolver and counted, each response's gzip size recorded, and in-page probes for
// layout shifts, long tasks, interactions and CSP reports. Plus the figures made from them
// (CLS and INP as the Web Vitals define them) and the small helpers every suite uses.
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { chromeArgs, findChrome } from '../../scripts/chrome.mjs';

export const sum = (xs, f) => xs.reduce((n, x) => n + f(x), 0);
export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN;
};
export const pause = (ms) => new Promise((r) => setTimeout(r, ms));
/** A whole number with thousands separators. */
export const n = (x) => Math.round(x).toLocaleString('en-US');
/** The first line of an error, short enough for a table cell. */
export const failure = (e) => String(e?.message ?? e).split('\n')[0].slice(0, 200);
/** A response that is library code (ours or a peer's), not the bench page itself. */
export const library = (r) => /^\/(fanfare|npm|built)\//.test(r.path);

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

/** Largest session window of layout shifts (gaps under 1 s, windows up to 5 s), as CLS is defined. */
export function cls(shifts) {
  let worst = 0;
  let total = 0;
  let first = -Infinity;
  let last = -Infinity;
  for (const { t, v } of shifts) {
    if (t - last > 1000 || t - first > 5000) {
      total = 0;
      first = t;
    }
    total += v;
    last = t;
    worst = Math.max(worst, total);
  }
  return worst;
}

/**
 * INP from Event Timing: the slowest interaction (fewer than 50 on these pages, so no
 * percentile is dropped). Entries under 16 ms are not observed.
 */
export function inp(events) {
  const byId = new Map();
  for (const e of events) if (!byId.has(e.id) || byId.get(e.id).d < e.d) byId.set(e.id, e);
  const all = [...byId.values()].sort((a, b) => b.d - a.d);
  return { value: all[0]?.d ?? 0, worst: all[0], count: byId.size };
}

/** Headless Chromium, or a one-line reason to stop. */
export async function launch() {
  const chrome = findChrome();
  if (!chrome) throw new Error('No Chromium found: install one (Debian/Ubuntu: sudo apt-get install chromium) or set CHROME_PATH.');
  // Other hosts are refused by the browser's resolver rather than by request interception:
  // an intercepted request waits for this process to let it go, which cost every file of
  // the page a delay (up to 150 ms each on a busy machine), charged most to the contender
  // with the most files.
  return chromium.launch({ executablePath: chrome, args: [...chromeArgs, '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1', '--ignore-certificate-errors'], headless: true });
}

/**
 * The throttled profile: a mid-range phone on 4G, as the DevTools Protocol emulates it
 * (150 ms round trip added to each request, 1.6 Mbit/s down, 750 kbit/s up) with the CPU
 * slowed 4×.
 */
export const PHONE_4G = { latency: 150, download: 1.6e6 / 8, upload: 750e3 / 8, cpu: 4 };

/**
 * A fresh context (empty cache and storage) for one page view. Records every response with
 * its body's gzip size (worked out once the view is measured, not while it loads), counts
 * requests to other hosts (which the browser refuses), and installs `observe`.
 * `ready` and `laid` are function sources, run in the page on every frame.
 */
export async function open(browser, ready, { laid, viewport = { width: 1000, height: 800 }, throttle = 0, network } = {}) {
  const context = await browser.newContext({ viewport });
  const responses = [];
  const pending = [];
  const external = [];
  const problems = [];
  const page = await context.newPage();
  page.on('request', (r) => new URL(r.url()).hostname !== '127.0.0.1' && /^https?:/.test(r.url()) && external.push(r.url()));
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text().slice(0, 160)));
  page.on('pageerror', (e) => problems.push(String(e).slice(0, 160)));
  page.on('response', (r) => r.status() >= 400 && problems.push(`${r.status()} for ${new URL(r.url()).pathname}`));
  const t0 = Date.now();
  // Bodies are asked for once the view is measured: asking while the page loads is DevTools
  // traffic in the middle of what is timed.
  page.on('response', (r) => pending.push({ r, at: Date.now() - t0 }));
  if (throttle || network) {
    const cdp = await context.newCDPSession(page);
    if (throttle) await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
    if (network) {
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: network.latency,
        downloadThroughput: network.download,
        uploadThroughput: network.upload,
      });
    }
  }
  await page.addInitScript({ content: `(${observe})(${ready ?? 'undefined'}, ${laid ?? 'undefined'});` });
  const settle = async () => {
    const bodies = pending.splice(0).map(({ r, at }) =>
      r
        .body()
        .then((body) => ({ path: new URL(r.url()).pathname, kind: r.request().resourceType(), body, at }))
        .catch(() => undefined),
    );
    for (const r of (await Promise.all(bodies)).filter(Boolean)) {
      const { body, ...rest } = r;
      responses.push({ ...rest, raw: body.length, gzip: gzipSync(body, { level: 9 }).length });
    }
    return responses;
  };
  return { context, page, responses: settle, external, problems };
}

/**
 * One page view: opens it, hands it to `fn`, and always closes it. `fn` gets the view plus
 * `measure()`, the page's probes and the library responses it received so far.
 */
export async function withPage(browser, ready, options, fn) {
  const view = await open(browser, ready, options);
  const measure = async () => ({ bench: await view.page.evaluate(() => window.__bench), responses: (await view.responses()).filter(library) });
  try {
    return await fn({ ...view, measure });
  } finally {
    await view.context.close();
  }
}
