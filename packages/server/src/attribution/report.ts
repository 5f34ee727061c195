import type { Config } from '../config.js';
import type { EventStore, RangeQuery, ShareRow } from '../store/types.js';
import { orderStates } from './orders.js';
import { Revenue } from './rules.js';

// `GET /api/attribution`: what the site's shares brought. The store hands over raw rows
// (the same on SQLite and ClickHouse); every rule of credit is here, once.

export type Money = { currency: string; amount: string }[];

export interface Funnel {
  shares: number;
  visits: number;
  visitors: number;
  orders: number;
  revenue: Money;
}

export interface Attribution extends Funnel {
  site: string;
  from: number;
  to: number;
  /** Which share a visitor with several is credited to. */
  model: 'first' | 'last';
  /** New visitors per share made in the range: above 1, each share brought more than one friend. */
  viralCoefficient: number;
  byNetwork: (Funnel & { network: string })[];
  byWidget: (Funnel & { widget: string })[];
  /** By the page a share was made on. */
  byPage: (Funnel & { page: string })[];
  /** By the landing page view's `utm.campaign` ('' for none); shares are not made in a campaign. */
  byCampaign: (Omit<Funnel, 'shares'> & { campaign: string })[];
  /** Depth 1 is a share by someone who did not come from a share; depth 2, by a friend who did. */
  generations: (Funnel & { depth: number })[];
  /** Orders in the range, and how many of them a share is credited with: the rest came some other way. */
  coverage: { orders: number; attributed: number };
}

class Bucket {
  shares = 0;
  visits = 0;
  visitors = 0;
  orders = 0;
  readonly revenue = new Revenue();

  funnel(): Funnel {
    return { shares: this.shares, visits: this.visits, visitors: this.visitors, orders: this.orders, revenue: this.revenue.list() };
  }
}

class Buckets<K extends string | number> {
  readonly #map = new Map<K, Bucket>();

  get(key: K): Bucket {
    let b = this.#map.get(key);
    if (!b) this.#map.set(key, (b = new Bucket()));
    return b;
  }

  /** Most visits first, then most shares, then by key, so the order is stable. */
  rows(): [K, Funnel][] {
    return [...this.#map]
      .map(([k, b]) => [k, b.funnel()] as [K, Funnel])
      .sort(([ka, a], [kb, b]) => b.visits - a.visits || b.shares - a.shares || b.orders - a.orders || String(ka).localeCompare(String(kb)));
  }
}

/** Ancestors are looked up at most this many generations deep: a chain longer than that is a loop or a bot. */
const MAX_DEPTH = 32;

export class AttributionService {
  readonly #config: Config;
  readonly #store: EventStore;

  constructor({ config, store }: { config: Config; store: EventStore }) {
    this.#config = config;
    this.#store = store;
  }

  model(site: string): 'first' | 'last' {
    const sites = this.#config.sites;
    return (sites && Object.hasOwn(sites, site) ? sites[site]!.attribution : undefined) ?? 'first';
  }

  /** Shares by token: those made in the range, those the range's visits and orders name, and their ancestors. */
  async #shares(site: string, inRange: ShareRow[], named: Iterable<string>): Promise<Map<string, ShareRow>> {
    const known = new Map<string, ShareRow>();
    const add = (rows: ShareRow[]) => {
      // A token is minted once per share; should two events carry one, the first made it.
      for (const s of [...rows].sort((a, b) => a.ts - b.ts)) if (!known.has(s.token)) known.set(s.token, s);
    };
    add(inRange);
    const asked = new Set(known.keys());
    let wanted = [...new Set([...named, ...inRange.map((s) => s.parent)])].filter((t) => t !== '' && !asked.has(t));
    for (let round = 0; wanted.length > 0 && round < MAX_DEPTH; round++) {
      for (const t of wanted) asked.add(t);
      const found = await this.#store.sharesByToken(site, wanted);
      add(found);
      wanted = [...new Set(found.map((s) => s.parent))].filter((t) => t !== '' && !asked.has(t));
    }
    return known;
  }

