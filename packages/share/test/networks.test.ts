import { describe, expect, it } from 'vitest';
import { NETWORKS, defaultNetworks, isWeChat, mastodonUrl, packs, shareUrl, withUtm, type ShareData } from '../src/urls.js';
import { matrixToPath } from '../src/logic/qr-path.js';

// A title and URL with everything that breaks naive string building: Chinese, an emoji
// (a surrogate pair), a ZWJ sequence, &, #, +, %, = and a fragment.
const data: ShareData = {
  url: 'https://shop.example/花/p?id=42&ref=a#top',
  title: '春日花束 🌸 Tom & Jerry #1 + 50% = 👨‍👩‍👧',
  text: '送给妈妈的花 💐 & more',
  image: 'https://shop.example/img/bouquet.jpg?w=1200&h=630',
};

/** [network, origin + path, expected query params after decoding] */
const cases: [string, string, Record<string, string>][] = [
  ['x', 'https://x.com/intent/post', { text: data.text, url: data.url }],
  ['facebook', 'https://www.facebook.com/sharer/sharer.php', { u: data.url }],
  ['linkedin', 'https://www.linkedin.com/sharing/share-offsite/', { url: data.url }],
  ['whatsapp', 'https://wa.me/', { text: `${data.text} ${data.url}` }],
  ['telegram', 'https://t.me/share/url', { url: data.url, text: data.text }],
  ['reddit', 'https://www.reddit.com/submit', { url: data.url, title: data.title }],
  ['pinterest', 'https://www.pinterest.com/pin/create/button/', { url: data.url, media: data.image, description: data.text }],
  ['line', 'https://social-plugins.line.me/lineit/share', { url: data.url, text: data.text }],
  ['bluesky', 'https://bsky.app/intent/compose', { text: `${data.text} ${data.url}` }],
  ['threads', 'https://www.threads.net/intent/post', { text: data.text, url: data.url }],
  ['vk', 'https://vk.com/share.php', { url: data.url, title: data.title, image: data.image }],
  ['weibo', 'https://service.weibo.com/share/share.php', { url: data.url, title: data.text, pic: data.image }],
  ['qq', 'https://connect.qq.com/widget/shareqq/index.html', { url: data.url, title: data.title, desc: data.text, pics: data.image }],
  ['qzone', 'https://sns.qzone.qq.com/cgi-bin/qzshare/cgi_qzshare_onekey', { url: data.url, title: data.title, desc: data.text, pics: data.image }],
  ['douban', 'https://www.douban.com/share/service', { href: data.url, name: data.title, text: data.text, image: data.image }],
];

// Each network's URL format comes from its own chunk, as the element loads it.
const formats: Record<string, string | undefined> = Object.fromEntries(
  await Promise.all(Object.entries(packs).map(async ([n, load]) => [n, (await load!()).url])),
);
/** The share URL of `network`, or undefined where it has no link. */
const link = (network: string, d: ShareData) => (formats[network] ? shareUrl(formats[network], d) : undefined);

/** Decode a query exactly as the network's server does: %XX as UTF-8, `+` left as a plus. */
function params(href: string): Record<string, string> {
  const q = href.slice(href.indexOf('?') + 1);
  return Object.fromEntries(
    q.split('&').map((pair) => {
      const i = pair.indexOf('=');
      return [pair.slice(0, i), decodeURIComponent(pair.slice(i + 1))];
    }),
  );
}

