import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { breakLines, setLines, breakUnits, fitText } from '../src/logic/lines.js';
import { clipGraphemes, graphemeCount, graphemes as cut } from '../src/logic/text.js';
import { ems, graphemes, measure } from './measure.js';

const CLOSING = /^[，。！？、）」』,.!?)]/u;
const FAMILY = '👨‍👩‍👧';
const FLAG_CN = '🇨🇳';
const FLAG_US = '🇺🇸';
const THUMB = '👍🏽';

describe('breakUnits', () => {
  it.each([
    ['English words and spaces', 'Happy birthday to you', ['Happy', ' ', 'birthday', ' ', 'to', ' ', 'you']],
    ['Chinese by character', '生日快乐', ['生', '日', '快', '乐']],
    ['Chinese punctuation stays with the character before', '你好，世界。', ['你', '好，', '世', '界。']],
    ['Japanese kana by character', 'ありがとう', ['あ', 'り', 'が', 'と', 'う']],
    ['emoji family and flags whole', `${FAMILY}${FLAG_CN}${FLAG_US}`, [FAMILY, FLAG_CN, FLAG_US]],
    ['skin tone kept with its emoji', `ok ${THUMB}`, ['ok', ' ', THUMB]],
    ['opening bracket stays with what follows', '好（朋友）', ['好', '（朋', '友）']],
    ['English comma after a space moves with the word', 'Hi , you', ['Hi ,', ' ', 'you']],
    ['brackets in English', 'see (this)!', ['see', ' ', '(this)!']],
  ])('%s', (_name, text, units) => {
    expect(breakUnits(text, 'en')).toEqual(units);
  });
});

const lines = (text: string, widthEms: number) => breakLines(text, widthEms, ems);

describe('no-break characters', () => {
  it('a no-break hyphen or space keeps its neighbours on one line', () => {
    expect(breakUnits('Happy Mid\u2011Autumn')).toEqual(['Happy', ' ', 'Mid\u2011Autumn']);
    expect(breakUnits('100\u00a0km away')).toEqual(['100\u00a0km', ' ', 'away']);
    expect(breakLines('Happy Mid\u2011Autumn', 10, (s) => s.length)).toEqual(['Happy', 'Mid\u2011Autumn']);
  });

  it('fitting picks a smaller size over cutting a word in two', () => {
    // At 40 px "Mid‑Autumn" (10 half-ems) is 200 px: wider than the box, though cut in two it would fit its height.
    const f = fitText('Happy Mid\u2011Autumn', { w: 180, h: 400 }, measure, { min: 12, max: 80, lineHeight: 1.1 });
    expect(f.lines).toEqual(['Happy', 'Mid\u2011Autumn']);
    expect(f.size).toBe(36);
  });
});

describe('breakLines', () => {
  it.each([
    ['English breaks at spaces', 'Happy birthday to you', 6, ['Happy', 'birthday to', 'you']],
    ['no trailing spaces, none leading', 'aa  bb', 2, ['aa', 'bb']],
    ['hard newlines kept, blank line too', 'a\n\nb', 10, ['a', '', 'b']],
    ['Chinese breaks between characters', '生日快乐万事如意', 3, ['生日快', '乐万事', '如意']],
    ['comma is never first on a line', '生日快乐，万事如意', 4, ['生日快', '乐，万事', '如意']],
    ['full stop carried with its character', '谢谢你。好的', 3, ['谢谢', '你。好', '的']],
    ['brackets never open a line\'s end nor close its start', '我们（朋友）好', 3, ['我们', '（朋', '友）好']],
    ['English punctuation carried', 'one two, three!', 3.5, ['one', 'two,', 'three!']],
    ['emoji family never split', `ab${FAMILY}${FAMILY}`, 1.5, ['ab', FAMILY, FAMILY]],
    ['flags never split', `${FLAG_CN}${FLAG_US}${FLAG_CN}`, 2, [`${FLAG_CN}${FLAG_US}`, FLAG_CN]],
    ['a word longer than the line is cut by grapheme', 'abcdefgh', 2, ['abcd', 'efgh']],
    ['empty text is one empty line', '', 5, ['']],
  ])('%s', (_name, text, width, expected) => {
    expect(lines(text, width)).toEqual(expected);
  });

  const pieces = ['Hello', 'world', 'card', ' ', ' ', '，', '。', '！', ',', '.', '!', ')', '生', '日', '快', '乐', FAMILY, FLAG_CN, THUMB, '\n'];
  const text = fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((a) => a.join(''));

  it('keeps every grapheme, in order, and whole', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 12 }), (t, w) => {
        const out = lines(t, w);
        const strip = (s: string) => graphemes(s.replace(/\s/g, ''));
        expect(strip(out.join(''))).toEqual(strip(t));
      }),
    );
  });

  it('starts no line with closing punctuation unless its paragraph does', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 12 }), (t, w) => {
        const starts = new Set(t.split('\n').map((p) => p.trimStart().slice(0, 1)));
        for (const line of lines(t, w)) if (CLOSING.test(line)) expect(starts).toContain(line[0]);
      }),
    );
  });

  it('fits every line that holds more than one unbreakable piece', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 2, max: 12 }), (t, w) => {
        for (const line of lines(t, w)) if (ems(line) > w) expect(breakUnits(line, 'en', true).length).toBe(1);
      }),
    );
  });
});

