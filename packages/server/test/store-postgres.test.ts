import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { parseConfig } from '../src/config.js';
import { createServer } from '../src/server.js';
import { PostgresState } from '../src/store/postgres.js';
import { clickhouseBinary, startClickHouse } from './clickhouse.js';
import { NO_POSTGRES, postgresBinDir, startPostgres, type Postgres } from './postgres.js';
import { STATE_CONFIG, stateSuite } from './state-suite.js';
import { storeSuite } from './store-suite.js';
import { TOKEN } from './helpers.js';

// The PostgreSQL state store: the state suite on it directly, and the event-store suite
// through the real server with state in PostgreSQL (events in SQLite, then in ClickHouse,
// the combination many processes run on). One throwaway PostgreSQL for the file, a
// database of its own per suite.

const bin = postgresBinDir();

if (!bin) {
  describe('state store: postgres', () => {
    it('finds PostgreSQL', () => {
      throw new Error(NO_POSTGRES);
    });
  });
} else {
  let pgServer: Promise<Postgres> | undefined;
  let n = 0;
  const database = async () => (await (pgServer ??= startPostgres(bin))).createDatabase(`fanfare_${n++}`);
  afterAll(async () => {
    await (await pgServer)?.stop();
  }, 30_000);

  stateSuite('postgres', async (config) => {
    const state = await PostgresState.open(await database(), config);
    return { state, done: () => state.close() };
  });

  describe('postgres migrations', () => {
    let url: string;
    beforeAll(async () => {
      url = await database();
    }, 60_000);

    it('migrate and load the codes once when four processes start at once', async () => {
      const config = parseConfig(STATE_CONFIG);
      const states = await Promise.all(Array.from({ length: 4 }, () => PostgresState.open(url, config)));
      try {
        expect(await states[0]!.ledger.pool('ten')).toEqual([
          { tier: 0, given: 0, left: 10 },
          { tier: 1, given: 0, left: null },
        ]);
        const client = new pg.Client(url);
        await client.connect();
        const { rows } = await client.query('SELECT version FROM fanfare_migrations ORDER BY version');
        expect(rows).toEqual([{ version: 1 }, { version: 2 }, { version: 3 }, { version: 4 }]);
        const codes = await client.query("SELECT code FROM reward_codes WHERE campaign = 'ten' ORDER BY seq");
        expect(codes.rows.map((r: { code: string }) => r.code)).toEqual(STATE_CONFIG.campaigns!.ten!.rewards[0]!.codes);
        await client.end();
      } finally {
        await Promise.all(states.map((s) => s.close()));
      }
      // And a restart finds everything done.
      const again = await PostgresState.open(url, config);
      expect((await again.ledger.pool('ten'))[0]).toEqual({ tier: 0, given: 0, left: 10 });
      await again.close();
    });

    it('keeps the review history append-only, as SQLite\'s triggers do', async () => {
      const state = await PostgresState.open(url, parseConfig(STATE_CONFIG));
      const client = new pg.Client(url);
      await client.connect();
      try {
        await state.reviews.insert({
          id: 'r-1', site: 'shop', product: 'tea', rating: 5, text: 't', author: 'a', order: null, verified: false,
          status: 'pending', flags: [], createdAt: 1, client: 'c', textHash: 'h', photos: [], by: 'fan',
        });
        await expect(client.query("UPDATE review_history SET by = 'someone else'")).rejects.toThrow(/append-only/);
        await expect(client.query('DELETE FROM review_history')).rejects.toThrow(/append-only/);
        expect((await client.query('SELECT count(*)::int AS n FROM review_history')).rows).toEqual([{ n: 1 }]);
      } finally {
        await client.end();
        await state.close();
      }
    });

    it('refuses to start with "state": "postgres" and no URL, saying where to put one', async () => {
      await expect(createServer({ store: { state: 'postgres' } }, { env: {} })).rejects.toThrow(/"postgres": \{"url"[^]*FANFARE_POSTGRES_URL/);
    });

    it('takes the URL from FANFARE_POSTGRES_URL', async () => {
      const server = await createServer({ db: ':memory:', store: { events: 'sqlite', state: 'postgres' } }, { env: { FANFARE_POSTGRES_URL: url } });
      expect(server.state.kind).toBe('postgres');
      await server.close();
    });
  });

  describe('postgres out of reach', () => {
    it('answers 503 while PostgreSQL is down, never a wrong answer or a crash, and serves again once it is back', async () => {
      const own = await startPostgres(bin);
      const { start } = await import('./helpers.js');
      const s = await start({
        store: { events: 'sqlite', state: 'postgres' },
        postgres: { url: await own.createDatabase('fanfare_down') },
        campaigns: { c: { rewards: [{ tile: 8, title: 'c', codes: ['ONE'] }] } },
      });
      const game = () => fetch(`${s.url}/games`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"campaign":"c"}' });
      try {
        expect((await game()).status).toBe(200);
        let during: Response[] = [];
        await own.restart(async () => {
          during = await Promise.all([game(), game(), fetch(`${s.url}/api/campaigns`, { headers: { authorization: `Bearer ${TOKEN}` } })]);
        });
        for (const res of during) {
          expect(res.status).toBe(503);
          expect(res.headers.get('retry-after')).toBe('1');
          expect(await res.json()).toEqual({ error: 'internal', message: 'a database is out of reach; try again shortly' });
        }
        expect((await fetch(`${s.url}/healthz`)).status).toBe(200);
        // Back: the pool opens new connections by itself.
        expect((await game()).status).toBe(200);
        const pool = await fetch(`${s.url}/api/campaigns`, { headers: { authorization: `Bearer ${TOKEN}` } });
        expect(((await pool.json()) as { campaigns: { tiers: { left: number }[] }[] }).campaigns[0]!.tiers[0]!.left).toBe(1);
      } finally {
        await s.stop();
        await own.stop();
      }
    }, 60_000);
  });

  storeSuite('sqlite+postgres', async () => ({
    config: { store: { events: 'sqlite', state: 'postgres' }, postgres: { url: await database() } },
    kind: 'sqlite',
    done: async () => {},
  }));

  const ch = clickhouseBinary();
  if (ch) {
    storeSuite('clickhouse+postgres', async () => {
      const [house, url] = await Promise.all([startClickHouse(ch), database()]);
      return {
        config: { store: { events: 'clickhouse', state: 'postgres' }, clickhouse: { url: house.url, database: 'fanfare_pg' }, postgres: { url } },
        kind: 'clickhouse',
        done: () => house.stop(),
      };
    });
  }
}
