import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { ConfigInput } from '../src/config.js';
import { ConfigError } from '../src/config.js';
import { readGrant, ticketUrl, tokenUrl } from '../src/wechat/api.js';
import { secretVariable } from '../src/wechat/accounts.js';
import { FAILURE_HOLD_MS, REFRESH_BEFORE_MS } from '../src/wechat/service.js';
import { jsapiSignature, nonceFrom, signedUrl } from '../src/wechat/sign.js';
import { EXAMPLE_TICKET, startWeChatStandIn, type StandIn, type StandInOptions } from './fixtures/wechat/api.js';
import { start, TOKEN, type Running } from './helpers.js';

const APP_ID = 'wx0123456789abcdef';
const APP_SECRET = '0123456789abcdef0123456789abcdef';
const SHOP = 'https://shop.example';
const T0 = Date.UTC(2026, 11, 1, 9, 0, 0);

describe('the jsapi signature (pure)', () => {
  it("gives WeChat's own documented example", () => {
    expect(
      jsapiSignature({
        jsapi_ticket: EXAMPLE_TICKET,
        noncestr: 'Wm3WZYTPz0wzccnW',
        timestamp: 1414587457,
        url: 'http://mp.weixin.qq.com?params=value',
      }),
    ).toBe('0f9de62fce790f9a083d5c99e95740ceb90c27ed');
  });

  it('sorts the fields by name, whatever order they come in', () => {
    const fields = { url: 'http://mp.weixin.qq.com?params=value', timestamp: '1414587457', noncestr: 'Wm3WZYTPz0wzccnW', jsapi_ticket: EXAMPLE_TICKET };
    expect(jsapiSignature(fields)).toBe('0f9de62fce790f9a083d5c99e95740ceb90c27ed');
  });

  it('cuts the URL at its first #, and signs the rest as written (no re-encoding)', () => {
    const base = { jsapi_ticket: EXAMPLE_TICKET, noncestr: 'Wm3WZYTPz0wzccnW', timestamp: 1414587457 };
    expect(jsapiSignature({ ...base, url: 'http://mp.weixin.qq.com?params=value#top' })).toBe('0f9de62fce790f9a083d5c99e95740ceb90c27ed');
    expect(signedUrl('https://a.example/p?q=1#x#y')).toBe('https://a.example/p?q=1');
    const raw = 'https://a.example/p?q=a%20b&z=中';
    const plain = `jsapi_ticket=${EXAMPLE_TICKET}&noncestr=Wm3WZYTPz0wzccnW&timestamp=1414587457&url=${raw}`;
    expect(jsapiSignature({ ...base, url: raw })).toBe(createHash('sha1').update(plain).digest('hex'));
  });

  it('makes nonces of letters and digits only', () => {
    expect(nonceFrom(new Uint8Array([0, 25, 26, 61, 62, 255]))).toBe('AZa9AH');
  });

  it("encodes the requests to WeChat's API as query parameters", () => {
    const t = tokenUrl('https://api.weixin.qq.com', APP_ID, 'a&b=c d');
    expect(t.href).toBe(`https://api.weixin.qq.com/cgi-bin/token?grant_type=client_credential&appid=${APP_ID}&secret=a%26b%3Dc+d`);
    expect(t.searchParams.get('secret')).toBe('a&b=c d');
    // An apiBase with a path of its own is replaced, not appended to: WeChat's paths are absolute.
    expect(ticketUrl('http://127.0.0.1:9/x/', 'T/+=').href).toBe('http://127.0.0.1:9/cgi-bin/ticket/getticket?access_token=T%2F%2B%3D&type=jsapi');
  });

  it("reads WeChat's answers: a credential, an errcode, or neither", () => {
    expect(readGrant({ access_token: 'A', expires_in: 7200 }, 'access_token')).toEqual({ ok: true, value: 'A', expiresIn: 7200 });
    expect(readGrant({ errcode: 0, errmsg: 'ok', ticket: 'T', expires_in: 7200 }, 'ticket')).toEqual({ ok: true, value: 'T', expiresIn: 7200 });
    expect(readGrant({ errcode: 40164, errmsg: 'invalid ip' }, 'access_token')).toEqual({ ok: false, errcode: 40164, errmsg: 'invalid ip' });
    expect(readGrant({ errcode: 0, errmsg: 'ok' }, 'ticket')).toMatchObject({ ok: false, errmsg: 'the answer has no ticket and expires_in' });
    expect(readGrant(null, 'ticket').ok).toBe(false);
  });

  it('names the environment variable of a site key a shell can export', () => {
    expect(secretVariable('bloom-shop')).toBe('FANFARE_WECHAT_SECRET_BLOOM_SHOP');
  });
});

