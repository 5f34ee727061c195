// Beacon: @fanfare/beacon (through the embed loader) against plausible-tracker. A button
// reports one share a click; the collector, on another loopback origin, counts what comes,
// during the page's life and across page close.
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { failure, n, pause, sum, withPage } from '../lib/browser.mjs';
import { ms, table } from '../lib/report.mjs';

// The embed build's metafile: what each file the page received is made of.
const META = new URL('../../packages/embed/dist/meta.json', import.meta.url);

/** `chunk-XFTC.js` → `core: config, logic/config, …`: the source modules in a file of the embed build, by package. */
function madeOf(file) {
  if (!existsSync(META)) return '';
  const outputs = JSON.parse(readFileSync(META, 'utf8')).outputs;
  const key = Object.keys(outputs).find((k) => k.endsWith(`/${file}`) || k === file);
  const inputs = Object.keys(outputs[key]?.inputs ?? {}).filter((i) => outputs[key].inputs[i].bytesInOutput > 0);
  const byPackage = new Map();
  for (const i of inputs) {
    // Relative to packages/embed: `../core/src/logic/config.ts`, `src/loader.ts`.
    const [, pkg = 'embed', mod] = /^(?:\.\.\/([\w-]+)\/)?src\/(.+)\.ts$/.exec(i) ?? [];
    if (!mod) continue;
    byPackage.set(pkg, [...(byPackage.get(pkg) ?? []), mod]);
  }
  return [...byPackage].map(([pkg, mods]) => `${pkg}: ${mods.join(', ')}`).join('; ');
}

/**
 * The gzip size of the embed files `paths` (as the page received them, `/fanfare/…`) joined
 * into one text: what the same code weighs without the boundaries between files (gzip
 * starting afresh in each). Undefined for a file not in the build.
 */
