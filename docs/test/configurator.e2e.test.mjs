// The configurator end to end, in Chromium, on the built docs served with a strict CSP:
// a marketer sets options, is told in place what cannot be used, copies the code, pastes
// it into a blank page (served with the same embed folder), and gets the same widget.
// Needs `pnpm --filter @fanfare/docs build` first.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromeArgs, findChrome } from '../../scripts/chrome.mjs';
import { startServer } from '../../scripts/serve.mjs';

const dist = fileURLToPath(new URL('../dist', import.meta.url));
const blankDir = mkdtempSync(join(tmpdir(), 'fanfare-paste-'));
let docs, blank, browser, context, page;
const problems = [];

function watch(p, name) {
  p.on('console', (m) => m.type() === 'error' && problems.push(`${name}: ${m.text()}`));
  p.on('pageerror', (e) => problems.push(`${name}: ${e.message}`));
}

before(async () => {
  docs = await startServer({ pages: dist });
  blank = await startServer({ pages: blankDir });
  browser = await chromium.launch({ executablePath: findChrome(), args: chromeArgs });
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: docs.url });
  // Nothing may reach another host from these pages; answer locally if something tries.
  await context.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => {
    problems.push(`third-party request: ${route.request().url()}`);
    return route.fulfill({ status: 204 });
  });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective}`));
  });
  // Every console warning is reworded, whoever writes or swaps console.warn: what the
  // configurator explains must come from the widget's check, never from a warning's text.
  await context.addInitScript(() => {
    const reword = (fn) => (...args) => fn(`[reworded] ${args.map(String).join(' ').split(' ').reverse().join(' ')}`);
    let current = reword(console.warn.bind(console));
    Object.defineProperty(console, 'warn', { configurable: true, get: () => current, set: (fn) => (current = reword(fn)) });
  });
  page = await context.newPage();
  watch(page, 'configurator');
  await page.goto(`${docs.url}/configurator.html#fan-share`, { waitUntil: 'networkidle' });
  await page.locator('#preview-status', { hasText: 'Live' }).waitFor();
});

after(async () => {
  await browser?.close();
  await docs?.close();
  await blank?.close();
  rmSync(blankDir, { recursive: true, force: true });
});

const snippet = () => page.locator('#snippet').textContent();
const preview = () => page.locator('#preview fan-share');
const field = (name) => page.locator('#cfg-options .field, #cfg-style .field').filter({ has: page.locator(`code:text-is("${name}")`) });

/** What a fan sees of a <fan-share>: the networks in order, and how the group is laid out. */
function rendered(el) {
  return el.evaluate(async (share) => {
    await share.updateComplete;
    const root = share.shadowRoot;
    return {
      networks: [...root.querySelectorAll('[part="button"]')].map((b) => b.dataset.network),
      labels: [...root.querySelectorAll('[part="label"]')].map((l) => getComputedStyle(l).display !== 'none'),
      base: root.querySelector('[part="base"]').className,
      height: Math.round(root.querySelector('[part="button"]').getBoundingClientRect().height),
      brand: getComputedStyle(share).getPropertyValue('--fan-color-brand').trim(),
      firstBg: getComputedStyle(root.querySelector('[part="button"]')).backgroundColor,
    };
  });
}

function attributes(el) {
  return el.evaluate((e) =>
    Object.fromEntries([...e.attributes].filter((a) => a.name !== 'style').map((a) => [a.name, a.value])),
  );
}

test('the form starts from the widget defaults: the code is just the script and the tag', async () => {
  assert.equal(await snippet(), '<link rel="stylesheet" href="/fanfare/fanfare.css">\n<script type="module" src="/fanfare/fanfare.js"></script>\n<fan-share></fan-share>');
  assert.deepEqual(await attributes(preview()), {});
});

test('only public attributes are offered: no internal state such as packs, copied or status', async () => {
  const offered = await page.locator('#cfg-options .field-label code, #cfg-options .field-check code').allTextContents();
  assert.deepEqual(offered.sort(), ['image', 'lang', 'layout', 'networks', 'size', 'text', 'title', 'url', 'utm', 'variant']);
});

test('networks are chosen and ordered, and the live widget follows at once', async () => {
  const list = field('networks');
  // Checked networks line up in the order they were checked, then move with the arrows.
  for (const name of ['Copy link', 'Weibo', 'X']) await list.getByRole('checkbox', { name, exact: true }).check();
  assert.deepEqual((await rendered(preview())).networks, ['copy', 'weibo', 'x']);
  await list.getByRole('button', { name: 'Move Copy link down' }).click();
  await list.getByRole('button', { name: 'Move Copy link down' }).click();
  assert.deepEqual((await rendered(preview())).networks, ['weibo', 'x', 'copy']);
  assert.match(await snippet(), /<fan-share networks="weibo x copy"><\/fan-share>/);
});

test('layout, variant, size and utm are set from the form', async () => {
  await field('layout').locator('select').selectOption('column');
  await field('variant').locator('select').selectOption('label');
  await field('size').locator('select').selectOption('l');
  await field('utm').locator('input').fill('spring-sale');
  const shown = await rendered(preview());
  assert.match(shown.base, /\bcolumn\b/);
  assert.match(shown.base, /\blabel\b/);
  assert.equal(shown.height, 48);
  assert.ok(shown.labels.every(Boolean), 'labels are visible');
  assert.match(await snippet(), /networks="weibo x copy"[\s\S]*layout="column"[\s\S]*variant="label"[\s\S]*size="l"[\s\S]*utm="spring-sale"/);
});

