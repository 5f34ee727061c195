// Where the card's message breaks: as a designer breaks it. Chinese after a comma or a
// full stop where it can, never inside a word such as 每一天 nor with one character alone,
// never a comma opening a line; English at spaces, never inside a word, no word alone
// on the last line. Laid out as the card does (layoutText) with the stand-in metrics of
// measure.ts (CJK one em, the rest half an em); the browser test reads the real fonts.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { BUILTINS } from '../src/logic/builtins.js';
import { layoutText } from '../src/logic/layout.js';
import { breakLines, breakUnits, setLines } from '../src/logic/lines.js';
import { loadTemplates } from '../src/logic/templates.js';
import { ems, measure } from './measure.js';

const check = { color: () => true, url: (u: string) => new URL(u, 'https://shop.example/').href };
const demo = loadTemplates(JSON.parse(readFileSync(new URL('../../../demo/cards.json', import.meta.url), 'utf8')), check).templates;
const DESIGNS = [...BUILTINS, ...demo];
const lines = (id: string, message: string, locale: string) => layoutText(DESIGNS.find((t) => t.id === id)!, message, false, measure, locale).lines;

// Kinsoku: what never opens a line, what never ends one.
const OPENS_BADLY = /^[，。！？、；：」』）》〉】…,.!?;:)]/u;
const ENDS_BADLY = /[「『（《〈【“‘(]$/u;
const CLAUSE_END = /[，。！？、；：…][」』”’）]*$/u;
// Words the breaks must never cut: a phrase a reader takes in one glance.
const WORDS = ['每一天', '心想事成', '岁岁', '天天', '暖暖', '越来越好', '万事如意', '平安喜乐', '万事顺遂', '身边', '谢谢', '帮助', '阳光', '鲜花', '一起', '日子'];

/** Every rule a designer holds a Chinese card's lines to. */
function designerZh(out: string[], message: string, at: string) {
  expect(out.join(''), `${at}: words lost`).toBe(message);
  for (const [i, l] of out.entries()) {
    if (i > 0) expect(l, `${at}: line ${i} opens with closing punctuation`).not.toMatch(OPENS_BADLY);
    expect(l, `${at}: line ${i} ends with an opening bracket`).not.toMatch(ENDS_BADLY);
    // One character (and its punctuation) alone on a line reads as a mistake.
    if (out.length > 1) expect(l.replace(/[\p{P}]/gu, '').length, `${at}: line ${i} is a scrap: ${out.join(' / ')}`).toBeGreaterThan(2);
  }
  for (let i = 1; i < out.length; i++)
    for (const w of WORDS)
      for (let k = 1; k < w.length; k++)
        expect(out[i - 1].endsWith(w.slice(0, k)) && out[i].startsWith(w.slice(k)), `${at}: ${w} cut: ${out.join(' / ')}`).toBe(false);
}

describe('a Chinese card breaks where a designer breaks it', () => {
  it('the tulip card (the demo shop\'s default): after the comma, 每一天 whole', () => {
    expect(lines('tulip-thanks', '谢谢你，让我的每一天都充满阳光。', 'zh-CN')).toEqual(['谢谢你，', '让我的每一天都充满阳光。']);
  });

  it.each(DESIGNS.flatMap((t) => t.wishes['zh-CN'].map((w, i) => [t.id, i, w] as const)))('%s, wish %i (%s): each line ends a clause', (id, _i, wish) => {
    const out = lines(id, wish, 'zh-CN');
    designerZh(out, wish, id);
    // Short wishes are clauses of a few characters: every line can end at punctuation.
    for (const l of out.slice(0, -1)) expect(l, `${id}: ${out.join(' / ')}`).toMatch(CLAUSE_END);
  });

  it.each([
    ['birthday', '生日快乐！愿你心想事成，岁岁欢喜。', ['生日快乐！', '愿你心想事成，', '岁岁欢喜。']],
    ['birthday', '又长大一岁，愿你越来越好，天天开心！', ['又长大一岁，', '愿你越来越好，天天开心！']],
    ['spring-festival', '新春快乐！万事如意，阖家幸福！', ['新春快乐！', '万事如意，阖家幸福！']],
    ['christmas', '圣诞快乐！愿你被温暖和幸福包围。', ['圣诞快乐！', '愿你被温暖和幸福包围。']],
  ])('%s: %s', (id, wish, expected) => {
    expect(lines(id, wish, 'zh-CN')).toEqual(expected);
  });

  const LONG = '亲爱的，谢谢你这一年的陪伴。无论晴天还是雨天，你总在我身边。愿你新的一岁平安喜乐，万事顺遂，所有的美好都如期而至！';
  it.each(DESIGNS.map((t) => [t.id]))('a long message on %s: clauses whole, none cut into scraps', (id) => {
    const out = lines(id, LONG, 'zh-CN');
    designerZh(out, LONG, id);
    for (const l of out.slice(0, -1)) expect(l, `${id}: ${out.join(' / ')}`).toMatch(CLAUSE_END);
  });

  it('a clause longer than a line breaks between words: after a particle, before the word it opens', () => {
    // No comma for 27 characters: the breaks must fall inside the clause.
    const text = '愿你的每一天都有鲜花相伴而且我们一起把日子过成诗和远方的模样';
    for (const w of [10, 12, 14]) {
      const out = setLines(text, w, ems, 'zh-CN')!.lines;
      designerZh(out, text, `${w} ems`);
    }
  });
});

describe('an English card breaks at spaces, evenly', () => {
  const LONG = 'Happy birthday to the kindest friend I know. Thank you for every laugh, every late-night talk and every time you showed up. Here is to you!';
  const words = (s: string) => s.split(/\s+/).filter(Boolean);

  it.each(DESIGNS.flatMap((t) => [...t.wishes.en, LONG].map((w) => [t.id, w] as const)))('%s: %s', (id, message) => {
    const out = lines(id, message, 'en');
    // Words whole and in order: every line is a run of the message's words.
    expect(out.flatMap(words)).toEqual(words(message));
    for (const [i, l] of out.entries()) if (i > 0) expect(l).not.toMatch(OPENS_BADLY);
    // No word alone on the last line (balancing can always help a message this long).
    if (out.length > 1) expect(words(out.at(-1)!).length, out.join(' / ')).toBeGreaterThan(1);
  });

  it.each([
    ['spring-meadow', 'Happy spring! May everything bloom for you.', ['Happy spring!', 'May everything', 'bloom for you.']],
    ['thanks', 'Thank you so much. It meant the world to me.', ['Thank you so much.', 'It meant the world to me.']],
    ['christmas', 'Merry Christmas and a happy new year!', ['Merry Christmas', 'and a happy new year!']],
    // A new sentence's first two words never dangle at a line's end ("…birthday! May all / your…").
    ['birthday', 'Happy birthday! May all your wishes come true.', ['Happy birthday!', 'May all your wishes', 'come true.']],
  ])('%s: a sentence ends its line: %s', (id, message, expected) => {
    expect(lines(id, message, 'en')).toEqual(expected);
  });

  it('a word wider than the line alone is the only one cut', () => {
    const out = setLines('a pneumonoultramicroscopic word', 8, ems, 'en')!.lines;
    expect(out.join('').replace(/\s/g, '')).toBe('apneumonoultramicroscopicword');
    for (const l of out) expect(ems(l)).toBeLessThanOrEqual(8);
    // The short words stay whole, each beside a piece of the long one.
    expect(out[0]).toMatch(/^a pneumo/);
    expect(out.at(-1)).toMatch(/scopic word$/);
  });
});

describe('setLines, whatever the text', () => {
  const pieces = ['Hello', 'world', 'card', ' ', ' ', '，', '。', '！', '、', '「', '」', ',', '.', '!', '生', '日', '快', '乐', '每', '一', '天', '的', '👨‍👩‍👧', '\n'];
  // (Spaces inside brackets are left out: a bracket, a space and a comma glued are one
  // piece, and in a box narrower than that piece it must be cut, bracket from comma.)
  const text = fc.array(fc.constantFrom(...pieces), { maxLength: 50 }).map((a) => a.join('')).filter((t) => !/「\s|\s[，。！、」,.!]/.test(t));

  it('keeps every character in order, takes no more lines than it has room for nor than greedy breaking and one a paragraph, and no line is wider than the box', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 3, max: 16 }), fc.integer({ min: 1, max: 12 }), (t, w, max) => {
        const greedy = breakLines(t, w, ems);
        const set = setLines(t, w, ems, 'zh-CN', max);
        // With every word narrower than the line, the fewest lines are greedy breaking's
        // (a word cut in two may take fewer: greedy starts it on a line of its own).
        const whole = t.split('\n').every((p) => breakUnits(p, 'zh-CN').every((u) => ems(u.trim()) <= w));
        if (whole && !set) expect(greedy.length).toBeGreaterThan(max);
        if (!set) return;
        const out = set.lines;
        expect(out.join('').replace(/\s/g, '')).toBe(t.replace(/\s/g, ''));
        expect(out.length).toBeLessThanOrEqual(Math.min(max, greedy.length + t.split('\n').length));
        // Wider only when it cannot be broken at all.
        for (const l of out) if (ems(l) > w) expect(breakUnits(l, 'zh-CN', true)).toHaveLength(1);
      }),
      { numRuns: 300 },
    );
  });

  it('never opens a line with closing punctuation nor ends one with an opening bracket, unless its paragraph does', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 4, max: 16 }), (t, w) => {
        const paras = t.split('\n').map((p) => p.trim());
        for (const l of setLines(t, w, ems, 'zh-CN')!.lines) {
          if (OPENS_BADLY.test(l)) expect(paras.some((p) => p.startsWith(l[0]))).toBe(true);
          if (ENDS_BADLY.test(l)) expect(paras.some((p) => p.endsWith(l.at(-1)!))).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('a centred line is centred on its ink', () => {
  it('a line that ends in a Chinese comma, full stop or exclamation mark moves a quarter em right (the mark fills only the left half of its square); others stay centred', () => {
    const t = DESIGNS.find((d) => d.id === 'tulip-thanks')!;
    const l = layoutText(t, '谢谢你，让我的每一天都充满阳光。', false, measure, 'zh-CN');
    const centre = t.text.x + t.text.w / 2;
    expect(l.lines).toEqual(['谢谢你，', '让我的每一天都充满阳光。']);
    expect(l.at.map((p) => p.x - centre)).toEqual([l.size / 4, l.size / 4]);
    const glad = layoutText(DESIGNS[0]!, '生日快乐！愿你心想事成，岁岁欢喜。', false, measure, 'zh-CN');
    expect(glad.at.map((p) => p.x - (DESIGNS[0]!.text.x + DESIGNS[0]!.text.w / 2))).toEqual(glad.lines.map(() => glad.size / 4));
    const plain = layoutText(t, '谢谢你让我的每一天都充满阳光啊谢谢你', false, measure, 'zh-CN');
    expect(plain.lines.length).toBeGreaterThan(1);
    expect(plain.at.map((p) => p.x)).toEqual(plain.lines.map(() => centre));
    // English commas are narrow: nothing moves.
    expect(layoutText(t, 'These are for you, with all my thanks.', false, measure, 'en').at.every((p) => p.x === centre)).toBe(true);
  });

  it('never leaves the text area: a full line moves only as far as its room', () => {
    const t = DESIGNS.find((d) => d.id === 'tulip-thanks')!;
    for (const text of ['好'.repeat(12) + '，' + '好'.repeat(30) + '。', '谢谢你，让我的每一天都充满阳光。'.repeat(3)]) {
      const l = layoutText(t, text, false, measure, 'zh-CN');
      expect(l.bounds.x).toBeGreaterThanOrEqual(t.text.x - 0.5);
      expect(l.bounds.x + l.bounds.w).toBeLessThanOrEqual(t.text.x + t.text.w + 0.5);
    }
  });
});
