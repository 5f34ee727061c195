// A site owner's view: the built embed folder and a plain HTML page, served statically
// with a strict CSP, opened in Chromium. Shares through a link network, WeChat's QR code
// and copy, and checks that nothing logs an error and nothing reaches a third party
// before a click.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromeArgs, findChrome } from '../scripts/chrome.mjs';
import { startServer } from '../scripts/serve.mjs';
import { watch } from './watch.mjs';

let server, browser, context, page;
let problems = [];
const thirdParty = [];

before(async () => {
  server = await startServer({ pages: fileURLToPath(new URL('./fixtures', import.meta.url)) });
  browser = await chromium.launch({ executablePath: findChrome(), args: chromeArgs });
  context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  // The closed network here cannot reach the networks; answer their pages locally
  // and remember that they were asked for.
  await context.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => {
    thirdParty.push(route.request().url());
    return route.fulfill({ status: 200, contentType: 'text/html', body: '<title>network</title>' });
  });
  page = await context.newPage();
  problems = await watch(page);
  await page.addInitScript(() => {
    window.__shares = [];
    document.addEventListener('fan-share', (e) => window.__shares.push(e.detail));
  });
  await page.goto(`${server.url}/share.html`, { waitUntil: 'networkidle' });
  await page.locator('#main').evaluate((el) => el.updateComplete);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const button = (network) => page.locator(`#main [data-network="${network}"]`);

test('the script tag defines <fan-share> and renders the named networks, with no third-party request', async () => {
  assert.deepEqual(await page.locator('#main [part="button"]').evaluateAll((els) => els.map((e) => e.dataset.network)), ['weibo', 'x', 'wechat', 'copy']);
  assert.equal(await button('weibo').getAttribute('aria-label'), 'Share on Weibo');
  assert.deepEqual(thirdParty, []);
});

test('Weibo opens its share page with the UTM-tagged URL, its own share token, and the title', async () => {
  const [popup] = await Promise.all([context.waitForEvent('page'), button('weibo').click()]);
  const opened = new URL(popup.url());
  assert.equal(opened.origin + opened.pathname, 'https://service.weibo.com/share/share.php');
  const shared = new URL(opened.searchParams.get('url'));
  assert.equal(shared.origin + shared.pathname, `${server.url}/share.html`);
  assert.equal(shared.searchParams.get('utm_source'), 'weibo');
  assert.equal(shared.searchParams.get('utm_medium'), 'social');
  assert.equal(shared.searchParams.get('utm_campaign'), 'spring');
  assert.equal(opened.searchParams.get('title'), '春日花束 & Tulips #1');
  const ref = shared.searchParams.get('fanref');
  assert.match(ref, /^[\w-]{8,16}$/, 'the link carries a share token');
  assert.deepEqual(await page.evaluate(() => window.__shares.at(-1)), { network: 'weibo', url: shared.href, ref, parent: undefined });
  await popup.close();
});

test('WeChat shows a QR code of the link with the scan hint, and Escape closes it', async () => {
  await button('wechat').click();
  const qr = page.locator('#main .popover svg.qr path');
  await qr.waitFor();
  assert.ok((await qr.getAttribute('d')).length > 200);
  assert.match(await page.locator('#main .popover').innerText(), /Scan with WeChat/);
  await page.keyboard.press('Escape');
  await page.locator('#main .popover').waitFor({ state: 'detached' });
  assert.equal(await page.evaluate(() => document.activeElement.shadowRoot.activeElement.dataset.network), 'wechat');
});

test('copy puts the UTM-tagged link, with a fresh share token, on the clipboard and says Copied', async () => {
  await button('copy').click();
  await page.waitForFunction(() => document.querySelector('#main').shadowRoot.querySelector('[role=status]').textContent === 'Copied');
  const text = await page.evaluate(() => navigator.clipboard.readText());
  const { ref } = await page.evaluate(() => window.__shares.at(-1));
  assert.equal(text, `${server.url}/share.html?utm_source=copy&utm_medium=social&utm_campaign=spring&fanref=${ref}`);
});

test('nothing logged an error or broke the CSP, and no third party was asked for more than the click', () => {
  assert.deepEqual(problems, []);
  assert.ok(thirdParty.every((u) => u.startsWith('https://service.weibo.com/')), thirdParty.join('\n'));
});

test('with the height the README tells site owners to reserve, loading the widget shifted nothing', async () => {
  assert.equal(await page.evaluate(() => window.__shifts), 0);
});

test('two copies of the script tag on one page: no error, every widget works', async () => {
  const twice = await context.newPage();
  const errors = [];
  twice.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  twice.on('pageerror', (e) => errors.push(e.message));
  await twice.goto(`${server.url}/twice.html`, { waitUntil: 'networkidle' });
  await twice.waitForFunction(() => customElements.get('fan-share'));
  await twice.locator('#b').evaluate((el) => el.updateComplete);
  assert.deepEqual(await twice.locator('#a [part="button"]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label'))), ['分享到微博', '复制链接']);
  await twice.locator('#b [data-network="wechat"]').click();
  await twice.locator('#b .popover svg.qr').waitFor();
  assert.deepEqual(errors, []);
  await twice.close();
});
