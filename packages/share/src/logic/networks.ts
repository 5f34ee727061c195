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

/** `key=value` pairs, skipping empty values; every value percent-encoded as UTF-8. */
const query = (pairs: Record<string, string>): string =>
  Object.entries(pairs)
    .filter(([, v]) => v)
    .map(([k, v]) => `${k}=${enc(v)}`)
    .join('&');

const joined = (...parts: string[]) => parts.filter(Boolean).join(' ');

/**
 * The web share URL for a link network, or undefined for networks that act in the page
 * (native, copy, wechat, mastodon).
 */
export function shareUrl(network: Network, d: ShareData): string | undefined {
  const message = d.text || d.title;
  switch (network) {
    case 'x':
      return `https://x.com/intent/post?${query({ text: message, url: d.url })}`;
    case 'facebook':
      return `https://www.facebook.com/sharer/sharer.php?${query({ u: d.url })}`;
    case 'linkedin':
      return `https://www.linkedin.com/sharing/share-offsite/?${query({ url: d.url })}`;
    case 'whatsapp':
      return `https://wa.me/?${query({ text: joined(message, d.url) })}`;
    case 'telegram':
      return `https://t.me/share/url?${query({ url: d.url, text: message })}`;
    case 'reddit':
      return `https://www.reddit.com/submit?${query({ url: d.url, title: d.title || d.text })}`;
    case 'pinterest':
      return `https://www.pinterest.com/pin/create/button/?${query({ url: d.url, media: d.image, description: message })}`;
    case 'line':
      return `https://social-plugins.line.me/lineit/share?${query({ url: d.url, text: message })}`;
    case 'bluesky':
      return `https://bsky.app/intent/compose?${query({ text: joined(message, d.url) })}`;
    case 'threads':
      return `https://www.threads.net/intent/post?${query({ text: message, url: d.url })}`;
    case 'vk':
      return `https://vk.com/share.php?${query({ url: d.url, title: d.title || d.text, image: d.image })}`;
    case 'weibo':
      return `https://service.weibo.com/share/share.php?${query({ url: d.url, title: message, pic: d.image })}`;
    case 'qq':
      return `https://connect.qq.com/widget/shareqq/index.html?${query({ url: d.url, title: d.title || d.text, desc: d.text, pics: d.image })}`;
    case 'qzone':
      return `https://sns.qzone.qq.com/cgi-bin/qzshare/cgi_qzshare_onekey?${query({ url: d.url, title: d.title || d.text, desc: d.text, pics: d.image })}`;
    case 'douban':
      return `https://www.douban.com/share/service?${query({ href: d.url, name: d.title || d.text, text: d.text, image: d.image })}`;
    case 'email':
      // mailto wants %20 for spaces (a `+` stays a plus sign), which enc() gives.
      return `mailto:?${query({ subject: d.title || d.text, body: [d.text, d.url].filter(Boolean).join('\n\n') })}`;
    default:
      return undefined;
  }
}

const HOST = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

/** Mastodon has no central site: the fan names their server, which has a /share page. */
export function mastodonUrl(server: string, d: ShareData): string | undefined {
  const host = server.trim().replace(/^https?:\/\//i, '').replace(/^@?[^@]*@/, '').replace(/\/.*$/, '');
  if (!HOST.test(host)) return undefined;
  return `https://${host.toLowerCase()}/share?${query({ text: joined(d.text || d.title, d.url) })}`;
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
