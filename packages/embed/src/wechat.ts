// The share card inside WeChat (DESIGN.md, "WeChat share cards"). The loader imports this
// chunk only inside WeChat's browser and only with `data-wechat` on its script tag; it loads
// WeChat's JS-SDK, has the page's URL signed by the fanfare-server, and sets what a share
// from WeChat's ··· menu shows: the title, text and image of the page's <fan-share> (or its
// Open Graph tags) and a link with its own share token, reported as a `fan-share` event so
// that visits from that link are credited like any other share.
import { shareLink } from '@fanfare/core/share-link';
import { cardOf, httpUrl, isIOS, JS_API_LIST, onOrigin, signatureRequest, urlToSign, WECHAT_SDK } from './logic/wechat.js';

/** The parts of WeChat's `wx` object this file calls. */
interface Wx {
  config(c: object): void;
  ready(fn: () => void): void;
  error(fn: (res: { errMsg?: string }) => void): void;
  updateAppMessageShareData(d: object): void;
  updateTimelineShareData(d: object): void;
  onMenuShareAppMessage(d: object): void;
  onMenuShareTimeline(d: object): void;
}
type TrustedTypes = { createPolicy(name: string, p: { createScriptURL(u: string): string }): { createScriptURL(u: string): string } };
const global = globalThis as { wx?: Wx; trustedTypes?: TrustedTypes; [STARTED]?: true };

/** Symbol.for: a second copy of the loader must not sign and set the card twice. */
const STARTED = Symbol.for('fanfare.wechat');

const warn = (text: string) => console.warn(`Fanfare (WeChat share card): ${text}`);

/** The page's address without its hash: a change of hash is not a new page. */
const here = () => location.href.split('#', 1)[0]!;

/**
 * Under `require-trusted-types-for 'script'` a script's src must come from a policy; this one
 * passes only the SDK's URL. A page with a `trusted-types` allow-list names `fanfare-wechat`.
 */
function trusted(url: string): string {
  try {
    return global.trustedTypes?.createPolicy('fanfare-wechat', { createScriptURL: (u) => (u === url ? u : '') }).createScriptURL(url) ?? url;
  } catch {
    // Not on the page's allow-list: the browser refuses the script below and reports why.
    return url;
  }
}

/** `<fan-share>`'s value of `name`: the property an app set, else the attribute. */
function read(el: Element | null, name: string): string | null {
  const v = (el as unknown as Record<string, unknown> | null)?.[name];
  return typeof v === 'string' && v ? v : (el?.getAttribute(name) ?? null);
}

const meta = (selector: string, attr = 'content') => document.querySelector(selector)?.getAttribute(attr);

