// The second engine: Debian's Firefox ESR, driven over WebDriver BiDi by puppeteer-core.
// Each widget on a plain page that has only the README's snippet and a paragraph below
// it, then the demo shop with the real fanfare-server and a real SQLite file behind it:
// no page error, nothing moves, and a fan shares, plays and sends a card by keyboard.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { findFirefox, firefoxOptions, missingFirefox } from '../scripts/firefox.mjs';
import { startFanfareServer } from '../scripts/fanfare-server.mjs';
import { startServer } from '../scripts/serve.mjs';
import { dashboard, until } from './dashboard.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const embed = join(root, 'packages/embed/dist');

/** The README's first snippet: what a site owner pastes, split into the widget and the rest. */
function readmeSnippet() {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## For site owners: one script tag'));
  const block = /```html\n([\s\S]*?)```/.exec(section)?.[1];
  const widget = block && /<fan-[\s\S]*?<\/fan-[\w-]+>/.exec(block)?.[0];
  if (!widget) throw new Error('README.md has no "For site owners: one script tag" section with an html snippet and a widget');
  // Hosted here, as the README tells them to host the folder, at /fanfare/.
  const head = block.replace(widget, '').replaceAll('https://cdn.example/fanfare/', '/fanfare/').trim();
  return { head, share: widget };
}

const snippet = readmeSnippet();

/** Each widget as its README shows it, with what a plain page can give it. */
const WIDGETS = {
  'fan-share': snippet.share,
  'fan-2048': `<fan-2048 campaign="spring-2026" rewards='[{"tile": 256, "title": "5% off", "code": "SPRING5"}, {"score": 5000, "title": "Free shipping", "code": "SHIPFREE"}]'></fan-2048>`,
  'fan-card-maker': '<fan-card-maker brand-text="Bloom Flowers · bloom.example"></fan-card-maker>',
  'fan-buyer-show': '<fan-buyer-show src="reviews/reviews.en.json"></fan-buyer-show>',
  'fan-invite': '<fan-invite campaign="spring-friends" reward-endpoint="/referrals" networks="wechat weibo qq copy"></fan-invite>',
  'fan-review-form': '<fan-review-form product="spring-tulips" product-name="Spring tulips" endpoint="/reviews"></fan-review-form>',
};

/** The built embed's widgets: the invite and the review form only once their chunks are built. */
const built = JSON.parse(readFileSync(join(embed, 'meta.json'), 'utf8'));
const builtPackages = Object.values(built.outputs).map((o) => o.entryPoint ?? '');
const packageOf = { 'fan-share': 'share', 'fan-2048': 'game-2048', 'fan-card-maker': 'card-maker', 'fan-buyer-show': 'buyer-show', 'fan-invite': 'invite', 'fan-review-form': 'review-form' };
const widgets = Object.keys(WIDGETS).filter((tag) => builtPackages.includes(`../${packageOf[tag]}/src/index.ts`));

