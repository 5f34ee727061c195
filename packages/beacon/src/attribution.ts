// The share token kept for credit. Loaded on a page opened from a shared link (with consent
// to keep it), or with ./orders.ts on the first track() call: most page views need neither,
// so none of this is in the beacon's start. Orders and goals are ./orders.ts, apart, so a
// landing page does not load their rules.
import { fanfare } from '@fanfare/core/config';
import { isRef } from '@fanfare/core/share-link';
import { getJson, setItem, setJson } from '@fanfare/core/storage';
import { credit, DEFAULT_DAYS, touches } from './logic/attribution.js';
import type { WireEvent } from './logic/wire.js';

/** What the beacon's start hands this chunk and the orders' (./orders.ts). */
export interface AttributionContext {
  /** Where the kept token and the sent orders are stored. */
  keys: [string, string];
  /** The token this page view arrived with. */
  arrived: string | undefined;
  /** Consent granted and no GPC: anything may be kept on the device. */
  mayKeep(): boolean;
  push(e: WireEvent): void;
  pageEvent(n: string, p: Record<string, string | undefined>): WireEvent;
  /** Events not sent yet. */
  held(): readonly WireEvent[];
}

export type Attribution = ReturnType<typeof attribution>;

export function attribution(c: AttributionContext) {
  const [refKey] = c.keys;
  // The page's settings as they are now (configure() may have changed them).
  const days = () => fanfare().config.attributionDays ?? DEFAULT_DAYS;
  let kept = false;
  return {
    days,
    /** Keep this page view's token for credit (first and last touch), once consent allows it. */
    keep(): void {
      if (kept || !c.mayKeep()) return;
      kept = true;
      const next = credit(getJson(refKey), c.arrived, Date.now(), days(), isRef);
      if (next) setJson(refKey, next);
      else setItem(refKey, '');
    },
    /**
     * The tokens an order placed `now` is credited to: the ones kept (when they may be),
     * else the one this page view came with.
     */
    touches: (now: number) => touches(c.mayKeep() ? credit(getJson(refKey), undefined, now, days(), isRef) : undefined, c.arrived),
  };
}
