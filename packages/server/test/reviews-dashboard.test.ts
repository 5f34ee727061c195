import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { chromeArgs, findChrome } from '../../../scripts/chrome.mjs';
import { gpsJpeg, pngPhoto, postReview } from './fixtures/reviews/images.js';
import { start, TOKEN, type Running } from './helpers.js';

// The moderation queue in headless Chromium against the real server, as a moderator uses it
// on a phone: photos, approve, reject with a reason, bulk, the audit log; in English and Chinese.
describe('moderation queue in Chromium', () => {
  let s: Running;
  let browser: Browser;
  let media: string;
  const shots = process.env.REVIEW_SHOTS; // a folder: screenshots for a person to look at

  beforeAll(async () => {
    media = mkdtempSync(join(tmpdir(), 'fanfare-media-'));
    s = await start({ media, reviewRateLimit: { perSecond: 0, burst: 1 }, sites: { 'bloom-shop': { origins: ['*'] } } });
    browser = await chromium.launch({ executablePath: findChrome(), args: chromeArgs });
    if (shots) mkdirSync(shots, { recursive: true });
  }, 30_000);
  afterAll(async () => {
    await browser?.close();
    await s?.stop();
    rmSync(media, { recursive: true, force: true });
  });

  async function seed(tag: string): Promise<string[]> {
    const photo = await gpsJpeg(1200, 900);
    const png = await pngPhoto();
    const texts: [string, string, string, Buffer[]][] = [
      ['Lisa Wong', '5', `Gorgeous vase, the glaze is even nicer in daylight. ${tag}`, [photo, png]],
      ['王小明', '4', `质量很好，包装也很用心，送给妈妈的生日礼物。${tag}`, [photo]],
      ['<img src=x onerror=alert(1)>', '1', `<b>Broke</b> in a week, see www.cheap.example.com ${tag}`, []],
    ];
    const ids: string[] = [];
    for (const [author, rating, text, photos] of texts) {
      const r = await postReview(s.url, { site: 'bloom-shop', product: 'tulip-vase', rating, text, author }, photos.map((data, i) => ({ name: `${i}.jpg`, type: 'image/jpeg', data })));
      expect(r.status).toBe(201);
      ids.push(r.json.id);
    }
    return ids;
  }

  async function open(lang: 'en' | 'zh', width = 390): Promise<Page> {
    const page = await browser.newPage({ viewport: { width, height: 844 }, isMobile: width < 600, hasTouch: width < 600 });
    page.on('pageerror', (err) => {
      throw err;
    });
    await page.addInitScript(([token, l]) => {
      sessionStorage.setItem('fanfare.token', token!);
      sessionStorage.setItem('fanfare.lang', l!);
    }, [TOKEN, lang]);
    await page.goto(`${s.url}/`);
    await page.waitForSelector('#rv-list .review', { timeout: 5000 });
    return page;
  }

  const item = (page: Page, id: string) => page.locator(`#rv-list .review[data-id="${id}"]`);

  it.each([
    ['en', 'Buyer shows', 'Approve', 'Write a reason before rejecting.', 'Audit log'],
    ['zh', '买家秀审核', '通过', '请先填写驳回原因。', '操作记录'],
  ] as const)('works on a 390 px phone (%s): photos, approve, reject with a reason, bulk, the audit log', async (lang, title, approve, needReason, history) => {
    const ids = await seed(lang);
    const page = await open(lang);
    try {
      expect(await page.textContent('#h-reviews')).toBe(title);
      // Near the top of the page: how many wait, leading to the queue.
      expect(await page.textContent('#rv-jump')).toBe(lang === 'en' ? '3 buyer shows wait for you' : '有 3 条买家秀待审核');
      expect(await page.getAttribute('#rv-jump', 'href')).toBe('#h-reviews');
      // Newest first, with their photos loaded through the admin API.
      await page.waitForFunction(() => [...document.querySelectorAll<HTMLImageElement>('#rv-list img')].filter((i) => i.naturalWidth > 0).length >= 3);
      const order = await page.$$eval('#rv-list .review', (els) => els.map((e) => (e as HTMLElement).dataset.id));
      expect(order.slice(0, 3)).toEqual([...ids].reverse());
      // Words are text, never markup.
      expect(await item(page, ids[2]!).locator('.who').textContent()).toBe('<img src=x onerror=alert(1)>');
      expect(await item(page, ids[2]!).locator('.review-text').textContent()).toContain('<b>Broke</b>');
      expect(await item(page, ids[2]!).locator('.chip').first().textContent()).toBe(lang === 'en' ? 'Has a link' : '含链接');
      if (shots) await page.locator('section[aria-labelledby="h-reviews"]').screenshot({ path: join(shots, `moderation-${lang}-390.png`) });
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);

      // Reject needs a reason; then it goes.
      await item(page, ids[2]!).locator('button.reject').click();
      expect(await page.textContent('#rv-message')).toBe(needReason);
      await item(page, ids[2]!).locator('input[type="text"]').fill('not about this product');
      await item(page, ids[2]!).locator('button.reject').click();
      await page.waitForSelector(`#rv-list .review[data-id="${ids[2]}"]`, { state: 'detached' });

      // Approve one by its button, the other in bulk.
      await item(page, ids[1]!).getByRole('button', { name: approve, exact: true }).click();
      await page.waitForSelector(`#rv-list .review[data-id="${ids[1]}"]`, { state: 'detached' });
      await item(page, ids[0]!).locator('.rv-pick').check();
      await page.click('#rv-approve');
      await page.waitForSelector(`#rv-list .review[data-id="${ids[0]}"]`, { state: 'detached' });

      const feed = await (await fetch(`${s.url}/feeds/bloom-shop/tulip-vase.json`)).json();
      expect(feed.reviews.slice(0, 2).map((r: { id: string }) => r.id)).toEqual([ids[1], ids[0]]);

      expect(await page.textContent('.rv-history figcaption')).toBe(history);
      const rows = await page.$$eval('#rv-history tbody tr', (trs) => trs.slice(0, 3).map((tr) => (tr as HTMLTableRowElement).cells[4]!.textContent));
      expect(rows).toEqual(['', '', 'not about this product']);
      await page.selectOption('#rv-status', 'rejected');
      await page.waitForSelector(`#rv-list .review[data-id="${ids[2]}"]`);
      expect(await item(page, ids[2]!).locator('.note').textContent()).toContain('not about this product');
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
      if (shots) {
        await page.selectOption('#rv-status', 'published');
        await page.waitForSelector(`#rv-list .review[data-id="${ids[0]}"]`);
        await page.locator('section[aria-labelledby="h-reviews"]').screenshot({ path: join(shots, `moderation-${lang}-390-published.png`) });
      }
    } finally {
      await page.close();
    }
  }, 30_000);

  it('lays the queue out in columns on a desktop', async () => {
    await seed('desktop');
    const page = await open('en', 1280);
    try {
      const lefts = await page.$$eval('#rv-list .review', (els) => new Set(els.map((e) => Math.round(e.getBoundingClientRect().left))).size);
      expect(lefts).toBeGreaterThan(1);
      if (shots) await page.locator('section[aria-labelledby="h-reviews"]').screenshot({ path: join(shots, 'moderation-en-1280.png') });
    } finally {
      await page.close();
    }
  }, 30_000);
});
