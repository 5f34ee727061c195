import { randomInt } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Campaign, Config } from '../config.js';
import { openSqlite } from './sqlite-db.js';
import { heldClaim, type GameClaim, type Ledger, type PoolTier } from './state.js';

// One table of single-use codes for every pool: a game campaign's tiers, a referral
// campaign's reward (pool "referral:<name>", which no campaign name can be). Column names
// are those of the first user, games: \`campaign\` is the pool, \`game\` the holder.
const POOL_SCHEMA = `
CREATE TABLE IF NOT EXISTS reward_codes (
  campaign   TEXT NOT NULL,
  tier       INTEGER NOT NULL,
  code       TEXT NOT NULL,
  game       TEXT,
  claimed_at INTEGER,
  PRIMARY KEY (campaign, code)
);
CREATE INDEX IF NOT EXISTS reward_codes_free ON reward_codes (campaign, tier, game);
`;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS reward_claims (
  game     TEXT NOT NULL,
  tier     INTEGER NOT NULL,
  campaign TEXT NOT NULL,
  player   TEXT NOT NULL,
  day      TEXT NOT NULL,
  code     TEXT NOT NULL,
  at       INTEGER NOT NULL,
  PRIMARY KEY (game, tier)
);
CREATE INDEX IF NOT EXISTS reward_claims_day ON reward_claims (campaign, day, player);
CREATE TABLE IF NOT EXISTS reward_starts (
  campaign TEXT NOT NULL,
  player   TEXT NOT NULL,
  day      TEXT NOT NULL,
  count    INTEGER NOT NULL,
  PRIMARY KEY (campaign, player, day)
);
`;

/**
 * `again`: the game's player had claimed this tier before and is answered the same code
 * (a retry whose first answer was lost); nothing was taken from the pool this time.
 */
export type ClaimOutcome =
  | { ok: true; code: string; tier: number; again?: true }
  | { ok: false; error: 'already_claimed' | 'daily_limit' | 'pool_empty' };

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'; // no 0/O, 1/I: codes are read aloud and typed

/** How a pool makes its codes: a fixed list loaded from the config, or fresh random ones. */
export interface CodeSource {
  codes?: string[] | undefined;
  generate?: { prefix: string; length: number } | undefined;
}

/**
 * Single-use codes, shared by games and referrals: each code is handed to one holder,
 * once. take() must run inside the caller's IMMEDIATE transaction, which also records why
 * the holder earned it, so a claim and its code commit (or fail) together.
 */
export class CodePool {
  readonly #db: Database.Database;

  constructor(db: Database.Database) {
    this.#db = db;
    db.exec(POOL_SCHEMA);
  }

  /** Loads a pool's listed codes; codes already there (handed out or not) are left as they are. */
  seed(pool: string, tier: number, source: CodeSource): void {
    if (source.generate) return;
    const add = this.#db.prepare('INSERT OR IGNORE INTO reward_codes (campaign, tier, code) VALUES (?, ?, ?)');
    for (const code of source.codes ?? []) add.run(pool, tier, code);
  }

  /** The next free code of the pool's tier, now `holder`'s; undefined when a listed pool is empty. */
  take(pool: string, tier: number, source: CodeSource, holder: string, now: number): string | undefined {
    if (source.generate) return this.#generate(pool, tier, source.generate, holder, now);
    const row = this.#db
      .prepare(
        `UPDATE reward_codes SET game = ?, claimed_at = ?
         WHERE rowid = (SELECT rowid FROM reward_codes WHERE campaign = ? AND tier = ? AND game IS NULL
                        ORDER BY rowid LIMIT 1)
         RETURNING code`,
      )
      .get(holder, now, pool, tier) as { code: string } | undefined;
    return row?.code;
  }

  #generate(pool: string, tier: number, gen: { prefix: string; length: number }, holder: string, now: number): string {
    const insert = this.#db.prepare(
      'INSERT OR IGNORE INTO reward_codes (campaign, tier, code, game, claimed_at) VALUES (?, ?, ?, ?, ?)',
    );
    for (;;) {
      let code = gen.prefix;
      for (let i = 0; i < gen.length; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
      // A collision is astronomically rare; the primary key makes it impossible to hand out twice.
      if (insert.run(pool, tier, code, holder, now).changes === 1) return code;
    }
  }

  /** Codes left in a listed pool's tier (Infinity for a generated one, which never runs out). */
  left(pool: string, tier: number, source: CodeSource): number {
    if (source.generate) return Infinity;
    const row = this.#db
      .prepare('SELECT count(*) AS c FROM reward_codes WHERE campaign = ? AND tier = ? AND game IS NULL')
      .get(pool, tier) as { c: number };
    return row.c;
  }
}

/**
 * The reward side's state in SQLite (`"state": "sqlite"`, whatever the event store): handing
 * out a code needs a transaction, and ClickHouse has none. postgres.ts is the other one.
 */
export class RewardLedger implements Ledger {
  readonly #db: Database.Database;
  readonly #campaigns: Record<string, Campaign>;
  readonly #pool: CodePool;

  constructor(path: string, config: Config) {
    this.#db = openSqlite(path, { synchronous: config.sqliteSync });
    this.#pool = new CodePool(this.#db);
    this.#db.exec(SCHEMA);
    this.#campaigns = config.campaigns;
    this.#db.transaction(() => {
      for (const [name, c] of Object.entries(config.campaigns)) c.rewards.forEach((r, tier) => this.#pool.seed(name, tier, r));
    })();
  }

  /** Counts a game start; false when the player has started too many today. */
  async start(campaign: string, player: string, day: string, limit: number): Promise<boolean> {
    return this.#db.transaction(() => {
      const row = this.#db
        .prepare('SELECT count FROM reward_starts WHERE campaign = ? AND player = ? AND day = ?')
        .get(campaign, player, day) as { count: number } | undefined;
      if ((row?.count ?? 0) >= limit) return false;
      this.#db
        .prepare(
          `INSERT INTO reward_starts (campaign, player, day, count) VALUES (?, ?, ?, 1)
           ON CONFLICT (campaign, player, day) DO UPDATE SET count = count + 1`,
        )
        .run(campaign, player, day);
      return true;
    }).immediate();
  }

  /**
   * Gives `game` the code for `tier` if it has not claimed that tier or a higher one, or the
   * code it has for `tier` again when the same player asks again, in one IMMEDIATE
   * transaction: of two racing claims, the second sees the first's row.
   */
  async claim(args: GameClaim): Promise<ClaimOutcome> {
    const c = this.#campaigns[args.campaign];
    if (!c) return { ok: false, error: 'pool_empty' };
    return this.#db.transaction((): ClaimOutcome => {
      const held = this.#held(args.game, args.tier);
      if (held) return heldClaim(held, args);
      const best = this.#db.prepare('SELECT max(tier) AS t FROM reward_claims WHERE game = ?').get(args.game) as {
        t: number | null;
      };
      if (best.t !== null && best.t >= args.tier) return { ok: false, error: 'already_claimed' };
      const mine = this.#db
        .prepare('SELECT count(*) AS c FROM reward_claims WHERE campaign = ? AND day = ? AND player = ?')
        .get(args.campaign, args.day, args.player) as { c: number };
      if (mine.c >= c.perPlayer.claimsPerDay) return { ok: false, error: 'daily_limit' };
      if (c.dailyBudget !== undefined) {
        const all = this.#db
          .prepare('SELECT count(*) AS c FROM reward_claims WHERE campaign = ? AND day = ?')
          .get(args.campaign, args.day) as { c: number };
        if (all.c >= c.dailyBudget) return { ok: false, error: 'pool_empty' };
      }
      const reward = c.rewards[args.tier];
      const code = reward && this.#pool.take(args.campaign, args.tier, reward, args.game, args.now);
      if (code === undefined) return { ok: false, error: 'pool_empty' };
      this.#db
        .prepare(
          'INSERT INTO reward_claims (game, tier, campaign, player, day, code, at) VALUES (?, ?, ?, ?, ?, ?, ?)',
        )
        .run(args.game, args.tier, args.campaign, args.player, args.day, code, args.now);
      return { ok: true, code, tier: args.tier };
    }).immediate();
  }

  async held(game: string, tier: number): Promise<{ code: string; player: string } | undefined> {
    return this.#held(game, tier);
  }

  #held(game: string, tier: number): { code: string; player: string } | undefined {
    return this.#db.prepare('SELECT code, player FROM reward_claims WHERE game = ? AND tier = ?').get(game, tier) as { code: string; player: string } | undefined;
  }

  /** Codes left in a pool tier (generated tiers never run out: Infinity). */
  remaining(campaign: string, tier: number): number {
    const reward = this.#campaigns[campaign]?.rewards[tier];
    return reward ? this.#pool.left(campaign, tier, reward) : 0;
  }

  /** Per tier: codes handed out, and codes left (null for a generated tier, which never runs out). */
  async pool(campaign: string): Promise<PoolTier[]> {
    const c = this.#campaigns[campaign];
    if (!c) return [];
    const given = this.#db.prepare('SELECT tier, count(*) AS c FROM reward_claims WHERE campaign = ? GROUP BY tier').all(campaign) as {
      tier: number;
      c: number;
    }[];
    return c.rewards.map((r, tier) => ({
      tier,
      given: given.find((g) => g.tier === tier)?.c ?? 0,
      left: r.generate ? null : this.remaining(campaign, tier),
    }));
  }

  close(): void {
    if (this.#db.open) this.#db.close();
  }
}
