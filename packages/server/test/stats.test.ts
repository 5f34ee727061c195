import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRange, weightedPercentile, type Stats } from '../src/stats.js';
import { batch, eventId, send, start, stats, TOKEN, type Running } from './helpers.js';

const DAY = 86_400_000;
const day1 = Date.UTC(2026, 10, 20, 10);
let clock = day1;
let s: Running;

type StatsBody = Stats & { previous: { total: number; totals: Record<string, number> } };

const ev = (n: string, w: string, p: object = {}) => ({ id: eventId(), n, w, t: 100, p });

beforeAll(async () => {
  s = await start({}, { now: () => clock });
  clock = day1 - DAY; // in the period before the range the test asks for
  await send(s.url, batch('shop', [ev('share', 'fan-share', { network: 'x' })]));
  // Day 1 of the range.
  clock = day1;
  await send(
    s.url,
    batch('shop', [
      ev('view', 'fan-2048'),
      ev('view', 'fan-2048'),
      ev('game_start', 'fan-2048'),
      ev('game_start', 'fan-2048'),
      ev('game_over', 'fan-2048'),
      ev('reward', 'fan-2048'),
      ev('share', 'fan-share', { network: 'weibo' }),
      ev('share', 'fan-share', { network: 'weibo' }),
      ev('share', 'fan-share', { network: 'wechat' }),
    ]),
  );
  // Day 2: the card maker, the buyer show and vitals.
  clock = day1 + DAY;
  await send(
    s.url,
    batch('shop', [
      ev('view', 'fan-card-maker'),
      ev('card_create', 'fan-card-maker'),
      ev('card_export', 'fan-card-maker'),
      ev('view', 'fan-buyer-show'),
      ev('review_open', 'fan-buyer-show'),
      ev('review_click', 'fan-buyer-show'),
      // One full-rate fast sample and one 10%-sampled slow one: the slow one weighs ten times more.
      ev('vital', 'page', { m: 'INP', v: 100, r: 'good', sr: 1 }),
      ev('vital', 'page', { m: 'INP', v: 600, r: 'poor', sr: 0.1, fan: 'fan-2048' }),
      ev('vital', 'page', { m: 'INP', v: 900, r: 'poor', sr: 0.1 }),
      ev('vital', 'page', { m: 'LCP', v: 1200, r: 'good', sr: 0.1 }),
    ]),
  );
  await send(s.url, batch('other-shop', [ev('share', 'fan-share', { network: 'qq' })]));
});
afterAll(() => s.stop());

describe('GET /api/stats', () => {
  it.each([
    ['no token', {}],
    ['a wrong token', { authorization: 'Bearer nope' }],
    ['the token without Bearer', { authorization: TOKEN }],
  ])('refuses %s with 401', async (_name, headers: Record<string, string>) => {
    const res = await fetch(`${s.url}/api/stats?site=shop`, { headers });
    expect(res.status).toBe(401);
  });

  it('returns the totals, funnels, shares and vitals of one site and range', async () => {
    const res = await stats(s.url, 'shop', '&from=2026-11-20&to=2026-11-21');
    expect(res.status).toBe(200);
    const body = (await res.json()) as StatsBody;
    expect(body.total).toBe(19);
    expect(body.perDay.map((d) => d.day)).toEqual(['2026-11-20', '2026-11-21']);
    expect(body.perDay[0]!.counts).toMatchObject({ view: 2, game_start: 2, share: 3 });
    expect(body.shares).toEqual([
      { network: 'weibo', count: 2 },
      { network: 'wechat', count: 1 },
    ]);
    expect(body.funnels).toEqual({
      game: { view: 2, start: 2, over: 1, reward: 1 },
      card: { view: 1, create: 1, export: 1, share: 0 },
      buyerShow: { view: 1, open: 1, click: 1 },
    });
    const inp = body.vitals.find((v) => v.metric === 'INP');
    // Weights 1, 10, 10 of 21: p75 (15.75) falls on the last, 900 ms.
    expect(inp).toEqual({ metric: 'INP', p75: 900, samples: 3, fanShare: 0.5 });
    expect(body.previous.total).toBe(1);
  });

  it('keeps sites apart and answers an empty range with zeros', async () => {
    const res = await stats(s.url, 'other-shop', '&from=2026-01-01&to=2026-01-31');
    const body = (await res.json()) as StatsBody;
    expect(body.total).toBe(0);
    expect(body.perDay).toEqual([]);
  });

  it.each([
    ['no site', ''],
    ['a malformed site', "&site=a'b"],
  ])('refuses %s', async (_name, q) => {
    const res = await fetch(`${s.url}/api/stats?x=1${q}`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(400);
  });

  it.each([['&from=yesterday'], ['&from=2026-11-21&to=2026-11-01'], ['&from=2020-01-01&to=2026-01-01']])('refuses the range %s', async (q) => {
    expect((await stats(s.url, 'shop', q)).status).toBe(400);
  });

  it('lists the sites that have events', async () => {
    const res = await fetch(`${s.url}/api/sites`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(await res.json()).toEqual({ sites: ['other-shop', 'shop'] });
  });
});

describe('dashboard', () => {
  it('serves the page under a strict CSP, with its script, styles and chart.js', async () => {
    const page = await fetch(`${s.url}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe');
    const html = await page.text();
    expect(html).not.toMatch(/<script>|style="/);
    for (const path of ['/dashboard/app.js', '/dashboard/app.css', '/dashboard/chart.js']) {
      const res = await fetch(`${s.url}${path}`);
      expect(res.status, path).toBe(200);
    }
    expect(await (await fetch(`${s.url}/dashboard/chart.js`)).text()).toMatch(/Chart\.js v4/);
    const app = await (await fetch(`${s.url}/dashboard/app.js`)).text();
    expect(app).toContain('数据看板');
    expect(app).not.toContain(TOKEN);
  });
});

describe('weightedPercentile', () => {
  it.each([
    [[], 0],
    [[{ v: 5, weight: 1 }], 5],
    [[1, 2, 3, 4].map((v) => ({ v, weight: 1 })), 3],
    [[{ v: 1, weight: 10 }, { v: 100, weight: 1 }], 1],
    [[{ v: 1, weight: 1 }, { v: 100, weight: 10 }], 100],
  ])('%j → %d', (samples, expected) => {
    expect(weightedPercentile(samples, 0.75)).toBe(expected);
  });
});

describe('parseRange', () => {
  const now = Date.UTC(2026, 10, 22, 15);
  it.each([
    ['2026-11-01', '2026-11-01', { from: Date.UTC(2026, 10, 1), to: Date.UTC(2026, 10, 2) }],
    [undefined, undefined, { from: Date.UTC(2026, 10, 16), to: Date.UTC(2026, 10, 23) }],
    ['1000', '2000', { from: 1000, to: 2000 }],
    ['2026-13-01', undefined, null],
    ['2026-11-02', '2026-11-01', null],
    ['tomorrow', undefined, null],
  ])('%s..%s', (from, to, expected) => {
    expect(parseRange(from, to, now)).toEqual(expected);
  });
});
