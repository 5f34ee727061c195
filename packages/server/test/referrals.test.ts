import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_TEXT, isErrorCode } from '@fanfare/core/errors';
import { countFriends } from '../src/referrals/service.js';
import { inHoldout, keyOf, mintRef, refValid } from '../src/referrals/sign.js';
import { batch, browser, pageview, SECRET, send, shareWith, start, TOKEN, UA, type Running } from './helpers.js';

// <fan-invite>'s server over real HTTP, with a real SQLite file: the fan starts an invite,
// friends' page views come through /e as the beacon sends them, and the fan reads
// progress and claims with the key.

const DAY = 86_400_000;
let clock = Date.UTC(2026, 10, 22, 12);
let s: Running;

const referrals = {
  spring: { site: 'shop', friends: 3, title: '15% off', codes: ['SPRING-1', 'SPRING-2'], invitesPerDay: 100 },
  capped: { site: 'shop', friends: 3, title: 'Capped', generate: { prefix: 'CAP-', length: 8 }, friendsPerDay: 2, invitesPerDay: 2 },
  ending: { site: 'shop', friends: 1, title: 'Ends', generate: { prefix: 'END-', length: 8 }, endsAt: '2026-11-25T00:00:00Z' },
  over: { site: 'shop', friends: 1, title: 'Over', generate: {}, endsAt: '2026-01-01T00:00:00Z' },
  soon: { site: 'shop', friends: 1, title: 'Soon', generate: {}, startsAt: '2027-01-01T00:00:00Z' },
  race: { site: 'shop', friends: 1, title: 'Race', codes: ['R-1', 'R-2', 'R-3'], invitesPerDay: 100 },
  held: { site: 'shop', friends: 1, title: 'Held', generate: {}, holdout: 0.5, invitesPerDay: 100 },
  scarce: { site: 'shop', friends: 1, title: 'Scarce', codes: ['ONLY'], invitesPerDay: 100 },
};

beforeAll(async () => {
  s = await start({ referrals, trustProxy: true, sites: { shop: { origins: ['https://shop.example'] }, other: { origins: ['https://other.example'] } } }, { now: () => clock });
});
afterAll(() => s.stop());

interface Answer {
  status: number;
  json: Record<string, unknown>;
}

