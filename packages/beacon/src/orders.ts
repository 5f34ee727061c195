// window.fanfare.track()'s orders, and the warning for a name that is no goal (the beacon
// reports goals itself). Loaded on the first such call (the loader's stub, <fan-conversion>),
// together with ./attribution.ts, which says whom an order is credited to; a page opened from
// a shared link loads only that.
import { fanfare } from '@fanfare/core/config';
import { getJson, setJson } from '@fanfare/core/storage';
import type { Attribution, AttributionContext } from './attribution.js';
import { markSent, toOrder, wasSent, type Sent } from './logic/orders.js';

/** Made once the token's chunk (`attribution`, requested beside this one) has arrived: an order's credit is read at once, in the order of the calls. */
export async function orders(c: AttributionContext, attribution: () => Promise<Attribution>) {
  const [, ordersKey] = c.keys;
  const a = await attribution();
  return {
    track(name: string, p?: Record<string, unknown>): void {
      const { site = '', attribution: model } = fanfare().config;
      if (name === 'conversion') {
        const o = toOrder(p);
        if (typeof o === 'string') return console.warn(`Fanfare: track('conversion') ignored: ${o}.`);
        const now = Date.now();
        const sent = getJson<Sent>(ordersKey);
        // Reported already (a reload of the thank-you page, or the tag and a call for one order): not a second order.
        if (c.held().some((e) => e.n === 'conversion' && e.p!.order === o.order) || wasSent(sent, site, o.order, now, a.days())) return;
        if (c.mayKeep()) setJson(ordersKey, markSent(sent, site, o.order, now, a.days()));
        // Credited to the tokens kept, else to the one this page view came with: `ref` by the
        // page's model (what older servers read), and both touches when they differ, for the server's.
        const { first, last } = a.touches(now);
        const ref = model === 'last' ? last : first;
        return c.push(c.pageEvent('conversion', { ...o, ref, ...(first !== last && { first, last }) }));
      }
      // The beacon reported every goal already (logic/goal.ts): what else comes here is no goal.
      console.warn(`Fanfare: track() ignored ${JSON.stringify(name)}: a goal is named by 1 to 100 characters.`);
    },
  };
}
