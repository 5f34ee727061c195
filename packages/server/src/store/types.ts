import type { StoredEvent } from '../wire.js';

/** A half-open time range [from, to) in epoch ms, for one site. */
export interface RangeQuery {
  site: string;
  from: number;
  to: number;
}

/** What the stats endpoint needs from a store; everything else is computed in `stats.ts`. */
export interface RawAggregates {
  /** Events per UTC day (YYYY-MM-DD) and name. */
  byDayName: { day: string; n: string; count: number }[];
  /** `view` events per widget tag. */
  views: { w: string; count: number }[];
  /** `share` events per `p.network`. */
  shares: { network: string; count: number }[];
  /** Every `vital` event: metric, value, sample rate, whether our widget caused it, and which ('' when unnamed). */
  vitals: { m: string; v: number; sr: number; fan: boolean; widget: string; it?: string }[];
  /** Page views per page (no query), most first, at most 50. */
  pages: { page: string; count: number }[];
  /** Page views per referrer ('' for none), most first, at most 200: stats.ts reduces them to origins. */
  referrers: { referrer: string; count: number }[];
  /** Page views per `utm.campaign` of the landing URL, most first, at most 50. */
  campaigns: { campaign: string; count: number }[];
  /** `goal` events per `p.name` (text, not empty), most first then by name, at most 50. */
  goals: { name: string; count: number }[];
}

/** A share as the report reads it: the event, with its token and its parent's. */
export interface ShareRow {
  token: string;
  /** The token the sharer's own page view arrived with ('' for a first-generation share). */
  parent: string;
  /** `p.network` of a share, `p.channel` of a card sent. */
  network: string;
  /** The widget's tag. */
  widget: string;
  /** The page shared from (no query). */
  page: string;
  vh: string;
  ts: number;
}

/** Page views that arrived with a share token, one row per (token, visitor, UTM campaign). */
export interface VisitRow {
  token: string;
  vh: string;
  campaign: string;
  visits: number;
  /** When this visitor first came with this token in the range. */
  first: number;
  last: number;
}

/** A visitor who came with a token: their hash and when they first came with it. */
export interface TokenVisitor {
  token: string;
  vh: string;
  first: number;
}

/** One report of an order: from a page (`conversion` event) or from the shop (`POST /orders`). */
export interface OrderReport {
  source: 'page' | 'server';
  order: string;
  status: 'paid' | 'refunded';
  value: string;
  currency: string;
  ref: string;
  /** The page's visitor hash, for telling a sharer's own order; '' from the shop. */
  vh: string;
  ts: number;
  /** Orders the shop's reports of one millisecond: a later call wins. 0 for a page's. */
  seq: number;
}

/** A `POST /orders` call as stored. */
export type ServerOrder = Omit<OrderReport, 'source' | 'vh' | 'seq'> & { site: string };

export interface RawAttribution {
  /** Shares made in the range. */
  shares: ShareRow[];
  /** Page views with a token in the range (the token may be anybody's: the report checks). */
  visits: VisitRow[];
  /**
   * Every report, by the page or the shop and whenever it came, of each order reported in
   * the range (a shop may confirm days after the page; a refund may be weeks later).
   */
  orders: OrderReport[];
}

/**
 * Where events go. Small on purpose, so a second backend (ClickHouse) is one file.
 * `insert` resolves only once the rows are durable, and ignores ids already stored.
 */
export interface EventStore {
  readonly kind: string;
  /** Returns how many rows were new. */
  insert(events: StoredEvent[]): Promise<number>;
  aggregate(q: RangeQuery): Promise<RawAggregates>;
  /** Events stored for a site (all sites when omitted); used by tests and the CLI. */
  count(site?: string): Promise<number>;
  /** Site keys that have events, for the dashboard's picker. */
  sites(): Promise<string[]>;
  /** The raw rows of `GET /api/attribution`; the figures are computed in attribution/report.ts. */
  attribution(q: RangeQuery): Promise<RawAttribution>;
  /**
   * The visitors who opened a link with one of these tokens since `from` (epoch ms): one row
   * per (token, visitor hash) with the first such page view. For <fan-invite>'s friends.
   */
  visitorsByToken(site: string, tokens: string[], from: number): Promise<TokenVisitor[]>;
  /**
   * Shares of `site` with these tokens, made whenever (a link lives on after its week), or
   * only those made before `before` (epoch ms): at ingest, the start of today.
   */
  sharesByToken(site: string, tokens: string[], before?: number): Promise<ShareRow[]>;
  /** Appends one `POST /orders` report; the latest report of an order is its state. */
  addOrder(order: ServerOrder): Promise<void>;
  /**
   * The visitor salt of a UTC day (YYYY-MM-DD). With `create`, that value becomes the day's
   * salt unless the day has one already; every process gets the same answer. Null when the day has none.
   */
  salt(day: string, create?: string): Promise<string | null>;
  /** Deletes the salts of the days before `day`: after that no hash of those days can be made again. */
  dropSalts(before: string): Promise<void>;
  close(): Promise<void>;
}
