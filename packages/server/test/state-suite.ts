import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig, type Config, type ConfigInput } from '../src/config.js';
import type { Invite } from '../src/store/referrals.js';
import type { NewReview } from '../src/store/reviews.js';
import type { StateStore } from '../src/store/state.js';

/** A state store over a fresh database, and what removes it. */
export interface StateBackend {
  state: StateStore;
  done(): Promise<void>;
}

const DAY = '2026-11-23';
const CODES = Array.from({ length: 10 }, (_, i) => `CODE-${String(i).padStart(2, '0')}`);

export const STATE_CONFIG: ConfigInput = {
  campaigns: {
    ten: { rewards: [{ tile: 8, title: 'ten', codes: CODES }, { tile: 16, title: 'more', generate: { prefix: 'T1-', length: 8 } }] },
    made: { rewards: [{ tile: 8, title: 'made', generate: { prefix: 'GEN-', length: 8 } }], perPlayer: { gamesPerDay: 4, claimsPerDay: 1000 } },
    budget: { rewards: [{ tile: 8, title: 'b', generate: {} }], dailyBudget: 5 },
  },
  referrals: {
    pals: { site: 'shop', friends: 2, title: 'pals', codes: CODES.map((c) => `R-${c}`), invitesPerDay: 3 },
  },
};

const review = (id: string, extra: Partial<NewReview> = {}): NewReview => ({
  id,
  site: 'shop',
  product: 'tea',
  rating: 5,
  text: `text of ${id}`,
  author: 'Li Wei',
  order: null,
  verified: false,
  status: 'pending',
  flags: [],
  createdAt: Date.UTC(2026, 10, 23, 12),
  client: `client-${id}`,
  textHash: `hash-${id}`,
  photos: [],
  by: 'fan',
  ...extra,
});

const invite = (ref: string, player = 'p-1'): Invite => ({
  ref,
  campaign: 'pals',
  site: 'shop',
  player,
  day: DAY,
  holdout: false,
  created: Date.UTC(2026, 10, 23, 10),
  expires: Date.UTC(2026, 10, 30, 10),
});

/**
 * What every state store must do when requests race: SQLite's (one writer at a time) and
 * PostgreSQL's (many processes) run this same suite. Racing calls are started together
 * with Promise.all, which on PostgreSQL puts each on a connection of its own.
 */
