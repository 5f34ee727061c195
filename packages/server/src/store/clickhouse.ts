import { createClient, type ClickHouseClient } from '@clickhouse/client';
import { SITE_KEY } from '@fanfare/core/site-key';
import { CLICKHOUSE_DATABASE } from '../config.js';
import { isFan, type StoredEvent } from '../wire.js';
import type { EventStore, OrderReport, RangeQuery, RawAggregates, RawAttribution, ServerOrder, ShareRow, TokenVisitor } from './types.js';

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
    n String, w String, t UInt64, pv String, u String, r String, sdk String, p String, vh String DEFAULT ''
  ) ENGINE = ReplacingMergeTree() ORDER BY (site, id)`;
}

// The shop's order reports: appended, never updated; the latest of an order is its state.
function ordersTable(database: string): string {
  return `CREATE TABLE IF NOT EXISTS ${database}.orders (
    site String, order_id String, status String, value String, currency String, ref String, ts UInt64, seq UInt64
  ) ENGINE = MergeTree() ORDER BY (site, order_id, ts)`;
}

function saltsTable(database: string): string {
  return `CREATE TABLE IF NOT EXISTS ${database}.salts (day String, salt String) ENGINE = MergeTree() ORDER BY day`;
}

const DAY_TEXT = /^\d{4}-\d{2}-\d{2}$/;
// Share tokens are checked at ingest (attribution/rules.ts); checked again before splicing.
const TOKEN = /^[A-Za-z0-9_-]{8,16}$/;

function quoteDay(day: string): string {
  if (!DAY_TEXT.test(day)) throw new Error(`refusing day ${JSON.stringify(day)}`);
  return `'${day}'`;
}

// visitParam* reads a key at any depth; only a page view nests (p.utm), and none of these keys is in it.
const SHARE_COLUMNS = `visitParamExtractString(p, 'ref') AS token, visitParamExtractString(p, 'parent') AS parent,
  if(visitParamHas(p, 'network'), visitParamExtractString(p, 'network'), visitParamExtractString(p, 'channel')) AS network,
  w AS widget, u AS page, vh, toUInt64(ts) * 1000 + ms AS at`;

interface ShareCells extends Omit<ShareRow, 'ts'> {
  at: string;
}

function shareRow(r: ShareCells): ShareRow {
  return { token: r.token, parent: r.parent, network: r.network, widget: r.widget, page: r.page, vh: r.vh, ts: Number(r.at) };
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
    // A table from before attribution lacks vh; 18.16 has no ADD COLUMN IF NOT EXISTS.
    const cols = await client.query({
      query: `SELECT name FROM system.columns WHERE database = '${database}' AND table = 'events' AND name = 'vh'`,
      format: 'JSONEachRow',
    });
    if ((await cols.json()).length === 0) {
      await client.command({ query: `ALTER TABLE ${database}.events ADD COLUMN vh String DEFAULT ''` });
    }
    await client.command({ query: ordersTable(database) });
    await client.command({ query: saltsTable(database) });
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
    const top = (column: string, limit: number, where = '') =>
      this.#rows<{ key: string; count: string }>(
        `SELECT ${column} AS key, count() AS count FROM ${events} WHERE ${range} AND n = 'pageview' ${where}
         GROUP BY key ORDER BY count DESC, key LIMIT ${limit}`,
      );
    const campaign = `visitParamExtractString(visitParamExtractRaw(p, 'utm'), 'campaign')`;
    const [byDayName, views, shares, vitals, pages, referrers, campaigns, goals] = await Promise.all([
      this.#rows<{ day: string; n: string; count: string }>(
        // A WeChat card set on the page is not a share a fan made (see the SQLite store).
        `SELECT toString(toDate(ts)) AS day, n, count() AS count FROM ${events} WHERE ${range} AND NOT (n = 'share' AND w = 'page')
         GROUP BY day, n ORDER BY day, n`,
      ),
      this.#rows<{ w: string; count: string }>(
        `SELECT w, count() AS count FROM ${events} WHERE ${range} AND n = 'view' GROUP BY w ORDER BY count DESC`,
      ),
      this.#rows<{ network: string; count: string }>(
        `SELECT visitParamExtractString(p, 'network') AS network, count() AS count FROM ${events}
         WHERE ${range} AND n = 'share' AND w != 'page' GROUP BY network ORDER BY count DESC, network`,
      ),
      this.#rows<{ m: string; v: number; sr: number; hasSr: number; fan: string; it: string }>(
        `SELECT visitParamExtractString(p, 'm') AS m, visitParamExtractFloat(p, 'v') AS v,
                visitParamExtractFloat(p, 'sr') AS sr, visitParamHas(p, 'sr') AS hasSr,
                visitParamExtractRaw(p, 'fan') AS fan, visitParamExtractString(p, 'it') AS it
         FROM ${events} WHERE ${range} AND n = 'vital' AND visitParamHas(p, 'v')`,
      ),
      top('u', 50),
      top('r', 200),
      top(campaign, 50, `AND ${campaign} != ''`),
      // visitParamExtractString reads text only: a name that is a number is '' and left out, as on SQLite.
      this.#rows<{ name: string; count: string }>(
        `SELECT visitParamExtractString(p, 'name') AS name, count() AS count FROM ${events}
         WHERE ${range} AND n = 'goal' AND name != '' GROUP BY name ORDER BY count DESC, name LIMIT 50`,
      ),
    ]);
    return {
      byDayName: byDayName.map((r) => ({ day: r.day, n: r.n, count: Number(r.count) })),
      views: views.map((r) => ({ w: r.w, count: Number(r.count) })),
      shares: shares.map((r) => ({ network: r.network, count: Number(r.count) })),
      vitals: vitals
        .filter((r) => r.m !== '')
        .map((r) => {
          const fan = rawJson(r.fan);
          return {
            m: r.m,
            v: Number(r.v),
            sr: Number(r.hasSr) ? Number(r.sr) : 1,
            fan: isFan(fan),
            widget: typeof fan === 'string' ? fan : '',
            it: r.it.slice(0, 64),
          };
        }),
      pages: pages.map((r) => ({ page: r.key, count: Number(r.count) })),
      referrers: referrers.map((r) => ({ referrer: r.key, count: Number(r.count) })),
      campaigns: campaigns.map((r) => ({ campaign: r.key, count: Number(r.count) })),
      goals: goals.map((r) => ({ name: r.name, count: Number(r.count) })),
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

  #range(site: string, from: number, to: number): string {
    return `site = ${quoteSite(site)} AND toUInt64(ts) * 1000 + ms >= ${int(from)} AND toUInt64(ts) * 1000 + ms < ${int(to)}`;
  }

  async attribution({ site, from, to }: RangeQuery): Promise<RawAttribution> {
    const events = `${this.database}.events FINAL`;
    const orders = `${this.database}.orders`;
    const range = this.#range(site, from, to);
    // Every report of each order reported in the range, whenever it came: an order confirmed
    // days after its thank-you page is the one order, in the period of its first report.
    const ids = `SELECT visitParamExtractString(p, 'order') AS order_id FROM ${events} WHERE ${range} AND n = 'conversion'
      UNION ALL SELECT order_id FROM ${orders} WHERE site = ${quoteSite(site)} AND ts >= ${int(from)} AND ts < ${int(to)}`;
    const [shares, visits, pageOrders, serverOrders] = await Promise.all([
      this.#rows<ShareCells>(
        `SELECT ${SHARE_COLUMNS} FROM ${events} WHERE ${range} AND n IN ('share', 'card_share') AND token != '' ORDER BY at`,
      ),
      this.#rows<{ token: string; vh: string; campaign: string; visits: string; first: string; last: string }>(
        `SELECT visitParamExtractString(p, 'ref') AS token, vh,
                visitParamExtractString(visitParamExtractRaw(p, 'utm'), 'campaign') AS campaign,
                count() AS visits, min(toUInt64(ts) * 1000 + ms) AS first, max(toUInt64(ts) * 1000 + ms) AS last
         FROM ${events} WHERE ${range} AND n = 'pageview' AND token != '' GROUP BY token, vh, campaign`,
      ),
      this.#rows<{ order: string; value: string; currency: string; ref: string; vh: string; at: string }>(
        `SELECT visitParamExtractString(p, 'order') AS order, visitParamExtractString(p, 'value') AS value,
                visitParamExtractString(p, 'currency') AS currency, visitParamExtractString(p, 'ref') AS ref, vh,
                toUInt64(ts) * 1000 + ms AS at
         FROM ${events} WHERE site = ${quoteSite(site)} AND n = 'conversion' AND visitParamExtractString(p, 'order') IN (${ids})`,
      ),
      this.#rows<{ order_id: string; status: string; value: string; currency: string; ref: string; ts: string; seq: string }>(
        `SELECT order_id, status, value, currency, ref, ts, seq FROM ${orders}
         WHERE site = ${quoteSite(site)} AND order_id IN (${ids})`,
      ),
    ]);
    return {
      shares: shares.map(shareRow),
      visits: visits.map((r) => ({ token: r.token, vh: r.vh, campaign: r.campaign, visits: Number(r.visits), first: Number(r.first), last: Number(r.last) })),
      orders: [
        ...pageOrders.map((r): OrderReport => ({
          source: 'page', order: r.order, status: 'paid', value: r.value, currency: r.currency, ref: r.ref, vh: r.vh, ts: Number(r.at), seq: 0,
        })),
        ...serverOrders.map((r): OrderReport => ({
          source: 'server', order: r.order_id, status: r.status === 'refunded' ? 'refunded' : 'paid', value: r.value,
          currency: r.currency, ref: r.ref, vh: '', ts: Number(r.ts), seq: Number(r.seq),
        })),
      ],
    };
  }

  async sharesByToken(site: string, tokens: string[], before = Infinity): Promise<ShareRow[]> {
    const valid = tokens.filter((t) => TOKEN.test(t));
    if (valid.length === 0) return [];
    const list = valid.map((t) => `'${t}'`).join(', ');
    const rows = await this.#rows<ShareCells>(
      `SELECT ${SHARE_COLUMNS} FROM ${this.database}.events FINAL
       WHERE site = ${quoteSite(site)} AND n IN ('share', 'card_share') AND token IN (${list}) ORDER BY at`,
    );
    return rows.map(shareRow).filter((s) => s.ts < before);
  }

  async visitorsByToken(site: string, tokens: string[], from: number): Promise<TokenVisitor[]> {
    const valid = tokens.filter((t) => TOKEN.test(t));
    if (valid.length === 0) return [];
    const list = valid.map((t) => `'${t}'`).join(', ');
    const rows = await this.#rows<{ token: string; vh: string; first: string }>(
      `SELECT visitParamExtractString(p, 'ref') AS token, vh, min(toUInt64(ts) * 1000 + ms) AS first FROM ${this.database}.events FINAL
       WHERE site = ${quoteSite(site)} AND n = 'pageview' AND token IN (${list}) AND toUInt64(ts) * 1000 + ms >= ${int(from)}
       GROUP BY token, vh`,
    );
    return rows.map((r) => ({ token: r.token, vh: r.vh, first: Number(r.first) }));
  }

  #seq = 0;

  async addOrder(o: ServerOrder): Promise<void> {
    quoteSite(o.site);
    // No autoincrement here: the wall clock in microseconds, with a counter for calls within one.
    const seq = Date.now() * 1000 + (this.#seq++ % 1000);
    await this.client.insert({
      table: `${this.database}.orders`,
      format: 'JSONEachRow',
      values: [{ site: o.site, order_id: o.order, status: o.status, value: o.value, currency: o.currency, ref: o.ref, ts: int(o.ts), seq }],
    });
  }

  async salt(day: string, create?: string): Promise<string | null> {
    // No transactions: of two processes making a day's salt at once, both rows stay and
    // the smallest wins for everyone from then on (visitors.ts makes tomorrow's a day early).
    const read = async () => {
      const [row] = await this.#rows<{ salt: string; n: string }>(
        `SELECT min(salt) AS salt, count() AS n FROM ${this.database}.salts WHERE day = ${quoteDay(day)}`,
      );
      return row && Number(row.n) > 0 ? row.salt : null;
    };
    const found = await read();
    if (found !== null || create === undefined) return found;
    await this.client.insert({ table: `${this.database}.salts`, format: 'JSONEachRow', values: [{ day, salt: create }] });
    return read();
  }

  async dropSalts(before: string): Promise<void> {
    await this.client.command({ query: `ALTER TABLE ${this.database}.salts DELETE WHERE day < ${quoteDay(before)}` });
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
