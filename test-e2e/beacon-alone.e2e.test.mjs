// fanfare-beacon.js, the beacon alone, on a page with no widget, against the real
// fanfare-server with a real SQLite file: one file loads, a wrong setting is warned about
// once (another script's data-* attribute not at all), a page opened from a shared link keeps its token, and the page views, the
// route change and the goals (one of them clicked as the page leaves) all reach the
// dashboard's figures. The demo's thank-you pages use it too: test-e2e/attribution credits
// their orders.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { chromeArgs, findChrome } from '../scripts/chrome.mjs';
import { startFanfareServer } from '../scripts/fanfare-server.mjs';
import { startServer } from '../scripts/serve.mjs';
import { dashboard, until } from './dashboard.mjs';
import { watch } from './watch.mjs';

const SITE = 'petal-and-stem';
let server, api, browser, dir;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fanfare-beacon-alone-'));
  api = await startFanfareServer({ db: join(dir, 'alone.db'), config: fileURLToPath(new URL('../demo/fanfare.config.json', import.meta.url)) });
  server = await startServer({ pages: fileURLToPath(new URL('./fixtures', import.meta.url)), api: api.url });
  browser = await chromium.launch({ executablePath: findChrome(), args: chromeArgs });
});

after(async () => {
  await browser?.close();
  await server?.close();
  await api?.stop();
  rmSync(dir, { recursive: true, force: true });
});


test('a page with only fanfare-beacon.js: one file, its settings checked, the token kept, page views and goals counted, a goal clicked as the page leaves too', async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const problems = await watch(page);
  const warnings = [];
  page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  const scripts = [];
  page.on('response', (r) => r.request().resourceType() === 'script' && scripts.push(new URL(r.url()).pathname));

  await page.goto(`${server.url}/beacon-alone.html?fanref=aloneTok12&utm_source=newsletter`, { waitUntil: 'networkidle' });
  // The token left the address at once, and is kept for crediting a later order.
  assert.equal(new URL(page.url()).search, '?utm_source=newsletter');
  await page.waitForFunction(() => !!localStorage.getItem('fanfare.ref'));
  // One file for all of it; the kept token's code is the only other, loaded because the page
  // came from a shared link. No loader, no Lit, no shared chunk.
  assert.deepEqual(scripts.filter((s) => s.startsWith('/fanfare/')).map((s) => s.replace(/-[A-Z0-9]{8}\.js$/, '.js')), ['/fanfare/fanfare-beacon.js', '/fanfare/chunks/alone-attribution.js']);
  const file = readFileSync(fileURLToPath(new URL('../packages/embed/dist/fanfare-beacon.js', import.meta.url)));
  assert.ok(gzipSync(file, { level: 9 }).length <= 3500, 'fanfare-beacon.js is at most 3,500 B gzip');
  // The wrong setting: one warning that names it, and the beacon runs with the default; the
  // CMS's attribute is none of ours and says nothing.
  assert.equal(warnings.length, 1, warnings.join('\n'));
  assert.match(warnings[0], /attributionDays="365": expected a whole number from 1 to 90/);

  await page.click('#subscribe');
  await page.click('#route');
  // The link out: the goal is sent as the page goes, with nothing loaded for it.
  await page.click('#out');
  await page.waitForURL(/elsewhere\.html$/);

  const s = await until(
    () => dashboard(api, '/api/stats', SITE),
    (r) => r.totals.pageview === 2 && r.goals.length === 2,
    'two page views (the landing and the route) and two goals',
    { show: (r) => ({ totals: r.totals, goals: r.goals }) },
  );
  assert.deepEqual(
    s.goals.map((g) => [g.name, g.count]).sort(),
    [
      ['newsletter', 1],
      ['outbound', 1],
    ],
  );
  assert.deepEqual(s.topCampaigns, []);
  assert.deepEqual(
    s.topPages.map((p) => new URL(p.page).pathname).sort(),
    ['/beacon-alone.html', '/chapter-2.html'],
  );
  assert.deepEqual(scripts.filter((x) => x.includes('alone-orders')), [], 'goals load none of the orders’ code');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a thank-you page with <fan-conversion> in its HTML and only fanfare-beacon.js reports the order once', async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const problems = await watch(page);
  await page.goto(`${server.url}/beacon-alone-thanks.html`, { waitUntil: 'networkidle' });
  // Reloaded, as a buyer does: the same order, not a second one.
  await page.reload({ waitUntil: 'networkidle' });
  await page.close({ runBeforeUnload: true });
  const s = await until(
    () => dashboard(api, '/api/stats', SITE),
    (r) => r.totals.conversion >= 1 && r.topPages.some((p) => p.page.endsWith('/beacon-alone-thanks.html')),
    'the order on the thank-you page',
    { show: (r) => r.totals },
  );
  assert.equal(s.totals.conversion, 1);
  assert.deepEqual(problems, []);
  await context.close();
});
