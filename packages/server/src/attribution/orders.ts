import { z } from 'zod';
import { SITE_KEY, SITE_KEY_RULE } from '@fanfare/core/site-key';
import { sameSecret } from '../auth.js';
import type { Config } from '../config.js';
import type { Outcome } from '../errors.js';
import type { EventStore, OrderReport, ServerOrder } from '../store/types.js';
import { amount, currencyOf, isCurrency, isOrderId, isShareToken, MAX_ORDER_ID, orderIdOf } from './rules.js';

// `POST /orders`: the shop's backend tells us an order was paid or refunded. The rules of
// orders live here; the route only checks the body's shape, the store only appends.

/** The body of `POST /orders`, as the route declares it. */
export const orderBody = z.object({
  site: z.string().regex(SITE_KEY, SITE_KEY_RULE),
  order: z
    .union([z.string(), z.number()])
    .transform((v) => orderIdOf(v) as string)
    .refine(isOrderId, `an order id is 1 to ${MAX_ORDER_ID} characters, no control characters, or a number`),
  value: z.union([z.string(), z.number()]).refine((v) => amount(v) !== null, 'a value is a decimal number of major units, not negative, such as "49.00"'),
  currency: z
    .string()
    .transform((v) => currencyOf(v) as string)
    .refine(isCurrency, 'a currency is an ISO 4217 code such as "CNY" or "USD", in either case'),
  // A malformed token is not the shop's error to fix: it credits nothing, as on the page.
  ref: z.string().max(200).optional(),
  status: z.enum(['paid', 'refunded']),
});
export type OrderBody = z.output<typeof orderBody>;

export interface OrderState {
  order: string;
  status: 'paid' | 'refunded';
  value: string;
  currency: string;
  /** The token credited ('' for none). */
  ref: string;
  /** The page's visitor hash, when the page reported the order. */
  vh: string;
  /** When the order was first reported, by the page or the shop. */
  ts: number;
}

/**
 * What all the reports of one order add up to. The shop's latest report wins over the
 * page's (a page can be edited by anyone with a console; the shop's backend cannot), and a
 * refund is the shop's last word; a page's reload repeats its first report, which stands.
 * The credit is the shop's token when it sent one, else the page's.
 */
export function orderState(reports: OrderReport[]): OrderState {
  const page = reports.filter((r) => r.source === 'page').sort((a, b) => a.ts - b.ts);
  const server = reports.filter((r) => r.source === 'server').sort((a, b) => a.ts - b.ts || a.seq - b.seq);
  const firstPage = page[0];
  const latest = server.at(-1) ?? firstPage!;
  const serverRef = [...server].reverse().find((r) => r.ref !== '')?.ref;
  return {
    order: latest.order,
    status: latest.status,
    value: latest.value,
    currency: latest.currency,
    ref: serverRef ?? firstPage?.ref ?? '',
    vh: firstPage?.vh ?? '',
    ts: Math.min(...reports.map((r) => r.ts)),
  };
}

/** Reports grouped by order into each order's state. */
export function orderStates(reports: OrderReport[]): OrderState[] {
  const byOrder = new Map<string, OrderReport[]>();
  for (const r of reports) {
    const list = byOrder.get(r.order) ?? [];
    list.push(r);
    byOrder.set(r.order, list);
  }
  return [...byOrder.values()].map(orderState);
}

export interface OrderServiceOptions {
  config: Config;
  store: EventStore;
  now: () => number;
}

export class OrderService {
  readonly #config: Config;
  readonly #store: EventStore;
  readonly #now: () => number;

  constructor({ config, store, now }: OrderServiceOptions) {
    this.#config = config;
    this.#store = store;
    this.#now = now;
  }

  /** The admin token may report for any site; a site's `ordersToken` for that site only. */
  mayReport(site: string, token: string | undefined): boolean {
    if (token === undefined) return false;
    if (this.#config.adminToken !== undefined && sameSecret(token, this.#config.adminToken)) return true;
    const entry = this.#config.sites && Object.hasOwn(this.#config.sites, site) ? this.#config.sites[site] : undefined;
    return entry?.ordersToken !== undefined && sameSecret(token, entry.ordersToken);
  }

  /** Whether the token may report for some site: checked before the body is even read. */
  mayReportAny(token: string | undefined): boolean {
    if (token === undefined) return false;
    if (this.#config.adminToken !== undefined && sameSecret(token, this.#config.adminToken)) return true;
    return Object.keys(this.#config.sites ?? {}).some((site) => this.mayReport(site, token));
  }

  async report(body: OrderBody, token: string | undefined): Promise<Outcome<{ site: string; order: string; status: string; value: string; currency: string }>> {
    if (!this.mayReport(body.site, token)) {
      return { ok: false, status: 401, error: 'unauthorized', message: 'send the admin token or this site\'s ordersToken as "Authorization: Bearer <token>"' };
    }
    if (this.#config.sites && !Object.hasOwn(this.#config.sites, body.site)) {
      return { ok: false, status: 404, error: 'not_found', message: `no site "${body.site}"` };
    }
    const order: ServerOrder = {
      site: body.site,
      order: body.order,
      status: body.status,
      value: amount(body.value)!,
      currency: body.currency,
      ref: isShareToken(body.ref) ? body.ref : '',
      ts: this.#now(),
    };
    await this.#store.addOrder(order);
    return { ok: true, value: { site: order.site, order: order.order, status: order.status, value: order.value, currency: order.currency } };
  }
}
