import { describe, expect, it } from 'vitest';
import { parseColor, parseEnum, parseIntInRange, parseJson, parseList, parseNumberInRange, parseUrl } from '../src/logic/parse.js';
import { normalizeConfig } from '../src/logic/config.js';
import { SITE_KEY_RULE } from '../src/logic/site-key.js';
import { format, pickLocale } from '../src/logic/locale.js';

const base = 'https://shop.example/p/42?x=1';

describe('parseUrl', () => {
  it.each([
    ['https://a.example/x?y=1', 'https://a.example/x?y=1'],
    ['http://a.example', 'http://a.example/'],
    ['/img/a.png', 'https://shop.example/img/a.png'],
    ['b.png', 'https://shop.example/p/b.png'],
    ['  https://a.example/  ', 'https://a.example/'],
  ])('accepts %j', (raw, expected) => expect(parseUrl(raw, base)).toEqual({ ok: true, value: expected }));

  it.each(['javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'java\tscript:alert(1)', 'data:text/html,<b>', 'vbscript:x', 'ftp://a.example/', '', '   ', 'http://[bad', 'https://a.example/\u0000'])(
    'refuses %j',
    (raw) => expect(parseUrl(raw, base).ok).toBe(false),
  );
});

describe('parseList', () => {
  const allowed = ['wechat', 'weibo', 'x', 'copy'];
  it.each([
    ['wechat weibo x', ['wechat', 'weibo', 'x'], undefined],
    ['wechat,weibo, x', ['wechat', 'weibo', 'x'], undefined],
    ['  X  Copy ', ['x', 'copy'], undefined],
    ['x x weibo', ['x', 'weibo'], undefined],
    // Tabs, new lines, no-break and ideographic spaces separate too, as trim() would strip them.
    ['\tWeChat,\n\u00a0x\u3000COPY\r\n', ['wechat', 'x', 'copy'], undefined],
    ['copy,,x , ,weibo', ['copy', 'x', 'weibo'], undefined],
    ['wechat twiter', ['wechat'], { skipped: 'unknown twiter', keeping: 'wechat' }],
  ])('%j', (raw, value, partial) => {
    const r = parseList(raw, allowed);
    expect(r.ok && r.value).toEqual(value);
    expect(r.ok && r.partial).toEqual(partial);
  });
  it.each(['', ' , ', 'twiter facebok'])('refuses %j', (raw) => expect(parseList(raw, allowed).ok).toBe(false));
});

describe('the reasons a marketer reads', () => {
  it('parseList: unknown names, or an empty list, with `allowed` or without', () => {
    expect(parseList('twiter, facebok', ['x'])).toEqual({ ok: false, reason: 'unknown: twiter, facebok' });
    expect(parseList(' , ', ['x'])).toEqual({ ok: false, reason: 'the list is empty' });
    expect(parseList(' , ')).toEqual({ ok: false, reason: 'the list is empty' });
    expect(parseList('B, a b')).toEqual({ ok: true, value: ['b', 'a'] });
    expect(parseList('x twiter facebok x', ['x'])).toEqual({ ok: true, value: ['x'], partial: { skipped: 'unknown twiter, facebok', keeping: 'x' } });
  });
  it('parseUrl: not a URL, or not http(s)', () => {
    for (const raw of ['', '  ', 'a b', 'https://a.example/\u007f', 'http://[bad']) expect(parseUrl(raw, base)).toEqual({ ok: false, reason: 'not a valid URL' });
    expect(parseUrl('javascript:x', base)).toEqual({ ok: false, reason: 'only http:, https: or relative URLs are allowed' });
  });
  it('numbers: only finite ones, whatever the range', () => {
    expect(parseNumberInRange('Infinity', -Infinity, Infinity)).toEqual({ ok: false, reason: 'expected a number from -Infinity to Infinity' });
    expect(parseIntInRange('9'.repeat(400), 0, Infinity).ok).toBe(false);
  });
  it.each(['#fff', '#FFFA', '#c2185b', '#c2185b80', 'hsl(1 2% 3%)', 'hsla(1,2%,3%,.5)', 'hwb(1 2% 3%)', 'lab(1 2 3)', 'lch(1 2 3)', 'oklab(1 2 3)', 'oklch(1 2 3)', 'RGBA(1, 2, 3, 0.5)', 'red'])(
    'parseColor takes the shape of %j',
    (raw) => expect(parseColor(raw)).toEqual({ ok: true, value: raw }),
  );
  it.each(['#ff', '#fffff', '#fffffff', '#fffffffff', 'okhsl(1 2 3)', 'lab (1 2 3)', 'color(srgb 1 1 1)', 'ab', 'a'.repeat(21), '#gggggg'])(
    'parseColor refuses the shape of %j',
    (raw) => expect(parseColor(raw)).toEqual({ ok: false, reason: 'not a CSS colour' }),
  );
});

describe('the single-value parsers', () => {
  it('are the ones @fanfare/core/parse exports, from the file config imports alone', async () => {
    const scalar = await import('../src/logic/parse-scalar.js');
    const all = await import('../src/logic/parse.js');
    for (const name of ['ok', 'fail', 'parseEnum', 'parseIntInRange', 'parseNumberInRange', 'parseUrl'] as const) expect(all[name]).toBe(scalar[name]);
  });
});

describe('scalar parsers', () => {
  it.each([
    [parseEnum('Row', ['row', 'column']), 'row'],
    [parseIntInRange('4', 3, 6), 4],
    [parseIntInRange(' 6 ', 3, 6), 6],
    [parseNumberInRange('0.25', 0, 1), 0.25],
    [parseJson('[{"tile":512}]'), [{ tile: 512 }]],
    [parseColor('#c2185b'), '#c2185b'],
    [parseColor('rgb(10 20 30 / 50%)'), 'rgb(10 20 30 / 50%)'],
    [parseColor('rebeccapurple', () => true), 'rebeccapurple'],
  ])('accepts %#', (r, value) => expect(r).toEqual({ ok: true, value }));

  it.each([
    parseEnum('grid', ['row', 'column']),
    parseIntInRange('4.5', 3, 6),
    parseIntInRange('7', 3, 6),
    parseIntInRange('four', 3, 6),
    parseIntInRange('', 3, 6),
    parseNumberInRange('1.5', 0, 1),
    parseNumberInRange('', 0, 1),
    parseNumberInRange('NaN', 0, 1),
    parseJson('{tile: 512}'),
    parseJson('[1]', () => ({ ok: false, reason: 'not a reward' })),
    parseColor('#12'),
    parseColor('red; background:url(x)'),
    parseColor('bleu', () => false),
    parseColor('expression(alert(1))'),
  ])('refuses %#', (r) => {
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toBeTruthy();
  });
});

describe('normalizeConfig', () => {
  it('keeps the good keys and reports each bad one', () => {
    const warnings: string[] = [];
    const out = normalizeConfig(
      { endpoint: '/e', site: 'bloom-shop', consent: 'maybe', vitalsSample: '2', lang: 'zh-CN', colour: 'red' },
      base,
      (key) => warnings.push(key),
    );
    expect(out).toEqual({ endpoint: 'https://shop.example/e', site: 'bloom-shop', lang: 'zh-CN' });
    expect(warnings).toEqual(['consent', 'vitalsSample', 'colour']);
  });
  // The server refuses these keys with a 400, which the beacon never retries: accepting
  // one here would drop every event of that site without a word.
  it.each(['bloom.shop', '-shop', 'shop/1', 'a'.repeat(65), 'bloom shop', ''])('refuses the site key %j, as the server does', (site) => {
    const warnings: string[] = [];
    expect(normalizeConfig({ site }, base, (k, _v, reason) => warnings.push(`${k}: ${reason}`))).toEqual({});
    expect(warnings).toEqual([`site: ${SITE_KEY_RULE}`]);
  });
  it.each(['bloom-shop', 'bloom_shop', 'Shop1', 'a'.repeat(64)])('accepts the site key %j', (site) => {
    expect(normalizeConfig({ site }, base, () => {})).toEqual({ site });
  });
  it('treats names of Object.prototype as unknown settings', () => {
    const warnings: string[] = [];
    expect(normalizeConfig({ constructor: 'x', toString: 'y' }, base, (k, _v, reason) => warnings.push(`${k}: ${reason}`))).toEqual({});
    expect(warnings).toEqual(['constructor: unknown setting', 'toString: unknown setting']);
  });
  it('refuses an endpoint that is not http(s)', () => {
    const warnings: string[] = [];
    expect(normalizeConfig({ endpoint: 'javascript:x' }, base, (k) => warnings.push(k))).toEqual({});
    expect(warnings).toEqual(['endpoint']);
  });
});

describe('locale', () => {
  it.each([
    [['zh-TW'], 'zh-CN'],
    [['zh_Hans_CN'], 'zh-CN'],
    [[null, '', 'en-GB'], 'en'],
    [['fr', 'zh'], 'en'],
    [[null, undefined], 'en'],
  ] as const)('%j → %s', (candidates, expected) => expect(pickLocale(candidates)).toBe(expected));

  it('fills placeholders', () => {
    const m = { en: { hi: 'Share on {name}' }, 'zh-CN': { hi: '分享到{name}' } };
    expect(format(m, 'zh-CN', 'hi', { name: '微博' })).toBe('分享到微博');
    expect(format(m, 'en', 'hi')).toBe('Share on {name}');
  });
});
