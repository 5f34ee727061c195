import { describe, expect, it } from 'vitest';
import { cardOf, httpUrl, isIOS, onOrigin, signatureRequest, urlToSign, type PageFacts } from '../src/logic/wechat.js';

const IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.50(0x1800323c) NetType/WIFI Language/zh_CN';
const ANDROID = 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/122.0.6261.120 Mobile Safari/537.36 XWEB/1220099 MMWEBSDK/20240404 MMWEBID/1234 MicroMessenger/8.0.49.2600(0x28003133) WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64';

describe('which URL WeChat checks', () => {
  it('tells iOS from Android WeChat', () => {
    expect(isIOS(IPHONE)).toBe(true);
    expect(isIOS(IPHONE.replace('iPhone; CPU iPhone OS', 'iPad; CPU OS'))).toBe(true);
    expect(isIOS(ANDROID)).toBe(false);
  });

  it('is the landing URL on iOS, the address now elsewhere, both without their hash', () => {
    const landing = 'https://shop.example/p/42?fanref=abcdefgh1234#top';
    const now = 'https://shop.example/p/43#reviews';
    expect(urlToSign(true, landing, now)).toBe('https://shop.example/p/42?fanref=abcdefgh1234');
    expect(urlToSign(false, landing, now)).toBe('https://shop.example/p/43');
  });
});

describe('the signature request', () => {
  const base = 'https://shop.example/p/42';
  const url = 'https://shop.example/p/42?a=b&c=d e';
  it('goes to data-wechat with the site and the URL encoded', () => {
    expect(signatureRequest({ wechat: 'https://stats.example/wechat/signature', site: 'bloom-shop', base, url })).toBe(
      'https://stats.example/wechat/signature?site=bloom-shop&url=https%3A%2F%2Fshop.example%2Fp%2F42%3Fa%3Db%26c%3Dd+e',
    );
    expect(signatureRequest({ wechat: '/api/wechat/signature', site: 's', base, url: base })).toBe('https://shop.example/api/wechat/signature?site=s&url=https%3A%2F%2Fshop.example%2Fp%2F42');
  });
  it('goes beside data-endpoint when data-wechat is bare', () => {
    expect(signatureRequest({ wechat: '', endpoint: 'https://stats.example/e', site: 's', base, url: base })).toMatch(/^https:\/\/stats\.example\/wechat\/signature\?site=s&/);
    expect(signatureRequest({ wechat: '', endpoint: '/fanfare/e', site: 's', base, url: base })).toMatch(/^https:\/\/shop\.example\/fanfare\/wechat\/signature\?/);
  });
  it('is not made without an endpoint, a site, or with a URL that is not http(s)', () => {
    expect(signatureRequest({ wechat: '', site: 's', base, url: base })).toBeUndefined();
    expect(signatureRequest({ wechat: 'https://stats.example/wechat/signature', base, url: base })).toBeUndefined();
    expect(signatureRequest({ wechat: 'javascript:alert(1)', site: 's', base, url: base })).toBeUndefined();
  });
});

describe('the card', () => {
  const page = (over: Partial<PageFacts> = {}): PageFacts => ({
    base: 'https://shop.example/p/42',
    location: 'https://shop.example/p/42?color=red#reviews',
    share: {},
    og: {},
    title: 'Tulips | Bloom',
    ...over,
  });

  it("takes <fan-share>'s words and image first, resolved against the page", () => {
    const c = cardOf(page({ share: { title: ' 春日郁金香 ', text: '十支装', image: '/img/t.jpg', utm: 'spring' }, og: { title: 'OG', image: 'https://cdn.example/og.jpg' } }));
    expect(c).toEqual({ title: '春日郁金香', desc: '十支装', link: 'https://shop.example/p/42?color=red', imgUrl: 'https://shop.example/img/t.jpg', utm: 'spring' });
  });

  it('falls back to Open Graph, then the document', () => {
    expect(cardOf(page({ og: { title: 'OG title', description: 'OG text', image: 'https://cdn.example/og.jpg' } }))).toMatchObject({ title: 'OG title', desc: 'OG text', imgUrl: 'https://cdn.example/og.jpg' });
    expect(cardOf(page({ description: 'Meta text', icon: '/apple-touch-icon.png' }))).toMatchObject({ title: 'Tulips | Bloom', desc: 'Meta text', imgUrl: 'https://shop.example/apple-touch-icon.png' });
    expect(cardOf(page())).toMatchObject({ desc: '', imgUrl: '' });
  });

  it("links to <fan-share url>, the canonical link or og:url only on the page's origin, never with a hash", () => {
    expect(cardOf(page({ share: { url: '/p/42#x' } })).link).toBe('https://shop.example/p/42');
    expect(cardOf(page({ share: { url: 'https://elsewhere.example/' }, canonical: 'https://shop.example/p/42' })).link).toBe('https://shop.example/p/42');
    expect(cardOf(page({ canonical: 'https://m.shop.example/p/42', og: { url: 'https://shop.example/tulips' } })).link).toBe('https://shop.example/tulips');
    expect(cardOf(page({ share: { url: 'javascript:alert(1)' } })).link).toBe('https://shop.example/p/42?color=red');
  });

  it('refuses an image that is not http(s), and cuts long words', () => {
    expect(cardOf(page({ share: { image: 'data:image/png;base64,AAAA' } })).imgUrl).toBe('');
    expect(cardOf(page({ share: { title: 'x'.repeat(500) } })).title).toHaveLength(200);
  });

  it('knows a link of the page from one elsewhere', () => {
    expect(onOrigin('https://shop.example/p/1?fanref=abcdefgh1234', 'https://shop.example/p/42')).toBe(true);
    expect(onOrigin('https://shop.example.evil.example/', 'https://shop.example/p/42')).toBe(false);
    expect(httpUrl('  ', 'https://shop.example/')).toBeUndefined();
  });
});