describe('fitText', () => {
  const box = { w: 900, h: 460 };
  it.each([
    ['a short wish gets the largest size', 'Hi!', 110],
    ['a long wish gets smaller', 'Happy birthday! May all your wishes come true, today and every day of the year.', undefined],
    ['Chinese fits too', '生日快乐！愿你所有的心愿都成真，岁岁平安，万事顺意。', undefined],
  ])('%s', (_name, text, size) => {
    const f = fitText(text, box, measure, { min: 28, max: 110 });
    if (size) expect(f.size).toBe(size);
    expect(f.lines.length * f.size * 1.3).toBeLessThanOrEqual(box.h);
    for (const l of f.lines) expect(measure(l, f.size)).toBeLessThanOrEqual(box.w);
    // One size larger would not fit: the search found the largest.
    if (f.size < 110) {
      const bigger = breakLines(text, box.w, (s) => measure(s, f.size + 1));
      expect(bigger.length * (f.size + 1) * 1.3).toBeGreaterThan(box.h);
    }
  });

  it('falls back to the minimum when nothing fits', () => {
    const f = fitText('word '.repeat(200), { w: 300, h: 100 }, measure, { min: 20, max: 80 });
    expect(f.size).toBe(20);
  });

  it('agrees with a linear search', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), fc.integer({ min: 100, max: 1000 }), fc.integer({ min: 60, max: 800 }), (t, w, h) => {
        const fits = (s: number) => {
          const ls = breakLines(t, w, (x) => measure(x, s));
          // No word cut in two (see fitText), unless nothing else fits.
          const whole = t.split('\n').flatMap((p) => breakUnits(p)).every((u) => measure(u.trim(), s) <= w);
          return ls.length * s * 1.3 <= h && ls.every((l) => measure(l, s) <= w) && whole;
        };
        let expected = 20;
        for (let s = 20; s <= 90; s++) if (fits(s)) expected = s;
        expect(fitText(t, { w, h }, measure, { min: 20, max: 90 }).size).toBe(expected);
      }),
      { numRuns: 60 },
    );
  });
});

describe('setLines', () => {
  const m = (s: string) => measure(s, 40);
  it('ends on no stray character: the lines evened out, each ending a clause (not 心想 / 事成)', () => {
    const text = '生日快乐！愿你心想事成，岁岁欢喜。';
    const plain = breakLines(text, 520, m);
    expect(plain.at(-1)).toBe('岁欢喜。');
    expect(setLines(text, 520, m, 'zh-CN', plain.length)!.lines).toEqual(['生日快乐！', '愿你心想事成，岁岁欢喜。']);
    // With room for a line more, a clause a line.
    expect(setLines(text, 520, m, 'zh-CN')!.lines).toEqual(['生日快乐！', '愿你心想事成，', '岁岁欢喜。']);
  });

  it('keeps every grapheme in order, in no more lines than it has room for, none wider than the box, and never opens a line with closing punctuation', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), fc.integer({ min: 60, max: 900 }), (t, w) => {
        const plain = breakLines(t, w, m);
        const even = setLines(t, w, m, undefined, plain.length)!.lines;
        expect(even.length).toBeLessThanOrEqual(plain.length);
        expect(even.join('').replace(/\s/g, '')).toBe(t.replace(/\s/g, ''));
        if (plain.every((l) => m(l) <= w)) for (const l of even) expect(m(l)).toBeLessThanOrEqual(w);
      }),
      { numRuns: 80 },
    );
    for (const l of setLines('好'.repeat(30) + '，好好。', 400, m)!.lines.slice(1)) expect(l).not.toMatch(/^[，。]/);
  });
});

