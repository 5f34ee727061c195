// An accessibility sweep: axe-core over every page of the demo shop and the docs site,
// with every widget rendered, in the browser and under the same strict CSP a site
// owner would use. Any violation fails, unless it is listed in KNOWN with the reason.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromeArgs, findChrome } from '../scripts/chrome.mjs';
import { startServer } from '../scripts/serve.mjs';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const docsDist = fileURLToPath(new URL('../docs/dist', import.meta.url));

/** Findings we accept, each with its reason: [page path, rule id, why]. */
const KNOWN = [];

function htmlFiles(dir, base = '') {
  return readdirSync(dir).flatMap((name) => {
    const path = `${dir}/${name}`;
    if (statSync(path).isDirectory()) return name === 'fanfare' ? [] : htmlFiles(path, `${base}/${name}`);
    return name.endsWith('.html') ? [`${base}/${name}`] : [];
  });
}

let demo, docs, browser;
before(async () => {
  demo = await startServer();
  docs = await startServer({ pages: docsDist });
  browser = await chromium.launch({ executablePath: findChrome(), args: chromeArgs });
});
after(async () => {
  await browser?.close();
  await demo?.close();
  await docs?.close();
});

async function sweep(url, path) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(url + path, { waitUntil: 'networkidle' });
  await page.evaluate(() =>
    Promise.all([...document.querySelectorAll('*')].filter((el) => el.localName.startsWith('fan-')).map((el) => el.updateComplete)),
  );
  await page.evaluate(axeSource);
  const result = await page.evaluate(() =>
    axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] }),
  );
  await page.close();
  return result.violations
    .filter((v) => !KNOWN.some(([p, id]) => p === path && id === v.id))
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' > ')).join(' | ')}`);
}

for (const path of ['/', '/zh.html', '/thanks.html', '/zh-thanks.html']) {
  test(`demo ${path} has no axe violations`, async () => {
    assert.deepEqual(await sweep(demo.url, path), []);
  });
}

test('every docs page has no axe violations', async () => {
  const pages = htmlFiles(docsDist);
  assert.ok(pages.length >= 5, 'docs are built');
  const found = [];
  for (const path of pages) for (const v of await sweep(docs.url, path)) found.push(`${path}: ${v}`);
  assert.deepEqual(found, []);
});
