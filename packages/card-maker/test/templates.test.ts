import { describe, expect, it } from 'vitest';
import { loadTemplates } from '../src/logic/templates.js';
import { readFileSync } from 'node:fs';
import { BUILTINS } from '../src/logic/builtins.js';

const check = {
  color: (c: string) => /^#[0-9a-f]{3,8}$/i.test(c) || /^[a-z]+$/.test(c),
  url: (u: string) => (/^https?:\/\//.test(u) ? u : undefined),
};
const good = { id: 'shop', background: { colors: ['#fff', '#fce'] } };
const SVG = { svg: '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>' };
// Above the default text area (y 640 on).
const HEAD = { x: 90, y: 400, w: 900, h: 200, text: { en: 'Hello', 'zh-CN': '你好' } };

describe('loadTemplates', () => {
  it('loads the six built-ins without a warning, each with wishes in both languages', () => {
    const r = loadTemplates(BUILTINS, check);
    expect(r.warnings).toEqual([]);
    // Built-ins skip validation at run time, so they must already be what validation returns.
    expect(r.templates).toEqual(BUILTINS);
    expect(r.templates.map((t) => t.id)).toEqual(['birthday', 'thanks', 'love', 'spring-festival', 'mid-autumn', 'christmas']);
    for (const t of r.templates) {
      expect(t.wishes.en.length).toBeGreaterThan(0);
      expect(t.wishes['zh-CN'].length).toBeGreaterThan(0);
    }
  });

  it('fills defaults for a minimal template', () => {
    const [t] = loadTemplates([good], check).templates;
    expect(t.name).toEqual({ en: 'shop', 'zh-CN': 'shop' });
    expect(t.text).toMatchObject({ x: 90, y: 640, w: 900, h: 520, align: 'center', color: '#222', min: 28, max: 110 });
    expect(t.photo).toBeUndefined();
  });

  it('accepts {"templates": [...]} and a name in one language', () => {
    const r = loadTemplates({ templates: [{ ...good, name: { 'zh-CN': '花店' } }] }, check);
    expect(r.templates[0].name).toEqual({ en: '花店', 'zh-CN': '花店' });
  });

  it.each([
    ['not an object', 42, 'not an object'],
    ['no id', { background: good.background }, 'id must be'],
    ['an id with markup', { ...good, id: '<img>' }, 'id must be'],
    ['no background', { id: 'a' }, 'background must be'],
    ['a bad colour', { id: 'a', background: { colors: ['#fff', 'url(x)'] } }, 'background.colors'],
    ['a javascript: image', { ...good, background: { colors: ['#fff'], image: 'javascript:alert(1)' } }, 'background.image'],
    ['text outside the card', { ...good, text: { x: 900, y: 100, w: 400, h: 100 } }, 'text must have'],
    ['text over the brand zone', { ...good, text: { x: 0, y: 1200, w: 400, h: 100 } }, 'above the brand zone'],
    ['a bad text colour', { ...good, text: { x: 0, y: 0, w: 400, h: 100, color: 'not a colour!' } }, 'text.color'],
    ['a font that escapes the font shorthand', { ...good, text: { x: 0, y: 0, w: 400, h: 100, font: 'a; b' } }, 'text.font'],
    ['max below min', { ...good, text: { x: 0, y: 0, w: 400, h: 100, min: 60, max: 30 } }, 'text.max'],
    ['an unknown shape', { ...good, shapes: [{ type: 'skull', x: 1, y: 1, size: 9, color: '#000' }] }, 'each shape'],
    ['a photo area of text', { ...good, photo: 'top' }, 'photo must be'],
    ['a layer with neither svg nor image', { ...good, layers: [{ x: 0, y: 0, w: 10, h: 10 }] }, 'layers[0] needs svg or image'],
    ['a layer with both', { ...good, layers: [{ ...SVG, image: 'https://a.example/x.png', x: 0, y: 0, w: 10, h: 10 }] }, 'layers[0] needs svg or image'],
    ['a layer of markup that is not SVG', { ...good, layers: [{ svg: '<img src=x onerror=alert(1)>', x: 0, y: 0, w: 10, h: 10 }] }, 'layers[0].svg must be'],
    ['a layer blended by a made-up mode', { ...good, layers: [{ ...SVG, x: 0, y: 0, w: 10, h: 10, blend: 'xor' }] }, 'layers[0].blend must be one of normal, multiply'],
    ['a layer fully transparent plus', { ...good, layers: [{ ...SVG, x: 0, y: 0, w: 10, h: 10, opacity: 2 }] }, 'layers[0].opacity'],
    ['a layer put somewhere else', { ...good, layers: [{ ...SVG, x: 0, y: 0, w: 10, h: 10, place: 'beside' }] }, 'layers[0].place'],
    ['a layer far off the card', { ...good, layers: [{ ...SVG, x: 5000, y: 0, w: 10, h: 10 }] }, 'layers[0] must have x, y, w, h'],
    ['a javascript: layer', { ...good, layers: [{ image: 'javascript:alert(1)', x: 0, y: 0, w: 10, h: 10 }] }, 'layers[0].image'],
    ['a headline over the message', { ...good, headline: { ...HEAD, y: 700 } }, 'headline must not overlap text'],
    ['a headline without words', { ...good, headline: { ...HEAD, text: '' } }, 'headline.text'],
    ['a headline with a bad outline', { ...good, headline: { ...HEAD, outline: { color: '#000', width: 99 } } }, 'headline.outline'],
    ['a headline with a bad shadow', { ...good, headline: { ...HEAD, shadow: { color: '#000', blur: -1 } } }, 'headline.shadow'],
    ['a headline vertical by a word', { ...good, headline: { ...HEAD, vertical: 'yes' } }, 'headline.vertical'],
    ['a headline font with markup', { ...good, headline: { ...HEAD, font: '<b>' } }, 'headline.font'],
    ['a pattern of nothing', { ...good, background: { colors: ['#fff'], pattern: { size: 40 } } }, 'background.pattern needs svg or image'],
    ['a pattern too small to see', { ...good, background: { colors: ['#fff'], pattern: { ...SVG, size: 2 } } }, 'background.pattern.size'],
  ])('skips %s with a reason', (_n, entry, reason) => {
    const r = loadTemplates([entry, { ...good, id: 'ok' }], check);
    expect(r.templates.map((t) => t.id)).toEqual(['ok']);
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatch(/^template 0/);
    expect(r.warnings[0]).toContain(reason);
  });

  it('fills the defaults of a headline, a layer and a pattern, and keeps a sample in both languages', () => {
    const [t] = loadTemplates(
      [{ ...good, background: { colors: ['#fff'], pattern: SVG }, layers: [{ image: 'https://a.example/x.png', x: -100, y: 0, w: 1280, h: 600 }], headline: HEAD, sample: 'Write here' }],
      check,
    ).templates;
    expect(t.layers).toEqual([{ image: 'https://a.example/x.png', x: -100, y: 0, w: 1280, h: 600, opacity: 1, blend: 'normal', place: 'under' }]);
    expect(t.background.pattern).toEqual({ ...SVG, size: 240, opacity: 1, blend: 'normal' });
    expect(t.headline).toEqual({ ...HEAD, color: '#222', font: 'serif', weight: 700, align: 'center', min: 40, max: 140, leading: 1.1, vertical: false });
    expect(t.sample).toEqual({ en: 'Write here', 'zh-CN': 'Write here' });
  });

  it('a template of the first format loads as it always did, with no layers and no headline', () => {
    const [t] = loadTemplates([{ ...good, text: { x: 90, y: 700, w: 900, h: 480, fontUrl: 'https://a.example/f.woff2' }, shapes: [{ type: 'star', x: 1, y: 1, size: 9, color: '#000' }] }], check).templates;
    expect(t.layers).toEqual([]);
    expect(t.headline).toBeUndefined();
    expect(t.text.fontUrl).toBe('https://a.example/f.woff2');
    expect(t.shapes).toHaveLength(1);
  });

  it('skips a repeated id and names it', () => {
    const r = loadTemplates([good, good], check);
    expect(r.templates).toHaveLength(1);
    expect(r.warnings[0]).toContain('"shop" is used twice');
  });

  it.each([
    ['a string', 'nope'],
    ['null', null],
    ['an object without templates', { items: [] }],
  ])('reports a file that is %s', (_n, input) => {
    const r = loadTemplates(input, check);
    expect(r.templates).toEqual([]);
    expect(r.warnings).toHaveLength(1);
  });

  it('keeps only usable wishes', () => {
    const [t] = loadTemplates([{ ...good, wishes: { en: ['Hi', 3, '', 'x'.repeat(500)], 'zh-CN': 'not a list' } }], check).templates;
    expect(t.wishes).toEqual({ en: ['Hi'], 'zh-CN': [] });
  });
});

describe('the README example (test/fixtures/templates.json)', () => {
  it('loads its first template and skips the second with a reason', () => {
    const r = loadTemplates(JSON.parse(readFileSync(new URL('./fixtures/templates.json', import.meta.url), 'utf8')), check);
    expect(r.templates.map((t) => t.id)).toEqual(['peony']);
    expect(r.templates[0].text).toMatchObject({ font: 'Georgia, serif', min: 32, max: 96 });
    expect(r.warnings).toEqual(['template 1 "missing-background" skipped: background must be an object']);
  });
});