describe('graphemeCount', () => {
  it.each([
    ['abc', 3],
    ['生日快乐', 4],
    [`${FAMILY}${FLAG_CN}${THUMB}`, 3],
  ])('%s has %i', (s, n) => expect(graphemeCount(s)).toBe(n));
});

describe('clipGraphemes', () => {
  it.each([
    ['shorter stays', 'abc', 5, 'abc'],
    ['Chinese by character', '生日快乐', 2, '生日'],
    ['an emoji family is one', `a${FAMILY}b`, 2, `a${FAMILY}`],
    ['a flag is never halved', `${FLAG_CN}${FLAG_US}`, 1, FLAG_CN],
  ])('%s', (_n, text, max, out) => expect(clipGraphemes(text, max)).toBe(out));
});

describe('the cost of fitting', () => {
  /** Each Intl.Segmenter built and each text it cuts while `run` runs. */
  function segmenting(run: () => void) {
    const Own = Intl.Segmenter;
    const built: string[] = [];
    let cut = 0;
    const ownSegment = Own.prototype.segment;
    class Counting extends Own {
      constructor(...[locale, options]: ConstructorParameters<typeof Own>) {
        super(locale, options);
        built.push(options?.granularity ?? 'grapheme');
      }
    }
    // Segmenters built before (text.ts keeps them) are counted too.
    Own.prototype.segment = function (this: Intl.Segmenter, text: string) {
      cut++;
      return ownSegment.call(this, text);
    };
    const global = Intl as { Segmenter: typeof Own };
    global.Segmenter = Counting;
    try {
      run();
    } finally {
      global.Segmenter = Own;
      Own.prototype.segment = ownSegment;
    }
    return { built, cut };
  }

  it("builds no word segmenter (ICU's word rules cost 80 ms at 4× CPU slowdown), in either language", () => {
    const { built } = segmenting(() => {
      for (const locale of ['en', 'zh-CN', 'ja', 'fr']) {
        fitText(`Happy birthday, ${locale}! 生日快乐，${locale}！`, { w: 900, h: 400 }, measure, { min: 20, max: 120, locale });
        // Choosing lines keeps 每一天 whole without one either.
        setLines(`Happy birthday, ${locale}! 谢谢你，让我的每一天都充满阳光。`, 500, (s) => measure(s, 40), locale);
      }
    });
    expect(built).not.toContain('word');
  });

  it('needs no Intl.Segmenter for words with nothing that joins characters (the first costs 50 to 190 ms at 4× CPU slowdown)', () => {
    const { built, cut } = segmenting(() => {
      for (const [text, locale] of [
        ['生日快乐！愿你心想事成，岁岁欢喜。', 'zh-CN'],
        ['Happy birthday! May all your wishes come true — café, naïve.', 'en'],
        ['ありがとう、「また」ね。', 'ja'],
      ])
        // Measured by length: the stand-in measure segments, and would be counted.
        fitText(text, { w: 840, h: 330 }, (t, size) => t.length * size, { min: 30, max: 64, locale });
    });
    expect({ built, cut }).toEqual({ built: [], cut: 0 });
  });

  it('cuts characters as Intl.Segmenter does, marks, joiners, emoji and all', () => {
    const own = new Intl.Segmenter('en', { granularity: 'grapheme' });
    const chars = ['a', 'é', 'e\u0301', '生', '，', 'か', '\u3099', 'ｶ', '\uff9e', '\u302a', FAMILY, FLAG_CN, THUMB, '\u200d', '\ufe0f', '\r\n', '\r', '\n', ' ', '\u00a0', '—', '…', '\u00ad', '2'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...chars), { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        expect(cut(text)).toEqual(Array.from(own.segment(text), (x) => x.segment));
      }),
      { numRuns: 300 },
    );
  });

  it('cuts a text into graphemes once, however many sizes and widths fitting and balancing try', () => {
    // An emoji: this text needs the segmenter (plain words need none, above).
    const text = '新年快乐🎉！愿你在新的一年里平安喜乐，万事顺遂，所有的美好都如期而至。';
    // Measured by length here: the stand-in measure segments too, and would be counted.
    const wide = (s: string, size: number) => s.length * size;
    const { cut } = segmenting(() => {
      const f = fitText(text, { w: 840, h: 330 }, wide, { min: 30, max: 64, locale: 'zh-CN' });
      setLines(text, 840, (s) => wide(s, f.size), 'zh-CN', 4);
    });
    expect(cut).toBe(1);
  });
});
