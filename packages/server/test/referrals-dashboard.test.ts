import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { chromeArgs, findChrome } from '../../../scripts/chrome.mjs';
import { batch, browser as ua, pageview, send, shareWith, start, TOKEN, type Running } from './helpers.js';

// The dashboard's Invites section in headless Chromium against the real server: invites
// started (some in the holdout), friends who came, a reward claimed, shares by network.
describe('dashboard: invites', () => {
  let s: Running;
  let chrome: Browser;
  beforeAll(async () => {
    s = await start({
      trustProxy: true,
      referrals: { spring: { site: 'bloom-shop', friends: 2, title: '15% off', generate: { prefix: 'SP-' }, holdout: 0.5, invitesPerDay: 10 } },
    });
    const post = (path: string, body: object, ip: string) =>
      fetch(`${s.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': ip, 'user-agent': ua('fan') }, body: JSON.stringify(body) }).then(
        (r) => r.json() as Promise<{ ref: string; key?: string; holdout?: boolean }>,
      );
    let offer = 0;
    let held = 0;
    for (let i = 0; i < 30 && (offer < 2 || held < 1); i++) {
      const ip = `10.0.0.${i}`;
      const inv = await post('/referrals', { campaign: 'spring' }, ip);
      if (inv.holdout ? held >= 1 : offer >= 2) continue;
      const friends = inv.holdout ? 1 : offer === 0 ? 2 : 1;
      if (inv.holdout) held++;
      else offer++;
      await send(s.url, batch('bloom-shop', [shareWith(offer === 1 && !inv.holdout ? 'wechat' : 'weibo', inv.ref)]), { 'x-forwarded-for': ip, 'user-agent': ua('fan') });
      for (let f = 0; f < friends; f++) await send(s.url, batch('bloom-shop', [pageview({ ref: inv.ref })]), { 'x-forwarded-for': `10.9.${i}.${f}`, 'user-agent': ua(`friend-${i}-${f}`) });
      if (friends === 2) expect(await post(`/referrals/${inv.ref}/claim`, { key: inv.key }, ip)).toMatchObject({ code: expect.stringMatching(/^SP-/) });
    }
    expect([offer, held]).toEqual([2, 1]);
    chrome = await chromium.launch({ executablePath: findChrome(), args: chromeArgs });
  }, 30_000);
  afterAll(async () => {
    await chrome?.close();
    await s?.stop();
  });

  it.each([
    ['en', 'Invites', ['Invites started', 'Friends brought', 'Rewards given'], 'spring: with the offer each invite brought 1.5 friends, without it 1.', ['spring', '15% off', '3', '4', '1', '1', 'Unlimited'], ['spring', '1.5 (2 invites)', '1 (1 invite)', '+0.5']],
    ['zh', '邀请好友', ['发起邀请数', '带来好友数', '奖励发放数'], 'spring：有奖励时每次邀请带来 1.5 位好友，无奖励时为 1 位。', ['spring', '15% off', '3', '4', '1', '1', '不限量'], ['spring', '1.5（2 次邀请）', '1（1 次邀请）', '+0.5']],
  ] as const)('shows invites, friends, rewards and the holdout comparison (%s) on a 390 px phone', async (lang, title, kpis, note, campaignRow, holdoutRow) => {
    const page = await chrome.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    try {
      await page.addInitScript(([token, l]) => {
        sessionStorage.setItem('fanfare.token', token!);
        sessionStorage.setItem('fanfare.lang', l!);
      }, [TOKEN, lang]);
      await page.goto(`${s.url}/`);
      await page.waitForSelector('#t-invites table', { timeout: 5000 });
      expect(await page.textContent('#h-invites')).toBe(title);
      expect(await page.$$eval('#invite-kpis .kpi', (ks) => ks.map((k) => [k.querySelector('.label')!.textContent, k.querySelector('.value')!.textContent]))).toEqual(kpis.map((k, i) => [k, ['3', '4', '1'][i]]));
      expect(await page.textContent('#holdout-note')).toBe(note);
      const cells = (id: string) => page.$$eval(`#${id} tbody tr`, (trs) => trs.map((tr) => [...(tr as HTMLTableRowElement).cells].map((c) => c.textContent)));
      expect(await cells('t-invites')).toEqual([campaignRow]);
      expect(await cells('t-holdout')).toEqual([holdoutRow]);
      expect((await cells('t-invite-networks')).map((r) => r.slice(1))).toEqual([['2', '2'], ['1', '1']]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
      if (process.env.SHOTS) await page.locator('section[aria-labelledby="h-invites"]').screenshot({ path: `${process.env.SHOTS}/dashboard-invites-${lang}.png` });
    } finally {
      await page.close();
    }
  });
});
