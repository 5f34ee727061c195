// The share token kept for credit, and window.fanfare.track()'s orders and goals. Loaded
// on a page opened from a shared link, or on the first track() call: most page views need
// neither, so none of this is in the beacon's start.
import type { FanConfig } from '@fanfare/core/config';
import { isRef } from '@fanfare/core/share-link';
import { getJson, setItem, setJson } from '@fanfare/core/storage';
import { credit, DEFAULT_DAYS, touches } from './logic/attribution.js';
import { goalName, markSent, toOrder, wasSent, type Sent } from './logic/orders.js';
import type { WireEvent } from './logic/wire.js';

export interface AttributionContext {
  /** Where the kept token and the sent orders are stored. */
  keys: [string, string];
  /** The token this page view arrived with. */
  arrived: string | undefined;
  config(): Readonly<FanConfig>;
  /** Consent granted and no GPC: anything may be kept on the device. */
  mayKeep(): boolean;
  push(e: WireEvent): void;
  pageEvent(n: string, p: Record<string, string | undefined>): WireEvent;
  /** Events not sent yet. */
  held(): readonly WireEvent[];
}

export function attribution(c: AttributionContext) {
  const [refKey, ordersKey] = c.keys;
  const days = () => c.config().attributionDays ?? DEFAULT_DAYS;
  let kept = false;
  return {
    /** Keep this page view's token for credit (first and last touch), once consent allows it. */
    keep(): void {
      if (kept || !c.mayKeep()) return;
      kept = true;
      const next = credit(getJson(refKey), c.arrived, Date.now(), days(), isRef);
      if (next) setJson(refKey, next);
      else setItem(refKey, '');
    },

    track(name: string, p?: Record<string, unknown>): void {
      const site = c.config().site ?? '';
      if (name === 'conversion') {
        const o = toOrder(p);
        if (typeof o === 'string') return console.warn(`Fanfare: track('conversion') ignored: ${o}.`);
        const now = Date.now();
        const sent = getJson<Sent>(ordersKey);
        // Reported already (a reload of the thank-you page, or the tag and a call for one order): not a second order.
        if (c.held().some((e) => e.n === 'conversion' && e.p!.order === o.order) || wasSent(sent, site, o.order, now, days())) return;
        if (c.mayKeep()) setJson(ordersKey, markSent(sent, site, o.order, now, days()));
        // Credited to the tokens kept, else to the one this page view came with: `ref` by the
        // page's model (what older servers read), and both touches when they differ, for the server's.
        const { first, last } = touches(c.mayKeep() ? credit(getJson(refKey), undefined, now, days(), isRef) : undefined, c.arrived);
        const ref = c.config().attribution === 'last' ? last : first;
        return c.push(c.pageEvent('conversion', { ...o, ref, ...(first !== last && { first, last }) }));
      }
      const goal = goalName(name);
      if (!goal) return console.warn(`Fanfare: track() ignored ${JSON.stringify(name)}: a goal is named by 1 to 100 characters.`);
      c.push(c.pageEvent('goal', { name: goal }));
    },
  };
}
