import type Database from 'better-sqlite3';
import { isFan, type StoredEvent } from '../wire.js';
import { Checkpointer } from './checkpointer.js';
import { openSqlite, type SqliteOptions } from './sqlite-db.js';
import type { EventStore, RangeQuery, RawAggregates } from './types.js';

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
  PRIMARY KEY (site, id)
);
CREATE INDEX IF NOT EXISTS events_site_ts ON events (site, ts);
`;

export class SqliteEventStore implements EventStore {
  readonly kind = 'sqlite';
  readonly #db: Database.Database;
  readonly #insertMany: (rows: StoredEvent[]) => number;
  readonly #checkpointer: Checkpointer | undefined;

  constructor(path: string, opts: SqliteOptions = {}) {
    this.#db = openSqlite(path, opts);
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
      `INSERT OR IGNORE INTO events (site, id, ts, n, w, t, pv, u, r, sdk, p)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.#insertMany = this.#db.transaction((rows: StoredEvent[]) => {
      let added = 0;
      // Positional binding: a third faster than named parameters in better-sqlite3.
      for (const e of rows) added += stmt.run(e.site, e.id, e.ts, e.n, e.w, e.t, e.pv, e.u, e.r, e.sdk, e.p).changes;
      return added;
    });
  }

  // Synchronous under the hood: when this resolves, the transaction is committed.
  async insert(events: StoredEvent[]): Promise<number> {
    return this.#insertMany(events);
  }

  async aggregate({ site, from, to }: RangeQuery): Promise<RawAggregates> {
    const args = { site, from, to };
    const range = 'site = @site AND ts >= @from AND ts < @to';
    const byDayName = this.#db
      .prepare(
        `SELECT date(ts / 1000, 'unixepoch') AS day, n, count(*) AS count
         FROM events WHERE ${range} GROUP BY day, n ORDER BY day, n`,
      )
      .all(args) as RawAggregates['byDayName'];
    const views = this.#db
      .prepare(`SELECT w, count(*) AS count FROM events WHERE ${range} AND n = 'view' GROUP BY w ORDER BY count DESC`)
      .all(args) as RawAggregates['views'];
    const shares = this.#db
      .prepare(
        `SELECT coalesce(json_extract(p, '$.network'), '') AS network, count(*) AS count
         FROM events WHERE ${range} AND n = 'share' GROUP BY network ORDER BY count DESC`,
      )
      .all(args) as RawAggregates['shares'];
    const vitals = (
      this.#db
        .prepare(
          `SELECT json_extract(p, '$.m') AS m, json_extract(p, '$.v') AS v, json_extract(p, '$.sr') AS sr,
                  json_extract(p, '$.fan') AS fan
           FROM events WHERE ${range} AND n = 'vital'`,
        )
        .all(args) as { m: unknown; v: unknown; sr: unknown; fan: unknown }[]
    ).flatMap((row) =>
      typeof row.m === 'string' && typeof row.v === 'number'
        ? [{ m: row.m, v: row.v, sr: typeof row.sr === 'number' ? row.sr : 1, fan: isFan(row.fan) }]
        : [],
    );
    return { byDayName, views, shares, vitals };
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

  async close(): Promise<void> {
    await this.#checkpointer?.stop();
    if (this.#db.open) this.#db.close();
  }
}
