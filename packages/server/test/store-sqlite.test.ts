import { describe, expect, it } from 'vitest';
import { SqliteEventStore } from '../src/store/sqlite.js';
import type { StoredEvent } from '../src/wire.js';
import { storeSuite } from './store-suite.js';

// The default store: `start` already gives each server its own SQLite file.
storeSuite('sqlite', async () => ({ config: {}, done: async () => {} }));

describe('SQLite share-token index', () => {
  const DAY = 86_400_000;
  const day1 = Date.UTC(2026, 10, 23);
  const day2 = day1 + DAY;
  const shareAt = (id: string, ref: string, ts: number): StoredEvent => ({
    site: 'idx', id, ts, n: 'share', w: 'fan-share', t: 1, pv: 'pv', u: 'https://shop.example/', r: '', sdk: '', p: JSON.stringify({ network: 'x', ref }), vh: `vh-${id}`,
  });
  const tokensOf = (rows: { token: string }[]) => rows.map((r) => r.token);

  it('finds a past day\'s share, one committed after its day was indexed, and today\'s only when asked for all', async () => {
    const store = new SqliteEventStore(':memory:');
    await store.insert([shareAt('a', 'tokenAAAA', day1 + 1000), shareAt('b', 'tokenBBBB', day2 + 1000)]);
    // At ingest on day 2: day 1 is indexed on the way, and day 2's share is not asked for.
    expect(tokensOf(await store.sharesByToken('idx', ['tokenAAAA', 'tokenBBBB'], day2))).toEqual(['tokenAAAA']);
    // A share stamped just before midnight that waited in a batch until day 1 was indexed.
    await store.insert([shareAt('c', 'tokenCCCC', day2 - 1)]);
    expect(tokensOf(await store.sharesByToken('idx', ['tokenCCCC'], day2))).toEqual(['tokenCCCC']);
    // The report asks for all, made whenever: indexed or not yet.
    const now = Date.now();
    await store.insert([shareAt('d', 'tokenDDDD', now)]);
    expect(tokensOf(await store.sharesByToken('idx', ['tokenAAAA', 'tokenBBBB', 'tokenCCCC', 'tokenDDDD', 'tokenNONE']))).toEqual([
      'tokenAAAA', 'tokenCCCC', 'tokenBBBB', 'tokenDDDD',
    ]);
    await store.close();
  });
});
