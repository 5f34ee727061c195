// What a reader sees as characters, for limits and line breaking: graphemes, cut
// without Intl.Segmenter when nothing in the text joins characters. Pure; loaded with the
// widget (the message's limit counts graphemes), where lines.ts loads with the drawing.

// Printable ASCII, Latin letters made whole (no combining marks), general punctuation but
// for the zero-width and joining ones, CJK punctuation, kana but for its combining sound
// marks, CJK ideographs, full-width forms but for the half-width sound marks.
const SIMPLE = /^[\u0020-\u007e\u00a0-\u02ff\u2010-\u2027\u2030-\u205e\u3000-\u3029\u3030-\u3098\u309b-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff01-\uff9d\uffa0-\uffef]*$/;

const segmenters = new Map<string, Intl.Segmenter>();
// Fitting a text tries a dozen sizes and widths, and each breaks the same words again:
// each text is cut into graphemes once. Callers only read the arrays; the cache is
// dropped when full.
const segmented = new Map<string, readonly string[]>();
export function segment(text: string, locale?: string): readonly string[] {
  // Text with nothing that joins characters (marks, joiners, variation selectors, emoji,
  // CR LF) is one grapheme a character. Most words are such, and a page's first
  // Intl.Segmenter costs 50 to 190 ms at 4× CPU slowdown (ICU's break rules are loaded).
  if (SIMPLE.test(text)) return Array.from(text);
  const key = locale ?? '';
  const memo = `${key}\0${text}`;
  let out = segmented.get(memo);
  if (out) return out;
  let s = segmenters.get(key);
  if (!s) segmenters.set(key, (s = new Intl.Segmenter(locale, { granularity: 'grapheme' })));
  if (segmented.size > 500) segmented.clear();
  segmented.set(memo, (out = Array.from(s.segment(text), (x) => x.segment)));
  return out;
}

/** The graphemes of `text`: what a reader sees as characters. */
export const graphemes = (text: string): string[] => [...segment(text)];

/** Count what a reader sees as characters: an emoji family or a flag counts once. */
export const graphemeCount = (text: string): number => segment(text).length;

/** The first `max` graphemes of `text`: a limit that never cuts an emoji or a flag in two. */
export const clipGraphemes = (text: string, max: number): string => segment(text).slice(0, max).join('');
