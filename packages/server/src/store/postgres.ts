import { randomInt } from 'node:crypto';
import pg from 'pg';
import type { Config, Referral } from '../config.js';
import { MIGRATIONS } from './migrations/postgres.js';
import type { MediaStore } from '../media/store.js';
import { PostgresMedia } from './postgres-media.js';
import { PostgresReviews } from './postgres-reviews.js';
import { poolOf, type Invite, type InviteClaim } from './referrals.js';
import type { ClaimOutcome, CodeSource } from './rewards.js';
import { heldClaim, StoreUnavailable, type GameClaim, type Grants, type Ledger, type PoolTier, type Referrals, type Reviews, type Salts, type SharedGrant, type StateStore } from './state.js';

// The state store for many processes (`"state": "postgres"`): the same tables and rules as
// SQLite's (rewards.ts, referrals.ts), with PostgreSQL's locks where SQLite has its one
// writer. Every check-then-write runs in a transaction that first takes advisory locks on
// what it decides about (the game, the player's day, the invite), so of two racing
// requests the second sees what the first wrote; codes are taken with FOR UPDATE SKIP
// LOCKED, so concurrent claims of one pool each take a different code without waiting.

/** The advisory lock that migrations run under: "fanfare" in ASCII, as a bigint. */
const MIGRATION_LOCK = '28548172098429541';

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'; // as rewards.ts: no 0/O, 1/I

type Query = (text: string, values?: unknown[]) => Promise<pg.QueryResult>;

// bigint columns (epoch ms, counts) as numbers: all of ours fit in 2^53.
const types = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === pg.types.builtins.INT8 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

/**
 * An error of the connection rather than of the query: refused, reset, timed out, or
 * PostgreSQL's classes 08 (connection), 53 (out of resources) and 57P (shutting down).
 * Any other SQLSTATE is a real error and stays one.
 */
function unreachable(err: unknown): boolean {
  const code = (err as { code?: unknown })?.code;
  if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return /^(08|53|57P)/.test(code);
  return true;
}

const translate = (err: unknown): never => {
  throw unreachable(err) ? new StoreUnavailable(err) : err;
};

