import { describe, expect, it } from 'vitest';
import { DARK, LIGHT, PALETTE, contrast, labelWidth, parseRewards, parseSkin, reached, textOn, tileColors } from '../src/logic/config.js';

// Stand-ins for the page's parsers (@fanfare/core's parseUrl and parseColor with
// CSS.supports), which the element passes in; they are tested in core.
const BASE = 'https://shop.example/p/1';
const image = (raw: string) =>
  /^(https?:|\/)/.test(raw) ? { ok: true as const, value: new URL(raw, BASE).href } : { ok: false as const, reason: 'not http' };
const color = (raw: string) =>
  /^#[\da-f]{6}$/i.test(raw) ? { ok: true as const, value: raw } : { ok: false as const, reason: 'not a colour' };

describe('tile palette', () => {
  it.each(PALETTE.map((bg, i) => [2 ** (i + 1), bg]))('tile %i (%s) has text at WCAG AA contrast', (_, bg) => {
    expect(contrast(bg, textOn(bg))).toBeGreaterThanOrEqual(4.5);
  });

  it.each([
    ['#1a5e20', LIGHT],
    ['#fff', DARK],
    ['#000000', LIGHT],
    ['#ffeb3b', DARK],
  ])('puts readable text on a skin colour %s', (bg, text) => {
    expect(textOn(bg)).toBe(text);
  });

  it('measures contrast as WCAG does', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });
});

describe('parseRewards', () => {
  it.each([
    ['[]', []],
    ['[{"tile": 512, "title": "10% off", "code": "TEN"}]', [{ tile: 512, title: '10% off', code: 'TEN' }]],
    ['[{"score": 5000, "title": "Tote"}]', [{ score: 5000, title: 'Tote' }]],
  ])('accepts %s', (raw, want) => {
    const r = parseRewards(JSON.parse(raw));
    expect(r.ok).toBe(true);
    // Keys that were not given stay undefined rather than absent; compare what was set.
    if (r.ok) expect(r.value.map((x) => JSON.parse(JSON.stringify(x)))).toEqual(want);
  });

  it.each([
    ['not an array', { tile: 512, title: 'x' }],
    ['no title', [{ tile: 512 }]],
    ['an empty title', [{ tile: 512, title: ' ' }]],
    ['neither tile nor score', [{ title: 'x' }]],
    ['both tile and score', [{ tile: 512, score: 10, title: 'x' }]],
    ['a tile that is not a power of two', [{ tile: 500, title: 'x' }]],
    ['the start tile 2', [{ tile: 2, title: 'x' }]],
    ['a negative score', [{ score: -5, title: 'x' }]],
    ['a fractional score', [{ score: 2.5, title: 'x' }]],
    ['a code that is not text', [{ tile: 8, title: 'x', code: 42 }]],
    ['an item that is not an object', ['x']],
  ])('refuses %s', (_, value) => {
    expect(parseRewards(value).ok).toBe(false);
  });
});

describe('parseRewards with some broken entries', () => {
  it('keeps the good ones and names each broken entry with what is wrong', () => {
    const r = parseRewards([
      { tile: 512, title: '10% off', code: 'TEN' },
      { tile: 500, title: 'Odd tile' },
      { score: 3000 },
      { score: 5000, title: 'Tote' },
      'x',
    ]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.map((x) => x.title)).toEqual(['10% off', 'Tote']);
    expect(r.partial?.keeping).toBe('the other 2');
    const skipped = r.partial!.skipped.split('; ');
    expect(skipped).toHaveLength(3);
    expect(skipped[0]).toMatch(/^entry 2: .*"tile"/);
    expect(skipped[1]).toMatch(/^entry 3: .*"title"/);
    expect(skipped[2]).toBe('entry 5: not an object');
  });

  it('refuses a list with no good entry, saying why for each', () => {
    const r = parseRewards([{ tile: 3, title: 'x' }, {}]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/^entry 1: .*; entry 2: /);
  });
});

describe('parseSkin', () => {
  it('accepts labels, http(s) or relative images and colours', () => {
    const r = parseSkin({ 2: { label: 'Tea' }, 4: { image: '/img/4.png', color: '#1a5e20' } }, image, color);
    expect(r).toEqual({
      ok: true,
      value: { 2: { label: 'Tea' }, 4: { label: undefined, image: 'https://shop.example/img/4.png', color: '#1a5e20' } },
    });
  });

  it.each([
    ['an array', [{ label: 'x' }]],
    ['a key that is not a tile value', { 3: { label: 'x' } }],
    ['a tile that is not an object', { 2: 'red' }],
    ['a long label', { 2: { label: 'x'.repeat(41) } }],
    ['a javascript: image', { 2: { image: 'javascript:alert(1)' } }],
    ['a colour the page rejects', { 2: { color: 'bleu' } }],
    ['text', 'skin'],
  ])('refuses %s', (_, value) => {
    expect(parseSkin(value, image, color).ok).toBe(false);
  });
});

describe('reached', () => {
  const rewards = [{ tile: 256, title: 'a' }, { score: 3000, title: 'b' }, { tile: 1024, title: 'c' }];
  it.each([
    [0, 4, []],
    [2999, 256, [0]],
    [3000, 128, [1]],
    [9000, 1024, [0, 1, 2]],
  ])('score %i with a %i tile reaches tiers %j', (score, tile, tiers) => {
    expect(reached(rewards, score, tile)).toEqual(tiers);
  });
});

describe('tileColors', () => {
  const skin = { 2: { color: '#1a5e20' }, 4: { color: 'rebeccapurple' }, 8: { label: 'Tea' } };
  it.each([
    ['a skin hex colour, with the text that reads on it', 2, ['#1a5e20', LIGHT]],
    ['a skin colour in another form, with the palette text', 4, ['rebeccapurple', textOn(PALETTE[1])]],
    ['the palette where the skin has no colour', 8, [PALETTE[2], textOn(PALETTE[2])]],
    ['the last palette colour for 4096', 4096, [PALETTE[11], textOn(PALETTE[11])]],
    ['the last palette colour beyond it', 2 ** 20, [PALETTE[11], textOn(PALETTE[11])]],
  ])('gives %s', (_, value, want) => {
    expect(tileColors(value as number, skin)).toEqual(want);
  });
});

describe('labelWidth', () => {
  it.each([
    ['2048', 4],
    ['Tea', 3],
    ['兰花', 4],
    ['Ｔ', 2],
  ])('%s is %i half-width units wide', (text, width) => {
    expect(labelWidth(text)).toBe(width);
  });
});
