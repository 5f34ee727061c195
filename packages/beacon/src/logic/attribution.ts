// The share token kept for credit (DESIGN.md, "Attribution"); orders and goals are in
// ./orders.ts. Pure: the runtime passes in the time and what is stored.

export const DAY = 86_400_000;
export const DEFAULT_DAYS = 7;

/**
 * The tokens kept on the device for credit: the first that brought this visitor (`r`, kept
 * since `at`, ms since epoch) and, when another came since, the last (`l`, since `lt`).
 * Both are kept whatever the page's model, so the server's own setting can pick.
 */
export interface Credit {
  r: string;
  at: number;
  l?: string;
  lt?: number;
}

/**
 * What to keep after this page view, which arrived with `arrived` (or nothing). The first
 * touch stays until it expires after `days`; the token this page view arrived with is the
 * last touch. Anything stored that is not a token (`isRef`, core's share-link rule, says
 * what one is), or has expired, is gone; when the first has expired the last takes its place.
 */
export function credit(stored: unknown, arrived: string | undefined, now: number, days: number, isRef: (s: unknown) => boolean): Credit | undefined {
  const s = (stored ?? {}) as Partial<Credit>;
  const live = (t: unknown, at: unknown) => isRef(t) && (at as number) <= now && now - (at as number) < days * DAY;
  const first = live(s.r, s.at) ? { r: s.r!, at: s.at! } : undefined;
  const last = arrived ? { r: arrived, at: now } : live(s.l, s.lt) ? { r: s.l!, at: s.lt! } : first;
  const kept = first ?? last;
  return kept && (last && last.r !== kept.r ? { ...kept, l: last.r, lt: last.at } : kept);
}

/** The tokens an order is credited to, first and last touch, by what is kept or else what this page view came with. */
export function touches(kept: Credit | undefined, arrived: string | undefined): { first?: string; last?: string } {
  const first = kept?.r ?? arrived;
  return { first, last: kept?.l ?? first };
}
