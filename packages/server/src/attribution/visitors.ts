import { createHmac, randomBytes } from 'node:crypto';
import { utcDay } from '../games/service.js';
import type { EventStore, ShareRow } from '../store/types.js';
import { refOf, type StoredEvent } from '../wire.js';

// Cookieless visitors (DESIGN.md, "Attribution"): a keyed hash of (site, IP, user agent)
// under a random salt of the UTC day. The salt is made at random, shared by every process
// through the store, and deleted after `attributionDays`: from then on nobody, us included,
// can tell whose a hash was. The IP and the user agent themselves are never written.

const DAY = 86_400_000;
/** How long a process trusts the salt it read, so processes that raced to make one agree soon after. */
const REREAD_MS = 60_000;

/** Events whose sender matters to attribution: the sharer, and a visitor or buyer who came with a token. */
const SHARES = new Set(['share', 'card_share']);
const ARRIVALS = new Set(['pageview', 'conversion']);

export interface VisitorsOptions {
  store: EventStore;
  /** Where the day salts are when not in `store`: the PostgreSQL state store. */
  salts?: Pick<EventStore, 'salt' | 'dropSalts'> | undefined;
  /** `attributionDays`: how long a salt is kept. */
  days: number;
  now: () => number;
}

export function visitorHash(salt: string, site: string, ip: string, userAgent: string): string {
  // 128 bits: no collision in any shop's traffic, and nothing to read back.
  return createHmac('sha256', salt).update(`${site}\n${ip}\n${userAgent}`).digest('base64url').slice(0, 22);
}

export class Visitors {
  readonly #store: EventStore;
  readonly #saltStore: Pick<EventStore, 'salt' | 'dropSalts'>;
  readonly #days: number;
  readonly #now: () => number;
  readonly #salts = new Map<string, { salt: string | null; read: number }>();
  // A page view sends several requests: its sender's hash of today, made once. Keyed by the
  // salt too, so a new day (or a salt that lost a race) never reuses an old hash.
  #hashes = new Map<string, string>();
  #swept = '';

  constructor({ store, salts, days, now }: VisitorsOptions) {
    this.#store = store;
    this.#saltStore = salts ?? store;
    this.#days = days;
    this.#now = now;
  }

  /** The salt of `day`: today's is made when missing; a past day's is null once deleted. */
  async salt(day: string): Promise<string | null> {
    const now = this.#now();
    const cached = this.#salts.get(day);
    if (cached && now - cached.read < REREAD_MS) return cached.salt;
    const today = utcDay(now);
    let salt: string | null;
    if (day === today) {
      salt = await this.#saltStore.salt(day, randomBytes(32).toString('hex'));
      // Tomorrow's a day early, so processes racing at midnight find it made already.
      await this.#saltStore.salt(utcDay(now + DAY), randomBytes(32).toString('hex'));
      await this.#sweep(now);
    } else {
      salt = day < this.#oldestKept(now) ? null : await this.#saltStore.salt(day);
    }
    if (this.#salts.size > 64) this.#salts.clear();
    this.#salts.set(day, { salt, read: now });
    return salt;
  }

  #oldestKept(now: number): string {
    return utcDay(now - this.#days * DAY);
  }

  async #sweep(now: number): Promise<void> {
    const oldest = this.#oldestKept(now);
    if (this.#swept === oldest) return;
    await this.#saltStore.dropSalts(oldest);
    for (const day of this.#salts.keys()) if (day < oldest) this.#salts.delete(day);
    this.#swept = oldest;
  }

  /**
   * Gives each share, and each page view or order that came with a token, its sender's
   * hash of today. A visit made on a later day than its share is hashed again under the
   * share's day's salt (kept for this): if that matches the share's hash, the sharer is
   * opening their own link, and the visit carries the share's hash so the report sees it.
   */
  async mark(events: StoredEvent[], ip: string, userAgent: string): Promise<void> {
    const relevant = events.filter((e) => SHARES.has(e.n) || ARRIVALS.has(e.n));
    if (relevant.length === 0) return;
    const withRef = relevant.flatMap((e) => {
      const ref = refOf(e);
      return ref === undefined ? [] : [{ e, ref }];
    });
    if (withRef.length === 0) return;
    const site = events[0]!.site;
    const now = this.#now();
    const today = utcDay(now);
    const salt = await this.salt(today);
    if (salt === null) return;
    const key = `${salt}\n${site}\n${ip}\n${userAgent}`;
    let mine = this.#hashes.get(key);
    if (mine === undefined) {
      if (this.#hashes.size >= 10_000) this.#hashes = new Map();
      mine = visitorHash(salt, site, ip, userAgent);
      this.#hashes.set(key, mine);
    }
    const arrivals = withRef.filter(({ e }) => ARRIVALS.has(e.n));
    let shares = new Map<string, ShareRow>();
    if (arrivals.length > 0) {
      // A share of today needs no second hash (the sender's hash is the same all day), so
      // only earlier days' are looked up: those the store has in its token index.
      const found = await this.#store.sharesByToken(site, [...new Set(arrivals.map((a) => a.ref))], Math.floor(now / DAY) * DAY);
      shares = new Map(found.map((s) => [s.token, s]));
    }
    for (const { e, ref } of withRef) {
      e.vh = mine;
      const share = ARRIVALS.has(e.n) ? shares.get(ref) : undefined;
      if (!share || share.vh === '' || share.vh === mine) continue;
      const day = utcDay(share.ts);
      if (day === today) continue;
      const then = await this.salt(day);
      if (then !== null && visitorHash(then, site, ip, userAgent) === share.vh) e.vh = share.vh;
    }
  }
}
