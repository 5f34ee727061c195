import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { chromeArgs, findChrome } from '../../../scripts/chrome.mjs';
import { buildEmbed } from './fixtures/wechat/build.mjs';
import { EXAMPLE_TICKET, startWeChatStandIn, type StandIn } from './fixtures/wechat/api.js';
import { attribution, start, type Running } from './helpers.js';

// The page side of WeChat share cards in headless Chromium: the loader and its chunks built
// from source as they ship, a page served under a strict CSP with Trusted Types, the real
// fanfare-server, a stand-in WeChat API behind it, and a stand-in JS-SDK (data-wechat-sdk)
// that records every call and checks wx.config's signature the way WeChat does.

const APP_ID = 'wx0123456789abcdef';
const APP_SECRET = '0123456789abcdef0123456789abcdef';
const ANDROID =
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/122.0.6261.120 Mobile Safari/537.36 XWEB/1220099 MMWEBSDK/20240404 MicroMessenger/8.0.49.2600(0x28003133) WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64';
const IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.50(0x1800323c) NetType/WIFI Language/zh_CN';
const CHROME = 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Mobile Safari/537.36';
const PARENT = 'parentTok123';

interface WxCall {
  name: string;
  arg?: Record<string, unknown>;
}

describe('WeChat share cards in Chromium', () => {
  let wx: StandIn;
  let api: Running;
  let site: Server;
  let origin: string;
  let dir: string;
  let browser: Browser;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fanfare-wechat-page-'));
    await buildEmbed(join(dir, 'fanfare'));
    wx = await startWeChatStandIn({ appId: APP_ID, appSecret: APP_SECRET });
    // The site's origin must be known before the server's config lists it: take a port first.
    site = createServer();
    await new Promise<void>((r) => site.listen(0, '127.0.0.1', r));
    origin = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
    api = await start({ sites: { 'bloom-shop': { origins: [origin], wechat: { appId: APP_ID, appSecret: APP_SECRET, apiBase: wx.url } } } }, { env: {} });
    site.on('request', (req, res) => {
      const path = new URL(req.url ?? '/', origin).pathname;
      if (path.startsWith('/fanfare/')) {
        try {
          const body = readFileSync(join(dir, path));
          res.writeHead(200, { 'content-type': extname(path) === '.js' ? 'text/javascript' : 'application/octet-stream' });
          return res.end(body);
        } catch {
          res.writeHead(404);
          return res.end();
        }
      }
      if (path === '/jweixin-fake.js') {
        res.writeHead(200, { 'content-type': 'text/javascript' });
        return res.end(readFileSync(new URL('./fixtures/wechat/jweixin-fake.js', import.meta.url)));
      }
      if (/^\/(p|plain)\//.test(path)) {
        res.writeHead(200, {
          'content-type': 'text/html; charset=utf-8',
          'content-security-policy': [
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            `connect-src 'self' ${api.url}`,
            "require-trusted-types-for 'script'",
            'trusted-types lit-html fanfare-wechat',
          ].join('; '),
        });
        return res.end(pageHtml(path.startsWith('/p/')));
      }
      res.writeHead(404);
      return res.end();
    });
    browser = await chromium.launch({ executablePath: findChrome(), args: chromeArgs });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await api?.stop();
    await wx?.close();
    site?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  function pageHtml(wechat: boolean): string {
    const tag = wechat ? ` data-wechat="${api.url}/wechat/signature" data-wechat-sdk="/jweixin-fake.js"` : '';
    return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>春日郁金香 | Bloom</title>
<meta property="og:image" content="/img/og.jpg">
<script type="module" src="/fanfare/fanfare.js" data-site="bloom-shop" data-endpoint="${api.url}/e"${tag}></script>
</head><body><fan-share networks="wechat weibo copy" title="春日郁金香，十支装" text="今天下单，明天送达" image="/img/tulips.jpg" utm="spring"></fan-share></body></html>`;
  }

  /** A page in a browser with `ua`; every request it makes is kept, and every fan-share event heard at the document. */
  async function open(ua: string, path: string) {
    const context = await browser.newContext({ userAgent: ua, viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const requests: string[] = [];
    const errors: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    // Chromium asks for /favicon.ico on its own; any other failed request is an error of ours.
    page.on('console', (m) => m.type() === 'error' && !m.text().startsWith('Failed to load resource') && errors.push(m.text()));
    page.on('response', (r) => r.status() >= 400 && !r.url().endsWith('/favicon.ico') && errors.push(`${r.status()} ${r.url()}`));
    page.on('pageerror', (e) => errors.push(e.message));
    await page.addInitScript((ticket) => {
      const w = window as unknown as { __wxLanding: string; __wxTicket: string; __events: unknown[] };
      w.__wxLanding = location.href;
      w.__wxTicket = ticket;
      w.__events = [];
      document.addEventListener('fan-share', (e) => w.__events.push({ from: e.target === document ? 'document' : (e.target as Element).localName, detail: (e as CustomEvent).detail }), true);
    }, EXAMPLE_TICKET);
    const signatures: Record<string, unknown>[] = [];
    page.on('response', async (r) => {
      if (!r.url().includes('/wechat/signature')) return;
      const entry: Record<string, unknown> = { status: r.status(), url: new URL(r.url()).searchParams.get('url') };
      signatures.push(entry);
      entry.body = await r.json().catch(() => undefined);
    });
    await page.goto(`${origin}${path}`);
    return { page, context, requests, errors, signatures };
  }

  const calls = (page: Page) => page.evaluate(() => (window as unknown as { __wx?: { calls: WxCall[] } }).__wx?.calls ?? []);
  const named = async (page: Page, name: string) => (await calls(page)).filter((c) => c.name === name);
  const events = (page: Page) => page.evaluate(() => (window as unknown as { __events: { from: string; detail: Record<string, string> }[] }).__events);
  async function waitForCalls(page: Page, name: string, n: number) {
    await page.waitForFunction(([k, m]) => ((window as unknown as { __wx?: { calls: WxCall[] } }).__wx?.calls ?? []).filter((c) => c.name === k).length >= (m as number), [name, n] as const, { timeout: 5000 });
  }

  it("Android: wx.config gets the server's signature for the page's address, and the card the page's words, image and a fanref link", async () => {
    const before = { token: wx.count('/cgi-bin/token'), ticket: wx.count('/cgi-bin/ticket/getticket') };
    const { page, context, errors, signatures } = await open(ANDROID, `/p/42?fanref=${PARENT}`);
    try {
      await waitForCalls(page, 'onMenuShareTimeline', 1);
      // The address lost its fanref before anything else ran; Android WeChat signs the address now.
      const here = `${origin}/p/42`;
      expect(signatures).toHaveLength(1);
      expect(signatures[0]).toMatchObject({ status: 200, url: here });
      const [config] = await named(page, 'config');
      const answer = signatures[0]!.body as Record<string, unknown>;
      expect(config!.arg).toEqual({
        debug: false,
        appId: APP_ID,
        timestamp: answer.timestamp,
        nonceStr: answer.nonceStr,
        signature: answer.signature,
        jsApiList: ['updateAppMessageShareData', 'updateTimelineShareData', 'onMenuShareAppMessage', 'onMenuShareTimeline'],
      });
      expect(await named(page, 'verified')).toEqual([{ name: 'verified', arg: { url: here } }]);

      const [friend] = await named(page, 'updateAppMessageShareData');
      const link = friend!.arg!.link as string;
      expect(link).toMatch(new RegExp(`^${here}\\?utm_source=wechat&utm_medium=social&utm_campaign=spring&fanref=[\\w-]{12}$`));
      expect(friend!.arg).toEqual({ title: '春日郁金香，十支装', desc: '今天下单，明天送达', link, imgUrl: `${origin}/img/tulips.jpg` });
      expect((await named(page, 'updateTimelineShareData'))[0]!.arg).toEqual({ title: '春日郁金香，十支装', link, imgUrl: `${origin}/img/tulips.jpg` });
      expect((await named(page, 'onMenuShareAppMessage'))[0]!.arg).toEqual(friend!.arg);
      expect((await named(page, 'onMenuShareTimeline'))[0]!.arg).toEqual({ title: '春日郁金香，十支装', link, imgUrl: `${origin}/img/tulips.jpg` });
      // The card's token is reported as a WeChat share of the page, with the token this view arrived with.
      const ref = new URL(link).searchParams.get('fanref');
      expect(await events(page)).toEqual([{ from: 'document', detail: { network: 'wechat', url: link, ref, parent: PARENT } }]);
      expect(wx.count('/cgi-bin/token') - before.token).toBeLessThanOrEqual(1);
      expect(wx.count('/cgi-bin/ticket/getticket') - before.ticket).toBeLessThanOrEqual(1);

      // A single-page app's route change: signed again for the new address, a card and a token of its own.
      await page.evaluate(() => history.pushState({}, '', '/p/43#top'));
      await waitForCalls(page, 'onMenuShareTimeline', 2);
      expect(signatures.map((s) => s.url)).toEqual([here, `${origin}/p/43`]);
      expect((await named(page, 'config')).length).toBe(2);
      expect((await named(page, 'verified')).map((c) => c.arg!.url)).toEqual([here, `${origin}/p/43`]);
      const second = (await named(page, 'updateAppMessageShareData'))[1]!.arg!.link as string;
      expect(second).toMatch(new RegExp(`^${origin}/p/43\\?utm_source=wechat&utm_medium=social&utm_campaign=spring&fanref=[\\w-]{12}$`));
      expect(new URL(second).searchParams.get('fanref')).not.toBe(ref);
      expect((await events(page)).map((e) => e.detail.url)).toEqual([link, second]);
      // A change of hash alone is the same page: no new signature.
      await page.evaluate(() => history.pushState({}, '', '/p/43#reviews'));
      await page.waitForTimeout(300);
      expect(signatures).toHaveLength(2);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('iOS: signs the URL the page was entered with (its fanref too), once, and a route change only changes the card', async () => {
    const { page, context, errors, signatures } = await open(IPHONE, `/p/42?fanref=${PARENT}`);
    try {
      await waitForCalls(page, 'onMenuShareTimeline', 1);
      const landing = `${origin}/p/42?fanref=${PARENT}`;
      expect(await page.evaluate(() => location.href)).toBe(`${origin}/p/42`);
      expect(signatures.map((s) => s.url)).toEqual([landing]);
      expect(await named(page, 'verified')).toEqual([{ name: 'verified', arg: { url: landing } }]);
      const first = (await named(page, 'updateAppMessageShareData'))[0]!.arg!.link as string;
      expect(first.startsWith(`${origin}/p/42?utm_source=wechat`)).toBe(true);

      await page.evaluate(() => history.pushState({}, '', '/p/43'));
      await waitForCalls(page, 'onMenuShareTimeline', 2);
      expect(signatures).toHaveLength(1);
      expect(await named(page, 'config')).toHaveLength(1);
      const second = (await named(page, 'updateAppMessageShareData'))[1]!.arg!.link as string;
      expect(second).toMatch(new RegExp(`^${origin}/p/43\\?utm_source=wechat&utm_medium=social&utm_campaign=spring&fanref=[\\w-]{12}$`));
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("a tap on <fan-share>'s WeChat button inside WeChat shows the ··· hint, and the card then carries that share's own link", async () => {
    const { page, context, errors } = await open(ANDROID, '/p/44');
    try {
      await waitForCalls(page, 'onMenuShareTimeline', 1);
      await page.locator('fan-share').locator('button', { hasText: '微信' }).first().click();
      await expect.poll(() => page.locator('fan-share').locator('.hint').textContent()).toBe('点击右上角“···”，即可发送给朋友或分享到朋友圈。');
      await waitForCalls(page, 'onMenuShareTimeline', 2);
      const tapped = (await events(page)).find((e) => e.from === 'fan-share')!;
      expect(tapped.detail.network).toBe('wechat');
      const card = (await named(page, 'updateAppMessageShareData'))[1]!.arg!;
      expect(card).toEqual({ title: '春日郁金香，十支装', desc: '今天下单，明天送达', link: tapped.detail.url, imgUrl: `${origin}/img/tulips.jpg` });
      // No second report of its own: the button's event is the share.
      expect((await events(page)).filter((e) => e.from === 'document')).toHaveLength(1);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('a tap whose fan-share the page cancelled leaves the card as it was', async () => {
    const { page, context, errors } = await open(ANDROID, '/p/47');
    try {
      await waitForCalls(page, 'onMenuShareTimeline', 1);
      await page.evaluate(() => document.querySelector('fan-share')!.addEventListener('fan-share', (e) => e.preventDefault()));
      await page.locator('fan-share').locator('button', { hasText: '微信' }).first().click();
      await page.waitForTimeout(300);
      expect((await events(page)).filter((e) => e.from === 'fan-share')).toHaveLength(1);
      expect(await named(page, 'updateAppMessageShareData')).toHaveLength(1);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('outside WeChat, and inside WeChat without data-wechat, nothing is loaded or requested', async () => {
    for (const [ua, path] of [
      [CHROME, '/p/45'],
      [ANDROID, '/plain/45'],
    ] as const) {
      const { page, context, requests, errors } = await open(ua, path);
      try {
        await page.waitForFunction(() => customElements.get('fan-share') !== undefined && document.querySelector('fan-share')?.shadowRoot?.querySelector('button'));
        await page.waitForTimeout(500);
        expect(requests.filter((u) => /wechat|jweixin|weixin/.test(u) && !u.endsWith('/share-wechat.js'))).toEqual([]);
        expect(await page.evaluate(() => 'wx' in window || '__wx' in window)).toBe(false);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    }
  });

  it("the dashboard credits a friend's visit from a card shared through WeChat's ··· menu", async () => {
    const { page, context } = await open(ANDROID, '/p/46');
    let link: string;
    try {
      await waitForCalls(page, 'onMenuShareTimeline', 1);
      link = (await named(page, 'updateAppMessageShareData'))[0]!.arg!.link as string;
      // Leaving the page sends what the beacon holds.
      await page.goto('about:blank');
    } finally {
      await context.close();
    }
    // A friend, in another browser, opens the shared card. Its page view leaves by fetch when the
    // beacon's timer fires (a beacon sent as a page goes carries no user-agent override, which
    // would make the friend the sharer to the visitor hash).
    const friend = await open(`${ANDROID} friend`, new URL(link).pathname + new URL(link).search);
    // Every WeChat page view of this file reported its card as a share; only this one was visited.
    await expect
      .poll(async () => {
        const r = (await (await attribution(api.url, 'bloom-shop')).json()) as { byNetwork: { network: string; visits: number }[] };
        return r.byNetwork.find((n) => n.network === 'wechat')?.visits;
      }, { timeout: 15_000 })
      .toBe(1);
    await friend.context.close();
  }, 30_000);
});
