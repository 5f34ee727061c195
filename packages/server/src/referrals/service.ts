import type { ErrorCode } from '@fanfare/core/errors';
import { visitorHash, type Visitors } from '../attribution/visitors.js';
import type { Config, Referral } from '../config.js';
import { originAllowed } from '../cors.js';
import type { Outcome, Refusal } from '../errors.js';
import { playerKey } from '../games/ticket.js';
import { utcDay } from '../games/service.js';
import type { Invite } from '../store/referrals.js';
import type { Referrals } from '../store/state.js';
import type { EventStore, RangeQuery, TokenVisitor } from '../store/types.js';
import { inHoldout, keyOf, keyValid, mintRef, refValid } from './sign.js';

// The rules of <fan-invite> (DESIGN.md, "<fan-invite>"): who may start an invite, who
// counts as a friend, and when an invite has earned its code. The routes only translate
// HTTP; the stores only store.

const DAY = 86_400_000;

export interface ReferralServiceOptions {
  config: Config;
  secret: string;
  store: EventStore;
  referrals: Referrals;
  visitors: Visitors;
  now: () => number;
}

/** Who is asking: the page's Origin, the client's IP and user agent (hashed into a visitor, never kept). */
export interface Caller {
  origin: string | undefined;
  ip: string;
  userAgent: string;
}

export type Started =
  | { ref: string; key: string; needed: number; title: string; expires: number }
  /** No offer for this fan (the campaign's holdout): the ref still goes into the links, so the brand can compare. */
  | { holdout: true; ref: string; expires: number };

export interface Progress {
  friends: number;
  needed: number;
  code?: string;
}

const REFUSALS = {
  unknown_campaign: [404, 'no such referral campaign'],
  forbidden: [403, 'this page may not use this campaign'],
  not_started: [403, 'the campaign has not started'],
  campaign_ended: [410, 'the campaign has ended'],
  invite_limit: [429, 'this player has started enough invites today'],
  bad_invite: [403, 'this ref or key was not issued by this server'],
  invite_expired: [410, 'this invite has expired'],
  not_enough_friends: [422, 'not enough friends have visited'],
  pool_empty: [409, 'all the codes of this campaign are given out'],
} as const satisfies Partial<Record<ErrorCode, readonly [number, string]>>;

function refusal(error: keyof typeof REFUSALS, message?: string): { ok: false } & Refusal {
  const [status, text] = REFUSALS[error];
  return { ok: false, status, error, message: message ?? text };
}

/**
 * Friends among an invite's visitors: distinct hashes, not the fan's own, first seen
 * before the invite expired, and at most `perDay` a UTC day (in the order they came).
 */
export function countFriends(visitors: TokenVisitor[], own: Set<string>, perDay: number, until: number): number {
  const seen = new Set<string>();
  const days = new Map<string, number>();
  let friends = 0;
  for (const v of [...visitors].sort((a, b) => a.first - b.first)) {
    if (v.vh === '' || own.has(v.vh) || seen.has(v.vh) || v.first >= until) continue;
    seen.add(v.vh);
    const day = utcDay(v.first);
    const n = days.get(day) ?? 0;
    if (n >= perDay) continue;
    days.set(day, n + 1);
    friends++;
  }
  return friends;
}

interface Arm {
  invites: number;
  friends: number;
  /** Friends per invite, to two decimals. */
  perInvite: number;
}

export interface ReferralCampaignReport {
  name: string;
  title: string;
  needed: number;
  holdout: number;
  /** Fans shown the offer. */
  offer: Arm & { reached: number };
  /** Fans in the holdout, who shared without an offer. */
  control: Arm;
  /** Friends per invite with the offer minus without; null with no holdout invites to compare with. */
  lift: number | null;
  rewards: number;
  left: number | null;
  networks: { network: string; shares: number; invites: number }[];
}

export interface ReferralReport {
  site: string;
  from: number;
  to: number;
  invites: number;
  friends: number;
  rewards: number;
  campaigns: ReferralCampaignReport[];
  /** Every campaign's shares of invite links by network, most first. */
  networks: { network: string; shares: number; invites: number }[];
}

