import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { chromeArgs, findChrome } from '../../../scripts/chrome.mjs';
import { batch, eventId, send, start, TOKEN, type Running } from './helpers.js';

// The dashboard in headless Chromium against the real server: what a marketer sees is what the API answered.
describe('dashboard in Chromium', () => {
  let s: Running;
  let browser: Browser;
  beforeAll(async () => {
    // The real clock: the page asks for the last 7 days by the browser's.
    s = await start();
    const goal = (name: string) => ({ id: eventId(), n: 'goal', w: 'page', t: 3, p: { name } });
    await send(s.url, batch('bloom-shop', [goal('newsletter'), goal('newsletter'), goal('signup'), goal('=HYPERLINK("x")')]));
    const inp = (v: number, it?: string) => ({ id: eventId(), n: 'vital', w: 'page', t: 4, p: { m: 'INP', v, r: 'poor', sr: 1, fan: 'fan-2048', ...(it && { it }) } });
    await send(s.url, batch('bloom-shop', [inp(900, 'keydown board'), inp(650, 'keydown board'), inp(700)]));
    // scripts/chrome.mjs has no type declarations to import from a typed test; its Debian path and flags.
    browser = await chromium.launch({ executablePath: findChrome(), args: chromeArgs });
  }, 30_000);
  afterAll(async () => {
    await browser?.close();
    await s?.stop();
  });

  async function open(lang: 'en' | 'zh') {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await page.addInitScript(([token, l]) => {
      sessionStorage.setItem('fanfare.token', token!);
      sessionStorage.setItem('fanfare.lang', l!);
    }, [TOKEN, lang]);
    await page.goto(`${s.url}/?site=bloom-shop`);
    await page.waitForSelector('#t-goals table', { timeout: 3000 });
    return page;
  }

  it.each([
    ['en', 'Goals', ['Goal', 'Times reached']],
    ['zh', '转化目标', ['目标', '达成次数']],
  ] as const)('shows the goals reached by name (%s), with their CSV, and fits a 390 px phone', async (lang, title, head) => {
    const page = await open(lang);
    try {
      expect(await page.$eval('#t-goals figcaption span', (e) => e.textContent)).toBe(title);
      expect(await page.$$eval('#t-goals th', (ths) => ths.map((th) => th.textContent))).toEqual(head);
      const rows = await page.$$eval('#t-goals tbody tr', (trs) => trs.map((tr) => [...(tr as HTMLTableRowElement).cells].map((c) => c.textContent)));
      expect(rows).toEqual([
        ['newsletter', '2'],
        ['=HYPERLINK("x")', '1'],
        ['signup', '1'],
      ]);
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('#t-goals figcaption button')]);
      expect(download.suggestedFilename()).toMatch(/^bloom-shop-goals-/);
      const csv = readFileSync((await download.path())!, 'utf8');
      // A name that starts like a formula is quoted as text, as in every other table's CSV.
      expect(csv).toBe(`\ufeff${head.join(',')}\r\nnewsletter,2\r\n"'=HYPERLINK(""x"")",1\r\nsignup,1`);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
    } finally {
      await page.close();
    }
  });

  it.each([
    ['en', ['2048 game', 'INP', 'key press · board', '2'], ['2048 game', 'INP', '—', '1']],
    ['zh', ['2048 小游戏', 'INP', '按键 · board', '2'], ['2048 小游戏', 'INP', '—', '1']],
  ] as const)('traces a poor INP to the widget and to what the fan did in it (%s)', async (lang, ...want) => {
    const page = await open(lang);
    try {
      await page.waitForSelector('#t-slow tbody tr', { timeout: 3000 });
      const rows = await page.$$eval('#t-slow tbody tr', (trs) => trs.map((tr) => [...(tr as HTMLTableRowElement).cells].slice(0, 4).map((c) => c.textContent)));
      expect(rows).toEqual(want);
    } finally {
      await page.close();
    }
  });
});
