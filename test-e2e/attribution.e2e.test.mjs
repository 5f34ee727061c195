// What sharing was worth, end to end, as the brand will read it: a fan shares the demo's
// product page to X; two friends (their own browsers, their own user agents) open the
// link; one buys on the thank-you page and reloads it; the fan opens their own link; a
// stranger opens a link with a token nobody shared. The real fanfare-server with a real
// SQLite file, and again with the events in a real ClickHouse, then reports exactly 1
// share, 2 visitors, 1 order and its revenue, credited to X; a friend's own share makes
// generation 2; a refund from the shop takes the order away.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { chromeArgs, findChrome } from '../scripts/chrome.mjs';
import { clickhouseBinary, startClickHouse } from '../scripts/clickhouse.mjs';
import { startFanfareServer } from '../scripts/fanfare-server.mjs';
import { startServer } from '../scripts/serve.mjs';
import { dashboard, until as waitFor } from './dashboard.mjs';
import { watch } from './watch.mjs';

const SITE = 'petal-and-stem';
let server, api, browser, dir, clickhouse;
/** What each page was watched for (console errors, CSP violations). */
const watched = [];
const demoConfig = JSON.parse(readFileSync(new URL('../demo/fanfare.config.json', import.meta.url), 'utf8'));

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fanfare-attribution-'));
  browser = await chromium.launch({ executablePath: findChrome(), args: chromeArgs });
});

after(async () => {
  await browser?.close();
  await clickhouse?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** The demo shop with a fresh fanfare-server behind it, its events in `store`. */
async function shop(store) {
  const config = join(dir, `${store}.json`);
  const extra = store === 'clickhouse' ? { store, clickhouse: { url: clickhouse.url, database: 'fanfare_e2e' } } : {};
  writeFileSync(config, JSON.stringify({ ...demoConfig, ...extra }));
  api = await startFanfareServer({ db: join(dir, `${store}.db`), config });
  server = await startServer({ api: api.url });
}

async function closeShop() {
  await server?.close();
  await api?.stop();
}

/** A person: a browser of their own (storage included) with its own user agent. */
async function person(name) {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    userAgent: `Mozilla/5.0 (Linux; Android 14; ${name}) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Mobile Safari/537.36`,
  });
  // Networks' own pages are not ours to open: a share link's new tab closes at once.
  context.on('page', async (p) => (await p.opener()) && p.close().catch(() => {}));
  await context.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
  return context;
}

async function open(context, path) {
  const page = await context.newPage();
  watched.push(await watch(page));
  await page.goto(`${server.url}${path}`, { waitUntil: 'networkidle' });
  return { page };
}

/** The demo's links point at its canonical origin; a friend opens the same path and query here. */
const local = (shared) => {
  const u = new URL(shared);
  return `${u.pathname.replace(/^\/bouquets\/spring-tulips$/, '/')}${u.search}`;
};

/** Share the page to X from its hero buttons; returns the fan-share event's detail. */
async function shareToX(page) {
  const detail = page.evaluate(
    () => new Promise((resolve) => document.addEventListener('fan-share', (e) => resolve(e.detail), { once: true })),
  );
  const x = page.locator('.hero fan-share [data-network="x"]');
  await x.waitFor();
  await x.click();
  return detail;
}

/** Closing a tab hands what the beacon holds to sendBeacon. */
const leave = (page) => page.close({ runBeforeUnload: true });

const report = () => dashboard(api, '/api/attribution', SITE);
const until = (check, what) => waitFor(report, check, what);

for (const store of ['sqlite', 'clickhouse']) {
  test(`${store}: a share to X, two friends, one order (reloaded), the sharer and a stranger: 1 share, 2 visitors, 1 order, credited to X`, async () => {
    if (store === 'clickhouse') {
      const binary = clickhouseBinary();
      assert.ok(binary, 'clickhouse-server is not installed (Debian/Ubuntu: sudo apt-get install clickhouse-server)');
      clickhouse = await startClickHouse(binary);
    }
    await shop(store);
    try {
      await scenario();
    } finally {
      await closeShop();
    }
  });
}

