// Share targets and their URL formats. Pure: the element passes the page's data in.

export const NETWORKS = [
  'native', 'copy', 'email', 'wechat', 'weibo', 'qq', 'qzone', 'douban', 'x', 'facebook',
  'linkedin', 'whatsapp', 'telegram', 'reddit', 'pinterest', 'line', 'bluesky', 'threads',
  'mastodon', 'vk',
] as const;
export type Network = (typeof NETWORKS)[number];

/** What a button does: open a link, or run an action in the page. */
export const ACTIONS: readonly Network[] = ['native', 'copy', 'wechat', 'mastodon'];

export const DEFAULT_NETWORKS: Record<'zh' | 'other', Network[]> = {
  zh: ['wechat', 'weibo', 'qq', 'qzone', 'douban', 'copy'],
  other: ['native', 'x', 'facebook', 'linkedin', 'whatsapp', 'telegram', 'email', 'copy'],
};

export const defaultNetworks = (locale: string): Network[] =>
  DEFAULT_NETWORKS[locale.startsWith('zh') ? 'zh' : 'other'];

export interface ShareData {
  /** Absolute http(s) URL of the page being shared. */
  url: string;
  /** Short title, e.g. the page title. */
  title: string;
  /** Longer text; networks with a single text field get `text`, else `title`. */
  text: string;
  /** Absolute URL of an image, for networks that take one. */
  image: string;
}

/** Lone surrogates make encodeURIComponent throw; a title cut mid-emoji must not break sharing. */
const enc = (s: string): string =>
  encodeURIComponent(s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd'));

/**
 * Each link network's documented share endpoint and its query, as `param=field` pairs:
 * u the URL, t the title (else the text), m the message (the text, else the title),
 * x the text, i the image, s the message and the URL in one field (for networks with a
 * single text box), b an email body (the text, a blank line, the URL).
 */
const FORMATS: Partial<Record<Network, string>> = {
  x: 'https://x.com/intent/post?text=m&url=u',
  facebook: 'https://www.facebook.com/sharer/sharer.php?u=u',
  linkedin: 'https://www.linkedin.com/sharing/share-offsite/?url=u',
  whatsapp: 'https://wa.me/?text=s',
  telegram: 'https://t.me/share/url?url=u&text=m',
  reddit: 'https://www.reddit.com/submit?url=u&title=t',
  pinterest: 'https://www.pinterest.com/pin/create/button/?url=u&media=i&description=m',
  line: 'https://social-plugins.line.me/lineit/share?url=u&text=m',
  bluesky: 'https://bsky.app/intent/compose?text=s',
  threads: 'https://www.threads.net/intent/post?text=m&url=u',
  vk: 'https://vk.com/share.php?url=u&title=t&image=i',
  weibo: 'https://service.weibo.com/share/share.php?url=u&title=m&pic=i',
  qq: 'https://connect.qq.com/widget/shareqq/index.html?url=u&title=t&desc=x&pics=i',
  qzone: 'https://sns.qzone.qq.com/cgi-bin/qzshare/cgi_qzshare_onekey?url=u&title=t&desc=x&pics=i',
  douban: 'https://www.douban.com/share/service?href=u&name=t&text=x&image=i',
  // mailto wants %20 for spaces (a `+` would stay a plus sign), which enc() gives.
  email: 'mailto:?subject=t&body=b',
};

function field(code: string, d: ShareData): string {
  const message = d.text || d.title;
  const values: Record<string, string> = {
    u: d.url,
    t: d.title || d.text,
    m: message,
    x: d.text,
    i: d.image,
    s: [message, d.url].filter(Boolean).join(' '),
    b: [d.text, d.url].filter(Boolean).join('\n\n'),
  };
  return values[code] ?? '';
}

/** `param=value` pairs from a format, skipping empty values; every value percent-encoded as UTF-8. */
export const fill = (query: string, d: ShareData): string =>
  query
    .split('&')
    .map((pair) => pair.split('='))
    .map(([key, code]) => [key, field(code, d)])
    .filter(([, value]) => value)
    .map(([key, value]) => `${key}=${enc(value)}`)
    .join('&');

/**
 * The web share URL for a link network, or undefined for networks that act in the page
 * (native, copy, wechat, mastodon).
 */
export function shareUrl(network: Network, d: ShareData): string | undefined {
  const format = FORMATS[network];
  if (!format) return undefined;
  const [endpoint, query] = format.split('?');
  return `${endpoint}?${fill(query, d)}`;
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

/** WeChat's in-app browser, which blocks web share links and shows its own ⋯ menu. */
export const isWeChat = (userAgent: string): boolean => /MicroMessenger/i.test(userAgent);
