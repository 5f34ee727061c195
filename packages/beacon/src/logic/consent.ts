import type { FanConfig } from '@fanfare/core/config';

/** `send` now, `hold` in memory until that may change, or `drop` everything. */
export type Decision = 'send' | 'hold' | 'drop';

/**
 * Global Privacy Control and a denied consent both mean nothing leaves the page, and
 * nothing is kept for later. Pending consent, or no endpoint yet, holds events.
 */
export function decide(config: Pick<FanConfig, 'endpoint' | 'consent'>, gpc: unknown): Decision {
  if (gpc === true || config.consent === 'denied') return 'drop';
  return config.endpoint && config.consent === 'granted' ? 'send' : 'hold';
}

/** Whether this page view reports Core Web Vitals; `random` is in [0, 1). */
export const sampledIn = (rate: number, random: number): boolean => random < rate;
