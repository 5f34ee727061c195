// A stand-in for canvas measureText in node: wide (CJK, emoji) graphemes are one em,
// everything else half an em. Proportional to size, like a real font.
const g = new Intl.Segmenter('en', { granularity: 'grapheme' });
const WIDE = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\u3000-\u303f\uff00-\uffef\p{Extended_Pictographic}\p{Regional_Indicator}]/u;

export const ems = (s: string): number => Array.from(g.segment(s), (x) => (WIDE.test(x.segment) ? 1 : 0.5)).reduce((a, b) => a + b, 0);
export const measure = (s: string, size: number): number => ems(s) * size;
export const graphemes = (s: string): string[] => Array.from(g.segment(s), (x) => x.segment);