const perInvite = (friends: number, invites: number) => (invites === 0 ? 0 : Math.round((friends / invites) * 100) / 100);

export class ReferralService {
  readonly #o: ReferralServiceOptions;

  constructor(options: ReferralServiceOptions) {
    this.#o = options;
  }

  #campaign(name: string, origin: string | undefined): Outcome<Referral> {
    const all = this.#o.config.referrals;
    const c = Object.hasOwn(all, name) ? all[name] : undefined;
    if (!c) return refusal('unknown_campaign', `no referral campaign "${name}"`);
    if (!originAllowed(this.#o.config, c.site, origin)) return refusal('forbidden');
    return { ok: true, value: c };
  }

  /** The caller's visitor hash of today for `site`, as ingest makes it for their page views. */
  async #hash(site: string, caller: Caller): Promise<string | undefined> {
    const salt = await this.#o.visitors.salt(utcDay(this.#o.now()));
    return salt === null ? undefined : visitorHash(salt, site, caller.ip, caller.userAgent);
  }

  async start(name: string, caller: Caller): Promise<Outcome<Started>> {
    const found = this.#campaign(name, caller.origin);
    if (!found.ok) return found;
    const c = found.value;
    const t = this.#o.now();
    if (c.startsAt && t < Date.parse(c.startsAt)) return refusal('not_started');
    if (c.endsAt && t >= Date.parse(c.endsAt)) return refusal('campaign_ended');
    const { secret } = this.#o;
    const player = playerKey(secret, caller.ip);
    const holdout = inHoldout(secret, name, player, c.holdout);
    const expires = Math.min(t + c.days * DAY, c.endsAt ? Date.parse(c.endsAt) : Infinity);
    const ref = mintRef(secret);
    const row: Invite = { ref, campaign: name, site: c.site, player, day: utcDay(t), holdout, created: t, expires };
    if (!(await this.#o.referrals.start(row, await this.#hash(c.site, caller), c.invitesPerDay))) return refusal('invite_limit');
    return { ok: true, value: holdout ? { holdout: true, ref, expires } : { ref, key: keyOf(secret, ref), needed: c.friends, title: c.title, expires } };
  }

  /** The invite `ref` unlocked by `key`, for its fan; the caller's hash is remembered as the fan's own. */
  async #unlock(ref: string, key: string, caller: Caller): Promise<Outcome<{ inv: Invite; c: Referral }>> {
    const { secret, referrals } = this.#o;
    if (!refValid(secret, ref) || !keyValid(secret, ref, key)) return refusal('bad_invite');
    const inv = await referrals.get(ref);
    // Signed but unknown: made by this secret for another database. A holdout invite has no progress.
    if (!inv || inv.holdout) return refusal('bad_invite', inv ? 'a holdout invite has no offer' : 'no such invite');
    const found = this.#campaign(inv.campaign, caller.origin);
    if (!found.ok) return found.error === 'unknown_campaign' ? refusal('campaign_ended', 'the campaign is no longer configured') : found;
    const own = await this.#hash(inv.site, caller);
    if (own) await referrals.addOwner(ref, own);
    return { ok: true, value: { inv, c: found.value } };
  }

  async #friends(invites: Invite[], c: Referral, from: number): Promise<Map<string, number>> {
    if (invites.length === 0) return new Map();
    const site = c.site;
    const refs = invites.map((i) => i.ref);
    const [visits, shares] = await Promise.all([this.#o.store.visitorsByToken(site, refs, from), this.#o.store.sharesByToken(site, refs)]);
    const owners = await this.#o.referrals.owners(refs);
    // The fan's share events carry the fan's hash too; ingest gives a later day's self-visit that same hash.
    for (const s of shares) if (s.vh) owners.get(s.token)?.add(s.vh);
    return new Map(
      invites.map((i) => [
        i.ref,
        countFriends(visits.filter((v) => v.token === i.ref), owners.get(i.ref) ?? new Set(), c.friendsPerDay, i.expires),
      ]),
    );
  }

  async progress(ref: string, key: string, caller: Caller): Promise<Outcome<Progress>> {
    const u = await this.#unlock(ref, key, caller);
    if (!u.ok) return u;
    const { inv, c } = u.value;
    const friends = (await this.#friends([inv], c, inv.created)).get(ref) ?? 0;
    const code = await this.#o.referrals.codeOf(ref);
    return { ok: true, value: { friends, needed: c.friends, ...(code !== undefined && { code }) } };
  }

  async claim(ref: string, key: string, caller: Caller): Promise<Outcome<{ code: string; title: string }>> {
    const u = await this.#unlock(ref, key, caller);
    if (!u.ok) return u;
    const { inv, c } = u.value;
    // Claimed already (the answer was lost, another tab was first): the fan holding the key
    // gets the same code again, whatever the date now; nothing more is taken from the pool.
    const held = await this.#o.referrals.codeOf(ref);
    if (held !== undefined) return { ok: true, value: { code: held, title: c.title } };
    const t = this.#o.now();
    if (c.endsAt && t >= Date.parse(c.endsAt)) return refusal('campaign_ended');
    if (t >= inv.expires) return refusal('invite_expired');
    const friends = (await this.#friends([inv], c, inv.created)).get(ref) ?? 0;
    if (friends < c.friends) return refusal('not_enough_friends', `${friends} of ${c.friends} friends have visited`);
    const r = await this.#o.referrals.claim(inv, c, t);
    return r.ok ? { ok: true, value: { code: r.code, title: c.title } } : refusal(r.error);
  }

  /** `GET /api/referrals`: each campaign of the site, invites started in the range and what they brought. */
  async report(q: RangeQuery): Promise<ReferralReport> {
    const campaigns: ReferralCampaignReport[] = [];
    const all = new Map<string, { shares: number; refs: Set<string> }>();
    for (const [name, c] of Object.entries(this.#o.config.referrals)) {
      if (c.site !== q.site) continue;
      const invites = await this.#o.referrals.started(name, q.from, q.to);
      const friends = await this.#friends(invites, c, q.from);
      const offer = { invites: 0, friends: 0, perInvite: 0, reached: 0 };
      const control = { invites: 0, friends: 0, perInvite: 0 };
      for (const i of invites) {
        const n = friends.get(i.ref) ?? 0;
        const arm = i.holdout ? control : offer;
        arm.invites++;
        arm.friends += n;
        if (!i.holdout && n >= c.friends) offer.reached++;
      }
      offer.perInvite = perInvite(offer.friends, offer.invites);
      control.perInvite = perInvite(control.friends, control.invites);
      const networks = new Map<string, { shares: number; refs: Set<string> }>();
      const shares = invites.length ? await this.#o.store.sharesByToken(q.site, invites.map((i) => i.ref)) : [];
      for (const s of shares) {
        for (const m of [networks, all]) {
          const b = m.get(s.network) ?? { shares: 0, refs: new Set<string>() };
          b.shares++;
          b.refs.add(s.token);
          m.set(s.network, b);
        }
      }
      campaigns.push({
        name,
        title: c.title,
        needed: c.friends,
        holdout: c.holdout,
        offer,
        control,
        lift: control.invites === 0 ? null : Math.round((offer.perInvite - control.perInvite) * 100) / 100,
        rewards: await this.#o.referrals.claims(name, q.from, q.to),
        left: await this.#o.referrals.left(name, c),
        networks: rows(networks),
      });
    }
    const sum = (f: (c: ReferralCampaignReport) => number) => campaigns.reduce((n, c) => n + f(c), 0);
    return {
      site: q.site,
      from: q.from,
      to: q.to,
      invites: sum((c) => c.offer.invites + c.control.invites),
      friends: sum((c) => c.offer.friends + c.control.friends),
      rewards: sum((c) => c.rewards),
      campaigns,
      networks: rows(all),
    };
  }
}

function rows(m: Map<string, { shares: number; refs: Set<string> }>) {
  return [...m]
    .map(([network, b]) => ({ network, shares: b.shares, invites: b.refs.size }))
    .sort((a, b) => b.shares - a.shares || a.network.localeCompare(b.network));
}
