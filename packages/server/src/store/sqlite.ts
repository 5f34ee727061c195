import type Database from 'better-sqlite3';
import { isFan, type StoredEvent } from '../wire.js';
import { Checkpointer } from './checkpointer.js';
import { openSqlite, type SqliteOptions } from './sqlite-db.js';
import type { EventStore, OrderReport, RangeQuery, RawAggregates, RawAttribution, ServerOrder, ShareRow, TokenVisitor } from './types.js';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS events (
  site TEXT NOT NULL,
  id   TEXT NOT NULL,
  ts   INTEGER NOT NULL,
  n    TEXT NOT NULL,
  w    TEXT NOT NULL,
  t    INTEGER NOT NULL,
  pv   TEXT NOT NULL,
  u    TEXT NOT NULL,
  r    TEXT NOT NULL,
  sdk  TEXT NOT NULL,
  p    TEXT NOT NULL,
  vh   TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (site, id)
);
CREATE INDEX IF NOT EXISTS events_site_ts ON events (site, ts);
-- Finding the page views that came with one token (an invite's friends): only those rows are in it.
CREATE INDEX IF NOT EXISTS events_pageview_ref ON events (site, json_extract(p, '$.ref')) WHERE n = 'pageview' AND json_extract(p, '$.ref') IS NOT NULL;
-- Finding every page report of an order, whenever it came: only conversion rows are in it.
CREATE INDEX IF NOT EXISTS events_conversion_order ON events (site, json_extract(p, '$.order')) WHERE n = 'conversion';
-- Finding a share by its token, at ingest (self-referral on a later day) and in the report.
-- Tokens are random, so an index of them written with every share would dirty a random page
-- per share and make ingest a third slower; instead the shares of past UTC days are indexed
-- in one sorted pass when first asked for, and the rest are found by time (see #indexShares).
CREATE TABLE IF NOT EXISTS share_tokens (
  site  TEXT NOT NULL,
  token TEXT NOT NULL,
  id    TEXT NOT NULL,
  PRIMARY KEY (site, token, id)
) WITHOUT ROWID;
-- Per site: every share made before \`until\` (epoch ms) is in share_tokens.
CREATE TABLE IF NOT EXISTS share_tokens_until (
  site  TEXT PRIMARY KEY,
  until INTEGER NOT NULL
);
DROP INDEX IF EXISTS events_share_ref;
CREATE TABLE IF NOT EXISTS orders (
  seq      INTEGER PRIMARY KEY AUTOINCREMENT,
  site     TEXT NOT NULL,
  order_id TEXT NOT NULL,
  status   TEXT NOT NULL,
  value    TEXT NOT NULL,
  currency TEXT NOT NULL,
  ref      TEXT NOT NULL,
  ts       INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS orders_site_order ON orders (site, order_id);
CREATE INDEX IF NOT EXISTS orders_site_ts ON orders (site, ts);
CREATE TABLE IF NOT EXISTS salts (
  day  TEXT PRIMARY KEY,
  salt TEXT NOT NULL
);
`;

const DAY = 86_400_000;
const HOUR = 3_600_000;

// The columns of a share, as both share events name them (a card sent says `channel`).
const SHARE_COLUMNS = `json_extract(p, '$.ref') AS token, coalesce(json_extract(p, '$.parent'), '') AS parent,
  coalesce(json_extract(p, '$.network'), json_extract(p, '$.channel'), '') AS network, w AS widget, u AS page, vh, ts`;
const IS_SHARE = `n IN ('share', 'card_share') AND json_extract(p, '$.ref') IS NOT NULL`;

export class SqliteEventStore implements EventStore {
  readonly kind = 'sqlite';
  readonly #db: Database.Database;
  readonly #insertMany: (rows: StoredEvent[]) => number;
  readonly #indexRange: (site: string, from: number, to: number) => void;
  readonly #checkpointer: Checkpointer | undefined;
  #shareByToken: Database.Statement | undefined;
  #visitorsByToken: Database.Statement | undefined;
  #recentShares: Database.Statement | undefined;
  readonly #until: Database.Statement;
  /** Per site, the bound share_tokens was seen to hold (it only grows). */
  readonly #indexed = new Map<string, number>();

  constructor(path: string, opts: SqliteOptions = {}) {
    this.#db = openSqlite(path, opts);
    // A file from before attribution has no vh column; CREATE TABLE IF NOT EXISTS would not add it.
    const columns = this.#db.prepare("SELECT name FROM pragma_table_info('events')").all() as { name: string }[];
    if (columns.length > 0 && !columns.some((c) => c.name === 'vh')) {
      this.#db.exec("ALTER TABLE events ADD COLUMN vh TEXT NOT NULL DEFAULT ''");
    }
    this.#db.exec(SCHEMA);
    if (path !== ':memory:') {
      // A checkpoint inside a commit stalls every request behind it for as long as it
      // copies pages, so a worker thread does them (see checkpointer.ts). The automatic
      // one stays as a backstop should that thread ever stop.
      this.#db.pragma('wal_autocheckpoint = 100000');
      this.#db.pragma('journal_size_limit = 67108864');
      this.#checkpointer = new Checkpointer(path, 250);
    }
    const stmt = this.#db.prepare(
      `INSERT OR IGNORE INTO events (site, id, ts, n, w, t, pv, u, r, sdk, p, vh)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const until = this.#db.prepare('SELECT until FROM share_tokens_until WHERE site = ?').pluck();
    this.#until = until;
    const indexOne = this.#db.prepare(
      `INSERT OR IGNORE INTO share_tokens (site, token, id)
       SELECT site, json_extract(p, '$.ref'), id FROM events WHERE site = ? AND id = ? AND ${IS_SHARE}`,
    );
    const insertMany = this.#db.transaction((rows: StoredEvent[]) => {
      let added = 0;
      let site = '';
      let indexedUntil = 0;
      // Positional binding: a third faster than named parameters in better-sqlite3.
      for (const e of rows) {
        const changes = stmt.run(e.site, e.id, e.ts, e.n, e.w, e.t, e.pv, e.u, e.r, e.sdk, e.p, e.vh).changes;
        added += changes;
        if (changes === 0 || (e.n !== 'share' && e.n !== 'card_share')) continue;
        if (e.site !== site) {
          site = e.site;
          indexedUntil = (until.get(site) as number | undefined) ?? 0;
        }
        // A share stamped before its day was indexed (it waited in a batch over midnight, or
        // another process's clock): it goes into the index now, so none is ever missed.
        if (e.ts < indexedUntil) indexOne.run(e.site, e.id);
      }
      return added;
    });
    // Immediate: the index's bound is read under the write lock, so no other process moves it meanwhile.
    this.#insertMany = insertMany.immediate;
    const indexSlice = this.#db.prepare(
      `INSERT OR IGNORE INTO share_tokens (site, token, id)
       SELECT site, json_extract(p, '$.ref') AS token, id FROM events
       WHERE site = ? AND ts >= ? AND ts < ? AND ${IS_SHARE} ORDER BY token`,
    );
    const setUntil = this.#db.prepare(
      'INSERT INTO share_tokens_until (site, until) VALUES (?, ?) ON CONFLICT (site) DO UPDATE SET until = max(until, excluded.until)',
    );
    this.#indexRange = this.#db
      .transaction((site: string, from: number, to: number) => {
        indexSlice.run(site, from, to);
        setUntil.run(site, to);
      })
      .immediate;
  }

  /**
   * Indexes the shares of \`site\` made before \`before\` that are not yet, an hour of events
   * a transaction (each in token order, so it writes each index page once), yielding between
   * them so requests are served meanwhile. Returns the bound the index now holds.
   */
  async #indexShares(site: string, before: number): Promise<number> {
    // Asked at every landing with a token: once the bound has passed `before`, no query.
    const known = this.#indexed.get(site) ?? -1;
    if (known >= before) return known;
    for (;;) {
      let from = (this.#until.get(site) as number | undefined) ?? -1;
      if (from >= before) {
        this.#indexed.set(site, from);
        return from;
      }
      if (from < 0) {
        // First time for this site: start at its first event rather than at 1970.
        const first = this.#db.prepare('SELECT min(ts) FROM events WHERE site = ?').pluck().get(site) as number | null;
        from = first ?? before;
      }
      this.#indexRange(site, from, Math.min(before, from + HOUR));
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  // Synchronous under the hood: when this resolves, the transaction is committed.
  async insert(events: StoredEvent[]): Promise<number> {
    return this.#insertMany(events);
  }

  async aggregate({ site, from, to }: RangeQuery): Promise<RawAggregates> {
    const args = { site, from, to };
    const range = 'site = @site AND ts >= @from AND ts < @to';
    // A WeChat card set on the page (a share with w "page") is not a share a fan made: only
    // the attribution report counts it, once a friend came through it.
    const made = "NOT (n = 'share' AND w = 'page')";
    const byDayName = this.#db
      .prepare(
        `SELECT date(ts / 1000, 'unixepoch') AS day, n, count(*) AS count
         FROM events WHERE ${range} AND ${made} GROUP BY day, n ORDER BY day, n`,
      )
      .all(args) as RawAggregates['byDayName'];
    const views = this.#db
      .prepare(`SELECT w, count(*) AS count FROM events WHERE ${range} AND n = 'view' GROUP BY w ORDER BY count DESC`)
      .all(args) as RawAggregates['views'];
    const shares = this.#db
      .prepare(
        `SELECT coalesce(json_extract(p, '$.network'), '') AS network, count(*) AS count
         FROM events WHERE ${range} AND n = 'share' AND w != 'page' GROUP BY network ORDER BY count DESC`,
      )
      .all(args) as RawAggregates['shares'];
    const vitals = (
      this.#db
        .prepare(
          `SELECT json_extract(p, '$.m') AS m, json_extract(p, '$.v') AS v, json_extract(p, '$.sr') AS sr,
                  json_extract(p, '$.fan') AS fan, json_extract(p, '$.it') AS it
           FROM events WHERE ${range} AND n = 'vital'`,
        )
        .all(args) as { m: unknown; v: unknown; sr: unknown; fan: unknown; it: unknown }[]
    ).flatMap((row) =>
      typeof row.m === 'string' && typeof row.v === 'number'
        ? [
            {
              m: row.m,
              v: row.v,
              sr: typeof row.sr === 'number' ? row.sr : 1,
              fan: isFan(row.fan),
              widget: typeof row.fan === 'string' ? row.fan : '',
              it: typeof row.it === 'string' ? row.it.slice(0, 64) : '',
            },
          ]
        : [],
    );
    const top = (column: string, limit: number, where = '') =>
      this.#db
        .prepare(
          `SELECT ${column} AS key, count(*) AS count FROM events WHERE ${range} AND n = 'pageview' ${where}
           GROUP BY key ORDER BY count DESC, key LIMIT ${limit}`,
        )
        .all(args) as { key: string; count: number }[];
    const pages = top('u', 50).map((r) => ({ page: r.key, count: r.count }));
    const referrers = top('r', 200).map((r) => ({ referrer: r.key, count: r.count }));
    const campaigns = top("json_extract(p, '$.utm.campaign')", 50, "AND json_extract(p, '$.utm.campaign') IS NOT NULL").map((r) => ({
      campaign: String(r.key),
      count: r.count,
    }));
    const goals = this.#db
      .prepare(
        `SELECT json_extract(p, '$.name') AS name, count(*) AS count FROM events
         WHERE ${range} AND n = 'goal' AND json_type(p, '$.name') = 'text' AND json_extract(p, '$.name') != ''
         GROUP BY name ORDER BY count DESC, name LIMIT 50`,
      )
      .all(args) as RawAggregates['goals'];
    return { byDayName, views, shares, vitals, pages, referrers, campaigns, goals };
  }

  async count(site?: string): Promise<number> {
    const row = (
      site === undefined
        ? this.#db.prepare('SELECT count(*) AS c FROM events').get()
        : this.#db.prepare('SELECT count(*) AS c FROM events WHERE site = ?').get(site)
    ) as { c: number };
    return row.c;
  }

  async sites(): Promise<string[]> {
    return (this.#db.prepare('SELECT DISTINCT site FROM events ORDER BY site').all() as { site: string }[]).map(
      (r) => r.site,
    );
  }

  async attribution({ site, from, to }: RangeQuery): Promise<RawAttribution> {
    const args = { site, from, to };
    const shares = this.#db
      .prepare(`SELECT ${SHARE_COLUMNS} FROM events WHERE site = @site AND ts >= @from AND ts < @to AND ${IS_SHARE} ORDER BY ts`)
      .all(args) as ShareRow[];
    const visits = this.#db
      .prepare(
        `SELECT json_extract(p, '$.ref') AS token, vh, coalesce(json_extract(p, '$.utm.campaign'), '') AS campaign,
                count(*) AS visits, min(ts) AS first, max(ts) AS last
         FROM events WHERE site = @site AND ts >= @from AND ts < @to AND n = 'pageview' AND json_extract(p, '$.ref') IS NOT NULL
         GROUP BY token, vh, campaign`,
      )
      .all(args) as RawAttribution['visits'];
    // Every report of each order reported in the range, whenever it came: an order confirmed
    // days after its thank-you page is the one order, in the period of its first report.
    const orders = this.#db
      .prepare(
        `WITH ids AS (
           SELECT json_extract(p, '$.order') AS order_id FROM events
           WHERE site = @site AND ts >= @from AND ts < @to AND n = 'conversion'
           UNION SELECT order_id FROM orders WHERE site = @site AND ts >= @from AND ts < @to)
         SELECT 'page' AS source, json_extract(p, '$.order') AS "order", 'paid' AS status, json_extract(p, '$.value') AS value,
                json_extract(p, '$.currency') AS currency, coalesce(json_extract(p, '$.ref'), '') AS ref, vh, ts, 0 AS seq
         FROM events INDEXED BY events_conversion_order
         WHERE site = @site AND n = 'conversion' AND json_extract(p, '$.order') IN ids
         UNION ALL
         SELECT 'server', order_id, status, value, currency, ref, '', ts, seq FROM orders
         WHERE site = @site AND order_id IN ids`,
      )
      .all(args) as OrderReport[];
    return { shares, visits, orders };
  }

  async sharesByToken(site: string, tokens: string[], before?: number): Promise<ShareRow[]> {
    if (tokens.length === 0) return [];
    // Without a bound (the report), the index is brought up to the start of today, and what
    // came after is read by time; at ingest only past days are asked for, all in the index.
    const until = await this.#indexShares(site, before ?? Math.floor(Date.now() / DAY) * DAY);
    this.#shareByToken ??= this.#db.prepare(
      `SELECT ${SHARE_COLUMNS} FROM share_tokens t JOIN events e ON e.site = t.site AND e.id = t.id
       WHERE t.site = ? AND t.token = ? AND e.ts < ?`,
    );
    const stmt = this.#shareByToken;
    const bound = before ?? Infinity;
    const found = tokens.flatMap((t) => stmt.all(site, t, Math.min(until, bound)) as ShareRow[]);
    if (bound > until) {
      this.#recentShares ??= this.#db.prepare(
        `SELECT ${SHARE_COLUMNS} FROM events INDEXED BY events_site_ts
         WHERE site = ? AND ts >= ? AND ts < ? AND ${IS_SHARE} AND json_extract(p, '$.ref') IN (SELECT value FROM json_each(?))`,
      );
      found.push(...(this.#recentShares.all(site, until, bound === Infinity ? Number.MAX_SAFE_INTEGER : bound, JSON.stringify(tokens)) as ShareRow[]));
    }
    return found.sort((a, b) => a.ts - b.ts);
  }

  async visitorsByToken(site: string, tokens: string[], from: number): Promise<TokenVisitor[]> {
    // Word for word the partial index's WHERE, and INDEXED BY, so a plan without it is an error, not a scan.
    this.#visitorsByToken ??= this.#db.prepare(
      `SELECT json_extract(p, '$.ref') AS token, vh, min(ts) AS first FROM events INDEXED BY events_pageview_ref
       WHERE site = ? AND n = 'pageview' AND json_extract(p, '$.ref') IS NOT NULL AND json_extract(p, '$.ref') = ? AND ts >= ?
       GROUP BY vh`,
    );
    const stmt = this.#visitorsByToken;
    return tokens.flatMap((t) => stmt.all(site, t, from) as TokenVisitor[]);
  }

  async addOrder(o: ServerOrder): Promise<void> {
    this.#db
      .prepare('INSERT INTO orders (site, order_id, status, value, currency, ref, ts) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(o.site, o.order, o.status, o.value, o.currency, o.ref, o.ts);
  }

  async salt(day: string, create?: string): Promise<string | null> {
    if (create !== undefined) this.#db.prepare('INSERT OR IGNORE INTO salts (day, salt) VALUES (?, ?)').run(day, create);
    const row = this.#db.prepare('SELECT salt FROM salts WHERE day = ?').get(day) as { salt: string } | undefined;
    return row?.salt ?? null;
  }

  async dropSalts(before: string): Promise<void> {
    this.#db.prepare('DELETE FROM salts WHERE day < ?').run(before);
  }

  async close(): Promise<void> {
    await this.#checkpointer?.stop();
    if (this.#db.open) this.#db.close();
  }
}
