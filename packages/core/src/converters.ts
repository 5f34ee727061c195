import type { ComplexAttributeConverter } from 'lit';
import { parseEnum, parseIntInRange, parseJson, parseList, type Parsed } from './logic/parse.js';
import { pageColor, pageUrl } from './page.js';
import { warnAttribute } from './warn.js';

// Lit calls a converter with the attribute's value only. FanElement records which
// element and attribute are being converted just before, so a warning can name them.
let current: { el: Element; attr: string } | undefined;

/** @internal Called by FanElement around Lit's attribute handling. */
export function withAttribute<T>(el: Element, attr: string, fn: () => T): T {
  const previous = current;
  current = { el, attr };
  try {
    return fn();
  } finally {
    current = previous;
  }
}

/** @internal True while FanElement applies an attribute of `el`: its property receives a converted value. */
export const converting = (el: Element): boolean => current?.el === el;

/** A Lit converter that also carries its parser, so tools can check a value without a warning (see check.ts). */
export type FanConverter<T> = ComplexAttributeConverter<T> & { parse: (raw: string) => Parsed<T> };

/**
 * A Lit converter from a pure parser. A missing attribute or a bad value gives
 * `fallback`; a bad value also logs one warning.
 */
export function converter<T>(parse: (raw: string) => Parsed<T>, fallback: T): FanConverter<T> {
  return {
    parse,
    fromAttribute(raw: string | null): T {
      if (raw === null) return fallback;
      const r = parse(raw);
      const attr = current?.attr ?? 'attribute';
      if (!r.ok) warnAttribute(current?.el, attr, raw, r.reason);
      // A partly good value keeps its good part, and says what was left out.
      else if (r.partial) warnAttribute(current?.el, attr, raw, `skipped ${r.partial.skipped}`, r.partial.keeping);
      return r.ok ? r.value : fallback;
    },
  };
}

export const listOf = (allowed: readonly string[], fallback: string[]) =>
  converter<string[]>((raw) => parseList(raw, allowed), fallback);

export const oneOf = <T extends string>(options: readonly T[], fallback: T) =>
  converter<T>((raw) => parseEnum(raw, options), fallback);

export const intIn = (min: number, max: number, fallback: number) =>
  converter<number>((raw) => parseIntInRange(raw, min, max), fallback);

export const json = <T>(fallback: T, check?: (v: unknown) => Parsed<T>) =>
  converter<T>((raw) => parseJson(raw, check), fallback);

/** http(s) or relative, resolved against the document's base URL. */
export const url = (fallback = '') => converter<string>(pageUrl, fallback);

export const color = (fallback = '') => converter<string>(pageColor, fallback);
