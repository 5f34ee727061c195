// Pure parsers for attribute values: lists, JSON and colours here, single values in
// ./parse-scalar.ts (re-exported, so `@fanfare/core/parse` has them all).
import { fail, ok, type Parsed } from './parse-scalar.js';

export * from './parse-scalar.js';

/** A space- or comma-separated list. With `allowed`, unknown items are reported. */
export function parseList(raw: string, allowed?: readonly string[]): Parsed<string[]> {
  // Every run of characters between spaces and commas, so no item has any left to trim.
  const unique = [...new Set(raw.toLowerCase().match(/[^\s,]+/g))];
  // Without `allowed` every item is known, so the failure is an empty list.
  const known = allowed ? unique.filter((s) => allowed.includes(s)) : unique;
  const unknown = unique.filter((s) => !known.includes(s)).join(', ');
  if (!known.length) return fail(unknown ? `unknown: ${unknown}` : 'the list is empty');
  return unknown ? { ok: true, value: known, partial: { skipped: `unknown ${unknown}`, keeping: known.join(', ') } } : ok(known);
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

// Hex (3, 4, 6 or 8 digits), a colour function or a named colour, in one expression.
const SHAPE = /^(?:#(?:[\da-f]{3,4}|(?:[\da-f]{2}){3,4})|(?:rgba?|hsla?|hwb|(?:ok)?l(?:ab|ch))\(\s*[-+\d.%\s,/a-z]*\)|[a-z]{3,20})$/i;

/**
 * A CSS colour: hex, a colour function or a named colour. `supports`, when given
 * (CSS.supports in a browser), has the last word, so a typo such as `bleu` is caught.
 */
export function parseColor(raw: string, supports?: (v: string) => boolean): Parsed<string> {
  const s = raw.trim();
  if (!SHAPE.test(s) || (supports && !supports(s))) return fail('not a CSS colour');
  return ok(s);
}