export function stateSuite(label: string, open: (config: Config) => Promise<StateBackend>): void {
  describe(`state store: ${label}`, () => {
    let b: StateBackend;
    let config: Config;
    beforeAll(async () => {
      config = parseConfig(STATE_CONFIG);
      b = await open(config);
    }, 60_000);
    afterAll(async () => {
      await b?.done();
    });

    const claim = (game: string, campaign = 'ten', player = game, tier = 0) =>
      b.state.ledger.claim({ game, campaign, tier, player, day: DAY, now: Date.UTC(2026, 10, 23, 12) });

    it('reports its kind', () => {
      expect(b.state.kind).toBe(label);
    });

    it('hands each listed code to one of 30 racing games, in the listed order, and then says the pool is empty', async () => {
      const out = await Promise.all(Array.from({ length: 30 }, (_, i) => claim(`game-${i}`)));
      const codes = out.flatMap((o) => (o.ok ? [o.code] : []));
      expect(codes).toHaveLength(10);
      expect([...codes].sort()).toEqual(CODES);
      expect(out.filter((o) => !o.ok).map((o) => !o.ok && o.error)).toEqual(Array(20).fill('pool_empty'));
      expect(await b.state.ledger.pool('ten')).toEqual([
        { tier: 0, given: 10, left: 0 },
        { tier: 1, given: 0, left: null },
      ]);
    });

    it('gives one game one code of a tier however many of its claims race, each answered that code; nothing for a lower tier after', async () => {
      const out = await Promise.all(Array.from({ length: 6 }, () => claim('one-game', 'ten', 'one-game', 1)));
      const winner = out.find((o) => o.ok && !o.again);
      expect(winner?.ok && winner.code).toMatch(/^T1-[A-Z2-9]{8}$/);
      // The other five came after it: the same player asking again, answered the same code.
      expect(out.filter((o) => o.ok && o.again)).toHaveLength(5);
      for (const o of out) expect(o).toMatchObject({ ok: true, code: winner?.ok && winner.code, tier: 1 });
      expect((await b.state.ledger.pool('ten'))[1]!.given).toBe(1);
      expect(await claim('one-game', 'ten', 'one-game', 0)).toEqual({ ok: false, error: 'already_claimed' });
    });

    it('answers a claim again with its code (its first answer was lost), and another player holding the game id nothing', async () => {
      const first = await claim('lost-answer', 'ten', 'the-player', 1);
      expect(first).toMatchObject({ ok: true, tier: 1 });
      expect(first.ok && first.again).toBeUndefined();
      expect(await claim('lost-answer', 'ten', 'the-player', 1)).toEqual({ ...first, again: true });
      expect(await claim('lost-answer', 'ten', 'someone-else', 1)).toEqual({ ok: false, error: 'already_claimed' });
      expect(await b.state.ledger.held('lost-answer', 1)).toEqual({ code: first.ok && first.code, player: 'the-player' });
      expect(await b.state.ledger.held('lost-answer', 0)).toBeUndefined();
      // A retry takes nothing, so the player's daily limit does not stop it.
      const limited = await Promise.all([claim('limit-a', 'ten', 'counted', 1), claim('limit-b', 'ten', 'counted', 1), claim('limit-c', 'ten', 'counted', 1)]);
      expect(limited.every((o) => o.ok)).toBe(true);
      expect(await claim('limit-d', 'ten', 'counted', 1)).toEqual({ ok: false, error: 'daily_limit' });
      expect(await claim('limit-a', 'ten', 'counted', 1)).toEqual({ ...limited[0], again: true });
    });

    it("keeps a player to the campaign's claims a day when their games race", async () => {
      const out = await Promise.all(Array.from({ length: 10 }, (_, i) => claim(`mine-${i}`, 'ten', 'same-player', 1)));
      expect(out.filter((o) => o.ok)).toHaveLength(3);
      expect(out.filter((o) => !o.ok && o.error === 'daily_limit')).toHaveLength(7);
    });

    it('keeps a daily budget across players when they race', async () => {
      const out = await Promise.all(Array.from({ length: 12 }, (_, i) => claim(`budget-${i}`, 'budget')));
      expect(out.filter((o) => o.ok)).toHaveLength(5);
      expect((await b.state.ledger.pool('budget'))[0]).toEqual({ tier: 0, given: 5, left: null });
    });

    it('makes generated codes, each different', async () => {
      const out = await Promise.all(Array.from({ length: 40 }, (_, i) => claim(`gen-${i}`, 'made', 'one-player')));
      const codes = out.flatMap((o) => (o.ok ? [o.code] : []));
      expect(codes).toHaveLength(40);
      expect(new Set(codes).size).toBe(40);
      for (const c of codes) expect(c).toMatch(/^GEN-[A-Z2-9]{8}$/);
    });

    it('counts racing game starts up to the limit and no further', async () => {
      const out = await Promise.all(Array.from({ length: 20 }, () => b.state.ledger.start('ten', 'starter', DAY, 4)));
      expect(out.filter(Boolean)).toHaveLength(4);
      expect(await b.state.ledger.start('ten', 'starter', '2026-11-24', 4)).toBe(true);
    });

    it('starts racing invites up to the limit, and keeps an invite as it was written', async () => {
      const out = await Promise.all(Array.from({ length: 10 }, (_, i) => b.state.referrals.start(invite(`inv-${i}`), `own-${i}`, 3)));
      expect(out.filter(Boolean)).toHaveLength(3);
      const ref = `inv-${out.indexOf(true)}`;
      expect(await b.state.referrals.get(ref)).toEqual(invite(ref));
      expect(await b.state.referrals.get('inv-none')).toBeUndefined();
      await b.state.referrals.addOwner(ref, 'own-again');
      await b.state.referrals.addOwner(ref, 'own-again');
      const owners = await b.state.referrals.owners([ref, 'inv-none']);
      expect([...owners.get(ref)!].sort()).toEqual([`own-${out.indexOf(true)}`, 'own-again']);
      expect(owners.get('inv-none')?.size).toBe(0);
      const started = await b.state.referrals.started('pals', Date.UTC(2026, 10, 23), Date.UTC(2026, 10, 24));
      expect(started).toHaveLength(3);
      expect(started[0]!.holdout).toBe(false);
    });

    it('gives an invite one code however many of its claims race, and each code to one of 30 racing invites', async () => {
      const reward = config.referrals.pals!;
      const now = Date.UTC(2026, 10, 24, 10);
      for (let i = 0; i < 30; i++) expect(await b.state.referrals.start(invite(`claim-${i}`, `player-${i}`), undefined, 3)).toBe(true);
      const same = await Promise.all(Array.from({ length: 5 }, () => b.state.referrals.claim(invite('claim-0'), reward, now)));
      const first = same.find((o) => o.ok && !o.again) as { ok: true; code: string };
      expect(first.code).toMatch(/^R-CODE-/);
      // The four after it hear the same code: whoever has the ref's key is its fan, asking again.
      expect(same.filter((o) => o.ok && o.again)).toHaveLength(4);
      for (const o of same) expect(o).toMatchObject({ ok: true, code: first.code });
      const out = await Promise.all(Array.from({ length: 30 }, (_, i) => b.state.referrals.claim(invite(`claim-${i}`), reward, now)));
      expect(out[0]).toEqual({ ok: true, code: first.code, again: true });
      const codes = [first, ...out.slice(1)].flatMap((o) => (o.ok ? [o.code] : []));
      expect(codes).toHaveLength(10);
      expect(new Set(codes).size).toBe(10);
      expect(out.filter((o) => !o.ok && o.error === 'pool_empty')).toHaveLength(20);
      expect(await b.state.referrals.codeOf('claim-0')).toBe(first.code);
      expect(await b.state.referrals.claims('pals', now, now + 1)).toBe(10);
      expect(await b.state.referrals.left('pals', reward)).toBe(0);
    });

    it('stores one of racing sends of a review of one verified order, and one of a client sending the same text', async () => {
      const byOrder = await Promise.all(
        Array.from({ length: 6 }, (_, i) => b.state.reviews.insert(review(`order-${i}`, { order: 'A-1', verified: true, textHash: `h-${i}` }))),
      );
      expect(byOrder.filter((o) => o.ok)).toHaveLength(1);
      const first = `order-${byOrder.findIndex((o) => o.ok)}`;
      for (const o of byOrder) if (!o.ok) expect(o.duplicate).toEqual({ id: first, status: 'pending' });
      const byText = await Promise.all(Array.from({ length: 6 }, (_, i) => b.state.reviews.insert(review(`text-${i}`, { client: 'same', textHash: 'same' }))));
      expect(byText.filter((o) => o.ok)).toHaveLength(1);
      expect(await b.state.reviews.duplicateOf({ site: 'shop', product: 'tea', order: 'A-1', verified: true, client: 'x', textHash: 'y' })).toEqual({ id: first, status: 'pending' });
      expect(await b.state.reviews.duplicateOf({ site: 'shop', product: 'tea', order: 'A-2', verified: true, client: 'x', textHash: 'y' })).toBeUndefined();
    });

    it('keeps a review with its photos, lists them newest first page by page, and counts them', async () => {
      const at = Date.UTC(2026, 10, 24, 8);
      const photos = [
        { file: 'AAAAAAAAAAAAAAAAAAAAAA.jpg', width: 800, height: 600, bytes: 1234 },
        { file: 'BBBBBBBBBBBBBBBBBBBBBB.jpg', width: 600, height: 800, bytes: 999 },
      ];
      expect(await b.state.reviews.insert(review('list-a', { site: 'list', createdAt: at, photos, flags: ['link'] }))).toEqual({ ok: true });
      expect(await b.state.reviews.insert(review('list-b', { site: 'list', createdAt: at + 1, status: 'published', by: 'auto', rating: 4 }))).toEqual({ ok: true });
      expect(await b.state.reviews.insert(review('list-c', { site: 'list', createdAt: at + 1 }))).toEqual({ ok: true });
      const a = await b.state.reviews.get('list-a');
      expect(a).toMatchObject({ id: 'list-a', site: 'list', verified: false, order: null, status: 'pending', flags: ['link'], reason: null, createdAt: at, updatedAt: at });
      expect(a!.photos).toEqual(photos.map((p, n) => ({ n, ...p })));
      expect(await b.state.reviews.get('none')).toBeUndefined();
      const page1 = await b.state.reviews.list({ site: 'list', limit: 2 });
      expect(page1.map((r) => r.id)).toEqual(['list-c', 'list-b']);
      const page2 = await b.state.reviews.list({ site: 'list', limit: 2, before: { createdAt: page1[1]!.createdAt, id: page1[1]!.id } });
      expect(page2.map((r) => r.id)).toEqual(['list-a']);
      expect((await b.state.reviews.list({ site: 'list', limit: 10, photos: true })).map((r) => r.id)).toEqual(['list-a']);
      expect((await b.state.reviews.list({ site: 'list', limit: 10, status: 'published', rating: 4, verified: false, product: 'tea' })).map((r) => r.id)).toEqual(['list-b']);
      expect(await b.state.reviews.counts('list')).toEqual({ pending: 2, published: 1, rejected: 0 });
      expect(await b.state.reviews.photoStatus(photos[0]!.file)).toBe('pending');
      expect(await b.state.reviews.photoStatus('CCCCCCCCCCCCCCCCCCCCCC.jpg')).toBeUndefined();
      expect(await b.state.reviews.hasPhoto(photos[1]!.file)).toBe(true);
      expect(await b.state.reviews.hasPhoto('CCCCCCCCCCCCCCCCCCCCCC.jpg')).toBe(false);
    });

    it('changes a status once when moderators race, with one history row for it', async () => {
      await b.state.reviews.insert(review('mod-a', { site: 'mod' }));
      await b.state.reviews.insert(review('mod-b', { site: 'mod' }));
      const at = Date.UTC(2026, 10, 25);
      const out = await Promise.all(
        Array.from({ length: 5 }, (_, i) => b.state.reviews.setStatus(['mod-b', 'mod-a'], 'rejected', { by: `mod-${i}`, reason: 'off topic', at, action: 'reject' })),
      );
      expect(out.flat().map((r) => r.id).sort()).toEqual(['mod-a', 'mod-b']);
      expect(await b.state.reviews.get('mod-a')).toMatchObject({ status: 'rejected', reason: 'off topic', updatedAt: at });
      const history = await b.state.reviews.history('mod', 'mod-a');
      expect(history.map((h) => [h.action, h.from, h.to])).toEqual([
        ['reject', 'pending', 'rejected'],
        ['submit', null, 'pending'],
      ]);
      expect(history[0]).toMatchObject({ review: 'mod-a', author: 'Li Wei', product: 'tea', at, reason: 'off topic' });
      expect(await b.state.reviews.history('mod')).toHaveLength(4);
      const back = await b.state.reviews.setStatus(['mod-a'], 'published', { by: 'boss', reason: null, at: at + 1, action: 'approve' });
      expect(back.map((r) => [r.id, r.status, r.reason])).toEqual([['mod-a', 'published', null]]);
    });

    it('agrees on one salt per day when processes race to make it, and deletes the old days', async () => {
      const salts = b.state.salts;
      if (!salts) return; // SQLite state keeps the salts with the events: the event-store suite checks them there.
      const out = await Promise.all(Array.from({ length: 10 }, (_, i) => salts.salt('2026-11-20', `salt-${i}`)));
      expect(new Set(out).size).toBe(1);
      expect(await salts.salt('2026-11-20')).toBe(out[0]);
      expect(await salts.salt('2026-11-21', 'later')).toBe('later');
      await salts.dropSalts('2026-11-21');
      expect(await salts.salt('2026-11-20')).toBeNull();
      expect(await salts.salt('2026-11-21')).toBe('later');
    });
  });
}
