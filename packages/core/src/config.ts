import { DEFAULT_CONFIG, normalizeConfig, type FanConfig } from './logic/config.js';

export type { FanConfig, Consent } from './logic/config.js';
export { isSetting } from './logic/config.js';

type Listener = (config: Readonly<FanConfig>) => void;

/** What `window.fanfare` holds. Shared by every copy of the SDK on the page. */
export interface FanfareGlobal {
  readonly config: Readonly<FanConfig>;
  /** Change settings at run time, e.g. `configure({ consent: 'granted' })` after a consent banner. */
  configure(settings: Partial<Record<keyof FanConfig, unknown>>): void;
  /** Called after every configure(); returns a function that unsubscribes. */
  subscribe(listener: Listener): () => void;
  /**
   * A goal reached (`track('newsletter')`) or an order (`track('conversion', {order, value,
   * currency})`). The loader's stub has it from the start and queues calls in `t`; the
   * beacon sends them once it runs. Without the loader it exists once the beacon started.
   */
  track?(name: string, props?: Record<string, unknown>): void;
  /** track() calls waiting for the beacon. */
  t?: [string, Record<string, unknown>?][];
}

/**
 * What the loader puts on window.fanfare before any widget loads: settings are queued
 * and validated here, on first use, which keeps the loader small.
 */
export interface FanfareStub {
  q: Record<string, unknown>[];
  configure(settings: Record<string, unknown>): void;
  /** Called with the real object when it takes over, so the loader can follow later settings. */
  adopt?(real: FanfareGlobal): void;
  track?(name: string, props?: Record<string, unknown>): void;
  t?: [string, Record<string, unknown>?][];
}

declare global {
  interface Window {
    fanfare?: FanfareGlobal | FanfareStub;
  }
}

function create(): FanfareGlobal {
  let config: FanConfig = { ...DEFAULT_CONFIG };
  const listeners = new Set<Listener>();
  return {
    get config() {
      return config;
    },
    configure(settings) {
      // The kit's format for a warning about no element (warn(undefined, …) of ./warn.ts), written
      // out: importing warn.ts would make a page with only the beacon load the labels of
      // elements inside widgets too (the kit test holds the two to the same text).
      const valid = normalizeConfig(settings ?? {}, document.baseURI, (key, value, reason) =>
        console.warn(`Fanfare configure() ignored ${key}="${value}": ${reason}.`),
      );
      config = { ...config, ...valid };
      for (const l of listeners) {
        try {
          l(config);
        } catch (e) {
          console.error(e);
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Page-wide settings from a bundled app, as `window.fanfare.configure()` does on a page with the script tag. */
export const configure = (settings: Partial<Record<keyof FanConfig, unknown>>): void => fanfare().configure(settings);

/** The page's one config object, made on first use, taking over what the loader queued. */
export function fanfare(): FanfareGlobal {
  const existing = window.fanfare as Partial<FanfareGlobal & FanfareStub> | undefined;
  if (existing?.subscribe) return existing as FanfareGlobal;
  const real = create();
  window.fanfare = real;
  for (const settings of existing?.q ?? []) real.configure(settings);
  existing?.adopt?.(real);
  return real;
}