function plainPage(tag) {
  // The invite counts friends through the beacon, so its page names an endpoint as its README does.
  const head = tag === 'fan-invite' ? snippet.head.replace('<script ', '<script data-endpoint="/e" ') : snippet.head;
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>A plain page with ${tag}</title>
  <link rel="icon" href="data:,">
  ${head.replace('your-shop', 'petal-and-stem')}
</head>
<body>
  <h1>A plain page</h1>
  ${WIDGETS[tag]}
  <p id="below">Text below the widget, which must not move when the widget loads.</p>
</body>
</html>
`;
}

/**
 * Firefox has no 'layout-shift' performance entries (PerformanceObserver.supportedEntryTypes
 * lacks it; each plain-page test checks), so the page measures shifts itself, as the Layout
 * Instability API counts them: after every paint (MozAfterPaint, which firefoxOptions() lets
 * pages see), the document position of each element `watched` selects, and each change from
 * one painted frame to the next of an element that was in the viewport in either frame. A
 * frame laid out but never painted, or a move wholly below the fold, moves nothing a fan
 * sees, and Chromium's layout-shift entries do not count them either. Run before the page's
 * own scripts.
 */
function watchShifts(watched) {
  window.__moves = [];
  window.__paints = { before: 0, after: 0 };
  window.__events = [];
  for (const type of ['fan-share', 'fan-card-share', 'fan-card-export', 'fan-card-create', 'fan-game-start'])
    document.addEventListener(type, (e) => window.__events.push({ type, detail: e.detail }));
  document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.sourceFile}:${e.lineNumber}`));
  const last = new Map();
  const seen = (top, height) => top < innerHeight && top + height > 0;
  window.addEventListener('MozAfterPaint', () => {
    const widgets = [...document.querySelectorAll('*')].filter((el) => el.localName.startsWith('fan-'));
    if (widgets.length) window.__paints[widgets.some((el) => customElements.get(el.localName)) ? 'after' : 'before']++;
    for (const el of document.querySelectorAll(watched)) {
      const r = el.getBoundingClientRect();
      const now = { x: Math.round(r.left + scrollX), y: Math.round(r.top + scrollY), top: r.top, height: r.height };
      const was = last.get(el);
      if (was && (was.x !== now.x || was.y !== now.y) && (seen(was.top, was.height) || seen(now.top, now.height)))
        window.__moves.push(`${el.localName}${el.id ? `#${el.id}` : ''} "${el.textContent.trim().slice(0, 30)}" ${was.x},${was.y} → ${now.x},${now.y}`);
      last.set(el, now);
    }
  });
}

let dir, api, plain, shop, browser;

before(async () => {
  if (!findFirefox()) throw new Error(missingFirefox);
  dir = mkdtempSync(join(tmpdir(), 'fanfare-firefox-'));
  for (const tag of widgets) writeFileSync(join(dir, `${tag}.html`), plainPage(tag));
  cpSync(join(root, 'demo/reviews'), join(dir, 'reviews'), { recursive: true });
  api = await startFanfareServer({ db: join(dir, 'events.db'), config: join(root, 'demo/fanfare.config.json') });
  plain = await startServer({ pages: dir, api: api.url });
  shop = await startServer({ api: api.url });
  browser = await puppeteer.launch(firefoxOptions());
});

