// The demo shop as a fan meets it: every widget loads through the one script tag under
// the strict CSP, in English and Chinese, at phone and desktop widths, with no error,
// no CSP violation and no layout shift; and each widget answers a first interaction.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { chromeArgs, findChrome } from '../scripts/chrome.mjs';
import { startServer } from '../scripts/serve.mjs';

let server, browser;

before(async () => {
  server = await startServer();
  browser = await chromium.launch({ executablePath: findChrome(), args: chromeArgs });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function open(path, viewport) {
  const page = await browser.newPage({ viewport });
  const problems = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  await page.addInitScript(() => {
    window.__shifts = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shifts += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.sourceFile}:${e.lineNumber}`));
  });
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

test('a fan plays moves with the keyboard and opens a review photo in the lightbox', async () => {
  const { page, problems } = await open('/', { width: 1280, height: 900 });
  await page.evaluate(() => {
    window.__events = [];
    for (const name of ['fan-review-open']) {
      document.addEventListener(name, (e) => window.__events.push(e.type));
    }
  });
  const game = page.locator('fan-2048');
  await game.scrollIntoViewIfNeeded();
  const before = await game.evaluate((el) => el.shadowRoot.textContent);
  await game.locator('[part~="board"]').focus();
  for (const key of ['ArrowLeft', 'ArrowUp', 'ArrowRight', 'ArrowDown']) await page.keyboard.press(key);
  await page.waitForTimeout(300);
  assert.notEqual(await game.evaluate((el) => el.shadowRoot.textContent), before, 'the board did not change');

  const show = page.locator('fan-buyer-show');
  await show.scrollIntoViewIfNeeded();
  await show.locator('[part~="slide"] img').first().click();
  await page.waitForFunction(() => document.querySelector('fan-buyer-show').shadowRoot.querySelector('dialog[open]'));
  await page.keyboard.press('Escape');

  assert.ok((await page.evaluate(() => window.__events)).includes('fan-review-open'));
  assert.deepEqual(problems, []);
  await page.close();
});
