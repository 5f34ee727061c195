// Fanfare against the libraries people would pick instead, in one command:
//
//   node bench/run.mjs [--runs 5] [--shots DIR] [--only share,beacon,shop,buyer]
//
// Headless Chromium on loopback only (every request to another host is aborted and
// counted). Prints Markdown and writes it to bench/results.md with the date and the
// machine (a full run only: --only prints and writes nothing to results.md). Numbers are
// printed, never asserted. The run is bounded: every loop has a fixed count, every wait a
// timeout, and the process stops itself after HARD_LIMIT_MS.
//
// The suites are in bench/suites/ (each a run() and a report() of figures), the browser,
// servers and report helpers in bench/lib/, the report's prose in bench/report.template.md.
// Needs the built embed folder (packages/embed/dist) and the peers in bench/node_modules;
// uses the built fanfare-server (packages/server/dist) for the demo shop when there is one.
// BENCH_STRICT_CSP=1 serves every page with the strict policy, to see why a peer's page
// is relaxed.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { launch } from './lib/browser.mjs';
import { machine, render } from './lib/report.mjs';
import { HTTP1, startCollector, startSite } from './lib/servers.mjs';
import * as beacon from './suites/beacon.mjs';
import * as buyer from './suites/buyer-show.mjs';
import * as share from './suites/share.mjs';
import * as shop from './suites/shop.mjs';

// The phone profile doubled the share suite: 5 runs of every suite take about 4 minutes.
const HARD_LIMIT_MS = 480_000;
const started = Date.now();
const hardStop = setTimeout(() => {
  console.error(`bench: still running after ${HARD_LIMIT_MS / 1000} s; stopping.`);
  process.exit(2);
}, HARD_LIMIT_MS);
hardStop.unref();

const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const runs = Math.min(20, Math.max(1, Number(flag('runs', 5)) || 5));
// --shots DIR: a screenshot of each share page and of the shop, to check what was measured.
const shots = flag('shots', '');
if (shots) mkdirSync(shots, { recursive: true });
// In the order they run (the template decides the report's); each reports the figures it owns.
const suites = { share, beacon, shop, buyer };
const only = flag('only', '') ? flag('only', '').split(',') : Object.keys(suites);
const unknown = only.filter((name) => !(name in suites));
if (unknown.length) {
  console.error(`bench: no suite ${unknown.join(', ')}; there are ${Object.keys(suites).join(', ')}.`);
  process.exit(1);
}

if (!existsSync(new URL('../packages/embed/dist/fanfare.js', import.meta.url))) {
  console.error('packages/embed/dist is missing: run `npx pnpm@12.21.0 --filter @fanfare/embed build` first.');
  process.exit(1);
}
const browser = await launch().catch((e) => {
  console.error(e.message);
  process.exit(1);
});
const collector = await startCollector();
const site = await startSite({ collectorOrigin: collector.origin });
const ctx = { browser, site, collector, runs, shots };
const chromium = browser.version();

const figures = {};
try {
  for (const name of only) {
    Object.assign(figures, suites[name].report(await suites[name].run(ctx), ctx));
    console.error(`${name} done (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  }
} finally {
  await browser.close();
  collector.close();
  site.close();
}

if (only.length < Object.keys(suites).length) {
  // A partial run: its figures as they are, since the report needs every suite's.
  console.log(JSON.stringify(figures, null, 2));
} else {
  const external = figures['share.external'] + figures['beacon.external'] + figures['shop.external'];
  const markdown = render({ ...machine(chromium), protocol: HTTP1 ? 'HTTP/1.1' : 'HTTP/2 (TLS, a throwaway certificate)', ...figures, runs, seconds: Math.round((Date.now() - started) / 1000), external });
  console.log(markdown);
  writeFileSync(new URL('./results.md', import.meta.url), `${markdown}\n`);
  console.error(`wrote bench/results.md (${((Date.now() - started) / 1000).toFixed(0)} s in all)`);
}
