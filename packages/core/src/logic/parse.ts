// Pure parsers for attribute values. None of them throws: each returns either the
// parsed value or a reason a marketer can act on. The element glue in ../converters.ts
// turns a failure into one console warning and keeps the widget's default.

/**
 * A parse result. A value that is only partly good (a list with one unknown name, a
 * rewards list with one broken entry) is `ok` with what is kept, and `partial` says what
 * was left out, so the marketer is told without losing the good part.
 */
export type Parsed<T> = { ok: true; value: T; partial?: { skipped: string; keeping: string } } | { ok: false; reason: string };

export const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
export const fail = (reason: string): Parsed<never> => ({ ok: false, reason });

/** A space- or comma-separated list. With `allowed`, unknown items are reported. */
export function parseList(raw: string, allowed?: readonly string[]): Parsed<string[]> {
  const items = raw
    .split(/[\s,]+/)
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  const unique = [...new Set(items)];
  if (!allowed) return unique.length ? ok(unique) : fail('the list is empty');
  const known = unique.filter((s) => allowed.includes(s));
  const unknown = unique.filter((s) => !allowed.includes(s));
  if (!known.length) {
    return fail(unknown.length ? `unknown: ${unknown.join(', ')}` : 'the list is empty');
  }
  return unknown.length
    ? { ok: true, value: known, partial: { skipped: `unknown ${unknown.join(', ')}`, keeping: known.join(', ') } }
    : ok(known);
}

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
  return form.test(raw) && Number.isFinite(n) && n >= min && n <= max ? ok(n) : fail(`expected a ${kind} from ${min} to ${max}`);
}

/** JSON text; `check` may narrow the shape and report what is wrong with it. */
export function parseJson<T>(raw: string, check?: (v: unknown) => Parsed<T>): Parsed<T> {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return fail('not valid JSON');
  }
  return check ? check(value) : ok(value as T);
}

/**
 * A URL that may reach an href or src: http:, https: or relative to `base`.
 * Returns the absolute URL, so a relative value means the same thing everywhere
 * the widget uses it (share links leave the page, so they must be absolute).
 */
export function parseUrl(raw: string, base: string): Parsed<string> {
  const s = raw.trim();
  // Control characters and whitespace inside a URL are never intended and are a
  // classic way to smuggle `java\tscript:` past naive checks.
  if (!s || /[\u0000-\u001f\u007f\s]/.test(s)) return fail('not a valid URL');
  let url: URL;
  try {
    url = new URL(s, base);
  } catch {
    return fail('not a valid URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return fail('only http:, https: or relative URLs are allowed');
  }
  return ok(url.href);
}

const HEX = /^#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;
const FUNC = /^(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch)\(\s*[-+\d.%\s,/a-z]*\)$/i;
const NAMED = /^[a-z]{3,20}$/i;

/**
 * A CSS colour: hex, a colour function or a named colour. `supports`, when given
 * (CSS.supports in a browser), has the last word, so a typo such as `bleu` is caught.
 */
export function parseColor(raw: string, supports?: (v: string) => boolean): Parsed<string> {
  const s = raw.trim();
  const shaped = HEX.test(s) || FUNC.test(s) || NAMED.test(s);
  if (!shaped || (supports && !supports(s))) return fail('not a CSS colour');
  return ok(s);
}