after(async () => {
  await browser?.close();
  await plain?.close();
  await shop?.close();
  await api?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A new page, watched from before its first script: errors (console and uncaught) and shifts. */
async function open(url, watched, viewport = { width: 1280, height: 900 }, { slowChunks = false } = {}) {
  const page = await browser.newPage();
  await page.setViewport(viewport);
  if (slowChunks) {
    // The widgets' code arrives after the page's first paint, as it does on a phone network
    // (on loopback it may beat it): the snippet must hold the space before any of it runs.
    await page.setRequestInterception(true);
    page.on('request', (r) => (r.url().includes('/fanfare/chunks/') ? setTimeout(() => r.continue(), 250) : r.continue()));
  }
  const problems = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  await page.evaluateOnNewDocument(watchShifts, watched);
  await page.goto(url, { waitUntil: 'load' });
  const undefinedWidgets = () =>
    page.evaluate(() => [...new Set([...document.querySelectorAll('*')].map((el) => el.localName))].filter((t) => t.startsWith('fan-') && !customElements.get(t)));
  await page.waitForFunction(() => [...document.querySelectorAll('*')].every((el) => !el.localName.startsWith('fan-') || customElements.get(el.localName)), { timeout: 15_000 }).catch(async () => {
    assert.fail(`never defined: ${(await undefinedWidgets()).join(', ')}; ${problems.join('; ')}`);
  });
  await page.evaluate(() => Promise.all([...document.querySelectorAll('*')].filter((el) => el.localName.startsWith('fan-')).map((el) => el.updateComplete)));
  return { page, problems };
}

/** Wait until the page has been still (no request, no frame that moved anything) for a while. */
async function settle(page) {
  await page.waitForNetworkIdle({ idleTime: 300, timeout: 10_000 });
  await new Promise((r) => setTimeout(r, 300));
}

for (const tag of widgets) {
  test(`Firefox: <${tag}> with only the README's snippet renders, with no error and nothing below it moving`, async () => {
    const { page, problems } = await open(`${plain.url}/${tag}.html`, '#below, h1', undefined, { slowChunks: true });
    await settle(page);
    const state = await page.evaluate((t) => {
      const el = document.querySelector(t);
      return {
        rendered: el.shadowRoot?.childElementCount > 0,
        height: el.getBoundingClientRect().height,
        moves: window.__moves,
        paints: window.__paints,
        layoutShiftEntries: PerformanceObserver.supportedEntryTypes.includes('layout-shift'),
      };
    }, tag);
    assert.ok(state.rendered && state.height > 0, `<${tag}> did not render`);
    // The measure above stands in for the layout-shift entries Firefox does not have.
    // Should Firefox gain them, watch.mjs's PerformanceObserver would do for this test too.
    assert.equal(state.layoutShiftEntries, false, 'Firefox now reports layout-shift entries: measure with them');
    assert.ok(state.paints.before > 0 && state.paints.after > 0, `painted ${state.paints.before} times before the widget was defined and ${state.paints.after} after: a shift could not be seen`);
    assert.deepEqual(state.moves, []);
    assert.deepEqual(problems, []);
    await page.close();
  });
}

/** Press Tab until the focused element inside `host`'s shadow root passes `match` (maybe already); fails after `max` presses. */
async function tabTo(page, host, match, what, max = 30) {
  for (let i = 0; i <= max; i++) {
    if (i) await page.keyboard.press('Tab');
    const found = await page.evaluate(
      (h, m) => {
        const el = document.querySelector(h)?.shadowRoot?.activeElement;
        return !!el && new Function('el', `return ${m}`)(el);
      },
      host,
      match,
    );
    if (found) return;
  }
  assert.fail(`Tab never reached ${what} in ${host}`);
}

const active = (page, host) =>
  page.evaluate((h) => {
    const el = document.querySelector(h).shadowRoot.activeElement;
    return el && { tag: el.localName, text: el.textContent.trim(), network: el.dataset.network, disabled: el.disabled };
  }, host);

test("Firefox, keyboard only: the README's WeChat button opens its QR code beside it, and Escape closes it", async () => {
  const { page, problems } = await open(`${plain.url}/fan-share.html`, '#below');
  await page.keyboard.press('Tab');
  await tabTo(page, 'fan-share', `el.dataset.network === 'wechat'`, 'the WeChat button', 10);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('fan-share').shadowRoot.querySelector('.popover svg.qr path'), { timeout: 5_000 });
  // Placed, shown and beside the button, within the viewport.
  await page.waitForFunction(() => document.querySelector('fan-share').shadowRoot.querySelector('.popover').style.visibility === '');
  const { panel, button, viewport } = await page.evaluate(() => {
    const root = document.querySelector('fan-share').shadowRoot;
    const box = (el) => JSON.parse(JSON.stringify(el.getBoundingClientRect()));
    return { panel: box(root.querySelector('.popover')), button: box(root.querySelector('[data-network="wechat"]')), viewport: { width: innerWidth, height: innerHeight } };
  });
  assert.ok(panel.width > 100 && panel.height > 100, `the panel is ${panel.width}×${panel.height}`);
  assert.ok(panel.left >= 0 && panel.right <= viewport.width && panel.top >= 0 && panel.bottom <= viewport.height, 'the panel leaves the viewport');
  assert.ok(Math.abs(panel.top - button.bottom) <= 16 || Math.abs(button.top - panel.bottom) <= 16, 'the panel is not beside its button');
  assert.match(await page.evaluate(() => document.querySelector('fan-share').shadowRoot.querySelector('.popover').textContent), /Scan with WeChat/);
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.querySelector('fan-share').shadowRoot.querySelector('.popover'), { timeout: 5_000 });
  assert.equal((await active(page, 'fan-share'))?.network, 'wechat', 'focus did not return to the WeChat button');
  assert.deepEqual(problems, []);
  await page.close();
});

/** The English shop at desktop width, opened once: the keyboard tests go on where the one before left it. */
let demo;
const englishShop = async () => (demo ??= await open(`${shop.url}/`, 'h2, p.sub, footer'));

