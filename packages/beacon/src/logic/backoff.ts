// How long to wait before trying again (the math; ../retry.ts is the runtime that waits).

export const BASE_DELAY = 2_000;
export const MAX_DELAY = 5 * 60_000;
/** Past a day the outbox has expired anyway. */
const MAX_RETRY_AFTER = 24 * 60 * 60_000;

/** Retry-After, in seconds or as an HTTP date, as ms from `now`; 0 if absent or unreadable. */
export function retryAfterMs(header: string | null | undefined, now: number): number {
  const ms = isNaN(+header!) ? Date.parse(header!) - now : +header! * 1000;
  return Math.min(Math.max(ms || 0, 0), MAX_RETRY_AFTER);
}

/**
 * Delay before attempt `failures` + 1: exponential, capped, with half of it random so
 * pages that failed together do not all come back together. Never sooner than the
 * server asked for. `random` is in [0, 1).
 */
export function backoff(failures: number, random: number, retryAfter = 0): number {
  const cap = Math.min(MAX_DELAY, BASE_DELAY * 2 ** failures);
  return Math.max(Math.round((cap * (1 + random)) / 2), retryAfter);
}
