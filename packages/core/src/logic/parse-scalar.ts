// Pure parsers for attribute values and settings, the single-value ones: a file apart from
// ./parse.ts (which re-exports them) because config (./config.ts) checks the page's settings
// with these alone, and the build splits shared code by file: a page with only the beacon
// then loads these, not the list, JSON and colour parsers beside them.
// None of them throws: each returns either the parsed value or a reason a marketer can act
// on. The element glue in ../converters.ts turns a failure into one console warning and
// keeps the widget's default.

/**
 * A parse result. A value that is only partly good (a list with one unknown name, a
 * rewards list with one broken entry) is `ok` with what is kept, and `partial` says what
 * was left out, so the marketer is told without losing the good part.
 */
export type Parsed<T> = { ok: true; value: T; partial?: { skipped: string; keeping: string } } | { ok: false; reason: string };

export const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
export const fail = (reason: string): Parsed<never> => ({ ok: false, reason });

export function parseEnum<T extends string>(raw: string, options: readonly T[]): Parsed<T> {
  const v = raw.trim().toLowerCase() as T;
  return options.includes(v) ? ok(v) : fail(`expected one of ${options.join(', ')}`);
}

export function parseIntInRange(raw: string, min: number, max: number): Parsed<number> {
  return inRange(raw, min, max, /^\s*[-+]?\d+\s*$/, 'whole number');
}

export function parseNumberInRange(raw: string, min: number, max: number): Parsed<number> {
  return inRange(raw, min, max, /\S/, 'number');
}

/** `raw` as a finite number from `min` to `max`, written as `form` allows. */
function inRange(raw: string, min: number, max: number, form: RegExp, kind: string): Parsed<number> {
  const n = Number(raw);
  // n is a number, so the global isFinite is Number.isFinite (and a few bytes shorter).
  return form.test(raw) && isFinite(n) && n >= min && n <= max ? ok(n) : fail(`expected a ${kind} from ${min} to ${max}`);
}

/**
 * A URL that may reach an href or src: http:, https: or relative to `base`.
 * Returns the absolute URL, so a relative value means the same thing everywhere
 * the widget uses it (share links leave the page, so they must be absolute).
 */
export function parseUrl(raw: string, base: string): Parsed<string> {
  const s = raw.trim();
  let url: URL | undefined;
  // Control characters and whitespace inside a URL are never intended and are a
  // classic way to smuggle `java\tscript:` past naive checks.
  if (s && !/[\0-\x1f\x7f\s]/.test(s)) {
    try {
      url = new URL(s, base);
    } catch {
      // Not a URL: refused below.
    }
  }
  if (!url) return fail('not a valid URL');
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return fail('only http:, https: or relative URLs are allowed');
  }
  return ok(url.href);
}