for (const [path, width] of [['/', 1280], ['/zh.html', 390]]) {
  test(`Firefox: the demo shop's ${path} at ${width} px renders every widget with no error, and nothing moves while it loads and scrolls`, async () => {
    const { page, problems } = path === '/' ? await englishShop() : await open(`${shop.url}${path}`, 'h2, p.sub, footer', { width, height: 844 });
    await settle(page);
    await page.evaluate(async () => {
      for (let y = 0; y < document.body.scrollHeight; y += 400) {
        window.scrollTo(0, y);
        await new Promise((r) => setTimeout(r, 50));
      }
      window.scrollTo(0, 0);
    });
    await settle(page);
    const rendered = await page.evaluate(() =>
      [...document.querySelectorAll('*')]
        .filter((el) => el.localName.startsWith('fan-'))
        .filter((el) => !(el.shadowRoot?.childElementCount > 0))
        .map((el) => el.localName),
    );
    assert.deepEqual(rendered, [], 'widgets that did not render');
    assert.deepEqual(await page.evaluate(() => window.__moves), []);
    assert.deepEqual(problems, []);
    if (path !== '/') await page.close();
  });
}

test('Firefox, keyboard only: Tab to the share buttons, Enter on copy copies the tagged link', async () => {
  const { page, problems } = await englishShop();
  const host = '.hero fan-share';
  await page.focus('.hero a.buy');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.localName), 'fan-share', 'Tab from "Buy now" did not reach the share buttons');
  await tabTo(page, host, `el.dataset.network === 'copy'`, 'the copy button', 10);
  await page.keyboard.press('Enter');
  const result = await page.waitForFunction(
    (h) => {
      const r = document.querySelector(h).shadowRoot;
      const status = r.querySelector('[role=status]')?.textContent;
      const byHand = r.querySelector('input, textarea');
      return (status === 'Copied' && 'copied') || (byHand && byHand.value && `by hand: ${byHand.value}`);
    },
    { timeout: 5_000 },
    host,
  );
  assert.equal(await result.jsonValue(), 'copied');
  const share = await page.evaluate(() => window.__events.filter((e) => e.type === 'fan-share').at(-1)?.detail);
  assert.equal(share?.network, 'copy');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  // The demo's page names its canonical address, which the link shares.
  assert.equal(copied, `https://petal-and-stem.example/bouquets/spring-tulips?utm_source=copy&utm_medium=social&utm_campaign=spring-tulips&fanref=${share.ref}`);
  assert.deepEqual(problems, []);
});

test('Firefox, keyboard only: the arrow keys move the 2048 tiles once the board has focus', async () => {
  const { page, problems } = await englishShop();
  const board = await page.$('fan-2048 >>> [part~="board"]');
  await board.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  const tiles = () => board.evaluate((el) => el.textContent.replace(/\s+/g, ' ').trim());
  const start = await tiles();
  await board.focus();
  const scrolled = await page.evaluate(() => scrollY);
  for (const key of ['ArrowLeft', 'ArrowUp', 'ArrowRight', 'ArrowDown']) await page.keyboard.press(key);
  await new Promise((r) => setTimeout(r, 300));
  assert.notEqual(await tiles(), start, 'the board did not change');
  assert.equal(await page.evaluate(() => scrollY), scrolled, 'the arrow keys scrolled the page as well');
  assert.ok((await page.evaluate(() => window.__events.filter((e) => e.type === 'fan-game-start').length)) >= 1, 'no game started');
  assert.deepEqual(problems, []);
});

