import type { EventStore, RangeQuery, RawAggregates } from './store/types.js';

export interface VitalSummary {
  metric: string;
  /** 75th percentile with each sample weighted by 1 / its sample rate. */
  p75: number;
  samples: number;
  /** Share (0–1, weighted) of poor values that our widgets caused: slow interactions for INP, shifts for CLS. */
  fanShare: number;
}

/** Poor INP or CLS samples caused inside one widget: where to look first when the page is slow. */
export interface SlowWidget {
  metric: string;
  widget: string;
  /** Poor samples, weighted by 1 / sample rate. */
  poor: number;
  /** The worst value seen. */
  worst: number;
  /** For INP, what the fan did: the event and what in the widget took it ("keydown board"); '' when not known. */
  interaction: string;
}

export interface Stats {
  total: number;
  totals: Record<string, number>;
  /** Events a fan made happen: every event but views, vitals, page views, orders and goals. */
  interactions: number;
  /** Page views (visits), by page, by referrer origin ('' for none) and by UTM campaign. */
  visits: number;
  topPages: { page: string; count: number }[];
  topSources: { source: string; count: number }[];
  topCampaigns: { campaign: string; count: number }[];
  /** Custom goals (`track('newsletter')`) reached, by name, most first. */
  goals: { name: string; count: number }[];
  slowWidgets: SlowWidget[];
  perDay: { day: string; counts: Record<string, number> }[];
  shares: { network: string; count: number }[];
  funnels: {
    game: { view: number; start: number; over: number; reward: number };
    card: { view: number; create: number; export: number; share: number };
    buyerShow: { view: number; open: number; click: number };
  };
  vitals: VitalSummary[];
}

// Core Web Vitals "poor" thresholds (web.dev); a value at or above is what a fan felt.
const POOR: Record<string, number> = { LCP: 4000, INP: 500, CLS: 0.25, FCP: 3000, TTFB: 1800 };
// Only these two can be caused by one element on the page rather than the page as a whole.
const ATTRIBUTABLE = new Set(['INP', 'CLS']);

/** Weighted percentile: the smallest value whose cumulative weight reaches q of the total. */
export function weightedPercentile(samples: { v: number; weight: number }[], q: number): number {
  if (samples.length === 0) return 0;
  const sorted = [...samples].sort((a, b) => a.v - b.v);
  const total = sorted.reduce((s, x) => s + x.weight, 0);
  let acc = 0;
  for (const s of sorted) {
    acc += s.weight;
    if (acc >= q * total) return s.v;
  }
  return sorted[sorted.length - 1]!.v;
}

function weightOf(sr: number): number {
  // A sample rate outside (0, 1] is a client bug; count the sample once rather than blow up.
  return sr > 0 && sr <= 1 ? 1 / sr : 1;
}

/** What is not a fan's action: the beacon's own measurements and the page's events. */
const NOT_INTERACTIONS = new Set(['view', 'vital', 'pageview', 'conversion', 'goal']);

/** `https://t.co/abc` → `https://t.co`; anything that is not a URL stays as it is. */
function originOf(referrer: string): string {
  if (referrer === '') return '';
  try {
    return new URL(referrer).origin;
  } catch {
    return referrer;
  }
}