async function scenario() {
  const fan = await person('Fan');
  const { page: product } = await open(fan, '/');
  const shared = await shareToX(product);
  assert.equal(shared.network, 'x');
  assert.match(shared.ref, /^[\w-]{8,16}$/);
  const link = new URL(shared.url);
  assert.equal(link.searchParams.get('fanref'), shared.ref, 'the shared link carries the token the event names');
  assert.equal(link.searchParams.get('utm_source'), 'x');
  await leave(product);
  await until((r) => r.shares === 1, 'the share never arrived');

  // Friend one opens the link, buys, and reloads the thank-you page.
  const ann = await person('Ann');
  const { page: landing } = await open(ann, local(shared.url));
  assert.equal(new URL(landing.url()).searchParams.get('fanref'), null, 'the token left the address bar');
  assert.equal(new URL(landing.url()).searchParams.get('utm_source'), 'x', 'the rest of the address stayed');
  await landing.locator('a.buy').click();
  await landing.waitForURL(/thanks\.html/);
  await landing.waitForFunction(() => customElements.get('fan-conversion'));
  const order = await landing.locator('[data-order]').textContent();
  await landing.reload({ waitUntil: 'networkidle' });
  assert.equal(await landing.locator('[data-order]').textContent(), order, 'the reload shows the same order');
  await leave(landing);

  // Friend two only looks; the fan opens their own link; a stranger brings a made-up token.
  const ben = await person('Ben');
  await leave((await open(ben, local(shared.url))).page);
  await leave((await open(fan, local(shared.url))).page);
  const stranger = await person('Stranger');
  await leave((await open(stranger, '/?fanref=madeUpToken1&utm_source=x')).page);

  const r = await until((x) => x.orders === 1 && x.visitors === 2, 'the friends and the order never added up');
  assert.equal(r.shares, 1);
  assert.equal(r.visitors, 2, 'the sharer is no friend of their own, and a made-up token brings nobody');
  assert.equal(r.orders, 1, 'a reloaded thank-you page is one order');
  assert.deepEqual(r.revenue, [{ currency: 'USD', amount: '48.00' }]);
  const x = r.byNetwork.find((n) => n.network === 'x');
  assert.equal(x.shares, 1);
  assert.equal(x.visitors, 2);
  assert.equal(x.orders, 1);
  assert.deepEqual(r.coverage, { orders: 1, attributed: 1 });

  // The brand reads the same figures on the dashboard, in English and in Chinese.
  const brand = await person('Brand');
  const dash = await brand.newPage();
  watched.push(await watch(dash));
  await dash.goto(`${api.url}/`);
  await dash.fill('#token', api.token);
  await dash.click('#login button[type=submit]');
  await dash.waitForFunction(() => document.querySelectorAll('#funnel .kpi').length >= 5);
  const funnel = async () => dash.$$eval('#funnel .kpi', (items) => items.map((li) => [...li.children].map((c) => c.textContent.trim())));
  assert.deepEqual((await funnel()).slice(0, 4).map(([, value]) => value), ['1', '2', '2', '1'], 'shares, visits, visitors, orders');
  assert.match((await funnel())[4].join(' '), /\$48\.00|US\$48\.00|48\.00/);
  const xRow = await dash.$$eval('#t-network tbody tr', (rows) => rows.map((tr) => [...tr.cells].map((c) => c.textContent.trim())));
  assert.deepEqual(xRow[0].slice(0, 5), ['X', '1', '2', '2', '1']);
  await dash.click('#lang');
  await dash.waitForFunction(() => document.documentElement.lang === 'zh-CN');
  assert.deepEqual((await funnel()).slice(0, 4).map(([label]) => /[\u4e00-\u9fff]/.test(label)), [true, true, true, true], 'Chinese labels');
  await dash.close();

  // Ben shares on from the page he landed on: his friend is generation 2.
  const { page: again } = await open(ben, local(shared.url));
  const reshared = await shareToX(again);
  assert.equal(reshared.parent, shared.ref, 'the re-share names the token it came through');
  await leave(again);
  const cara = await person('Cara');
  await leave((await open(cara, local(reshared.url))).page);
  const deep = await until((x) => x.generations.some((g) => g.depth === 2 && g.visits >= 1), 'no second generation');
  assert.equal(deep.generations.find((g) => g.depth === 1).shares, 1);
  assert.equal(deep.generations.find((g) => g.depth === 2).shares, 1);

  // The shop refunds the order: it leaves orders and revenue.
  const res = await fetch(`${api.url}/orders`, {
    method: 'POST',
    headers: { authorization: `Bearer ${api.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ site: SITE, order, value: '48.00', currency: 'USD', status: 'refunded' }),
  });
  assert.ok(res.ok, `POST /orders answered ${res.status}`);
  const refunded = await until((x) => x.orders === 0, 'the refund did not take the order away');
  assert.deepEqual(refunded.revenue, []);
  assert.deepEqual(watched.flat(), []);
}
