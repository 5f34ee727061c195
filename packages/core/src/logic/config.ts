import { fail, ok, parseEnum, parseIntInRange, parseNumberInRange, parseUrl, type Parsed } from './parse-scalar.js';
import { parseSiteKey } from './site-key.js';

export const CONSENT = ['granted', 'pending', 'denied'] as const;
export type Consent = (typeof CONSENT)[number];

/** The page-wide settings that the loader's data-* attributes or fanfare.configure() set. */
export interface FanConfig {
  /** Where the beacon sends events; no endpoint, no beacon. */
  endpoint?: string;
  /** The site key the server files events under. */
  site?: string;
  consent: Consent;
  /** Overrides the page's language for every widget that has no lang of its own. */
  lang?: string;
  /** Share of page views that report Core Web Vitals, 0–1. */
  vitalsSample: number;
  /** Days a share token is kept on the device to credit an order to the share (the beacon's default: 7). */
  attributionDays?: number;
  /** Which token gets the credit when a fan came through more than one share (the beacon's default: `first`). */
  attribution?: 'first' | 'last';
}

export const DEFAULT_CONFIG: FanConfig = { consent: 'granted', vitalsSample: 0.1 };

type Warn = (key: string, value: unknown, reason: string) => void;

/** How each setting is checked; a setting not listed here is unknown. */
const RULES: Record<keyof FanConfig, (s: string, base: string) => Parsed<unknown>> = {
  endpoint: parseUrl,
  // The server's own rule: a key it would refuse must not be accepted here.
  site: parseSiteKey,
  consent: (s) => parseEnum(s, CONSENT),
  lang: (s) => (/^[a-z]{2,3}(?:[-_]\w{2,8})*$/i.test(s) ? ok(s) : fail('not a language tag')),
  vitalsSample: (s) => parseNumberInRange(s, 0, 1),
  // At most the server's own limit: past it the server no longer holds the day's salt.
  attributionDays: (s) => parseIntInRange(s, 1, 90),
  attribution: (s) => parseEnum(s, ['first', 'last']),
};

/** Whether `key` names a setting (`vitalsSample`, not `vitals-sample` nor a script tag's other data-* attributes). */
export const isSetting = (key: string): boolean => Object.hasOwn(RULES, key);

/**
 * Validate a partial config. Keys that are wrong are left out and reported through
 * `warn`, so one bad value never undoes the rest.
 */
export function normalizeConfig(input: Record<string, unknown>, base: string, warn: Warn): Partial<FanConfig> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined) continue;
    // isSetting's test written out: the call costs core 5 B of the 3 it has left.
    const r: Parsed<unknown> = Object.hasOwn(RULES, key) ? RULES[key as keyof FanConfig](String(value), base) : fail('unknown setting');
    if (r.ok) out[key] = r.value;
    else warn(key, value, r.reason);
  }
  return out as Partial<FanConfig>;
}
