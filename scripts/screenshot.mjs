// Screenshots of a page at phone and desktop widths, for looking at what we build:
// node scripts/screenshot.mjs http://127.0.0.1:5173/ [out-prefix]
// Prints anything the page logged as an error or warning.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { chromeArgs, findChrome } from './chrome.mjs';

const [url, prefix = 'shot'] = process.argv.slice(2);
mkdirSync('.cache/shots', { recursive: true });
const browser = await chromium.launch({ executablePath: findChrome(), args: chromeArgs });
for (const [name, width, height, mobile] of [['phone', 390, 844, true], ['desktop', 1280, 900, false]]) {
  const page = await browser.newPage({ viewport: { width, height }, deviceScaleFactor: mobile ? 2 : 1, isMobile: mobile, hasTouch: mobile });
  page.on('console', (m) => ['error', 'warning'].includes(m.type()) && console.log(`[${name}] ${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => console.log(`[${name}] pageerror: ${e.message}`));
  await page.goto(url, { waitUntil: 'networkidle' });
  await page.waitForTimeout(300);
  const file = `.cache/shots/${prefix}-${name}.png`;
  await page.screenshot({ path: file, fullPage: true });
  console.log(file);
  await page.close();
}
await browser.close();