export function buildStats(raw: RawAggregates): Stats {
  const totals: Record<string, number> = {};
  const days = new Map<string, Record<string, number>>();
  let total = 0;
  for (const { day, n, count } of raw.byDayName) {
    total += count;
    totals[n] = (totals[n] ?? 0) + count;
    const d = days.get(day) ?? {};
    d[n] = (d[n] ?? 0) + count;
    days.set(day, d);
  }
  const views = (tag: string) => raw.views.find((v) => v.w === tag)?.count ?? 0;
  const n = (name: string) => totals[name] ?? 0;

  const byMetric = new Map<string, { v: number; weight: number; fan: boolean }[]>();
  for (const s of raw.vitals) {
    const list = byMetric.get(s.m) ?? [];
    list.push({ v: s.v, weight: weightOf(s.sr), fan: s.fan });
    byMetric.set(s.m, list);
  }
  const vitals = [...byMetric].map(([metric, list]): VitalSummary => {
    const poor = POOR[metric];
    const bad = poor === undefined ? [] : list.filter((s) => s.v >= poor);
    const badWeight = bad.reduce((a, s) => a + s.weight, 0);
    const fanWeight = bad.filter((s) => s.fan).reduce((a, s) => a + s.weight, 0);
    return {
      metric,
      p75: weightedPercentile(list, 0.75),
      samples: list.length,
      fanShare: ATTRIBUTABLE.has(metric) && badWeight > 0 ? fanWeight / badWeight : 0,
    };
  });
  vitals.sort((a, b) => a.metric.localeCompare(b.metric));

  const slow = new Map<string, SlowWidget>();
  for (const s of raw.vitals) {
    const poor = POOR[s.m];
    if (!ATTRIBUTABLE.has(s.m) || poor === undefined || s.v < poor || !s.fan) continue;
    const widget = s.widget || '';
    const interaction = s.it ?? '';
    const key = `${s.m} ${widget} ${interaction}`;
    const row = slow.get(key) ?? { metric: s.m, widget, poor: 0, worst: 0, interaction };
    row.poor += weightOf(s.sr);
    row.worst = Math.max(row.worst, s.v);
    slow.set(key, row);
  }

  const sources = new Map<string, number>();
  for (const r of raw.referrers) {
    const o = originOf(r.referrer);
    sources.set(o, (sources.get(o) ?? 0) + r.count);
  }

  return {
    total,
    totals,
    interactions: Object.entries(totals).reduce((a, [name, c]) => (NOT_INTERACTIONS.has(name) ? a : a + c), 0),
    visits: totals.pageview ?? 0,
    topPages: raw.pages.slice(0, 10),
    topSources: [...sources]
      .map(([source, count]) => ({ source, count }))
      .sort((a, b) => b.count - a.count || a.source.localeCompare(b.source))
      .slice(0, 10),
    topCampaigns: raw.campaigns.slice(0, 10),
    goals: raw.goals,
    slowWidgets: [...slow.values()].sort((a, b) => b.poor - a.poor || a.metric.localeCompare(b.metric)),
    perDay: [...days].sort(([a], [b]) => a.localeCompare(b)).map(([day, counts]) => ({ day, counts })),
    shares: raw.shares,
    funnels: {
      game: { view: views('fan-2048'), start: n('game_start'), over: n('game_over'), reward: n('reward') },
      card: { view: views('fan-card-maker'), create: n('card_create'), export: n('card_export'), share: n('card_share') },
      buyerShow: { view: views('fan-buyer-show'), open: n('review_open'), click: n('review_click') },
    },
    vitals,
  };
}

/** What `GET /api/stats` answers: the range's figures, and the totals of as long a time just before it, for trends. */
export async function statsReport(store: EventStore, { site, from, to }: RangeQuery) {
  const length = to - from;
  const [current, previous] = await Promise.all([store.aggregate({ site, from, to }), store.aggregate({ site, from: from - length, to: from })]);
  const before = buildStats(previous);
  return {
    site,
    from,
    to,
    ...buildStats(current),
    previous: { total: before.total, interactions: before.interactions, visits: before.visits, totals: before.totals },
  };
}

const DAY = 86_400_000;

/**
 * `from`/`to` as YYYY-MM-DD (UTC days, both included) or epoch ms; default the last 7 days.
 * Returns a half-open [from, to) range in ms, or null when a value is not a date.
 */
export function parseRange(from: string | undefined, to: string | undefined, now: number): { from: number; to: number } | null {
  const parse = (s: string, end: boolean): number | null => {
    if (/^\d{4}-\d{2}-\d{2}$/.test(s)) {
      const ms = Date.parse(`${s}T00:00:00Z`);
      return Number.isNaN(ms) ? null : end ? ms + DAY : ms;
    }
    if (/^\d{1,15}$/.test(s)) return Number(s);
    return null;
  };
  const today = Math.floor(now / DAY) * DAY;
  const end = to === undefined ? today + DAY : parse(to, true);
  const start = from === undefined ? (end ?? today) - 7 * DAY : parse(from, false);
  if (start === null || end === null || start >= end || end - start > 400 * DAY) return null;
  return { from: start, to: end };
}
