import { DEFAULT_CONFIG, normalizeConfig, type FanConfig } from './logic/config.js';

export type { FanConfig, Consent } from './logic/config.js';

type Listener = (config: Readonly<FanConfig>) => void;

/** What `window.fanfare` holds. Shared by every copy of the SDK on the page. */
export interface FanfareGlobal {
  readonly config: Readonly<FanConfig>;
  /** Change settings at run time, e.g. `configure({ consent: 'granted' })` after a consent banner. */
  configure(settings: Partial<Record<keyof FanConfig, unknown>>): void;
  /** Called after every configure(); returns a function that unsubscribes. */
  subscribe(listener: Listener): () => void;
}

declare global {
  interface Window {
    fanfare?: FanfareGlobal;
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
      const valid = normalizeConfig(settings ?? {}, document.baseURI, (key, value, reason) =>
        console.warn(`Fanfare: configure() ignored ${key}=${JSON.stringify(value)}: ${reason}.`),
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

/** The page's one config object, made on first use (by the loader, or by a bundled widget). */
export function fanfare(): FanfareGlobal {
  return (window.fanfare ??= create());
}

/** Read the loader's `data-*` attributes (`data-vitals-sample` → `vitalsSample`). */
export function configureFromScript(script: HTMLScriptElement | null | undefined): void {
  if (!script) return;
  const { endpoint, site, consent, lang, vitalsSample } = script.dataset;
  const settings = Object.fromEntries(
    Object.entries({ endpoint, site, consent, lang, vitalsSample }).filter(([, v]) => v !== undefined),
  );
  if (Object.keys(settings).length) fanfare().configure(settings);
}
