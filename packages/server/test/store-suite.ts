import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConfigInput } from '../src/config.js';
import { batch, eventId, send, share, start, stats, type Running } from './helpers.js';

export interface Backend {
  config: ConfigInput;
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
      expect(s.server.store.kind).toBe(label);
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

    it('lists the sites it has', async () => {
      expect(await s.server.store.sites()).toEqual(expect.arrayContaining(['suite-a', 'suite-b', 'suite-agg']));
    });
  });
}
