// The share card inside WeChat (DESIGN.md, "WeChat share cards"): which URL is signed, where
// the signature comes from, and what the card says. Pure: the chunk (../wechat.ts) reads the
// page and passes plain values in.

/** WeChat's JS-SDK, from WeChat's own host; `data-wechat-sdk` names a self-hosted copy instead. */
export const WECHAT_SDK = 'https://res.wx.qq.com/open/js/jweixin-1.6.0.js';

/**
 * The APIs `wx.config` asks for: the 1.4.0+ card setters, and the older `onMenuShare*`
 * that WeChat for PC and older phones still read.
 */
export const JS_API_LIST = ['updateAppMessageShareData', 'updateTimelineShareData', 'onMenuShareAppMessage', 'onMenuShareTimeline'];

/** WeChat on an iPhone or iPad, where a page keeps the signature of the URL it was first loaded with. */
export const isIOS = (userAgent: string): boolean => /\b(iPhone|iPad|iPod)\b/.test(userAgent);

const withoutHash = (url: string): string => url.split('#', 1)[0]!;

/**
 * The URL WeChat checks the signature against. On iOS it is the URL the page was entered
 * with, whatever pushState or replaceState did since (the landing's `fanref` included: the
 * loader removed it from the address, WeChat still has it); elsewhere it is the address now.
 */
export const urlToSign = (ios: boolean, landing: string, current: string): string => withoutHash(ios ? landing : current);

/** An absolute http(s) URL, resolved against `base`, or undefined. */
export function httpUrl(raw: string | null | undefined, base: string): URL | undefined {
  if (!raw?.trim()) return undefined;
  try {
    const u = new URL(raw.trim(), base);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The signature endpoint with its query: `data-wechat` when it names a URL, else
 * `wechat/signature` beside the beacon's `data-endpoint` (the same fanfare-server); undefined
 * when there is neither, or no site key to ask for.
 */
export function signatureRequest(o: { wechat?: string; endpoint?: string; site?: string; base: string; url: string }): string | undefined {
  const beside = httpUrl(o.endpoint, o.base);
  const endpoint = httpUrl(o.wechat, o.base) ?? (beside && new URL('wechat/signature', beside));
  if (!endpoint || !o.site) return undefined;
  endpoint.search = new URLSearchParams({ site: o.site, url: o.url }).toString();
  return endpoint.href;
}

/** What the page says about itself, read by the chunk: `<fan-share>`'s attributes first, then Open Graph, then the document. */
export interface PageFacts {
  base: string;
  /** The page's address now. */
  location: string;
  share: { url?: string | null; title?: string | null; text?: string | null; image?: string | null; utm?: string | null };
  og: { url?: string | null; title?: string | null; description?: string | null; image?: string | null };
  canonical?: string | null;
  description?: string | null;
  title: string;
  icon?: string | null;
}

/** The card before its token: `link` is where it leads, `utm` the campaign of its UTM parameters. */
export interface Card {
  title: string;
  desc: string;
  link: string;
  imgUrl: string;
  utm: string;
}

const text = (...values: (string | null | undefined)[]): string => values.map((v) => v?.trim()).find(Boolean)?.slice(0, 200) ?? '';

/**
 * The card for a page. Its link must be on the page's own origin (WeChat shares only links
 * on the Official Account's JS safe domain, which the page's origin is): a `<fan-share url>`
 * canonical link or og:url elsewhere is passed over for the page's own address, without its hash.
 * The image must be absolute, which WeChat requires.
 */
export function cardOf(p: PageFacts): Card {
  const origin = new URL(p.location).origin;
  const sameOrigin = (raw?: string | null) => {
    const u = httpUrl(raw, p.base);
    return u && u.origin === origin ? withoutHash(u.href) : undefined;
  };
  const image = [p.share.image, p.og.image, p.icon].map((raw) => httpUrl(raw, p.base)).find(Boolean);
  return {
    title: text(p.share.title, p.og.title, p.title),
    desc: text(p.share.text, p.og.description, p.description),
    link: sameOrigin(p.share.url) ?? sameOrigin(p.canonical) ?? sameOrigin(p.og.url) ?? withoutHash(p.location),
    imgUrl: image?.href ?? '',
    utm: p.share.utm?.trim() ?? '',
  };
}

/** Is `url` on the page's origin (a link the card may carry)? */
export function onOrigin(url: string, location: string): boolean {
  const u = httpUrl(url, location);
  return u !== undefined && u.origin === new URL(location).origin;
}
