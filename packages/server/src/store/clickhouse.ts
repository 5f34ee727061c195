import { createClient, type ClickHouseClient } from '@clickhouse/client';
import { SITE_KEY } from '@fanfare/core/site-key';
import { CLICKHOUSE_DATABASE } from '../config.js';
import { isFan, type StoredEvent } from '../wire.js';
import type { EventStore, RangeQuery, RawAggregates } from './types.js';

export interface ClickHouseOptions {
  url?: string;
  database?: string;
  username?: string;
  password?: string;
}

// Written for ClickHouse 18.16 (Debian's package) and later: no DateTime64, no query
// parameters, no JSONExtract. So times are seconds plus a millisecond column, values go in
// only as JSONEachRow bodies, and the few things spliced into SQL are checked first.
function table(database: string): string {
  return `CREATE TABLE IF NOT EXISTS ${database}.events (
    site String, id String, ts DateTime('UTC'), ms UInt16,
    n String, w String, t UInt64, pv String, u String, r String, sdk String, p String
  ) ENGINE = ReplacingMergeTree() ORDER BY (site, id)`;
}

// Safe to splice only because the site-key rule admits no quote and no backslash; every
// key reaching here has passed it already, at the route, and this check keeps it so.
function quoteSite(site: string): string {
  if (!SITE_KEY.test(site)) throw new Error(`refusing site key ${JSON.stringify(site)}`);
  return `'${site}'`;
}

function int(ms: number): number {
  if (!Number.isSafeInteger(ms) || ms < 0) throw new Error(`refusing time ${ms}`);
  return ms;
}

/**
 * Events in ClickHouse. Duplicates (same site and id) are merged away by the table engine
 * in the background, and every read uses FINAL, so a retried batch counts once at once.
 */
export class ClickHouseEventStore implements EventStore {
  readonly kind = 'clickhouse';

  private constructor(
    private readonly client: ClickHouseClient,
    private readonly database: string,
  ) {}

  static async open(opts: ClickHouseOptions): Promise<ClickHouseEventStore> {
    const database = opts.database ?? 'fanfare';
    if (!CLICKHOUSE_DATABASE.test(database)) throw new Error(`bad ClickHouse database name ${database}`);
    const client = createClient({
      url: opts.url ?? 'http://127.0.0.1:8123',
      username: opts.username ?? 'default',
      password: opts.password ?? '',
      request_timeout: 30_000,
    });
    await client.command({ query: `CREATE DATABASE IF NOT EXISTS ${database}` });
    await client.command({ query: table(database) });
    return new ClickHouseEventStore(client, database);
  }

  // Resolves once ClickHouse has written the part; it cannot tell which ids were new.
  async insert(events: StoredEvent[]): Promise<number> {
    await this.client.insert({
      table: `${this.database}.events`,
      format: 'JSONEachRow',
      values: events.map((e) => ({ ...e, ts: Math.floor(e.ts / 1000), ms: e.ts % 1000 })),
    });
    return events.length;
  }

  async #rows<T>(query: string): Promise<T[]> {
    const result = await this.client.query({ query, format: 'JSONEachRow' });
    return result.json<T>();
  }

  async aggregate({ site, from, to }: RangeQuery): Promise<RawAggregates> {
    const events = `${this.database}.events FINAL`;
    const range = `site = ${quoteSite(site)} AND toUInt64(ts) * 1000 + ms >= ${int(from)} AND toUInt64(ts) * 1000 + ms < ${int(to)}`;
    const [byDayName, views, shares, vitals] = await Promise.all([
      this.#rows<{ day: string; n: string; count: string }>(
        `SELECT toString(toDate(ts)) AS day, n, count() AS count FROM ${events} WHERE ${range} GROUP BY day, n ORDER BY day, n`,
      ),
      this.#rows<{ w: string; count: string }>(
        `SELECT w, count() AS count FROM ${events} WHERE ${range} AND n = 'view' GROUP BY w ORDER BY count DESC`,
      ),
      this.#rows<{ network: string; count: string }>(
        `SELECT visitParamExtractString(p, 'network') AS network, count() AS count FROM ${events}
         WHERE ${range} AND n = 'share' GROUP BY network ORDER BY count DESC, network`,
      ),
      this.#rows<{ m: string; v: number; sr: number; hasSr: number; fan: string }>(
        `SELECT visitParamExtractString(p, 'm') AS m, visitParamExtractFloat(p, 'v') AS v,
                visitParamExtractFloat(p, 'sr') AS sr, visitParamHas(p, 'sr') AS hasSr,
                visitParamExtractRaw(p, 'fan') AS fan
         FROM ${events} WHERE ${range} AND n = 'vital' AND visitParamHas(p, 'v')`,
      ),
    ]);
    return {
      byDayName: byDayName.map((r) => ({ day: r.day, n: r.n, count: Number(r.count) })),
      views: views.map((r) => ({ w: r.w, count: Number(r.count) })),
      shares: shares.map((r) => ({ network: r.network, count: Number(r.count) })),
      vitals: vitals
        .filter((r) => r.m !== '')
        .map((r) => ({ m: r.m, v: Number(r.v), sr: Number(r.hasSr) ? Number(r.sr) : 1, fan: isFan(rawJson(r.fan)) })),
    };
  }

  async count(site?: string): Promise<number> {
    const where = site === undefined ? '' : `WHERE site = ${quoteSite(site)}`;
    const [row] = await this.#rows<{ c: string }>(`SELECT count() AS c FROM ${this.database}.events FINAL ${where}`);
    return Number(row?.c ?? 0);
  }

  async sites(): Promise<string[]> {
    const rows = await this.#rows<{ site: string }>(`SELECT DISTINCT site FROM ${this.database}.events ORDER BY site`);
    return rows.map((r) => r.site);
  }

  async close(): Promise<void> {
    await this.client.close();
  }
}

function rawJson(raw: string): unknown {
  try {
    return raw === '' ? undefined : JSON.parse(raw);
  } catch {
    return undefined;
  }
}
