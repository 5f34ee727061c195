import { parseEnum, parseNumberInRange, parseUrl, type Parsed } from './parse.js';
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
}

export const DEFAULT_CONFIG: FanConfig = { consent: 'granted', vitalsSample: 0.1 };

type Warn = (key: string, value: unknown, reason: string) => void;

const match = (re: RegExp, s: string, reason: string): Parsed<string> =>
  re.test(s) ? { ok: true, value: s } : { ok: false, reason };

/** How each setting is checked; a setting not listed here is unknown. */
const RULES: Record<keyof FanConfig, (s: string, base: string) => Parsed<unknown>> = {
  endpoint: (s, base) => parseUrl(s, base),
  // The server's own rule: a key it would refuse must not be accepted here.
  site: parseSiteKey,
  consent: (s) => parseEnum(s, CONSENT),
  lang: (s) => match(/^[a-z]{2,3}(?:[-_]\w{2,8})*$/i, s, 'not a language tag'),
  vitalsSample: (s) => parseNumberInRange(s, 0, 1),
};

/**
 * Validate a partial config. Keys that are wrong are left out and reported through
 * `warn`, so one bad value never undoes the rest.
 */
export function normalizeConfig(input: Record<string, unknown>, base: string, warn: Warn): Partial<FanConfig> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined) continue;
    const rule = Object.hasOwn(RULES, key) ? RULES[key as keyof FanConfig] : undefined;
    const r: Parsed<unknown> = rule ? rule(String(value), base) : { ok: false, reason: 'unknown setting' };
    if (r.ok) out[key] = r.value;
    else warn(key, value, r.reason);
  }
  return out as Partial<FanConfig>;
}