/** Starts once per page: `data` is the loader's script tag's dataset. */
function start(data: DOMStringMap): void {
  if (global[STARTED]) return;
  global[STARTED] = true;
  const ios = isIOS(navigator.userAgent);
  // What WeChat for iOS signs: the address the page was entered with, before the loader took
  // `fanref` out of it (the navigation entry keeps it; location no longer does).
  const landing = (performance.getEntriesByType?.('navigation')[0] as PerformanceEntry | undefined)?.name || location.href;
  const sdkUrl = httpUrl(data.wechatSdk, document.baseURI)?.href ?? WECHAT_SDK;
  if (data.wechatSdk && sdkUrl === WECHAT_SDK) warn(`ignored data-wechat-sdk="${data.wechatSdk}": not an http(s) URL. Keeping ${WECHAT_SDK}.`);

  let sdk: Promise<Wx> | undefined;
  const loadSdk = () =>
    (sdk ??= new Promise<Wx>((resolve, reject) => {
      if (global.wx?.config) return resolve(global.wx);
      const script = document.createElement('script');
      script.src = trusted(sdkUrl);
      script.onload = () => (global.wx ? resolve(global.wx) : reject(new Error(`${sdkUrl} defined no wx`)));
      script.onerror = () => reject(new Error(`could not load ${sdkUrl}`));
      document.head.append(script);
    }));

  /** Which URL the last wx.config was for; which call is the latest (an older answer is dropped). */
  let signedFor: string | undefined;
  let generation = 0;
  let ready = false;
  /** The card set for this page: its link carries the token already reported for it. */
  let armed: { page: string; link: string } | undefined;
  /** The <fan-share> whose WeChat button was tapped on this page, and the link with its token. */
  let tapped: { el: Element | null; link: string } | undefined;

  const setCard = () => {
    const wx = global.wx;
    if (!wx) return;
    const page = here();
    const el = tapped?.el ?? document.querySelector('fan-share');
    const card = cardOf({
      base: document.baseURI,
      location: location.href,
      share: { url: read(el, 'url'), title: read(el, 'title'), text: read(el, 'text'), image: read(el, 'image'), utm: read(el, 'utm') },
      og: { url: meta('meta[property="og:url"]'), title: meta('meta[property="og:title"]'), description: meta('meta[property="og:description"]'), image: meta('meta[property="og:image"]') },
      canonical: meta('link[rel="canonical"]', 'href'),
      description: meta('meta[name="description"]'),
      title: document.title,
      icon: meta('link[rel="apple-touch-icon"]', 'href'),
    });
    let link = tapped?.link ?? (armed?.page === page ? armed.link : undefined);
    let fresh;
    if (!link) {
      // WeChat never tells a page that the fan shared from its menu (its callbacks only say the
      // card was set), so the card's token is reported now, once per page and route.
      fresh = shareLink(card.link, 'wechat', card.utm);
      link = fresh.url;
    }
    armed = { page, link };
    const { title, desc, imgUrl } = card;
    wx.updateAppMessageShareData({ title, desc, link, imgUrl });
    wx.updateTimelineShareData({ title, link, imgUrl });
    wx.onMenuShareAppMessage({ title, desc, link, imgUrl });
    wx.onMenuShareTimeline({ title, link, imgUrl });
    if (fresh) {
      const detail = { network: 'wechat', url: fresh.url, ref: fresh.ref, ...(fresh.parent && { parent: fresh.parent }) };
      document.dispatchEvent(new CustomEvent('fan-share', { detail, bubbles: true, composed: true }));
    }
  };

  const sign = async () => {
    const url = urlToSign(ios, landing, location.href);
    // iOS: one signature for the page's whole life; a route change only changes the card.
    if (url === signedFor) return ready && setCard();
    const gen = ++generation;
    ready = false;
    const request = signatureRequest({ wechat: data.wechat, endpoint: data.endpoint, site: data.site, base: document.baseURI, url });
    if (!request) return warn('data-wechat needs the URL of /wechat/signature (or a data-endpoint beside it) and data-site.');
    try {
      const [wx, res] = await Promise.all([loadSdk(), fetch(request, { credentials: 'omit' })]);
      const body = (await res.json()) as { appId: string; timestamp: number; nonceStr: string; signature: string; message?: string };
      if (gen !== generation) return;
      if (!res.ok) return warn(`no signature for ${url}: ${res.status} ${body.message ?? ''}`);
      signedFor = url;
      const { appId, timestamp, nonceStr, signature } = body;
      wx.config({ debug: false, appId, timestamp, nonceStr, signature, jsApiList: JS_API_LIST });
      wx.ready(() => {
        if (gen !== generation) return;
        ready = true;
        setCard();
      });
      wx.error((e) => gen === generation && warn(`WeChat refused wx.config for ${url}: ${e?.errMsg ?? ''}`));
    } catch (err) {
      if (gen === generation) warn((err as Error).message);
    }
  };

  // A single-page app's route change is a new page: signed again (but on iOS), with a card and token of its own.
  let page = here();
  const route = () => {
    if (here() === page) return;
    page = here();
    tapped = undefined;
    void sign();
  };
  for (const k of ['pushState', 'replaceState'] as const) {
    const original = history[k];
    history[k] = function (this: History, ...args: Parameters<History['pushState']>) {
      original.apply(this, args);
      route();
    };
  }
  addEventListener('popstate', route);

  // A <fan-share> WeChat button tapped inside WeChat announced a share of its own and shows
  // "tap ···": the card then carries that share's link and token, and that widget's words.
  // Heard as it bubbles, so that a page which cancelled the share is respected.
  document.addEventListener(
    'fan-share',
    (e) => {
      const d = (e as CustomEvent<{ network?: string; url?: string }>).detail;
      if (e.target === document || e.defaultPrevented || d?.network !== 'wechat' || !d.url || !onOrigin(d.url, location.href)) return;
      const el = e.composedPath().find((n): n is Element => (n as Element).localName === 'fan-share') ?? null;
      tapped = { el, link: d.url };
      if (ready) setCard();
    },
  );

  void sign();
}

// The loader imports this chunk for its effect; the settings are on the tag that asked for it.
const tag = document.querySelector<HTMLScriptElement>('script[data-wechat]');
if (tag) start(tag.dataset);
