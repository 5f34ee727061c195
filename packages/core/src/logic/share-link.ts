// Share tokens in URLs (DESIGN.md, "Attribution"). A shared link carries `fanref=<token>`;
// the page it lands on takes the token out of its address. Pure: plain strings in and out.
// The query is edited as text, not through URLSearchParams, which would re-encode every
// other parameter (`a=b%20c` becomes `a=b+c`): the rest of the URL stays as it was.

export const REF_PARAM = 'fanref';

const REF = /^[\w-]{8,16}$/;

/** A share token: 8 to 16 of `A-Za-z0-9_-`. Anything else in `fanref` is ignored. */
export const isRef = (s: unknown): s is string => typeof s === 'string' && REF.test(s);

const PAIR = /^fanref(=|$)/;

/**
 * The landing side: `href` without any `fanref` parameter, and the token it carried if it
 * is a well-formed one (the first, if a link somehow has several). `url` is `href` itself
 * when there was nothing to take out.
 */
export function takeRef(href: string): { url: string; ref?: string } {
  const [, base, query, hash] = /^([^?#]*)(?:\?([^#]*))?(.*)$/s.exec(href)!;
  const pairs = query?.split('&') ?? [];
  const kept = pairs.filter((p) => !PAIR.test(p));
  return kept.length === pairs.length
    ? { url: href }
    : { url: base + (kept.length ? `?${kept.join('&')}` : '') + hash, ref: pairs.filter((p) => PAIR.test(p)).map((p) => p.slice(7)).find((r) => REF.test(r)) };
}

/** `href` with `fanref=<ref>` as its last parameter, replacing any it had; UTM and the rest kept, the hash last. */
export function withRef(href: string, ref: string): string {
  const [, rest, hash] = /^([^#]*)(.*)$/s.exec(takeRef(href).url)!;
  return `${rest}${rest!.includes('?') ? '&' : '?'}${REF_PARAM}=${ref}${hash}`;
}

/**
 * Add `utm_source=<network>&utm_medium=social&utm_campaign=<campaign>` to the shared
 * URL, replacing any UTM values it had; the fragment stays where it belongs, last.
 */
export function withUtm(url: string, network: string, campaign: string): string {
  if (!campaign) return url;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return url;
  }
  u.searchParams.set('utm_source', network);
  u.searchParams.set('utm_medium', 'social');
  u.searchParams.set('utm_campaign', campaign);
  return u.href;
}
