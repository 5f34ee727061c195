import { ConfigError, storesOf, type Config, type Referral } from '../config.js';
import type { MediaStore } from '../media/store.js';
import type { Invite, InviteClaim } from './referrals.js';
import type { ClaimOutcome } from './rewards.js';
import type { HistoryRow, InsertOutcome, NewReview, ReviewQuery, ReviewStatus, StoredReview } from './reviews.js';

// The state that needs transactions and that every process must agree on: reward codes and
// the claims that took them, games started per player and day, invites and their claims,
// the visitor salt of each day. SQLite (one file, one machine) or PostgreSQL (any number of
// processes and machines): DESIGN.md, "Server". Events are the EventStore's (types.ts).

export interface GameClaim {
  game: string;
  campaign: string;
  tier: number;
  player: string;
  day: string;
  now: number;
}

export interface PoolTier {
  tier: number;
  given: number;
  /** null for a generated tier, which never runs out. */
  left: number | null;
}

/** Game (and review) rewards: single-use codes, claims, starts per player per day. */
export interface Ledger {
  /** Counts a game start; false when the player has started `limit` today. */
  start(campaign: string, player: string, day: string, limit: number): Promise<boolean>;
  /**
   * Gives `game` the code for `tier` unless it has that tier or a higher one, the player has
   * had their claims today or the pool is empty. Of racing claims, each code goes to one.
   * A tier the game holds is answered with its code again (`again`) when the same player
   * asks (a retry whose answer was lost), and `already_claimed` for any other player.
   */
  claim(args: GameClaim): Promise<ClaimOutcome>;
  /** The code `game` holds for `tier` and the player who claimed it, if it holds one. */
  held(game: string, tier: number): Promise<{ code: string; player: string } | undefined>;
  pool(campaign: string): Promise<PoolTier[]>;
}

/**
 * The answer to a claim of a tier the game holds already: its code again for the player who
 * claimed it (the first answer was lost: a dropped connection, a process that died after its
 * commit), `already_claimed` for anyone else holding the game id. Both ledgers use it.
 */
export function heldClaim(held: { code: string; player: string }, args: Pick<GameClaim, 'player' | 'tier'>): ClaimOutcome {
  return held.player === args.player ? { ok: true, code: held.code, tier: args.tier, again: true } : { ok: false, error: 'already_claimed' };
}

/** <fan-invite>'s invites, the fan's own visitor hashes, and the one code each invite may get. */
export interface Referrals {
  /** Records a new invite and the fan's hash, unless the player has started `limit` today. */
  start(row: Invite, ownHash: string | undefined, limit: number): Promise<boolean>;
  get(ref: string): Promise<Invite | undefined>;
  addOwner(ref: string, vh: string): Promise<void>;
  /** The fan's own hashes, per invite. */
  owners(refs: string[]): Promise<Map<string, Set<string>>>;
  codeOf(ref: string): Promise<string | undefined>;
  /** Of racing claims of one invite, one takes a code; the others, and every later one, are answered that code (`again`). */
  claim(inv: Invite, reward: Referral, now: number): Promise<InviteClaim>;
  /** Invites of a campaign started in [from, to). */
  started(campaign: string, from: number, to: number): Promise<Invite[]>;
  /** Codes handed out in [from, to). */
  claims(campaign: string, from: number, to: number): Promise<number>;
  /** Codes left (null for a generated reward). */
  left(campaign: string, reward: Referral): Promise<number | null>;
}

/** Buyer shows: the reviews, their photos' rows and the append-only history of their statuses. */
export interface Reviews {
  /** An earlier review this one repeats: the same verified order, or the same client sending the same text. */
  duplicateOf(r: { site: string; product: string; order: string | null; verified: boolean; client: string; textHash: string }): Promise<{ id: string; status: ReviewStatus } | undefined>;
  /** The review, its photos and its first history row, in one transaction; a duplicate (a race the check missed) is refused. */
  insert(r: NewReview): Promise<InsertOutcome>;
  get(id: string): Promise<StoredReview | undefined>;
  /** Sets the status of each review not in it already, with a history row each; answers those changed. Of racing moderators, one changes it. */
  setStatus(ids: readonly string[], to: ReviewStatus, change: { by: string; reason: string | null; at: number; action: 'approve' | 'reject' }): Promise<StoredReview[]>;
  list(q: ReviewQuery): Promise<StoredReview[]>;
  counts(site: string): Promise<Record<ReviewStatus, number>>;
  /** Newest first; `review` narrows it to one review. */
  history(site: string, review?: string, limit?: number): Promise<HistoryRow[]>;
  /** The status of the review a photo file belongs to, if any review names it. */
  photoStatus(file: string): Promise<ReviewStatus | undefined>;
  hasPhoto(file: string): Promise<boolean>;
}

/** A credential WeChat issued (an access token, a jsapi ticket) as processes share it. */
export interface SharedGrant {
  value: string;
  /** When WeChat says it stops working (epoch ms). */
  expires: number;
  /** When to fetch the next one. */
  due: number;
}

/**
 * WeChat's access token and jsapi ticket, shared: a new token voids the one before, so one
 * process asks WeChat (it holds the lease) and the others read what it stored.
 */
export interface Grants {
  get(key: string): Promise<SharedGrant | undefined>;
  put(key: string, grant: SharedGrant): Promise<void>;
  /** The lease to ask WeChat for `key` until `now + ms`: of racing processes, one gets it. */
  lease(key: string, holder: string, now: number, ms: number): Promise<boolean>;
  release(key: string, holder: string): Promise<void>;
}

/** The visitor salt of each UTC day, as EventStore.salt/dropSalts say. */
export interface Salts {
  salt(day: string, create?: string): Promise<string | null>;
  dropSalts(before: string): Promise<void>;
}

/**
 * The state store cannot be reached (PostgreSQL down or restarting): the request fails with
 * 503 and may be sent again; it is never answered as if the state were empty.
 */
export class StoreUnavailable extends Error {
  readonly statusCode = 503;
  constructor(cause: unknown) {
    super(`state store unavailable: ${(cause as Error)?.message ?? String(cause)}`, { cause });
  }
}

export interface StateStore {
  readonly kind: 'sqlite' | 'postgres';
  readonly ledger: Ledger;
  readonly referrals: Referrals;
  readonly reviews: Reviews;
  /** Where the day salts are; undefined: in the event store, as with SQLite state. */
  readonly salts: Salts | undefined;
  /** WeChat's shared credentials; undefined with SQLite, whose one process keeps them in memory. */
  readonly grants: Grants | undefined;
  /** Photos kept in the state store (`"store": {"media": "postgres"}`); undefined with SQLite, whose photos are in the `media` folder. */
  readonly media: MediaStore | undefined;
  close(): Promise<void>;
}

/** The PostgreSQL URL: FANFARE_POSTGRES_URL wins over the config's, as the other secrets do (it holds a password). */
export function postgresUrl(config: Config, env: Record<string, string | undefined>): string {
  const url = env.FANFARE_POSTGRES_URL || config.postgres?.url;
  if (!url) throw new ConfigError('"store": {"state": "postgres"} needs "postgres": {"url": "postgres://user:pass@host:5432/db"} in the config, or FANFARE_POSTGRES_URL');
  return url;
}

export async function openState(config: Config, env: Record<string, string | undefined>): Promise<StateStore> {
  if (storesOf(config).state === 'postgres') {
    const { PostgresState } = await import('./postgres.js');
    return PostgresState.open(postgresUrl(config, env), config);
  }
  const { SqliteState } = await import('./sqlite-state.js');
  return new SqliteState(config);
}
