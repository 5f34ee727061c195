import type { ComplexAttributeConverter } from 'lit';
import {
  parseColor,
  parseEnum,
  parseIntInRange,
  parseJson,
  parseList,
  parseUrl,
  type Parsed,
} from './logic/parse.js';

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

/**
 * Log one warning that names the element, the attribute and the value, and what the
 * widget keeps instead (its default, unless part of the value was good).
 */
export function warnAttribute(el: Element | undefined, attr: string, value: string, reason: string, keeping = 'the default'): void {
  const tag = el ? `<${el.localName}${el.id ? `#${el.id}` : ''}>` : 'Fanfare';
  console.warn(`${tag} ignored ${attr}="${value}": ${reason}. Keeping ${keeping}.`);
}

/**
 * A Lit converter from a pure parser. A missing attribute or a bad value gives
 * `fallback`; a bad value also logs one warning.
 */
export function converter<T>(parse: (raw: string) => Parsed<T>, fallback: T): ComplexAttributeConverter<T> {
  return {
    fromAttribute(raw: string | null): T {
      if (raw === null) return fallback;
      const r = parse(raw);
      if (r.ok) return r.value;
      warnAttribute(current?.el, current?.attr ?? 'attribute', raw, r.reason);
      return fallback;
    },
  };
}

export const listOf = (allowed: readonly string[], fallback: string[]) =>
  converter<string[]>((raw) => {
    const r = parseList(raw, allowed);
    if (r.ok && r.unknown) {
      warnAttribute(current?.el, current?.attr ?? 'attribute', raw, `skipped unknown ${r.unknown.join(', ')}`, r.value.join(', '));
    }
    return r;
  }, fallback);

export const oneOf = <T extends string>(options: readonly T[], fallback: T) =>
  converter<T>((raw) => parseEnum(raw, options), fallback);

export const intIn = (min: number, max: number, fallback: number) =>
  converter<number>((raw) => parseIntInRange(raw, min, max), fallback);

export const json = <T>(fallback: T, check?: (v: unknown) => Parsed<T>) =>
  converter<T>((raw) => parseJson(raw, check), fallback);

/** http(s) or relative, resolved against the document's base URL. */
export const url = (fallback = '') => converter<string>((raw) => parseUrl(raw, document.baseURI), fallback);

export const color = (fallback = '') =>
  converter<string>((raw) => parseColor(raw, (v) => CSS.supports('color', v)), fallback);
