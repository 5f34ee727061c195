// Share targets and their URL formats. Pure: the element passes the page's data in.

export const NETWORKS = [
  'native', 'copy', 'email', 'wechat', 'weibo', 'qq', 'qzone', 'douban', 'x', 'facebook',
  'linkedin', 'whatsapp', 'telegram', 'reddit', 'pinterest', 'line', 'bluesky', 'threads',
  'mastodon', 'vk',
] as const;
export type Network = (typeof NETWORKS)[number];

export const DEFAULT_NETWORKS: Record<'zh' | 'other', Network[]> = {
  zh: ['wechat', 'weibo', 'qq', 'qzone', 'douban', 'copy'],
  other: ['native', 'x', 'facebook', 'linkedin', 'whatsapp', 'telegram', 'email', 'copy'],
};

export const defaultNetworks = (locale: string): Network[] =>
  DEFAULT_NETWORKS[locale.startsWith('zh') ? 'zh' : 'other'];

/** What a network's own chunk holds (src/networks/): loaded only for the networks a page names. */
export interface Pack {
  /** Share URL format (see shareUrl), for networks that share by link. */
  url?: string;
  /** Glyph path in a 24-unit box. */
  d: string;
  /** Button and glyph colours; the neutral ones where absent. */
  bg?: string;
  fg?: string;
  /** The glyph is drawn with a stroke. */
  line?: boolean;
}

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
 * A share URL from a network's format (its documented endpoint and its query, as
 * `param=field` pairs): u the URL, t the title (else the text), m the message (the
 * text, else the title), x the text, i the image, s the message and the URL in one
 * field (for networks with a single text box), b an email body (the text, a blank
 * line, the URL).
 */
export function shareUrl(format: string, d: ShareData): string {
  const [endpoint, query] = format.split('?');
  return `${endpoint}?${fill(query, d)}`;
}