function asOneFile(paths) {
  const dist = new URL('../../packages/embed/dist/', import.meta.url);
  const files = paths.map((p) => new URL(p.replace(/^\/fanfare\//, ''), dist));
  if (!files.every((f) => existsSync(f))) return undefined;
  return gzipSync(Buffer.concat(files.map((f) => readFileSync(f))), { level: 9 }).length;
}

export const EVENTS = 20;
export const CLOSE_TRIALS = 5;

const STARTED = `globalThis[Symbol.for('fanfare.beacon')] === true`;
/**
 * A Fanfare page, and the same page opened from a shared link: there the beacon also keeps
 * the token for credit, which loads the code that does (a page view with its attribution).
 */
const withSharedLink = (name, page) => ({
  [name]: { page, ready: `() => ${STARTED}` },
  [`${name}, opened from a shared link`]: { page: `${page}?fanref=benchShare01`, ready: `() => ${STARTED} && !!localStorage.getItem('fanfare.ref')` },
});

const contenders = {
  ...withSharedLink('`@fanfare/beacon` (embed loader)', '/beacon/fanfare.html'),
  // A page with no widget: the beacon alone, one file, no loader. The button reports a goal
  // (track()), as plausible's page reports its custom event; a goal needs no more code.
  ...withSharedLink('`fanfare-beacon.js` (the beacon alone)', '/beacon/alone.html'),
  'plausible-tracker': { page: '/beacon/plausible.html', ready: `() => window.benchReady === true` },
};

async function ready(page, site, c) {
  await page.goto(site.origin + c.page);
  await page.waitForFunction(() => window.__bench.ready > 0, undefined, { timeout: 20_000 });
}

/** EVENTS clicks in one page view. */
function clicks({ browser, site, collector }, c) {
  return withPage(browser, c.ready, {}, async ({ page, external, problems, measure }) => {
    await ready(page, site, c);
    await pause(300);
    // What the page loaded before anything happened on it.
    const atStart = (await measure()).responses.filter((r) => r.kind === 'script');
    collector.received.length = 0;
    const t0 = Date.now();
    for (let i = 0; i < EVENTS; i++) await page.click('#fire');
    // The beacon sends every 10 events or after 5 s, whichever comes first.
    const got = await collector.collected(EVENTS, 7000);
    const { bench: m, responses: res } = await measure();
    return {
      ...got,
      ms: Date.now() - t0,
      js: sum(res.filter((r) => r.kind === 'script'), (r) => r.gzip),
      files: res.length,
      start: { js: sum(atStart, (r) => r.gzip), files: atStart.length },
      oneFile: c.page.includes('fanfare.html') ? asOneFile(res.filter((r) => r.kind === 'script').map((r) => r.path)) : undefined,
      breakdown: res
        .map((r) => {
          const file = r.path.split('/').pop();
          const parts = !c.page.includes('plausible') && madeOf(file);
          return `${file} ${n(r.gzip)}${parts ? ` (${parts})` : ''}`;
        })
        .join(', '),
      external: external.length,
      csp: m.csp,
      problems,
    };
  });
}

/** One click, then the page closes at once; true if the collector got the event. */
function closeRun({ browser, site, collector }, c) {
  return withPage(browser, c.ready, {}, async ({ page }) => {
    await ready(page, site, c);
    collector.received.length = 0;
    await page.click('#fire', { noWaitAfter: true });
    await page.close();
    const got = await collector.collected(1, 3000);
    return { delivered: got.events >= 1, modes: got.modes };
  });
}

export async function run(ctx) {
  const results = {};
  for (const [name, c] of Object.entries(contenders)) {
    try {
      const first = await clicks(ctx, c);
      const closes = [];
      for (let i = 0; i < CLOSE_TRIALS; i++) closes.push(await closeRun(ctx, c).catch((e) => ({ delivered: false, modes: [], failed: failure(e) })));
      results[name] = {
        ...first,
        delivered: closes.filter((x) => x.delivered).length,
        closeModes: [...new Set(closes.flatMap((x) => x.modes))],
        closeFailures: closes.filter((x) => x.failed).map((x) => x.failed),
      };
    } catch (e) {
      results[name] = { failed: failure(e) };
    }
  }
  return results;
}

export function report(results) {
  const rows = Object.entries(results).map(([name, r]) =>
    r.failed
      ? [name, `did not start: ${r.failed}`, '—', '—', '—', '—', '—']
      : [
          name,
          `**${n(r.start.js)}** (${r.start.files})`,
          `${n(r.js)} (${r.files})`,
          `**${r.requests}**`,
          n(r.bytes),
          r.events >= EVENTS ? ms(r.ms) : `only ${r.events} in 7 s`,
          `**${r.delivered} / ${CLOSE_TRIALS}**${r.closeModes.length ? ` (fetch mode: ${r.closeModes.join(', ')})` : ''}`,
        ],
  );
  const notes = Object.entries(results)
    .filter(([, r]) => !r.failed)
    .map(([name, r]) => {
      const said = [`files (gzip B): ${r.breakdown}`];
      if (r.oneFile) said.push(`the same files joined into one: ${n(r.oneFile)} B (${n(r.js - r.oneFile)} B are the cost of the file boundaries)`);
      said.push(r.csp.length ? `CSP reports: ${[...new Set(r.csp)].join('; ')}` : 'served with the strict CSP (Trusted Types required)');
      if (r.problems.length) said.push(`console errors: ${[...new Set(r.problems)].join(' | ')}`);
      if (r.closeFailures.length) said.push(`page-close trials that failed before the click: ${[...new Set(r.closeFailures)].join(' | ')}`);
      return `- ${name}: ${said.join('; ')}.`;
    });
  return {
    'beacon.events': EVENTS,
    'beacon.closeTrials': CLOSE_TRIALS,
    'beacon.table': table(
      ['library', 'JS gzip B at start (files)', `JS gzip B after ${EVENTS} events (files)`, `requests per ${EVENTS} events`, `upload bytes per ${EVENTS} events`, 'first click to last event received', 'delivered across page close'],
      rows,
    ),
    'beacon.notes': notes.join('\n'),
    'beacon.external': sum(Object.values(results), (r) => r.external ?? 0),
  };
}
