import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickhouseBinary, startClickHouse } from './clickhouse.js';
import { batch, browser, pageview, send, start, UA, type Running } from './helpers.js';
import type { ConfigInput } from '../src/config.js';

// The one query <fan-invite> adds to the event stores, on both: the visitors who came with
// a token, one row per (token, visitor) with their first page view. And an invite's friends
// counted through it, end to end over HTTP.

const binary = clickhouseBinary();
const backends: [string, () => Promise<{ config: ConfigInput; done: () => Promise<void> }>][] = [
  ['sqlite', async () => ({ config: {}, done: async () => {} })],
  [
    'clickhouse',
    async () => {
      if (!binary) throw new Error('clickhouse-server not found in /usr/sbin, /usr/bin or PATH. On Debian or Ubuntu: sudo apt-get install clickhouse-server');
      const ch = await startClickHouse(binary);
      return { config: { store: 'clickhouse', clickhouse: { url: ch.url, database: 'fanfare_refs' } }, done: () => ch.stop() };
    },
  ],
];

for (const [label, backend] of backends) {
  describe(`visitorsByToken: ${label}`, () => {
    let s: Running;
    let done: () => Promise<void>;
    let clock = Date.UTC(2026, 10, 23, 10);
    beforeAll(async () => {
      const b = await backend();
      done = b.done;
      s = await start({ ...b.config, referrals: { spring: { site: 'shop', friends: 2, title: 'Spring', generate: {} } } }, { now: () => clock });
    }, 60_000);
    afterAll(async () => {
      await s?.stop();
      await done?.();
    });

    const visit = (ref: string, ua: string) => send(s.url, batch('shop', [pageview({ ref })]), { 'user-agent': ua });

    it('answers one row per token and visitor, with the first visit, since `from`', async () => {
      await visit('tokenEARLY', browser('a'));
      const from = (clock += 60_000);
      await visit('tokenONE', browser('a'));
      clock += 1000;
      await visit('tokenONE', browser('a'));
      await visit('tokenONE', browser('b'));
      await visit('tokenTWO', browser('c'));
      await send(s.url, batch('other', [pageview({ ref: 'tokenONE' })]), { 'user-agent': browser('d') });
      const rows = await s.server.store.visitorsByToken('shop', ['tokenONE', 'tokenTWO', 'tokenEARLY', "bad'token"], from);
      const byToken = (t: string) => rows.filter((r) => r.token === t).sort((x, y) => x.first - y.first);
      expect(byToken('tokenONE')).toHaveLength(2);
      expect(byToken('tokenONE')[0]!.first).toBe(from);
      expect(new Set(byToken('tokenONE').map((r) => r.vh)).size).toBe(2);
      expect(byToken('tokenTWO')).toHaveLength(1);
      expect(byToken('tokenEARLY')).toHaveLength(0);
      expect(await s.server.store.visitorsByToken('shop', [], 0)).toEqual([]);
    });

    it('counts an invite’s friends through it', async () => {
      const post = await fetch(`${s.url}/referrals`, { method: 'POST', headers: { 'content-type': 'application/json', 'user-agent': UA }, body: '{"campaign":"spring"}' });
      const inv = (await post.json()) as { ref: string; key: string };
      await visit(inv.ref, UA);
      await visit(inv.ref, browser('friend-1'));
      await visit(inv.ref, browser('friend-2'));
      const res = await fetch(`${s.url}/referrals/${inv.ref}?key=${inv.key}`, { headers: { 'user-agent': UA } });
      expect(await res.json()).toEqual({ friends: 2, needed: 2 });
    });
  });
}
