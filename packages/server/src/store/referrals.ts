import type Database from 'better-sqlite3';
import type { Config, Referral } from '../config.js';
import { CodePool } from './rewards.js';
import { openSqlite } from './sqlite-db.js';
import type { Referrals } from './state.js';

// <fan-invite>'s state: invites, the fan's own visitor hashes, and the one code each
// invite may get, in SQLite (the same file as the reward ledger) with `"state": "sqlite"`,
// whatever the event store: a claim needs a transaction. postgres.ts is the other one. Friends' visits are page views, in the event
// store; the rules that turn them into friends are in referrals/service.ts.

const SCHEMA = `
CREATE TABLE IF NOT EXISTS referrals (
  ref      TEXT PRIMARY KEY,
  campaign TEXT NOT NULL,
  site     TEXT NOT NULL,
  player   TEXT NOT NULL,
  day      TEXT NOT NULL,
  holdout  INTEGER NOT NULL,
  created  INTEGER NOT NULL,
  expires  INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS referrals_player_day ON referrals (campaign, player, day);
CREATE INDEX IF NOT EXISTS referrals_created ON referrals (campaign, created);
-- The visitor hashes the fan was seen with (starting, reading progress, claiming): never friends.
CREATE TABLE IF NOT EXISTS referral_owners (
  ref TEXT NOT NULL,
  vh  TEXT NOT NULL,
  PRIMARY KEY (ref, vh)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS referral_claims (
  ref      TEXT PRIMARY KEY,
  campaign TEXT NOT NULL,
  code     TEXT NOT NULL,
  at       INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS referral_claims_at ON referral_claims (campaign, at);
`;

export interface Invite {
  ref: string;
  campaign: string;
  site: string;
  player: string;
  day: string;
  holdout: boolean;
  created: number;
  expires: number;
}

interface InviteCells extends Omit<Invite, 'holdout'> {
  holdout: number;
}

const invite = (r: InviteCells): Invite => ({ ...r, holdout: r.holdout === 1 });

/** The pool of a referral campaign in the shared code table: no game campaign's name has a colon. */
export const poolOf = (campaign: string): string => `referral:${campaign}`;

/** `again`: the invite had its code already, answered again (whoever holds the ref and its key is the fan). */
export type InviteClaim = { ok: true; code: string; again?: true } | { ok: false; error: 'pool_empty' };

export class ReferralStore implements Referrals {
  readonly #db: Database.Database;
  readonly #pool: CodePool;

  constructor(path: string, config: Config) {
    this.#db = openSqlite(path, { synchronous: config.sqliteSync });
    this.#pool = new CodePool(this.#db);
    this.#db.exec(SCHEMA);
    this.#db.transaction(() => {
      for (const [name, r] of Object.entries(config.referrals)) this.#pool.seed(poolOf(name), 0, r);
    })();
  }

  /**
   * Records a new invite and the fan's hash, unless the player has started `limit` today
   * (one IMMEDIATE transaction, so racing starts cannot pass the limit together).
   */
  async start(row: Invite, ownHash: string | undefined, limit: number): Promise<boolean> {
    return this.#db.transaction(() => {
      const { c } = this.#db
        .prepare('SELECT count(*) AS c FROM referrals WHERE campaign = ? AND player = ? AND day = ?')
        .get(row.campaign, row.player, row.day) as { c: number };
      if (c >= limit) return false;
      this.#db
        .prepare('INSERT INTO referrals (ref, campaign, site, player, day, holdout, created, expires) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
        .run(row.ref, row.campaign, row.site, row.player, row.day, row.holdout ? 1 : 0, row.created, row.expires);
      if (ownHash) this.#addOwner(row.ref, ownHash);
      return true;
    }).immediate();
  }

  async get(ref: string): Promise<Invite | undefined> {
    const row = this.#db.prepare('SELECT * FROM referrals WHERE ref = ?').get(ref) as InviteCells | undefined;
    return row && invite(row);
  }

  async addOwner(ref: string, vh: string): Promise<void> {
    this.#addOwner(ref, vh);
  }

  #addOwner(ref: string, vh: string): void {
    this.#db.prepare('INSERT OR IGNORE INTO referral_owners (ref, vh) VALUES (?, ?)').run(ref, vh);
  }

  /** The fan's own hashes, per invite. */
  async owners(refs: string[]): Promise<Map<string, Set<string>>> {
    const stmt = this.#db.prepare('SELECT vh FROM referral_owners WHERE ref = ?');
    return new Map(refs.map((ref) => [ref, new Set((stmt.all(ref) as { vh: string }[]).map((r) => r.vh))]));
  }

  async codeOf(ref: string): Promise<string | undefined> {
    return this.#codeOf(ref);
  }

  #codeOf(ref: string): string | undefined {
    return (this.#db.prepare('SELECT code FROM referral_claims WHERE ref = ?').get(ref) as { code: string } | undefined)?.code;
  }

  /**
   * Gives the invite its code, in one IMMEDIATE transaction: of racing claims, the first
   * takes a code and writes its claim; every later one sees that claim and answers its code.
   */
  async claim(inv: Invite, reward: Referral, now: number): Promise<InviteClaim> {
    return this.#db.transaction((): InviteClaim => {
      const held = this.#codeOf(inv.ref);
      if (held !== undefined) return { ok: true, code: held, again: true };
      const code = this.#pool.take(poolOf(inv.campaign), 0, reward, inv.ref, now);
      if (code === undefined) return { ok: false, error: 'pool_empty' };
      this.#db.prepare('INSERT INTO referral_claims (ref, campaign, code, at) VALUES (?, ?, ?, ?)').run(inv.ref, inv.campaign, code, now);
      return { ok: true, code };
    }).immediate();
  }

  /** Invites of a campaign started in [from, to). */
  async started(campaign: string, from: number, to: number): Promise<Invite[]> {
    return (
      this.#db.prepare('SELECT * FROM referrals WHERE campaign = ? AND created >= ? AND created < ? ORDER BY created').all(campaign, from, to) as InviteCells[]
    ).map(invite);
  }

  /** Codes handed out in [from, to). */
  async claims(campaign: string, from: number, to: number): Promise<number> {
    return (this.#db.prepare('SELECT count(*) AS c FROM referral_claims WHERE campaign = ? AND at >= ? AND at < ?').get(campaign, from, to) as { c: number }).c;
  }

  /** Codes left (null for a generated reward, which never runs out). */
  async left(campaign: string, reward: Referral): Promise<number | null> {
    const n = this.#pool.left(poolOf(campaign), 0, reward);
    return Number.isFinite(n) ? n : null;
  }

  close(): void {
    if (this.#db.open) this.#db.close();
  }
}
