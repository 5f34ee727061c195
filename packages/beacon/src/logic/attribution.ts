// The share token kept for credit (DESIGN.md, "Attribution"); orders and goals are in
// ./orders.ts. Pure: the runtime passes in the time and what is stored.

export const DAY = 86_400_000;
export const DEFAULT_DAYS = 7;

/** The token kept on the device for credit, and when it was kept (ms since epoch). */
export interface Credit {
  r: string;
  at: number;
}

/**
 * What to keep after this page view: with first touch (the default) a kept token that has
 * not expired stays; with last touch, or when nothing is kept, the token this page view
 * arrived with replaces it. Anything stored that is not a credit (`isRef`, core's share-link
 * rule, says what a token is), or has expired, is gone.
 */
export function credit(
  stored: unknown,
  arrived: string | undefined,
  now: number,
  days: number,
  last: boolean,
  isRef: (s: unknown) => boolean,
): Credit | undefined {
  const s = (stored ?? {}) as Partial<Credit>;
  const kept = isRef(s.r) && (s.at as number) <= now && now - (s.at as number) < days * DAY ? (s as Credit) : undefined;
  return arrived && (last || !kept) ? { r: arrived, at: now } : kept;
}
