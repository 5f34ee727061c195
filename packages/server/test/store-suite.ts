import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toOrder } from '../../beacon/src/logic/orders.js';
import type { ConfigInput } from '../src/config.js';
import { attribution, batch, browser, conversion, eventId, pageview, postOrder, send, share, shareWith, start, stats, type Running } from './helpers.js';

interface Report {
  shares: number;
  visits: number;
  visitors: number;
  orders: number;
  revenue: { currency: string; amount: string }[];
  viralCoefficient: number;
  byNetwork: { network: string; shares: number; visits: number; visitors: number; orders: number; revenue: { currency: string; amount: string }[] }[];
  byWidget: { widget: string; shares: number; visits: number }[];
  byPage: { page: string; shares: number; visits: number }[];
  byCampaign: { campaign: string; visits: number; visitors: number; orders: number }[];
  generations: { depth: number; shares: number; visits: number; orders: number }[];
  coverage: { orders: number; attributed: number };
}

export interface Backend {
  config: ConfigInput;
  /** The event store's kind when the label names more ("sqlite+postgres"). */
  kind?: string;
  done(): Promise<void>;
}

/**
 * What every event store must do, checked through the real server: the SQLite and the
 * ClickHouse files run this same suite.
 */
export function storeSuite(label: string, backend: () => Promise<Backend>): void {
  describe(`event store: ${label}`, () => {
    let b: Backend;
    let s: Running;
    let clock = Date.UTC(2026, 10, 21, 9, 30, 0, 250);
    beforeAll(async () => {
      b = await backend();
      s = await start(b.config, { now: () => clock });
    }, 60_000);
    afterAll(async () => {
      await s?.stop();
      await b?.done();
    });

    it('reports its kind', () => {
      expect(s.server.store.kind).toBe(b.kind ?? label);
    });

    it('stores a valid batch and counts it per site', async () => {
      expect((await send(s.url, batch('suite-a', [share(), share(), share()]))).status).toBe(204);
      expect((await send(s.url, batch('suite-b', [share()]))).status).toBe(204);
      expect(await s.server.store.count('suite-a')).toBe(3);
      expect(await s.server.store.count('suite-b')).toBe(1);
    });

    it('drops duplicate ids, in one batch and across batches', async () => {
      const a = share('weibo');
      const b2 = share('x');
      await send(s.url, batch('suite-dup', [a, a, b2]));
      await send(s.url, batch('suite-dup', [b2, a]));
      expect(await s.server.store.count('suite-dup')).toBe(2);
    });

    it('aggregates by day, name, widget, network and vital', async () => {
      clock = Date.UTC(2026, 10, 21, 23, 59, 59, 999);
      await send(
        s.url,
        batch('suite-agg', [
          { id: eventId(), n: 'view', w: 'fan-2048', t: 1 },
          { id: eventId(), n: 'game_start', w: 'fan-2048', t: 2 },
          share('weibo'),
          share('weibo'),
          share('qq'),
          { id: eventId(), n: 'vital', w: 'page', t: 3, p: { m: 'CLS', v: 0.3, r: 'poor', sr: 0.5, fan: true } },
          { id: eventId(), n: 'vital', w: 'page', t: 3, p: { m: 'CLS', v: 0.05, r: 'good', sr: 0.5 } },
        ]),
      );
      // One millisecond later is the next UTC day.
      clock += 1;
      await send(s.url, batch('suite-agg', [{ id: eventId(), n: 'reward', w: 'fan-2048', t: 4, p: { tier: 0 } }]));

      const res = await stats(s.url, 'suite-agg', '&from=2026-11-21&to=2026-11-22');
      const body = (await res.json()) as {
        total: number;
        perDay: { day: string; counts: Record<string, number> }[];
        shares: { network: string; count: number }[];
        funnels: { game: Record<string, number> };
        vitals: { metric: string; p75: number; samples: number; fanShare: number }[];
      };
      expect(body.total).toBe(8);
      expect(body.perDay).toEqual([
        { day: '2026-11-21', counts: { game_start: 1, share: 3, view: 1, vital: 2 } },
        { day: '2026-11-22', counts: { reward: 1 } },
      ]);
      expect(body.shares).toEqual([
        { network: 'weibo', count: 2 },
        { network: 'qq', count: 1 },
      ]);
      expect(body.funnels.game).toEqual({ view: 1, start: 1, over: 0, reward: 1 });
      expect(body.vitals).toEqual([{ metric: 'CLS', p75: 0.3, samples: 2, fanShare: 1 }]);

      // A range that ends on the first day leaves the second day's event out.
      const firstDay = (await (await stats(s.url, 'suite-agg', '&from=2026-11-21&to=2026-11-21')).json()) as { total: number };
      expect(firstDay.total).toBe(7);
    });

    it('counts visits by page, source and campaign, fan actions without the noise, and slow widgets', async () => {
      clock = Date.UTC(2026, 10, 25, 9, 0, 0);
      const from = (u: string, r: string, events: object[]) => send(s.url, batch('suite-pages', events, { u, r }));
      await from('https://shop.example/p/1?x=1', 'https://t.co/abc', [pageview({ utm: { campaign: 'spring' } }), share()]);
      await from('https://shop.example/p/1', 'https://t.co/def', [pageview()]);
      await from('https://shop.example/p/2', '', [
        pageview(),
        { id: eventId(), n: 'view', w: 'fan-2048', t: 1 },
        { id: eventId(), n: 'vital', w: 'page', t: 2, p: { m: 'INP', v: 640, r: 'poor', sr: 0.5, fan: 'fan-2048' } },
        { id: eventId(), n: 'vital', w: 'page', t: 2, p: { m: 'INP', v: 900, r: 'poor', sr: 1, fan: 'fan-2048' } },
        // The interaction behind it, as the beacon names it: a row of its own.
        { id: eventId(), n: 'vital', w: 'page', t: 2, p: { m: 'INP', v: 520, r: 'poor', sr: 1, fan: 'fan-2048', it: 'keydown board' } },
        { id: eventId(), n: 'vital', w: 'page', t: 2, p: { m: 'INP', v: 610, r: 'poor', sr: 1, fan: 'fan-2048', it: 'keydown board' } },
        { id: eventId(), n: 'vital', w: 'page', t: 2, p: { m: 'INP', v: 700, r: 'poor', sr: 1 } },
      ]);
      const body = (await (await stats(s.url, 'suite-pages', '&from=2026-11-25&to=2026-11-25')).json()) as {
        total: number;
        interactions: number;
        visits: number;
        topPages: { page: string; count: number }[];
        topSources: { source: string; count: number }[];
        topCampaigns: { campaign: string; count: number }[];
        slowWidgets: { metric: string; widget: string; poor: number; worst: number; interaction: string }[];
      };
      expect(body.total).toBe(10);
      expect(body.interactions).toBe(1);
      expect(body.visits).toBe(3);
      expect(body.topPages).toEqual([
        { page: 'https://shop.example/p/1', count: 2 },
        { page: 'https://shop.example/p/2', count: 1 },
      ]);
      expect(body.topSources).toEqual([
        { source: 'https://t.co', count: 2 },
        { source: '', count: 1 },
      ]);
      expect(body.topCampaigns).toEqual([{ campaign: 'spring', count: 1 }]);
      expect(body.slowWidgets).toEqual([
        { metric: 'INP', widget: 'fan-2048', poor: 3, worst: 900, interaction: '' },
        { metric: 'INP', widget: 'fan-2048', poor: 2, worst: 610, interaction: 'keydown board' },
      ]);
    });

    it('counts goals by name, most reached first, for the dashboard', async () => {
      clock = Date.UTC(2026, 10, 26, 9, 0, 0);
      const goal = (p: object) => ({ id: eventId(), n: 'goal', w: 'page', t: 3, p });
      await send(
        s.url,
        batch('suite-goals', [goal({ name: 'signup' }), goal({ name: 'newsletter' }), goal({ name: 'newsletter' }), goal({ name: '订阅' }), goal({}), goal({ name: 7 }), share()]),
      );
      const body = (await (await stats(s.url, 'suite-goals', '&from=2026-11-26&to=2026-11-26')).json()) as { goals: { name: string; count: number }[] };
      // A goal without a name (the beacon sends none) counts in the totals, not here.
      expect(body.goals).toEqual([
        { name: 'newsletter', count: 2 },
        { name: 'signup', count: 1 },
        { name: '订阅', count: 1 },
      ]);
      const none = (await (await stats(s.url, 'suite-goals', '&from=2026-11-27&to=2026-11-27')).json()) as { goals: unknown[] };
      expect(none.goals).toEqual([]);
    });

    describe('attribution', () => {
      const site = 'suite-attr';
      const day = '&from=2026-11-23&to=2026-11-23';
      const sharer = browser('Sharer');
      const friend1 = browser('FriendOne');
      const friend2 = browser('FriendTwo');
      const from = (ua: string, events: object[]) => send(s.url, batch(site, events), { 'user-agent': ua });
      const report = async (query = day) => {
        const res = await attribution(s.url, site, query);
        expect(res.status).toBe(200);
        return (await res.json()) as Report;
      };

      it('stores each new event: page view with its token and UTM, share with token and parent, order, goal', async () => {
        clock = Date.UTC(2026, 10, 22, 8, 0, 0);
        const events = [
          pageview({ ref: 'tokenAAAA', utm: { source: 'x', medium: 'social', campaign: 'spring' } }),
          shareWith('x', 'tokenBBBB', 'tokenAAAA'),
          conversion('A-1', '12.50', 'USD', 'tokenBBBB'),
          { id: eventId(), n: 'goal', w: 'page', t: 3, p: { name: 'newsletter' } },
        ];
        expect((await send(s.url, batch('suite-new', events))).status).toBe(204);
        expect(await s.server.store.count('suite-new')).toBe(4);
        const raw = await s.server.store.attribution({ site: 'suite-new', from: 0, to: clock + 1 });
        expect(raw.shares).toEqual([expect.objectContaining({ token: 'tokenBBBB', parent: 'tokenAAAA', network: 'x', widget: 'fan-share', page: 'https://shop.example/p/42' })]);
        expect(raw.shares[0]!.vh).toMatch(/^[\w-]{22}$/);
        expect(raw.visits).toEqual([expect.objectContaining({ token: 'tokenAAAA', campaign: 'spring', visits: 1 })]);
        expect(raw.orders).toEqual([expect.objectContaining({ source: 'page', order: 'A-1', value: '12.50', currency: 'USD', ref: 'tokenBBBB', status: 'paid' })]);
        const agg = await s.server.store.aggregate({ site: 'suite-new', from: 0, to: clock + 1 });
        expect(agg.byDayName.map((r) => r.n).sort()).toEqual(['conversion', 'goal', 'pageview', 'share']);
      });

      it('drops a bad order and keeps the rest of its batch; ignores a token that is not one', async () => {
        const before = await s.server.store.count('suite-bad');
        const bad = [
          conversion('B-1', '-1', 'CNY'),
          conversion('B-2', 'abc', 'CNY'),
          conversion('B-3', '10', 'XYZ'),
          conversion('x'.repeat(129), '10', 'CNY'),
          conversion('B-5', 10, 'cny'),
        ];
        const good = [share(), conversion('B-6', 10, 'JPY'), pageview({ ref: 'short' }), pageview({ ref: 'x'.repeat(17) }), pageview({ ref: 'bad token!' })];
        expect((await send(s.url, batch('suite-bad', [...bad, ...good]))).status).toBe(204);
        expect(await s.server.store.count('suite-bad')).toBe(before + good.length);
        const raw = await s.server.store.attribution({ site: 'suite-bad', from: 0, to: clock + 1 });
        expect(raw.orders.map((o) => [o.order, o.value])).toEqual([['B-6', '10']]);
        expect(raw.visits).toEqual([]);
      });

      it('counts a WeChat card set on the page as a share only once a friend came through it', async () => {
        clock = Date.UTC(2026, 10, 28, 10, 0, 0);
        const cards = 'suite-card';
        const card = (ref: string) => ({ id: eventId(), n: 'share', w: 'page', t: 50, p: { network: 'wechat', url: 'https://shop.example/p/42', ref } });
        const at = (ua: string, events: object[]) => send(s.url, batch(cards, events), { 'user-agent': ua });
        // Two page views inside WeChat set their card; a friend opens the first one's link.
        await at(sharer, [card('cardAAAA1')]);
        await at(browser('Other'), [card('cardBBBB2'), shareWith('weibo', 'buttonCC3')]);
        await at(friend1, [pageview({ ref: 'cardAAAA1' })]);
        const r = (await (await attribution(s.url, cards, '&from=2026-11-28&to=2026-11-28')).json()) as Report;
        expect(r).toMatchObject({ shares: 2, visits: 1, visitors: 1 });
        expect(r.byNetwork).toEqual(
          expect.arrayContaining([
            expect.objectContaining({ network: 'wechat', shares: 1, visits: 1 }),
            expect.objectContaining({ network: 'weibo', shares: 1, visits: 0 }),
          ]),
        );
        // The widgets' share counts are the buttons fans pressed: no card there.
        const st = (await (await stats(s.url, cards, '&from=2026-11-28&to=2026-11-28')).json()) as { totals: Record<string, number>; shares: { network: string }[] };
        expect(st.totals.share).toBe(1);
        expect(st.shares.map((x) => x.network)).toEqual(['weibo']);
      });

      it('counts 1 share, 2 visitors and 1 order credited to the network, whatever else comes', async () => {
        clock = Date.UTC(2026, 10, 23, 10, 0, 0);
        expect((await from(sharer, [shareWith('x', 'tokenXXX1')])).status).toBe(204);
        // Friend one opens the link, buys, and reloads the thank-you page.
        await from(friend1, [pageview({ ref: 'tokenXXX1', utm: { campaign: 'spring' } })]);
        await from(friend1, [pageview(), conversion('1001', '49.00', 'CNY', 'tokenXXX1')]);
        await from(friend1, [pageview(), conversion('1001', '49.00', 'CNY', 'tokenXXX1')]);
        await from(friend2, [pageview({ ref: 'tokenXXX1' })]);
        // The sharer opens their own link, and somebody opens one with a made-up token.
        await from(sharer, [pageview({ ref: 'tokenXXX1' })]);
        await from(browser('Stranger'), [pageview({ ref: 'madeUp999' }), conversion('1002', '20.00', 'CNY', 'madeUp999')]);

        const r = await report();
        expect(r).toMatchObject({ shares: 1, visits: 2, visitors: 2, orders: 1, revenue: [{ currency: 'CNY', amount: '49.00' }], viralCoefficient: 2 });
        expect(r.byNetwork).toEqual([{ network: 'x', shares: 1, visits: 2, visitors: 2, orders: 1, revenue: [{ currency: 'CNY', amount: '49.00' }] }]);
        expect(r.byWidget).toEqual([expect.objectContaining({ widget: 'fan-share', shares: 1, visits: 2 })]);
        expect(r.byPage).toEqual([expect.objectContaining({ page: 'https://shop.example/p/42', shares: 1, visits: 2 })]);
        expect(r.byCampaign).toEqual(
          expect.arrayContaining([
            expect.objectContaining({ campaign: 'spring', visits: 1, visitors: 1, orders: 1 }),
            expect.objectContaining({ campaign: '', visits: 1, visitors: 1, orders: 0 }),
          ]),
        );
        expect(r.generations).toEqual([expect.objectContaining({ depth: 1, shares: 1, visits: 2, orders: 1 })]);
        // The made-up token's order is an order, just not one a share brought.
        expect(r.coverage).toEqual({ orders: 2, attributed: 1 });
      });

      it('lets the shop override the page\'s value, repeat itself, and take the order away with a refund', async () => {
        const paid = { site, order: '1001', value: '59.00', currency: 'CNY', status: 'paid' };
        expect((await postOrder(s.url, paid)).status).toBe(200);
        expect((await postOrder(s.url, paid)).status).toBe(200);
        let r = await report();
        expect(r).toMatchObject({ orders: 1, revenue: [{ currency: 'CNY', amount: '59.00' }], coverage: { orders: 2, attributed: 1 } });
        // The shop's copy without a token keeps the page's credit.
        expect(r.byNetwork[0]).toMatchObject({ network: 'x', orders: 1 });

        expect((await postOrder(s.url, { ...paid, status: 'refunded' })).status).toBe(200);
        r = await report();
        expect(r).toMatchObject({ shares: 1, visitors: 2, orders: 0, revenue: [], coverage: { orders: 1, attributed: 0 } });
        expect(r.byNetwork).toEqual([{ network: 'x', shares: 1, visits: 2, visitors: 2, orders: 0, revenue: [] }]);
      });

      it('credits an order the shop alone reports with a token, never summing currencies', async () => {
        clock = Date.UTC(2026, 10, 23, 11, 0, 0);
        await postOrder(s.url, { site, order: 'S-1', value: 15, currency: 'USD', ref: 'tokenXXX1', status: 'paid' });
        await postOrder(s.url, { site, order: 'S-2', value: '0.5', currency: 'USD', ref: 'tokenXXX1', status: 'paid' });
        await postOrder(s.url, { site, order: 'S-3', value: '100', currency: 'CNY', ref: 'tokenXXX1', status: 'paid' });
        const r = await report();
        expect(r.orders).toBe(3);
        expect(r.revenue).toEqual([
          { currency: 'CNY', amount: '100.00' },
          { currency: 'USD', amount: '15.50' },
        ]);
      });

      it('makes a friend who shares again depth 2', async () => {
        clock = Date.UTC(2026, 10, 23, 12, 0, 0);
        await from(friend2, [shareWith('weibo', 'tokenYYY2', 'tokenXXX1')]);
        await from(browser('FriendOfFriend'), [pageview({ ref: 'tokenYYY2' })]);
        const r = await report();
        expect(r.shares).toBe(2);
        expect(r.generations).toEqual([
          expect.objectContaining({ depth: 1, shares: 1, visits: 2 }),
          expect.objectContaining({ depth: 2, shares: 1, visits: 1, orders: 0 }),
        ]);
        expect(r.byNetwork.map((n) => [n.network, n.visitors])).toEqual([['x', 2], ['weibo', 1]]);
      });

      it('tells visitors apart by day: a new salt at 00:00 UTC, and the sharer is still the sharer the next day', async () => {
        clock = Date.UTC(2026, 10, 24, 0, 0, 1);
        // The same friend the next day is a new hash; the sharer's hash of yesterday still catches them.
        await from(friend1, [pageview({ ref: 'tokenXXX1' })]);
        await from(sharer, [pageview({ ref: 'tokenXXX1' })]);
        const r = await report('&from=2026-11-23&to=2026-11-24');
        expect(r.visitors).toBe(4);
        const today = await report('&from=2026-11-24&to=2026-11-24');
        expect(today).toMatchObject({ shares: 0, visits: 1, visitors: 1 });
        const salt23 = await (s.server.state.salts ?? s.server.store).salt('2026-11-23');
        const salt24 = await (s.server.state.salts ?? s.server.store).salt('2026-11-24');
        expect(salt23).toMatch(/^[0-9a-f]{64}$/);
        expect(salt24).toMatch(/^[0-9a-f]{64}$/);
        expect(salt24).not.toBe(salt23);
      });

      it('deletes a day\'s salt once attributionDays have passed', async () => {
        clock = Date.UTC(2026, 11, 2, 9, 0, 0);
        await from(friend1, [pageview({ ref: 'tokenXXX1' })]);
        expect(await (s.server.state.salts ?? s.server.store).salt('2026-11-23')).toBeNull();
        expect(await (s.server.state.salts ?? s.server.store).salt('2026-11-25')).toBeTruthy();
        expect(await (s.server.state.salts ?? s.server.store).salt('2026-12-02')).toBeTruthy();
      });

      it('counts an order once, in the period the page first reported it, however late the shop confirms it', async () => {
        const late = 'suite-late';
        const fromLate = (ua: string, events: object[]) => send(s.url, batch(late, events), { 'user-agent': ua });
        const lateReport = async (query: string) => (await (await attribution(s.url, late, query)).json()) as Report;
        clock = Date.UTC(2026, 11, 3, 9, 0, 0);
        await fromLate(sharer, [shareWith('x', 'tokenLATE1')]);
        await fromLate(friend1, [pageview({ ref: 'tokenLATE1' }), conversion('L-1', '30.00', 'CNY', 'tokenLATE1'), conversion('L-2', '5.00', 'CNY', 'tokenLATE1')]);
        // Two days later the shop confirms L-1, and L-2's thank-you page is opened again on another device.
        clock = Date.UTC(2026, 11, 5, 10, 0, 0);
        expect((await postOrder(s.url, { site: late, order: 'L-1', value: '30.00', currency: 'CNY', status: 'paid' })).status).toBe(200);
        await fromLate(friend2, [conversion('L-2', '5.00', 'CNY', 'tokenLATE1')]);

        const first = await lateReport('&from=2026-12-03&to=2026-12-03');
        expect(first).toMatchObject({ orders: 2, revenue: [{ currency: 'CNY', amount: '35.00' }], coverage: { orders: 2, attributed: 2 } });
        const confirmed = await lateReport('&from=2026-12-05&to=2026-12-05');
        expect(confirmed).toMatchObject({ orders: 0, revenue: [], coverage: { orders: 0, attributed: 0 } });
        const both = await lateReport('&from=2026-12-03&to=2026-12-05');
        expect(both).toMatchObject({ orders: 2, revenue: [{ currency: 'CNY', amount: '35.00' }], coverage: { orders: 2, attributed: 2 } });
        expect(both.byNetwork).toEqual([expect.objectContaining({ network: 'x', orders: 2 })]);
      });

      it("takes an order as the page's track() takes it, so the page's report and the shop's are one order", async () => {
        const site2 = 'suite-forms';
        clock = Date.UTC(2026, 11, 6, 9, 0, 0);
        await send(s.url, batch(site2, [shareWith('x', 'tokenFORM1')]), { 'user-agent': sharer });
        // What the page sends for track('conversion', { order: 7001, value: 20, currency: 'cny' }).
        const page = toOrder({ order: 7001, value: 20, currency: 'cny' });
        expect(page).toEqual({ order: '7001', value: '20', currency: 'CNY' });
        const { order, value, currency } = page as { order: string; value: string; currency: string };
        await send(s.url, batch(site2, [pageview({ ref: 'tokenFORM1' }), conversion(order, value, currency, 'tokenFORM1')]), { 'user-agent': friend1 });

        clock += 60_000;
        const paid = await postOrder(s.url, { site: site2, order: 7001, value: '25.00', currency: ' cny ', status: 'paid' });
        expect(paid.status).toBe(200);
        expect(await paid.json()).toEqual({ site: site2, order: '7001', status: 'paid', value: '25.00', currency: 'CNY' });
        const r = (await (await attribution(s.url, site2, '&from=2026-12-06&to=2026-12-06')).json()) as Report;
        expect(r).toMatchObject({ orders: 1, revenue: [{ currency: 'CNY', amount: '25.00' }], coverage: { orders: 1, attributed: 1 } });

        expect((await postOrder(s.url, { site: site2, order: 7001, value: 25, currency: 'Cny', status: 'refunded' })).status).toBe(200);
        const refunded = (await (await attribution(s.url, site2, '&from=2026-12-06&to=2026-12-06')).json()) as Report;
        expect(refunded).toMatchObject({ orders: 0, revenue: [], coverage: { orders: 0, attributed: 0 } });
      });
    });

    it('lists the sites it has', async () => {
      expect(await s.server.store.sites()).toEqual(expect.arrayContaining(['suite-a', 'suite-b', 'suite-agg']));
    });
  });
}
