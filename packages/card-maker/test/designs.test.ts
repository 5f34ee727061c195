// Every design that ships (the six built-ins and the demo shop's three) laid out with
// short and long messages in both languages: the words stay inside their areas and the
// headline never meets the message. Measured with the stand-in font metrics of
// measure.ts; the browser test does the same with the real fonts.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { BUILTINS } from '../src/logic/builtins.js';
import { BRAND, MAX_MESSAGE, type Rect, type Template } from '../src/logic/card.js';
import { cardLang, layoutHeadline, layoutText, textBox } from '../src/logic/layout.js';
import { loadTemplates, overlaps } from '../src/logic/templates.js';
import { measure } from './measure.js';

const check = { color: () => true, url: (u: string) => new URL(u, 'https://shop.example/').href };
const demo = loadTemplates(JSON.parse(readFileSync(new URL('../../../demo/cards.json', import.meta.url), 'utf8')), check);
const inside = (a: Rect, b: Rect) => a.x >= b.x - 0.5 && a.y >= b.y - 0.5 && a.x + a.w <= b.x + b.w + 0.5 && a.y + a.h <= b.y + b.h + 0.5;

export const MESSAGES = {
  short: { en: 'Hi!', 'zh-CN': '你好！' },
  long: {
    en: 'Happy birthday to the kindest friend I know. Thank you for every laugh, every late-night talk and every time you showed up. Here is to you, always!'.slice(0, MAX_MESSAGE),
    'zh-CN': '亲爱的，谢谢你这一年的陪伴。无论晴天还是雨天，你总在我身边。愿你新的一岁平安喜乐，万事顺遂，所有的美好都如期而至！'.repeat(2).slice(0, MAX_MESSAGE),
  },
};

describe('the designs that ship', () => {
  it('the demo shop loads all three of its designs, each with a headline and its product illustration', () => {
    expect(demo.warnings).toEqual([]);
    expect(demo.templates.map((t) => t.id)).toEqual(['tulip-thanks', 'spring-meadow', 'mothers-day']);
    for (const t of demo.templates) {
      expect(t.headline).toBeDefined();
      expect(t.layers.some((l) => l.image === 'https://shop.example/img/tulips.svg')).toBe(true);
    }
  });

  it('every built-in has its own illustration and a headline that differs by language', () => {
    for (const t of BUILTINS) {
      expect(t.layers.length, t.id).toBeGreaterThan(0);
      expect(t.layers.every((l) => l.svg?.startsWith('<svg')), t.id).toBe(true);
      expect(t.headline!.text.en).not.toEqual(t.headline!.text['zh-CN']);
    }
    expect(BUILTINS.find((t) => t.id === 'spring-festival')!.headline!.text['zh-CN']).toContain('新春');
    expect(BUILTINS.find((t) => t.id === 'mid-autumn')!.headline!.text['zh-CN']).toContain('中秋');
  });

  const all: Template[] = [...BUILTINS, ...demo.templates];
  for (const t of all)
    for (const lang of ['en', 'zh-CN'] as const)
      for (const [length, words] of Object.entries(MESSAGES))
        for (const photo of [false, true]) {
          it(`${t.id}, ${lang}, ${length} message${photo ? ', with a photo' : ''}: words inside their areas, headline apart from the message`, () => {
            const m = layoutText(t, words[lang], photo, measure, lang);
            const box = textBox(t, photo);
            expect(inside(m.bounds, box), `message ${JSON.stringify(m.bounds)} outside ${JSON.stringify(box)}`).toBe(true);
            expect(m.bounds.y + m.bounds.h).toBeLessThanOrEqual(BRAND.y);
            const h = layoutHeadline(t.headline!, cardLang(words[lang], lang), measure);
            expect(inside(h.bounds, t.headline!), `headline ${JSON.stringify(h.bounds)} outside its rect`).toBe(true);
            expect(overlaps(h.bounds, m.bounds)).toBe(false);
          });
        }
});

describe('layoutHeadline', () => {
  const h = BUILTINS.find((t) => t.id === 'spring-festival')!.headline!;

  it('sets Chinese in columns, right to left, top to bottom, in square cells', () => {
    const l = layoutHeadline(h, 'zh-CN', measure);
    expect(l.vertical).toBe(true);
    expect(l.lines).toEqual(['新', '春', '快', '乐']);
    const [a, b, c, d] = l.at;
    expect(a.x).toBe(b.x);
    expect(b.y - a.y).toBe(l.size);
    expect(c.x).toBeLessThan(a.x); // the second column stands to the left of the first
    expect(c.y).toBe(a.y);
    expect(d.y).toBe(b.y);
  });

  it('sets English across in the same rect, and a design that is not vertical across in both', () => {
    expect(layoutHeadline(h, 'en', measure).vertical).toBe(false);
    expect(layoutHeadline({ ...h, vertical: false }, 'zh-CN', measure).vertical).toBe(false);
  });

  it('turns Chinese punctuation upright in a column', () => {
    const l = layoutHeadline({ ...h, text: { en: 'x', 'zh-CN': '你好，春天！' } }, 'zh-CN', measure);
    expect(l.lines).toEqual(['你', '好', '︐', '春', '天', '︕']);
  });

  it('the card speaks the language of its words, else the fan’s', () => {
    expect(cardLang('生日快乐 Lily', 'en')).toBe('zh-CN');
    expect(cardLang('Happy birthday', 'zh-CN')).toBe('en');
    expect(cardLang('🎉', 'zh-CN')).toBe('zh-CN');
    expect(cardLang('', 'fr')).toBe('en');
  });
});