test('an invalid URL is explained in place and kept out of the code until fixed', async () => {
  const url = field('url');
  await url.locator('input').fill('javascript:alert(1)');
  await assert.doesNotReject(url.locator('.field-msg.bad', { hasText: 'Only http:, https: or relative URLs' }).waitFor());
  assert.equal(await url.locator('input').getAttribute('aria-invalid'), 'true');
  assert.doesNotMatch(await snippet(), /url=/);
  assert.equal(await preview().getAttribute('url'), null);

  await url.locator('input').fill('https://shop.example/tulips?ref=1&lang=en');
  await url.locator('.field-msg.bad').waitFor({ state: 'hidden' });
  assert.equal(await url.locator('input').getAttribute('aria-invalid'), null);
  assert.match(await snippet(), /url="https:\/\/shop\.example\/tulips\?ref=1&amp;lang=en"/);
});

test('colours go to a stylesheet block; a value that is not a colour is explained', async () => {
  const brand = field('--fan-color-brand');
  await brand.locator('input[type=text]').fill('bleu');
  await brand.locator('.field-msg.bad', { hasText: 'expected a CSS colour' }).waitFor();
  assert.equal(await page.locator('#css-out').isHidden(), true);

  await brand.locator('input[type=text]').fill('#0b6e4f');
  await brand.locator('.field-msg.bad').waitFor({ state: 'hidden' });
  await field('--fan-share-button-bg').locator('input[type=text]').fill('rgb(11 110 79)');
  assert.equal(await page.locator('#css-snippet').textContent(), 'fan-share {\n  --fan-color-brand: #0b6e4f;\n  --fan-share-button-bg: rgb(11 110 79);\n}');
  assert.equal((await rendered(preview())).firstBg, 'rgb(11, 110, 79)');
});

test('the copied code, pasted into a blank page, renders the same widget', async () => {
  await page.getByRole('button', { name: 'Copy HTML' }).click();
  await page.locator('#copy-status', { hasText: 'HTML copied' }).waitFor();
  const html = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(html, await snippet());
  await page.getByRole('button', { name: 'Copy CSS' }).click();
  await page.locator('#copy-status', { hasText: 'CSS copied' }).waitFor();
  const css = await page.evaluate(() => navigator.clipboard.readText());

  writeFileSync(join(blankDir, 'site.css'), css);
  writeFileSync(
    join(blankDir, 'index.html'),
    `<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>A site owner's page</title>\n<link rel="stylesheet" href="site.css">\n</head>\n<body>\n${html}\n</body>\n</html>\n`,
  );
  const pasted = await context.newPage();
  watch(pasted, 'pasted page');
  await pasted.goto(`${blank.url}/`, { waitUntil: 'networkidle' });
  await pasted.waitForFunction(() => customElements.get('fan-share'));
  const there = pasted.locator('fan-share');

  assert.deepEqual(await attributes(there), await attributes(preview()));
  assert.deepEqual(await attributes(there), {
    networks: 'weibo x copy',
    layout: 'column',
    variant: 'label',
    size: 'l',
    utm: 'spring-sale',
    url: 'https://shop.example/tulips?ref=1&lang=en',
  });
  assert.deepEqual(await rendered(there), await rendered(preview()));
  const link = await there.evaluate((e) => e.shadowRoot.querySelector('[data-network="weibo"]').href);
  const shared = new URL(new URL(link).searchParams.get('url'));
  assert.equal(shared.searchParams.get('utm_campaign'), 'spring-sale');
  await pasted.close();
});

test('a value that passes the form but the widget refuses is explained with the widget\'s own reason', async () => {
  // 2048's size takes 3 to 6; the number box accepts any number, so the widget has the last word.
  const choice = page.locator('input[name="widget"][value="fan-2048"]');
  assert.equal(await choice.count(), 1, 'no <fan-2048> in custom-elements.json');
  await choice.check();
  await page.locator('#preview-status', { hasText: /Live|No live preview/ }).waitFor();
  assert.equal(await page.locator('#preview-status').textContent(), 'Live', "this build's fanfare.js has no <fan-2048>");
  const size = field('size');
  await size.locator('input').fill('9');
  await size.locator('.field-msg.bad', { hasText: 'The widget ignores this value' }).waitFor();
  assert.doesNotMatch(await snippet(), /size=/);
  await size.locator('input').fill('5');
  await size.locator('.field-msg.bad').waitFor({ state: 'hidden' });
  assert.match(await snippet(), /<fan-2048 size="5"><\/fan-2048>/);
});

test("2048's style fields start from the game's real defaults: a beige board, the widest width it grows to", async () => {
  assert.equal(await field('--fan-2048-board').locator('input[type=color]').inputValue(), '#bbada0');
  assert.equal(await field('--fan-2048-board').locator('input[type=text]').getAttribute('placeholder'), '#bbada0');
  assert.equal(await field('--fan-2048-cell').locator('input[type=color]').inputValue(), '#cdc1b4');
  assert.equal(await field('--fan-2048-max-width').locator('input').getAttribute('placeholder'), '30rem');
  assert.equal(await field('--fan-2048-gap').locator('input').getAttribute('placeholder'), '8px');
  // What the preview draws with no CSS set: the same beige.
  const board = await page.locator('#preview fan-2048').evaluate((el) => getComputedStyle(el.shadowRoot.querySelector('[part~="board"]')).backgroundColor);
  assert.equal(board, 'rgb(187, 173, 160)');
});

test('nothing logged an error, broke the CSP or called another host', () => {
  assert.deepEqual(problems, []);
});