describe('shareUrl', () => {
  it.each(cases)('%s builds its documented share URL', (network, endpoint, expected) => {
    const href = link(network, data)!;
    expect(href.split('?')[0]).toBe(endpoint);
    expect(params(href)).toEqual(expected);
    // Nothing raw that would end the query early or change its meaning.
    const query = href.slice(href.indexOf('?') + 1);
    expect(query).not.toMatch(/[#\s+]|[^\x21-\x7e]/);
    expect(query.split('&')).toHaveLength(Object.keys(expected).length);
  });

  it('falls back to the title where there is no text, and leaves empty fields out', () => {
    const href = link('x', { ...data, text: '', image: '' })!;
    expect(params(href)).toEqual({ text: data.title, url: data.url });
    expect(link('pinterest', { ...data, image: '' })).not.toContain('media=');
  });

  it('writes mailto with %20 spaces (a + would stay a plus) and a blank line before the link', () => {
    const href = link('email', data)!;
    expect(href.startsWith('mailto:?subject=')).toBe(true);
    expect(href).toContain('%20');
    expect(params(href)).toEqual({ subject: data.title, body: `${data.text}\n\n${data.url}` });
  });

  it('gives no URL for networks that act in the page', () => {
    for (const n of ['native', 'copy', 'wechat', 'mastodon'] as const) expect(link(n, data)).toBeUndefined();
  });

  it('survives a title cut in the middle of an emoji', () => {
    const broken = { ...data, title: 'flowers \ud83c', text: '' };
    expect(() => link('x', broken)).not.toThrow();
    expect(params(link('x', broken)!).text).toBe('flowers \ufffd');
  });

  it('covers every network of the contract, each with a chunk but copy and native', () => {
    expect(NETWORKS).toHaveLength(20);
    expect([...Object.keys(packs), 'copy', 'native'].sort()).toEqual([...NETWORKS].sort());
    for (const n of NETWORKS) {
      if (!['native', 'copy', 'wechat', 'mastodon'].includes(n)) expect(link(n, data)).toMatch(/^(https:|mailto:)/);
    }
  });
});

describe('withUtm', () => {
  it.each([
    ['https://a.example/p', 'weibo', 'spring', 'https://a.example/p?utm_source=weibo&utm_medium=social&utm_campaign=spring'],
    ['https://a.example/p?id=1#top', 'x', 'spring', 'https://a.example/p?id=1&utm_source=x&utm_medium=social&utm_campaign=spring#top'],
    ['https://a.example/p?utm_source=old&utm_campaign=old', 'copy', '春季 sale', 'https://a.example/p?utm_source=copy&utm_campaign=%E6%98%A5%E5%AD%A3+sale&utm_medium=social'],
    ['https://a.example/p', 'x', '', 'https://a.example/p'],
  ])('%s via %s (%s)', (url, network, campaign, expected) => {
    expect(withUtm(url, network, campaign)).toBe(expected);
  });
});

describe('mastodonUrl', () => {
  it.each([
    ['mastodon.social', 'https://mastodon.social/share?'],
    ['https://Fosstodon.org/', 'https://fosstodon.org/share?'],
    ['@me@hachyderm.io', 'https://hachyderm.io/share?'],
  ])('%s', (server, prefix) => {
    const href = mastodonUrl(server, data)!;
    expect(href.startsWith(prefix)).toBe(true);
    expect(params(href)).toEqual({ text: `${data.text} ${data.url}` });
  });
  it.each(['', 'not a host', 'javascript:alert(1)', 'localhost', 'evil.example/../x?'])('refuses %j', (server) => {
    if (server === 'evil.example/../x?') {
      expect(mastodonUrl(server, data)!.startsWith('https://evil.example/share?')).toBe(true);
    } else {
      expect(mastodonUrl(server, data)).toBeUndefined();
    }
  });
});

describe('defaults and detection', () => {
  it('picks Chinese networks for zh locales', () => {
    expect(defaultNetworks('zh-CN')).toEqual(['wechat', 'weibo', 'qq', 'qzone', 'douban', 'copy']);
    expect(defaultNetworks('en')).toEqual(['native', 'x', 'facebook', 'linkedin', 'whatsapp', 'telegram', 'email', 'copy']);
  });
  it('recognises WeChat by its user agent', () => {
    expect(isWeChat('Mozilla/5.0 (iPhone) AppleWebKit/605.1.15 Mobile/15E148 MicroMessenger/8.0.47(0x18002f2c) NetType/WIFI Language/zh_CN')).toBe(true);
    expect(isWeChat('Mozilla/5.0 (X11; Linux x86_64) Chrome/126.0 Safari/537.36')).toBe(false);
  });
});

describe('matrixToPath', () => {
  it('draws one rectangle per run of dark modules', () => {
    expect(matrixToPath([[true, true, false, true], [false, false, false, false], [false, true, true, true]])).toBe(
      'M0 0h2v1h-2zM3 0h1v1h-1zM1 2h3v1h-3z',
    );
  });
});
