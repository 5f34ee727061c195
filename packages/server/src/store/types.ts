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
  /** Every `vital` event: metric, value, sample rate, and whether our widget caused it. */
  vitals: { m: string; v: number; sr: number; fan: boolean }[];
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
  close(): Promise<void>;
}
