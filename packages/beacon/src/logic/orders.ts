// Orders (window.fanfare.track('conversion')), and the orders this device already reported.
// Pure; loaded with ../orders.ts on the first track() call.

/**
 * ms in a day, as ./attribution.ts has it: not imported from there, which would make the
 * build put that file in a chunk of its own, shared by the landing page's chunk and this one.
 */
const DAY = 86_400_000;

export interface Order {
  order: string;
  value: string;
  currency: string;
}

/** The server's rules (server/src/attribution/rules.ts): an id of 1–128 characters without control characters, a non-negative decimal. */
const ORDER_ID = /^[^\u0000-\u001f\u007f]{1,128}$/u;
const AMOUNT = /^(0|[1-9]\d{0,14})(\.\d{1,8})?$/;

/** ISO 4217 as the browser's ICU knows it, as the server checks it; the shape alone where the browser cannot list them. */
const knownCurrency = (c: string): boolean =>
  Intl.supportedValuesOf ? Intl.supportedValuesOf('currency').includes(c) : /^[A-Z]{3}$/.test(c);

/**
 * `track('conversion', props)`'s props as an order, or the reason they are not one.
 * `value` may be a number or a decimal string (major units); `currency` an ISO 4217 code
 * the browser knows (`cny` is read as `CNY`).
 */
export function toOrder(props: unknown, isCurrency = knownCurrency): Order | string {
  const { order, value, currency } = (props ?? {}) as Record<string, unknown>;
  const id = typeof order === 'number' ? String(order) : order;
  if (typeof id !== 'string' || !ORDER_ID.test(id)) return 'order must be an id of 1 to 128 characters';
  const v = typeof value === 'number' && value >= 0 ? String(value) : typeof value === 'string' ? value.trim() : '';
  if (!AMOUNT.test(v)) return 'value must be a non-negative decimal, like 49.00';
  const c = typeof currency === 'string' ? currency.trim().toUpperCase() : '';
  if (!isCurrency(c)) return 'currency must be an ISO 4217 code, like CNY';
  return { order: id, value: v, currency: c };
}


/** Orders this device already reported, per site: order id → when (ms since epoch). */
export type Sent = Record<string, Record<string, number>>;

/** Whether `order` of `site` was reported within the attribution window. */
export const wasSent = (sent: Sent | undefined, site: string, order: string, now: number, days: number): boolean =>
  now - (sent?.[site]?.[order] ?? -Infinity) < days * DAY;

/** `sent` with `order` added and whatever is past the window gone; at most the 50 newest per site. */
export function markSent(sent: Sent | undefined, site: string, order: string, now: number, days: number): Sent {
  const out: Sent = {};
  for (const [s, orders] of Object.entries({ ...sent, [site]: { ...sent?.[site], [order]: now } })) {
    const kept = Object.entries(orders ?? {})
      .filter(([, at]) => typeof at === 'number' && now - at < days * DAY)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 50);
    if (kept.length) out[s] = Object.fromEntries(kept);
  }
  return out;
}