/** Applies the steps not yet applied, under an advisory lock: processes starting together apply each once. */
async function migrate(client: pg.PoolClient): Promise<void> {
  await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
  try {
    await client.query('CREATE TABLE IF NOT EXISTS fanfare_migrations (version integer PRIMARY KEY, at timestamptz NOT NULL DEFAULT now())');
    const done = new Set((await client.query<{ version: number }>('SELECT version FROM fanfare_migrations')).rows.map((r) => r.version));
    for (const m of MIGRATIONS) {
      if (done.has(m.version)) continue;
      await client.query('BEGIN');
      try {
        await client.query(m.sql);
        await client.query('INSERT INTO fanfare_migrations (version) VALUES ($1)', [m.version]);
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK');
        throw err;
      }
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
  }
}

/** Waits for the transaction's advisory locks on `keys`, in the order given (the same order everywhere: no deadlock). */
async function lock(q: Query, ...keys: string[]): Promise<void> {
  await q('SELECT pg_advisory_xact_lock(hashtextextended(k, 0)) FROM unnest($1::text[]) WITH ORDINALITY AS t(k, i) ORDER BY i', [keys]);
}

/** The next free code of a pool's tier, now `holder`'s; undefined when a listed pool is empty. */
async function take(q: Query, pool: string, tier: number, source: CodeSource, holder: string, now: number): Promise<string | undefined> {
  if (source.generate) {
    for (;;) {
      let code = source.generate.prefix;
      for (let i = 0; i < source.generate.length; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
      // The primary key makes a collision impossible to hand out twice; it is astronomically rare anyway.
      const r = await q(
        'INSERT INTO reward_codes (campaign, tier, code, game, claimed_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING code',
        [pool, tier, code, holder, now],
      );
      if (r.rowCount === 1) return code;
    }
  }
  // A code another transaction holds is skipped, not waited for: it is (about to be) taken.
  const r = await q(
    `UPDATE reward_codes SET game = $1, claimed_at = $2
     WHERE (campaign, code) = (SELECT campaign, code FROM reward_codes WHERE campaign = $3 AND tier = $4 AND game IS NULL
                               ORDER BY seq LIMIT 1 FOR UPDATE SKIP LOCKED)
     RETURNING code`,
    [holder, now, pool, tier],
  );
  return (r.rows[0] as { code: string } | undefined)?.code;
}

async function left(q: Query, pool: string, tier: number, source: CodeSource): Promise<number> {
  if (source.generate) return Infinity;
  const r = await q('SELECT count(*) AS c FROM reward_codes WHERE campaign = $1 AND tier = $2 AND game IS NULL', [pool, tier]);
  return (r.rows[0] as { c: number }).c;
}

export class PostgresState implements StateStore, Ledger, Salts {
  readonly kind = 'postgres';
  readonly #pool: pg.Pool;
  readonly #config: Config;
  readonly #q: Query;
  /** The invites' side: its start() and claim() are not the ledger's. */
  readonly referrals: Referrals;
  readonly reviews: Reviews;
  readonly grants: Grants;
  readonly media: MediaStore;

  private constructor(pool: pg.Pool, config: Config) {
    this.#pool = pool;
    this.#config = config;
    this.#q = (text, values) => pool.query(text, values).catch(translate);
    this.referrals = {
      start: (row, ownHash, limit) => this.#startInvite(row, ownHash, limit),
      claim: (inv, reward, now) => this.#claimInvite(inv, reward, now),
      get: (ref) => this.#invite(ref),
      addOwner: (ref, vh) => this.#addOwner(ref, vh),
      owners: (refs) => this.#owners(refs),
      codeOf: (ref) => this.#codeOf(ref),
      started: (campaign, from, to) => this.#started(campaign, from, to),
      claims: (campaign, from, to) => this.#claims(campaign, from, to),
      left: (campaign, reward) => this.#left(campaign, reward),
    };
    this.reviews = new PostgresReviews(this.#q, (fn) => this.#tx(fn), lock);
    this.media = new PostgresMedia(this.#q);
    const q = this.#q;
    this.grants = {
      async get(key) {
        return (await q('SELECT value, expires, due FROM wechat_grants WHERE key = $1', [key])).rows[0] as SharedGrant | undefined;
      },
      async put(key, g) {
        await q(
          'INSERT INTO wechat_grants (key, value, expires, due) VALUES ($1, $2, $3, $4) ON CONFLICT (key) DO UPDATE SET value = excluded.value, expires = excluded.expires, due = excluded.due',
          [key, g.value, g.expires, g.due],
        );
      },
      async lease(key, holder, now, ms) {
        // One statement: a lease that has run out (its holder died mid-call) is taken over.
        const r = await q(
          `INSERT INTO wechat_leases (key, holder, until) VALUES ($1, $2, $3)
           ON CONFLICT (key) DO UPDATE SET holder = excluded.holder, until = excluded.until WHERE wechat_leases.until <= $4
           RETURNING holder`,
          [key, holder, now + ms, now],
        );
        return r.rowCount === 1;
      },
      async release(key, holder) {
        await q('DELETE FROM wechat_leases WHERE key = $1 AND holder = $2', [key, holder]);
      },
    };
  }

  get ledger(): Ledger {
    return this;
  }

  get salts(): Salts {
    return this;
  }

  /** Connects, migrates and loads the config's listed codes (each once, whoever starts first). */
  static async open(url: string, config: Config, opts: { max?: number } = {}): Promise<PostgresState> {
    const pool = new pg.Pool({ connectionString: url, max: opts.max ?? 10, types, connectionTimeoutMillis: 5000, idleTimeoutMillis: 30_000 });
    // An idle connection that breaks (the database restarted) must not take the process down;
    // the pool drops it, and the next query opens a new one.
    pool.on('error', () => {});
    const client = await pool.connect().catch(async (err: unknown) => {
      await pool.end();
      throw err;
    });
    try {
      await migrate(client);
      await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
      try {
        const seed = async (name: string, tier: number, source: CodeSource) => {
          if (source.generate || !source.codes?.length) return;
          await client.query(
            `INSERT INTO reward_codes (campaign, tier, code)
             SELECT $1, $2, code FROM unnest($3::text[]) WITH ORDINALITY AS t(code, i) ORDER BY i
             ON CONFLICT DO NOTHING`,
            [name, tier, source.codes],
          );
        };
        for (const [name, c] of Object.entries(config.campaigns)) for (const [tier, r] of c.rewards.entries()) await seed(name, tier, r);
        for (const [name, r] of Object.entries(config.referrals)) await seed(poolOf(name), 0, r);
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
      }
    } catch (err) {
      client.release(err as Error);
      await pool.end();
      throw err;
    }
    client.release();
    return new PostgresState(pool, config);
  }

  async #tx<T>(fn: (q: Query) => Promise<T>): Promise<T> {
    const client = await this.#pool.connect().catch(translate);
    const q: Query = (text, values) => client.query(text, values);
    try {
      await q('BEGIN');
      const out = await fn(q);
      await q('COMMIT');
      client.release();
      return out;
    } catch (err) {
      // A connection that failed mid-transaction is thrown away rather than reused.
      await q('ROLLBACK').then(
        () => client.release(),
        () => client.release(err as Error),
      );
      return translate(err);
    }
  }

  // ---- Ledger ----------------------------------------------------------------------------

  async start(campaign: string, player: string, day: string, limit: number): Promise<boolean> {
    // One statement: the row's lock orders racing starts, and the last one past the limit changes nothing.
    const r = await this.#q(
      `INSERT INTO reward_starts (campaign, player, day, count) VALUES ($1, $2, $3, 1)
       ON CONFLICT (campaign, player, day) DO UPDATE SET count = reward_starts.count + 1 WHERE reward_starts.count < $4
       RETURNING count`,
      [campaign, player, day, limit],
    );
    return r.rowCount === 1;
  }

  async claim(args: GameClaim): Promise<ClaimOutcome> {
    const c = this.#config.campaigns[args.campaign];
    if (!c) return { ok: false, error: 'pool_empty' };
    return this.#tx(async (q): Promise<ClaimOutcome> => {
      // The game's claims, the player's claims today and (with a budget) the campaign's today
      // are what this decides on: racing claims on any of them wait for each other here.
      const keys = [`game\n${args.game}`, `player\n${args.campaign}\n${args.day}\n${args.player}`];
      if (c.dailyBudget !== undefined) keys.push(`budget\n${args.campaign}\n${args.day}`);
      await lock(q, ...keys);
      const held = (await q('SELECT code, player FROM reward_claims WHERE game = $1 AND tier = $2', [args.game, args.tier])).rows[0] as
        | { code: string; player: string }
        | undefined;
      if (held) return heldClaim(held, args);
      const best = (await q('SELECT max(tier) AS t FROM reward_claims WHERE game = $1', [args.game])).rows[0] as { t: number | null };
      if (best.t !== null && best.t >= args.tier) return { ok: false, error: 'already_claimed' };
      const mine = (await q('SELECT count(*) AS c FROM reward_claims WHERE campaign = $1 AND day = $2 AND player = $3', [args.campaign, args.day, args.player]))
        .rows[0] as { c: number };
      if (mine.c >= c.perPlayer.claimsPerDay) return { ok: false, error: 'daily_limit' };
      if (c.dailyBudget !== undefined) {
        const all = (await q('SELECT count(*) AS c FROM reward_claims WHERE campaign = $1 AND day = $2', [args.campaign, args.day])).rows[0] as { c: number };
        if (all.c >= c.dailyBudget) return { ok: false, error: 'pool_empty' };
      }
      const reward = c.rewards[args.tier];
      const code = reward && (await take(q, args.campaign, args.tier, reward, args.game, args.now));
      if (code === undefined) return { ok: false, error: 'pool_empty' };
      await q('INSERT INTO reward_claims (game, tier, campaign, player, day, code, at) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
        args.game,
        args.tier,
        args.campaign,
        args.player,
        args.day,
        code,
        args.now,
      ]);
      return { ok: true, code, tier: args.tier };
    });
  }

  async held(game: string, tier: number): Promise<{ code: string; player: string } | undefined> {
    return (await this.#q('SELECT code, player FROM reward_claims WHERE game = $1 AND tier = $2', [game, tier])).rows[0] as { code: string; player: string } | undefined;
  }

  async pool(campaign: string): Promise<PoolTier[]> {
    const c = this.#config.campaigns[campaign];
    if (!c) return [];
    const given = (await this.#q('SELECT tier, count(*) AS c FROM reward_claims WHERE campaign = $1 GROUP BY tier', [campaign])).rows as { tier: number; c: number }[];
    return Promise.all(
      c.rewards.map(async (r, tier) => ({
        tier,
        given: given.find((g) => g.tier === tier)?.c ?? 0,
        left: r.generate ? null : await left(this.#q, campaign, tier, r),
      })),
    );
  }

  // ---- Referrals -------------------------------------------------------------------------

  async #startInvite(row: Invite, ownHash: string | undefined, limit: number): Promise<boolean> {
    return this.#tx(async (q) => {
      await lock(q, `invites\n${row.campaign}\n${row.day}\n${row.player}`);
      const { c } = (await q('SELECT count(*) AS c FROM referrals WHERE campaign = $1 AND player = $2 AND day = $3', [row.campaign, row.player, row.day])).rows[0] as {
        c: number;
      };
      if (c >= limit) return false;
      await q('INSERT INTO referrals (ref, campaign, site, player, day, holdout, created, expires) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)', [
        row.ref,
        row.campaign,
        row.site,
        row.player,
        row.day,
        row.holdout,
        row.created,
        row.expires,
      ]);
      if (ownHash) await q('INSERT INTO referral_owners (ref, vh) VALUES ($1, $2) ON CONFLICT DO NOTHING', [row.ref, ownHash]);
      return true;
    });
  }

  async #invite(ref: string): Promise<Invite | undefined> {
    return (await this.#q('SELECT * FROM referrals WHERE ref = $1', [ref])).rows[0] as Invite | undefined;
  }

  async #addOwner(ref: string, vh: string): Promise<void> {
    await this.#q('INSERT INTO referral_owners (ref, vh) VALUES ($1, $2) ON CONFLICT DO NOTHING', [ref, vh]);
  }

  async #owners(refs: string[]): Promise<Map<string, Set<string>>> {
    const out = new Map(refs.map((ref) => [ref, new Set<string>()]));
    if (refs.length === 0) return out;
    const rows = (await this.#q('SELECT ref, vh FROM referral_owners WHERE ref = ANY($1::text[])', [refs])).rows as { ref: string; vh: string }[];
    for (const r of rows) out.get(r.ref)?.add(r.vh);
    return out;
  }

  async #codeOf(ref: string): Promise<string | undefined> {
    return ((await this.#q('SELECT code FROM referral_claims WHERE ref = $1', [ref])).rows[0] as { code: string } | undefined)?.code;
  }

  async #claimInvite(inv: Invite, reward: Referral, now: number): Promise<InviteClaim> {
    return this.#tx(async (q): Promise<InviteClaim> => {
      await lock(q, `invite\n${inv.ref}`);
      const held = (await q('SELECT code FROM referral_claims WHERE ref = $1', [inv.ref])).rows[0] as { code: string } | undefined;
      if (held) return { ok: true, code: held.code, again: true };
      const code = await take(q, poolOf(inv.campaign), 0, reward, inv.ref, now);
      if (code === undefined) return { ok: false, error: 'pool_empty' };
      await q('INSERT INTO referral_claims (ref, campaign, code, at) VALUES ($1, $2, $3, $4)', [inv.ref, inv.campaign, code, now]);
      return { ok: true, code };
    });
  }

  async #started(campaign: string, from: number, to: number): Promise<Invite[]> {
    return (await this.#q('SELECT * FROM referrals WHERE campaign = $1 AND created >= $2 AND created < $3 ORDER BY created', [campaign, from, to])).rows as Invite[];
  }

  async #claims(campaign: string, from: number, to: number): Promise<number> {
    return ((await this.#q('SELECT count(*) AS c FROM referral_claims WHERE campaign = $1 AND at >= $2 AND at < $3', [campaign, from, to])).rows[0] as { c: number }).c;
  }

  async #left(campaign: string, reward: Referral): Promise<number | null> {
    const n = await left(this.#q, poolOf(campaign), 0, reward);
    return Number.isFinite(n) ? n : null;
  }

  // ---- Salts -----------------------------------------------------------------------------

  async salt(day: string, create?: string): Promise<string | null> {
    // One statement either way: of processes racing to make a day's salt, the first row stays and all read it.
    const r =
      create === undefined
        ? await this.#q('SELECT salt FROM salts WHERE day = $1', [day])
        : await this.#q(
            `WITH made AS (INSERT INTO salts (day, salt) VALUES ($1, $2) ON CONFLICT (day) DO NOTHING RETURNING salt)
             SELECT salt FROM made UNION ALL SELECT salt FROM salts WHERE day = $1`,
            [day, create],
          );
    const row = r.rows[0] as { salt: string } | undefined;
    // A racing process's insert committed while ours waited on it: its row is not in our
    // statement's snapshot, but it is in the next one's.
    if (!row && create !== undefined) return this.salt(day);
    return row?.salt ?? null;
  }

  async dropSalts(before: string): Promise<void> {
    await this.#q('DELETE FROM salts WHERE day < $1', [before]);
  }

  async close(): Promise<void> {
    await this.#pool.end();
  }
}