test('Firefox, keyboard only: a card goes through design, words, decoration and is sent', async () => {
  const { page, problems } = await englishShop();
  const host = 'fan-card-maker';
  const first = await page.$(`${host} >>> button.template`);
  await first.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await first.focus();
  await tabTo(page, host, `el.classList.contains('template') && el !== el.parentElement.firstElementChild`, 'the second design');
  await page.keyboard.press('Enter');
  assert.equal(await page.$eval(`${host} >>> button.template[aria-pressed="true"]`, (el) => el === el.parentElement.children[1]), true, 'Enter did not pick the design');

  const next = `el.localName === 'button' && el.textContent.trim() === 'Next'`;
  const step = () => page.$eval(`${host} >>> [aria-current="step"]`, (el) => el.textContent.trim());
  await tabTo(page, host, next, 'Next');
  await page.keyboard.press('Enter');
  await page.waitForFunction((h) => document.querySelector(h).shadowRoot.activeElement?.localName === 'h2', {}, host);
  const words = 'Happy spring from Firefox';
  await tabTo(page, host, `el.localName === 'textarea'`, 'the words');
  await page.keyboard.type(words);
  await tabTo(page, host, next, 'Next');
  await page.keyboard.press('Enter');
  await page.waitForFunction((h) => document.querySelector(h).shadowRoot.activeElement?.localName === 'h2', {}, host);
  assert.match(await step(), /stickers/);
  // The stickers' code loads on entering the step.
  await page.waitForFunction((h) => document.querySelector(h).shadowRoot.querySelector('button.emoji'), {}, host);
  await tabTo(page, host, `el.classList.contains('emoji')`, 'a sticker');
  await page.keyboard.press('Enter');
  // The new sticker takes focus, and the arrow keys move it over the card, not the page.
  await page.waitForFunction((h) => document.querySelector(h).shadowRoot.activeElement?.classList.contains('handle'), {}, host);
  const sticker = () => page.evaluate((h) => document.querySelector(h).shadowRoot.activeElement.getBoundingClientRect().left, host);
  const [left, scrolled] = [await sticker(), await page.evaluate(() => scrollY)];
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  await page.waitForFunction((h, x) => document.querySelector(h).shadowRoot.activeElement.getBoundingClientRect().left > x + 5, {}, host, left);
  assert.equal(await page.evaluate(() => scrollY), scrolled, 'the arrow keys scrolled the page as well');
  await tabTo(page, host, next, 'Next');
  await page.keyboard.press('Enter');
  await page.waitForFunction((h) => document.querySelector(h).shadowRoot.activeElement?.localName === 'h2', {}, host);
  assert.match(await step(), /send/);
  // The send button is enabled once the card's image is made.
  await page.waitForFunction(
    (h) => [...document.querySelector(h).shadowRoot.querySelectorAll('.actions button')].some((b) => !b.disabled),
    { timeout: 10_000 },
    host,
  );
  await tabTo(page, host, `el.localName === 'button' && el.closest('.actions') && el === el.closest('.actions').firstElementChild`, 'Send');
  await page.keyboard.press('Enter');
  const sent = await page.waitForFunction(() => window.__events.find((e) => e.type === 'fan-card-share')?.detail, { timeout: 5_000 });
  // Firefox on Linux has no navigator.share: the card is downloaded, as the widget says it would be.
  assert.equal((await sent.jsonValue()).channel, 'download');
  assert.ok((await page.evaluate(() => window.__events.find((e) => e.type === 'fan-card-export')?.detail.bytes)) > 10_000, 'no image was made');
  assert.deepEqual(
    await page.evaluate(() => window.__events.filter((e) => e.type === 'fan-card-create').length),
    1,
    'fan-card-create once, on reaching the last step',
  );
  assert.match(await page.$eval(`${host} >>> canvas`, (el) => el.getAttribute('aria-label')), new RegExp(words));
  assert.deepEqual(problems, []);
  await page.close();
});

test("Firefox: the demo's thank-you page, with the beacon alone (fanfare-beacon.js), reports its page view and its order", async () => {
  const { page, problems } = await open(`${shop.url}/thanks.html`, 'main');
  const order = await page.$eval('[data-order]', (el) => el.textContent);
  // Closing the tab sends what the beacon holds.
  await page.close();
  const stats = await until(() => dashboard(api, '/api/stats'), (s) => s.totals.conversion > 0, `no order ${order} reached the server`, { show: (s) => s.totals });
  assert.equal(stats.totals.conversion, 1);
  assert.ok(stats.topPages.some((p) => p.page.endsWith('/thanks.html')), 'the thank-you page view');
  assert.deepEqual(problems, []);
});
