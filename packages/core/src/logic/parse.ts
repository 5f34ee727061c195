// Pure parsers for attribute values: lists, JSON and colours here, single values in
// ./parse-scalar.ts (re-exported, so `@fanfare/core/parse` has them all).
import { fail, ok, type Parsed } from './parse-scalar.js';

export * from './parse-scalar.js';

/** A space- or comma-separated list. With `allowed`, unknown items are reported. */
export function parseList(raw: string, allowed?: readonly string[]): Parsed<string[]> {
  // Split at every space and comma, so no item has any left to trim.
  const unique = [...new Set(raw.toLowerCase().split(/[\s,]+/).filter(Boolean))];
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