  async report(q: RangeQuery): Promise<Attribution> {
    const raw = await this.#store.attribution(q);
    const model = this.model(q.site);
    const orders = orderStates(raw.orders).filter((o) => o.ts >= q.from && o.ts < q.to && o.status === 'paid');
    const known = await this.#shares(q.site, raw.shares, [...raw.visits.map((v) => v.token), ...orders.map((o) => o.ref)]);

    const depths = new Map<string, number>();
    const depthOf = (token: string): number => {
      const chain: string[] = [];
      let t: string | undefined = token;
      let base = 0;
      while (t !== undefined && known.has(t) && chain.length <= MAX_DEPTH) {
        const d = depths.get(t);
        if (d !== undefined) {
          base = d;
          break;
        }
        if (chain.includes(t)) break;
        chain.push(t);
        t = known.get(t)!.parent || undefined;
      }
      chain.reverse().forEach((c, i) => depths.set(c, base + i + 1));
      return depths.get(token) ?? 1;
    };

    const total = new Bucket();
    const byNetwork = new Buckets<string>();
    const byWidget = new Buckets<string>();
    const byPage = new Buckets<string>();
    const byCampaign = new Buckets<string>();
    const byDepth = new Buckets<number>();
    const bucketsOf = (s: ShareRow) => [total, byNetwork.get(s.network), byWidget.get(s.widget), byPage.get(s.page), byDepth.get(depthOf(s.token))];

    // A WeChat card (`w: "page"`) is reported when it is set, not when it is sent: WeChat
    // tells a page nothing when the fan shares from its menu. Such a card counts as a share
    // once a friend came through it.
    const cameThrough = new Set(raw.visits.filter((v) => v.vh !== '' && v.vh !== known.get(v.token)?.vh).map((v) => v.token));
    const counted = new Set<string>();
    for (const s of raw.shares) {
      if (counted.has(s.token) || known.get(s.token) !== s) continue;
      if (s.widget === 'page' && !cameThrough.has(s.token)) continue;
      counted.add(s.token);
      for (const b of bucketsOf(s)) b.shares++;
    }

    // A visitor is credited to one share (first or last touch), so visitors add up across networks.
    const credit = new Map<string, { token: string; campaign: string; at: number }>();
    for (const v of raw.visits) {
      const share = known.get(v.token);
      // A token nobody shared credits nothing; the sharer opening their own link is not a friend.
      if (!share || v.vh === '' || v.vh === share.vh) continue;
      for (const b of [...bucketsOf(share), byCampaign.get(v.campaign)]) b.visits += v.visits;
      const at = model === 'first' ? v.first : v.last;
      const had = credit.get(v.vh);
      if (!had || (model === 'first' ? at < had.at : at > had.at)) credit.set(v.vh, { token: v.token, campaign: v.campaign, at });
    }
    for (const c of credit.values()) {
      for (const b of [...bucketsOf(known.get(c.token)!), byCampaign.get(c.campaign)]) b.visitors++;
    }

    let attributed = 0;
    for (const o of orders) {
      const share = known.get(o.ref);
      if (!share || (o.vh !== '' && o.vh === share.vh)) continue;
      attributed++;
      const visitor = o.vh === '' ? undefined : credit.get(o.vh);
      const campaign = visitor?.token === o.ref ? visitor.campaign : '';
      for (const b of [...bucketsOf(share), byCampaign.get(campaign)]) {
        b.orders++;
        b.revenue.add(o.currency, o.value);
      }
    }

    const funnel = total.funnel();
    return {
      site: q.site,
      from: q.from,
      to: q.to,
      model,
      ...funnel,
      viralCoefficient: funnel.shares === 0 ? 0 : Math.round((funnel.visitors / funnel.shares) * 100) / 100,
      byNetwork: byNetwork.rows().map(([network, f]) => ({ network, ...f })),
      byWidget: byWidget.rows().map(([widget, f]) => ({ widget, ...f })),
      byPage: byPage.rows().map(([page, f]) => ({ page, ...f })),
      byCampaign: byCampaign.rows().map(([campaign, { shares: _, ...f }]) => ({ campaign, ...f })),
      generations: byDepth.rows().map(([depth, f]) => ({ depth, ...f })).sort((a, b) => a.depth - b.depth),
      coverage: { orders: orders.length, attributed },
    };
  }
}
