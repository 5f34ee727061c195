// The demo shop as a fan meets it, with the real fanfare-server and a real SQLite file
// behind it: every widget loads through the one script tag under the strict CSP, in
// English and Chinese, at phone and desktop widths, with no error, no CSP violation and
// no layout shift; a fan's clicks reach the brand's stats; the game's reward comes
// from the server.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromeArgs, findChrome } from '../scripts/chrome.mjs';
import { startFanfareServer } from '../scripts/fanfare-server.mjs';
import { startServer } from '../scripts/serve.mjs';
import { dashboard } from './dashboard.mjs';
import { watch } from './watch.mjs';

let server, api, browser, dir;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fanfare-e2e-'));
  api = await startFanfareServer({
    db: join(dir, 'events.db'),
    config: fileURLToPath(new URL('../demo/fanfare.config.json', import.meta.url)),
  });
  server = await startServer({ api: api.url });
  browser = await chromium.launch({ executablePath: findChrome(), args: chromeArgs });
});

after(async () => {
  await browser?.close();
  await server?.close();
  await api?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const stats = () => dashboard(api, '/api/stats');

async function open(path, viewport, requests = []) {
  const page = await browser.newPage({ viewport });
  page.on('request', (r) => requests.push(`${r.method()} ${new URL(r.url()).pathname}`));
  const problems = await watch(page);
  await page.goto(`${server.url}${path}`, { waitUntil: 'networkidle' });
  for (const tag of ['fan-share', 'fan-2048', 'fan-card-maker', 'fan-buyer-show']) {
    await page.waitForFunction((t) => customElements.get(t) !== undefined, tag);
  }
  await page.evaluate(() => Promise.all([...document.querySelectorAll('fan-share, fan-2048, fan-card-maker, fan-buyer-show')].map((el) => el.updateComplete)));
  return { page, problems };
}

for (const [path, lang] of [['/', 'en'], ['/zh.html', 'zh-CN']]) {
  for (const viewport of [{ width: 390, height: 844 }, { width: 1280, height: 900 }]) {
    test(`${path} at ${viewport.width} px: every widget renders in ${lang}, with no error and no shift`, async () => {
      const { page, problems } = await open(path, viewport);
      const rendered = await page.evaluate(() =>
        [...document.querySelectorAll('fan-share, fan-2048, fan-card-maker, fan-buyer-show')].map((el) => [
          el.localName,
          el.shadowRoot?.childElementCount > 0,
          el.getBoundingClientRect().height > 0 || el.getAttribute('layout') === 'floating',
        ]),
      );
      for (const [tag, hasContent, hasSize] of rendered) {
        assert.ok(hasContent && hasSize, `${tag} did not render`);
      }
      // Scroll through the page so lazy parts load, then check nothing moved unasked.
      await page.evaluate(async () => {
        for (let y = 0; y < document.body.scrollHeight; y += 400) {
          window.scrollTo(0, y);
          await new Promise((r) => setTimeout(r, 30));
        }
      });
      await page.waitForTimeout(300);
      assert.equal(await page.evaluate(() => window.__shifts), 0);
      assert.deepEqual(problems, []);
      await page.close();
    });
  }
}

test('what a fan does reaches the brand: a share, a game, a review, and each widget seen', async () => {
  const { page, problems } = await open('/', { width: 1280, height: 900 });
  const before = await stats();
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });

  const share = page.locator('.hero fan-share');
  await share.locator('[data-network="copy"]').click();

  const game = page.locator('fan-2048');
  await game.scrollIntoViewIfNeeded();
  const board = await game.evaluate((el) => el.shadowRoot.querySelector('[part~="board"]').textContent);
  await game.locator('[part~="board"]').focus();
  for (const key of ['ArrowLeft', 'ArrowUp', 'ArrowRight', 'ArrowDown']) await page.keyboard.press(key);
  await page.waitForTimeout(300);
  assert.notEqual(await game.evaluate((el) => el.shadowRoot.querySelector('[part~="board"]').textContent), board, 'the board did not change');

  const show = page.locator('fan-buyer-show');
  await show.scrollIntoViewIfNeeded();
  await show.locator('[part~="slide"] img').first().click();
  await page.waitForFunction(() => document.querySelector('fan-buyer-show').shadowRoot.querySelector('dialog[open]'));
  await page.keyboard.press('Escape');
  assert.deepEqual(problems, []);

  // Closing the tab right away: the beacon hands what it holds to sendBeacon.
  await page.close({ runBeforeUnload: true });
  let after;
  for (let i = 0; i < 50; i++) {
    after = await stats();
    if ((after.totals.review_open ?? 0) > (before.totals.review_open ?? 0)) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  const gained = (name) => (after.totals[name] ?? 0) - (before.totals[name] ?? 0);
  assert.equal(gained('share'), 1, 'the copy click');
  assert.ok(after.shares.some((s) => s.network === 'copy'));
  assert.equal(gained('game_start'), 1);
  assert.equal(gained('review_open'), 1);
  assert.ok(gained('view') >= 3, `views: ${gained('view')}`);
});

test('a share made with the connection lost is kept, and reaches the brand once it is back', async () => {
  // A fresh context: nothing of the beacon's retry code is in the cache to fall back on.
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  const page = await context.newPage();
  const loaded = [];
  page.on('requestfinished', (r) => loaded.push(new URL(r.url()).pathname));
  await page.goto(`${server.url}/`, { waitUntil: 'networkidle' });
  await page.evaluate(() => document.querySelector('.hero fan-share').updateComplete);
  const before = await stats();
  const loadedOnline = loaded.length;

  await context.setOffline(true);
  await page.locator('.hero fan-share [data-network="copy"]').click();
  // Within the beacon's 5 s batch window it tries, fails, and keeps the share on the device.
  await page.waitForFunction(() => /"n":"share"/.test(localStorage.getItem('fanfare.outbox') ?? ''), null, { timeout: 10_000 });
  // Nor could the retry code arrive: it had not been needed while the page was online.
  assert.ok(!loaded.some((p) => p.includes('/chunks/retry-')), 'the retry code was loaded already');
  assert.equal(loaded.length, loadedOnline, 'something loaded while offline');

  await context.setOffline(false);
  let after;
  for (let i = 0; i < 40; i++) {
    after = await stats();
    if ((after.totals.share ?? 0) > (before.totals.share ?? 0)) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  assert.equal((after.totals.share ?? 0) - (before.totals.share ?? 0), 1, 'the share arrived once, on the same page');
  await page.waitForFunction(() => localStorage.getItem('fanfare.outbox') === null, null, { timeout: 5_000 });

  // Lost again, now with the retry code at hand: it tries again and again, backing off...
  await context.setOffline(true);
  await page.locator('.hero fan-share [data-network="copy"]').click();
  const box = await (
    await page.waitForFunction(
      () => {
        const o = JSON.parse(localStorage.getItem('fanfare.outbox') ?? 'null');
        return o?.n >= 3 && o;
      },
      null,
      { timeout: 30_000, polling: 100 },
    )
  ).jsonValue();
  assert.ok(box.next - Date.now() > 2_000, `next try in ${box.next - Date.now()} ms`);
  // ...and once the connection is back, sends at once rather than when the backoff ends.
  await context.setOffline(false);
  for (let i = 0; i < 40 && Date.now() < box.next; i++) {
    after = await stats();
    if ((after.totals.share ?? 0) - (before.totals.share ?? 0) === 2) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.equal((after.totals.share ?? 0) - (before.totals.share ?? 0), 2, 'the second share did not arrive before the backoff ended');
  await context.close();
});

test('the game starts with a game id and seed from the server (server mode)', async () => {
  const requests = [];
  const { page, problems } = await open('/zh.html', { width: 390, height: 844 }, requests);
  assert.ok(requests.includes('POST /games'), 'the game asked the server for a game');
  // The widget shows the thresholds and no message about rewards being unavailable.
  const text = await page.locator('fan-2048').evaluate((el) => el.shadowRoot.textContent);
  assert.match(text, /下单立享 95 折/);
  assert.doesNotMatch(text, /暂时无法领奖/);
  assert.deepEqual(problems, []);
  await page.close();
});