/** The hash WeChat checks, computed here by hand (not through sign.ts) from what the stand-in issued. */
function expected(ticket: string, s: { nonceStr: string; timestamp: number }, url: string): string {
  const plain = `jsapi_ticket=${ticket}&noncestr=${s.nonceStr}&timestamp=${s.timestamp}&url=${url.split('#')[0]}`;
  return createHash('sha1').update(plain).digest('hex');
}

describe('GET /wechat/signature against a stand-in WeChat API on loopback', () => {
  let wx: StandIn | undefined;
  let s: Running | undefined;
  let clock = T0;
  let logs: string[] = [];
  afterEach(async () => {
    await s?.stop();
    await wx?.close();
    s = wx = undefined;
  });

  async function setup(o: { standIn?: Partial<StandInOptions>; wechat?: object; site?: object; config?: ConfigInput; env?: Record<string, string> } = {}) {
    clock = T0;
    logs = [];
    wx = await startWeChatStandIn({ appId: APP_ID, appSecret: APP_SECRET, ...o.standIn });
    s = await start(
      {
        sites: {
          'bloom-shop': { origins: [SHOP], wechat: { appId: APP_ID, appSecret: APP_SECRET, apiBase: wx.url, ...o.wechat }, ...o.site },
          'other-shop': { origins: ['https://other.example'] },
        },
        ...o.config,
      },
      {
        now: () => clock,
        env: o.env ?? {},
        logger: { level: 'warn', stream: { write: (line: string) => void logs.push(line) } },
      },
    );
    return { wx, s };
  }

  const ask = (page = `${SHOP}/p/42`, origin: string | null = SHOP, site = 'bloom-shop') =>
    fetch(`${s!.url}/wechat/signature?site=${site}&url=${encodeURIComponent(page)}`, { headers: origin ? { origin } : {} });

  it('signs a page of the site with the ticket WeChat issued, and says so to that page only', async () => {
    await setup();
    const page = `${SHOP}/p/42?utm_source=wechat&fanref=abcdefgh1234#reviews`;
    const res = await ask(page);
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(SHOP);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = (await res.json()) as { appId: string; timestamp: number; nonceStr: string; signature: string };
    expect(Object.keys(body).sort()).toEqual(['appId', 'nonceStr', 'signature', 'timestamp']);
    expect(body.appId).toBe(APP_ID);
    expect(body.timestamp).toBe(Math.floor(T0 / 1000));
    expect(body.nonceStr).toMatch(/^[A-Za-z0-9]{16}$/);
    expect(body.signature).toBe(expected(EXAMPLE_TICKET, body, page));
    // Each signature has its own nonce.
    const again = (await (await ask(page)).json()) as typeof body;
    expect(again.nonceStr).not.toBe(body.nonceStr);
    expect(again.signature).toBe(expected(EXAMPLE_TICKET, again, page));
    // The secret went to WeChat's token call, as documented, and the token to the ticket call.
    const [token, ticket] = wx!.calls;
    expect(token!.path).toBe('/cgi-bin/token');
    expect(Object.fromEntries(token!.query)).toEqual({ grant_type: 'client_credential', appid: APP_ID, secret: APP_SECRET });
    expect(ticket!.path).toBe('/cgi-bin/ticket/getticket');
    expect(ticket!.query.get('type')).toBe('jsapi');
    expect(ticket!.query.get('access_token')).toMatch(/^ACCESS_TOKEN_1_/);
  });

  it('fetches one token and one ticket for 50 requests that arrive together', async () => {
    await setup({ standIn: { delayMs: 60 } });
    const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => ask(`${SHOP}/p/${i}`)));
    expect(answers.map((r) => r.status)).toEqual(Array(50).fill(200));
    const bodies = (await Promise.all(answers.map((r) => r.json()))) as { nonceStr: string; timestamp: number; signature: string }[];
    bodies.forEach((b, i) => expect(b.signature).toBe(expected(EXAMPLE_TICKET, b, `${SHOP}/p/${i}`)));
    expect(wx!.count('/cgi-bin/token')).toBe(1);
    expect(wx!.count('/cgi-bin/ticket/getticket')).toBe(1);
  });

  it('keeps the ticket until a few minutes before it expires, then refreshes it once, serving the old one meanwhile', async () => {
    await setup();
    expect((await ask()).status).toBe(200);
    // Just before the refresh is due: still no call.
    clock = T0 + 7200_000 - REFRESH_BEFORE_MS - 1000;
    expect((await ask()).status).toBe(200);
    expect(wx!.calls).toHaveLength(2);
    // Due, not yet expired: a page gets the old ticket at once (not after WeChat's 600 ms), and
    // one refresh runs behind it, however many pages come meanwhile.
    wx!.state.delayMs = 600;
    clock = T0 + 7200_000 - REFRESH_BEFORE_MS + 1000;
    const started = Date.now();
    const first = (await (await ask()).json()) as { nonceStr: string; timestamp: number; signature: string };
    expect(Date.now() - started).toBeLessThan(600);
    expect(first.signature).toBe(expected(EXAMPLE_TICKET, first, `${SHOP}/p/42`));
    const during = await Promise.all(Array.from({ length: 20 }, () => ask()));
    const bodies = (await Promise.all(during.map((r) => r.json()))) as { nonceStr: string; timestamp: number; signature: string }[];
    const tickets = [EXAMPLE_TICKET, `${EXAMPLE_TICKET.slice(0, 60)}-2`];
    for (const b of bodies) expect(tickets.map((t) => expected(t, b, `${SHOP}/p/42`))).toContain(b.signature);
    await new Promise((r) => setTimeout(r, 1500));
    expect(wx!.count('/cgi-bin/token')).toBe(2);
    expect(wx!.count('/cgi-bin/ticket/getticket')).toBe(2);
    wx!.state.delayMs = 0;
    // The next page is signed with the new ticket.
    const fresh = (await (await ask()).json()) as { nonceStr: string; timestamp: number; signature: string };
    expect(fresh.signature).toBe(expected(`${EXAMPLE_TICKET.slice(0, 60)}-2`, fresh, `${SHOP}/p/42`));
    expect(wx!.calls).toHaveLength(4);
  });

  it('waits for the refresh once the ticket has expired: 20 requests, one refresh', async () => {
    await setup({ standIn: { delayMs: 40 } });
    expect((await ask()).status).toBe(200);
    clock = T0 + 7200_000 + 1;
    const late = await Promise.all(Array.from({ length: 20 }, () => ask()));
    const bodies = (await Promise.all(late.map((r) => r.json()))) as { nonceStr: string; timestamp: number; signature: string }[];
    for (const b of bodies) expect(b.signature).toBe(expected(`${EXAMPLE_TICKET.slice(0, 60)}-2`, b, `${SHOP}/p/42`));
    expect(wx!.count('/cgi-bin/token')).toBe(2);
    expect(wx!.count('/cgi-bin/ticket/getticket')).toBe(2);
  });

  it('asks again with a fresh token when WeChat says the held one was voided (40001), once', async () => {
    await setup();
    // A ticket that lives 10 minutes beside a 2-hour token: the token is still held when the ticket is due.
    wx!.state.ticketExpiresIn = 600;
    expect((await ask()).status).toBe(200);
    wx!.state.voidOldTokens();
    clock = T0 + 600_000 + 1;
    const res = await ask();
    expect(res.status).toBe(200);
    expect(wx!.calls.map((c) => c.path)).toEqual(['/cgi-bin/token', '/cgi-bin/ticket/getticket', '/cgi-bin/ticket/getticket', '/cgi-bin/token', '/cgi-bin/ticket/getticket']);
  });

  const failures: [string, (w: StandIn) => void, object, RegExp][] = [
    ['a wrong AppSecret (40125)', () => {}, { appSecret: 'ffffffffffffffffffffffffffffffff' }, /errcode 40125; check the AppSecret/],
    ['a wrong AppID (40013)', () => {}, { appId: 'wxffffffffffffffff' }, /errcode 40013; check the AppID/],
    ["this server's IP not on the whitelist (40164)", (w) => (w.state.whitelist = ['203.0.113.7']), {}, /errcode 40164; add this server's IP address/],
    ["the day's quota spent (45009)", (w) => (w.state.tokenQuota = 0), {}, /errcode 45009; the day's quota/],
    ['WeChat busy (-1)', (w) => (w.state.busy = true), {}, /errcode -1; WeChat is busy/],
    ['an answer that is not JSON', (w) => (w.state.raw['/cgi-bin/ticket/getticket'] = { status: 502, body: '<html>502 Bad Gateway</html>' }), {}, /gave no jsapi ticket .*HTTP 502 with a body that is not JSON/],
  ];
  it.each(failures)('answers 502 with the errcode for %s, logs it, and stays up', async (_name, arrange, wechat, message) => {
    await setup({ wechat });
    arrange(wx!);
    const res = await ask();
    expect(res.status).toBe(502);
    const body = (await res.json()) as { error: string; message: string };
    expect(body.error).toBe('wechat_unavailable');
    expect(body.message).toMatch(message);
    // Never the secret, the token, or WeChat's errmsg (which can name this server's IP) in the answer.
    expect(body.message).not.toContain(APP_SECRET);
    expect(body.message).not.toMatch(/ACCESS_TOKEN|203\.0\.113|rid:/);
    const line = logs.map((l) => JSON.parse(l) as { msg: string; wechat?: { errcode: number | null; errmsg: string } }).find((l) => l.wechat);
    expect(line?.msg).toBe(body.message);
    expect(JSON.stringify(line)).not.toContain(APP_SECRET);
    expect(JSON.stringify(line)).not.toContain(wechat && 'appSecret' in wechat ? (wechat.appSecret as string) : APP_SECRET);
    expect((await fetch(`${s!.url}/healthz`)).status).toBe(200);
  });

  it('says so when WeChat cannot be reached at all', async () => {
    await setup({ wechat: { apiBase: 'http://127.0.0.1:9' } });
    const res = await ask();
    expect(res.status).toBe(502);
    expect(((await res.json()) as { message: string }).message).toMatch(/gave no access token for wx0123456789abcdef: cannot reach 127\.0\.0\.1:9/);
  });

  it('holds a failure a few seconds (no call per page), then asks WeChat again', async () => {
    await setup();
    wx!.state.whitelist = [];
    expect((await ask()).status).toBe(502);
    const made = wx!.calls.length;
    const held = await Promise.all(Array.from({ length: 10 }, () => ask()));
    expect(held.map((r) => r.status)).toEqual(Array(10).fill(502));
    expect(wx!.calls).toHaveLength(made);
    // The brand fixes the whitelist; the next page after the hold is signed.
    wx!.state.whitelist = ['127.0.0.1'];
    clock += FAILURE_HOLD_MS + 1;
    expect((await ask()).status).toBe(200);
    expect(wx!.calls.length).toBe(made + 2);
  });

  it('keeps signing with a ticket still valid while WeChat fails to refresh it', async () => {
    await setup();
    expect((await ask()).status).toBe(200);
    wx!.state.busy = true;
    clock = T0 + 7200_000 - 60_000;
    expect((await ask()).status).toBe(200);
    await new Promise((r) => setTimeout(r, 100));
    expect((await ask()).status).toBe(200);
    clock = T0 + 7200_000 + 1;
    expect((await ask()).status).toBe(502);
  });

  it('signs only URLs on the site origins, for pages of the site, and only for sites with an account', async () => {
    await setup();
    const refusal = async (res: Response) => [res.status, ((await res.json()) as { error: string }).error];
    expect(await refusal(await ask('https://evil.example/p/42'))).toEqual([403, 'forbidden']);
    expect(await refusal(await ask('https://shop.example.evil.example/'))).toEqual([403, 'forbidden']);
    expect(await refusal(await ask('http://shop.example/p/42'))).toEqual([403, 'forbidden']);
    expect(await refusal(await ask(`${SHOP}/p/42`, 'https://evil.example'))).toEqual([403, 'forbidden']);
    expect(await refusal(await ask('javascript:alert(1)'))).toEqual([400, 'bad_request']);
    expect(await refusal(await ask('/p/42'))).toEqual([400, 'bad_request']);
    expect(await refusal(await ask(`${SHOP}/${'x'.repeat(5000)}`))).toEqual([400, 'bad_request']);
    expect(await refusal(await fetch(`${s!.url}/wechat/signature?site=bloom-shop`))).toEqual([400, 'bad_request']);
    expect(await refusal(await ask('https://other.example/', 'https://other.example', 'other-shop'))).toEqual([404, 'not_found']);
    expect(await refusal(await ask(`${SHOP}/`, SHOP, 'no-such-shop'))).toEqual([404, 'not_found']);
    // None of these asked WeChat for anything.
    expect(wx!.calls).toHaveLength(0);
    // A server-side caller (no Origin) may ask for a page of the site.
    expect((await ask(`${SHOP}/p/42`, null)).status).toBe(200);
  });

  it('is rate-limited per site and IP', async () => {
    await setup({ config: { rateLimit: { perSecond: 1, burst: 2 } } });
    expect((await ask()).status).toBe(200);
    expect((await ask()).status).toBe(200);
    const third = await ask();
    expect(third.status).toBe(429);
    expect(third.headers.get('retry-after')).toBe('1');
    expect(((await third.json()) as { error: string }).error).toBe('rate_limited');
    clock += 1000;
    expect((await ask()).status).toBe(200);
  });

  it('never shows the AppSecret in the API or the dashboard', async () => {
    await setup();
    const auth = { authorization: `Bearer ${TOKEN}` };
    for (const path of ['/api/sites', '/api/campaigns', '/', '/dashboard/app.js']) {
      const text = await (await fetch(`${s!.url}${path}`, { headers: auth })).text();
      expect(text).not.toContain(APP_SECRET);
    }
  });

  it('takes the AppSecret from FANFARE_WECHAT_SECRET_<SITE>, over the config file', async () => {
    await setup({ wechat: { appSecret: 'ffffffffffffffffffffffffffffffff' }, env: { FANFARE_WECHAT_SECRET_BLOOM_SHOP: APP_SECRET } });
    expect((await ask()).status).toBe(200);
    expect(wx!.calls[0]!.query.get('secret')).toBe(APP_SECRET);
  });

  it('will not start with a WeChat account and no AppSecret, or a malformed one, and says where to put it', async () => {
    const config = { sites: { 'bloom-shop': { origins: [SHOP], wechat: { appId: APP_ID } } } };
    await expect(start(config, { env: {} })).rejects.toThrow(ConfigError);
    await expect(start(config, { env: {} })).rejects.toThrow(/sites\.bloom-shop\.wechat has no appSecret: set FANFARE_WECHAT_SECRET_BLOOM_SHOP/);
    await expect(start(config, { env: { FANFARE_WECHAT_SECRET_BLOOM_SHOP: 'short' } })).rejects.toThrow(/FANFARE_WECHAT_SECRET_BLOOM_SHOP is not an AppSecret/);
    await expect(start({ sites: { 'bloom-shop': { origins: [SHOP], wechat: { appId: 'gh_123', appSecret: APP_SECRET } } } })).rejects.toThrow(/wechat\.appId/);
  });
});