/** A call as a page makes it: from the shop's origin, with a browser's user agent and, to be another person, another IP. */
async function call(method: string, path: string, body?: unknown, who: { ua?: string; ip?: string; origin?: string } = {}): Promise<Answer> {
  const res = await fetch(`${s.url}${path}`, {
    method,
    headers: {
      'user-agent': who.ua ?? UA,
      origin: who.origin ?? 'https://shop.example',
      ...(who.ip ? { 'x-forwarded-for': who.ip } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

interface Invite {
  ref: string;
  key: string;
}

async function startInvite(campaign: string, who = {}): Promise<Invite> {
  const r = await call('POST', '/referrals', { campaign }, who);
  expect(r.status, JSON.stringify(r.json)).toBe(200);
  return r.json as unknown as Invite;
}

const progress = (i: Invite, who = {}) => call('GET', `/referrals/${i.ref}?key=${i.key}`, undefined, who);
const claim = (i: Invite, who = {}) => call('POST', `/referrals/${i.ref}/claim`, { key: i.key }, who);

/** A page view that arrived with `ref`, sent by the beacon of the browser `ua`. */
async function visit(ref: string, ua: string, ip?: string): Promise<void> {
  const res = await send(s.url, batch('shop', [pageview({ ref })]), { 'user-agent': ua, origin: 'https://shop.example', ...(ip ? { 'x-forwarded-for': ip } : {}) });
  expect(res.status).toBe(204);
}

function refused(r: Answer, status: number, error: string): void {
  expect(r.status, JSON.stringify(r.json)).toBe(status);
  expect(r.json.error).toBe(error);
  expect(isErrorCode(r.json.error)).toBe(true);
  expect(typeof r.json.message).toBe('string');
}

describe('starting an invite', () => {
  it('answers a signed ref that is a share token, a key, the friends needed, the title and when it expires', async () => {
    const r = await call('POST', '/referrals', { campaign: 'spring' });
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ ref: expect.stringMatching(/^[\w-]{16}$/), key: expect.stringMatching(/^[\w-]{22}$/), needed: 3, title: '15% off', expires: clock + 7 * DAY });
    expect(refValid(SECRET, r.json.ref)).toBe(true);
    expect(r.json.key).toBe(keyOf(SECRET, r.json.ref as string));
    expect(await progress(r.json as unknown as Invite)).toMatchObject({ status: 200, json: { friends: 0, needed: 3 } });
  });

  it('refuses an unknown campaign, a page of another site, one not started and one ended, each with its own code', async () => {
    refused(await call('POST', '/referrals', { campaign: 'nope' }), 404, 'unknown_campaign');
    refused(await call('POST', '/referrals', { campaign: 'spring' }, { origin: 'https://other.example' }), 403, 'forbidden');
    refused(await call('POST', '/referrals', { campaign: 'soon' }), 403, 'not_started');
    const ended = await call('POST', '/referrals', { campaign: 'over' });
    refused(ended, 410, 'campaign_ended');
    expect(ERROR_TEXT.campaign_ended['zh-CN']).not.toBe(ERROR_TEXT.expired['zh-CN']);
    refused(await call('POST', '/referrals', { campaign: 'bad.name' }), 400, 'bad_request');
    refused(await call('POST', '/referrals', 'not json'), 400, 'bad_request');
  });

  it('starts at most invitesPerDay a player a UTC day', async () => {
    const who = { ip: '10.0.0.7' };
    await startInvite('capped', who);
    await startInvite('capped', who);
    refused(await call('POST', '/referrals', { campaign: 'capped' }, who), 429, 'invite_limit');
    // Another player is not held to this one's count; the same player is let in again the next day.
    await startInvite('capped', { ip: '10.0.0.8' });
    clock += DAY;
    try {
      await startInvite('capped', who);
    } finally {
      clock -= DAY;
    }
  });

  it('puts a stable share of players in the holdout, with a ref for their links and no offer or key', async () => {
    let held = 0;
    for (let i = 0; i < 40; i++) {
      const ip = `10.1.0.${i}`;
      const r = await call('POST', '/referrals', { campaign: 'held' }, { ip });
      expect(r.status).toBe(200);
      if (r.json.holdout === true) {
        held++;
        expect(Object.keys(r.json).sort()).toEqual(['expires', 'holdout', 'ref']);
        // Even with its key made by hand, a holdout invite has no progress to read or code to claim.
        const ref = r.json.ref as string;
        refused(await progress({ ref, key: keyOf(SECRET, ref) }, { ip }), 403, 'bad_invite');
        refused(await claim({ ref, key: keyOf(SECRET, ref) }, { ip }), 403, 'bad_invite');
      } else {
        expect(r.json).toMatchObject({ needed: 1, title: 'Held' });
      }
      // The same player always lands on the same side.
      const again = await call('POST', '/referrals', { campaign: 'held' }, { ip });
      expect(again.json.holdout === true).toBe(r.json.holdout === true);
    }
    expect(held).toBeGreaterThan(8);
    expect(held).toBeLessThan(32);
  });
});

describe('signatures', () => {
  it('refuses a forged ref, a tampered one, a wrong key, no key, and a signed ref this server never issued', async () => {
    const i = await startInvite('spring');
    const flip = (s: string, at: number) => s.slice(0, at) + (s[at] === 'A' ? 'B' : 'A') + s.slice(at + 1);
    const cases: Invite[] = [
      { ref: 'AAAAAAAAAAAAAAAA', key: i.key },
      { ref: flip(i.ref, 2), key: i.key },
      { ref: flip(i.ref, 12), key: i.key },
      { ref: i.ref, key: flip(i.key, 5) },
      { ref: i.ref, key: '' },
      { ref: mintRef(SECRET), key: '' },
    ];
    const unknown = mintRef(SECRET);
    cases.push({ ref: unknown, key: keyOf(SECRET, unknown) });
    cases.push({ ref: i.ref, key: keyOf('another-secret-0123456789', i.ref) });
    for (const c of cases) {
      refused(await progress(c), 403, 'bad_invite');
      refused(await claim(c), 403, 'bad_invite');
    }
    const noKey = await call('GET', `/referrals/${i.ref}`);
    refused(noKey, 403, 'bad_invite');
  });

  it('signs with the server secret: refs are share tokens and a key belongs to one ref', () => {
    const a = mintRef(SECRET);
    expect(a).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(refValid(SECRET, a)).toBe(true);
    expect(refValid('another-secret-0123456789', a)).toBe(false);
    expect(keyOf(SECRET, a)).not.toBe(keyOf(SECRET, mintRef(SECRET)));
    expect(refValid(SECRET, 42)).toBe(false);
    expect(inHoldout(SECRET, 'c', 'p', 0)).toBe(false);
  });
});

describe('friends', () => {
  it('counts distinct visitors who opened the link; not the fan, however often; not a friend twice; not a bot', async () => {
    const i = await startInvite('spring');
    await visit(i.ref, browser('friend-a'));
    await visit(i.ref, browser('friend-a'));
    await visit(i.ref, UA); // the fan opens their own link
    await visit(i.ref, 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)');
    await visit(i.ref, 'facebookexternalhit/1.1');
    expect((await progress(i)).json).toEqual({ friends: 1, needed: 3 });
    await visit(i.ref, browser('friend-b'));
    // Another invite's link counts for that invite only.
    const other = await startInvite('spring', { ip: '10.2.0.1' });
    await visit(other.ref, browser('friend-c'));
    expect((await progress(i)).json).toEqual({ friends: 2, needed: 3 });
    refused(await claim(i), 422, 'not_enough_friends');
  });

  it('does not count the fan seen later from another browser, once that browser has read the progress', async () => {
    const i = await startInvite('spring', { ip: '10.3.0.1' });
    const phone = browser('fan-phone');
    // The fan's phone reads the progress (it has the key), then opens the link too.
    expect((await progress(i, { ua: phone, ip: '10.3.0.1' })).json).toMatchObject({ friends: 0 });
    await visit(i.ref, phone, '10.3.0.1');
    await visit(i.ref, browser('fan-laptop'), '10.3.0.1');
    expect((await progress(i, { ip: '10.3.0.1' })).json).toMatchObject({ friends: 1 });
  });

  it('counts a later day’s self-visit as the fan’s when the fan shared the link (the share event carries the fan’s hash)', async () => {
    const i = await startInvite('spring', { ip: '10.4.0.1' });
    await send(s.url, batch('shop', [shareWith('weibo', i.ref)]), { 'user-agent': UA, 'x-forwarded-for': '10.4.0.1', origin: 'https://shop.example' });
    clock += DAY;
    try {
      await visit(i.ref, UA, '10.4.0.1');
      await visit(i.ref, browser('friend-next-day'), '10.4.0.2');
      expect((await progress(i, { ua: browser('fan-elsewhere'), ip: '10.4.0.9' })).json).toMatchObject({ friends: 1 });
    } finally {
      clock -= DAY;
    }
  });

  it('counts at most friendsPerDay an invite a UTC day; the next day counts again', async () => {
    const i = await startInvite('capped', { ip: '10.5.0.1' });
    for (const f of ['a', 'b', 'c', 'd']) await visit(i.ref, browser(`cap-${f}`), `10.5.1.${f.charCodeAt(0)}`);
    expect((await progress(i, { ip: '10.5.0.1' })).json).toMatchObject({ friends: 2, needed: 3 });
    clock += DAY;
    try {
      await visit(i.ref, browser('cap-e'), '10.5.2.1');
      expect((await progress(i, { ip: '10.5.0.1' })).json).toMatchObject({ friends: 3 });
      expect((await claim(i, { ip: '10.5.0.1' })).json).toMatchObject({ code: expect.stringMatching(/^CAP-[A-Z2-9]{8}$/), title: 'Capped' });
    } finally {
      clock -= DAY;
    }
  });

  it('is counted by one pure rule', () => {
    const v = (vh: string, first: number) => ({ token: 't', vh, first });
    const day = Date.UTC(2026, 0, 1);
    expect(countFriends([v('a', day), v('a', day + 5), v('', day), v('me', day), v('b', day + 1), v('c', day + 2), v('d', day + DAY)], new Set(['me']), 2, Infinity)).toBe(3);
    expect(countFriends([v('a', day), v('b', day + 10)], new Set(), 5, day + 10)).toBe(1);
  });
});

describe('claiming', () => {
  it('gives the code once enough friends came, and progress shows it from then on; a friend with the link alone cannot', async () => {
    const i = await startInvite('spring', { ip: '10.6.0.1' });
    for (const f of ['x', 'y', 'z']) await visit(i.ref, browser(`claim-${f}`), '10.6.0.2');
    const friend = { ua: browser('claim-x'), ip: '10.6.0.2' };
    refused(await call('GET', `/referrals/${i.ref}`, undefined, friend), 403, 'bad_invite');
    refused(await call('POST', `/referrals/${i.ref}/claim`, {}, friend), 403, 'bad_invite');
    // A friend's failed tries do not make them the fan: still three friends.
    expect((await progress(i, { ip: '10.6.0.1' })).json).toEqual({ friends: 3, needed: 3 });
    const won = await claim(i, { ip: '10.6.0.1' });
    expect(won).toEqual({ status: 200, json: { code: expect.stringMatching(/^SPRING-\d$/), title: '15% off' } });
    expect((await progress(i, { ip: '10.6.0.1' })).json).toEqual({ friends: 3, needed: 3, code: won.json.code });
    // Claimed again (the first answer was lost): the same code, from anywhere the fan has the key.
    expect(await claim(i, { ip: '10.6.0.1' })).toEqual(won);
    expect(await claim(i, { ip: '10.6.0.77', ua: browser('fan-on-4g') })).toEqual(won);
    refused(await call('POST', `/referrals/${i.ref}/claim`, {}, friend), 403, 'bad_invite');
    refused(await call('POST', `/referrals/${i.ref}/claim`, { key: `${i.key.slice(0, -1)}${i.key.endsWith('A') ? 'B' : 'A'}` }, friend), 403, 'bad_invite');
  });

  it('answers a claim whose answer was lost with its code, even once the invite has expired', async () => {
    const i = await startInvite('race', { ip: '10.7.1.1' });
    await visit(i.ref, browser('lost-answer'), '10.7.1.2');
    // The first answer is dropped, as a connection cut after the commit would drop it.
    const first = await claim(i, { ip: '10.7.1.1' });
    expect(first.status).toBe(200);
    clock += 30 * DAY;
    try {
      expect(await claim(i, { ip: '10.7.1.1' })).toEqual(first);
    } finally {
      clock -= 30 * DAY;
    }
  });

  it('of 50 racing claims, one takes a code and every one is answered it', async () => {
    const i = await startInvite('race', { ip: '10.7.0.1' });
    await visit(i.ref, browser('racer'), '10.7.0.2');
    const answers = await Promise.all(Array.from({ length: 50 }, () => claim(i, { ip: '10.7.0.1' })));
    const won = answers.filter((a) => a.status === 200);
    expect(won).toHaveLength(50);
    expect(new Set(won.map((a) => a.json.code)).size).toBe(1);
    expect((await progress(i, { ip: '10.7.0.1' })).json.code).toBe(won[0]!.json.code);
    // The pool lost one code, not fifty.
    const other = await startInvite('race', { ip: '10.7.0.3' });
    await visit(other.ref, browser('racer-2'), '10.7.0.4');
    expect((await claim(other, { ip: '10.7.0.3' })).json.code).not.toBe(won[0]!.json.code);
  });

  it('refuses when the pool is empty', async () => {
    const a = await startInvite('scarce', { ip: '10.8.0.1' });
    const b = await startInvite('scarce', { ip: '10.8.0.2' });
    await visit(a.ref, browser('scarce-a'), '10.8.1.1');
    await visit(b.ref, browser('scarce-b'), '10.8.1.2');
    expect((await claim(a, { ip: '10.8.0.1' })).json.code).toBe('ONLY');
    refused(await claim(b, { ip: '10.8.0.2' }), 409, 'pool_empty');
  });

  it('refuses a claim past endsAt with the campaign-ended message, though enough friends came', async () => {
    const i = await startInvite('ending', { ip: '10.9.0.1' });
    expect((await call('GET', `/referrals/${i.ref}?key=${i.key}`, undefined, { ip: '10.9.0.1' })).status).toBe(200);
    await visit(i.ref, browser('late-friend'), '10.9.0.2');
    const saved = clock;
    clock = Date.parse('2026-11-25T00:00:01Z');
    try {
      const r = await claim(i, { ip: '10.9.0.1' });
      refused(r, 410, 'campaign_ended');
      expect(ERROR_TEXT.campaign_ended.en).toBe('This campaign has ended.');
      // Progress can still be read after the end.
      expect((await progress(i, { ip: '10.9.0.1' })).json).toMatchObject({ friends: 1, needed: 1 });
      refused(await call('POST', '/referrals', { campaign: 'ending' }), 410, 'campaign_ended');
    } finally {
      clock = saved;
    }
  });
});

describe('GET /api/referrals', () => {
  it('needs the admin token', async () => {
    const r = await fetch(`${s.url}/api/referrals?site=shop`);
    expect(r.status).toBe(401);
  });

  it('reports invites started, friends brought, rewards given, the holdout comparison and networks', async () => {
    const res = await fetch(`${s.url}/api/referrals?site=shop&from=2026-11-01&to=2026-11-30`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(200);
    const r = (await res.json()) as {
      invites: number; friends: number; rewards: number;
      campaigns: { name: string; offer: { invites: number; friends: number; reached: number }; control: { invites: number }; lift: number | null; rewards: number; left: number | null }[];
      networks: { network: string; shares: number; invites: number }[];
    };
    const spring = r.campaigns.find((c) => c.name === 'spring')!;
    expect(spring.rewards).toBe(1);
    expect(spring.left).toBe(1);
    expect(spring.offer.reached).toBeGreaterThanOrEqual(1);
    expect(spring.control.invites).toBe(0);
    expect(spring.lift).toBeNull();
    const held = r.campaigns.find((c) => c.name === 'held')!;
    expect(held.offer.invites + held.control.invites).toBe(80);
    expect(held.control.invites).toBeGreaterThan(0);
    expect(held.lift).toBe(0);
    expect(r.networks).toEqual([{ network: 'weibo', shares: 1, invites: 1 }]);
    expect(r.invites).toBe(r.campaigns.reduce((n, c) => n + c.offer.invites + c.control.invites, 0));
    expect(r.rewards).toBeGreaterThanOrEqual(5);
    expect(r.friends).toBeGreaterThanOrEqual(10);
    const none = await fetch(`${s.url}/api/referrals?site=other`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(await none.json()).toMatchObject({ invites: 0, campaigns: [] });
  });
});
