import { parseEnum, parseNumberInRange, parseUrl, type Parsed } from './parse.js';

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

const SITE = /^[\w.-]{1,64}$/;

/**
 * Validate a partial config. Keys that are wrong are left out and reported through
 * `warn`, so one bad value never undoes the rest.
 */
export function normalizeConfig(input: Record<string, unknown>, base: string, warn: Warn): Partial<FanConfig> {
  const out: Partial<FanConfig> = {};
  const take = <T>(key: keyof FanConfig, value: unknown, parsed: Parsed<T>, set: (v: T) => void) => {
    if (parsed.ok) set(parsed.value);
    else warn(key, value, parsed.reason);
  };
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined) continue;
    const s = String(value);
    switch (key) {
      case 'endpoint':
        take(key, value, parseUrl(s, base), (v) => (out.endpoint = v));
        break;
      case 'site':
        take(key, value, SITE.test(s) ? { ok: true, value: s } : { ok: false, reason: 'letters, digits, . _ - only' }, (v) => (out.site = v));
        break;
      case 'consent':
        take(key, value, parseEnum(s, CONSENT), (v) => (out.consent = v));
        break;
      case 'lang':
        take(key, value, /^[a-z]{2,3}(?:[-_][\w]{2,8})*$/i.test(s) ? { ok: true, value: s } : { ok: false, reason: 'not a language tag' }, (v) => (out.lang = v));
        break;
      case 'vitalsSample':
        take(key, value, parseNumberInRange(s, 0, 1), (v) => (out.vitalsSample = v));
        break;
      default:
        warn(key, value, 'unknown setting');
    }
  }
  return out;
}
