// Line breaking and auto-fit for text drawn on a canvas. Pure: the caller passes in a
// measuring function (canvas measureText in the browser, a fake in tests).

/** Width of `text` at font size `size`, in the same units as the box. */
export type Measure = (text: string, size: number) => number;

// Kinsoku: a line never starts with closing punctuation nor ends with opening punctuation.
const CLOSE = /^[，。！？、）」』】》〉；：…”’,.!?)\]}%:;]/u;
const OPEN = /[（「『【《〈“‘([{]$/u;
const NO_BREAK = /^[\u00a0\u2011\u2060\u202f]+$/u;

// Breaks fall at spaces (not at no-break ones), and beside each CJK character (Chinese
// and Japanese have no spaces: any grapheme boundary is a break opportunity) and each
// emoji. (Not Intl's word segmenter: building one takes ICU's word rules, 80 ms at 4× CPU
// slowdown, a long task of its own on a card's first drawing; English needs only spaces.)
const SPACE = /([^\S\u00a0\u2007\u202f]+)/u;
const ALONE = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\u3000-\u303f\uff00-\uffef\p{Extended_Pictographic}\p{Regional_Indicator}]/u;

// Printable ASCII, Latin letters made whole (no combining marks), general punctuation but
// for the zero-width and joining ones, CJK punctuation, kana but for its combining sound
// marks, CJK ideographs, full-width forms but for the half-width sound marks.
const SIMPLE = /^[\u0020-\u007e\u00a0-\u02ff\u2010-\u2027\u2030-\u205e\u3000-\u3029\u3030-\u3098\u309b-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff01-\uff9d\uffa0-\uffef]*$/;

const segmenters = new Map<string, Intl.Segmenter>();
// Fitting a text tries a dozen sizes and widths, and each breaks the same words again:
// each text is cut into graphemes once. Callers only read the arrays; the cache is
// dropped when full.
const segmented = new Map<string, readonly string[]>();
function segment(text: string, locale?: string): readonly string[] {
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

/** Words and spaces, with each CJK character and each emoji a piece of its own. */
function pieces(text: string, locale?: string): string[] {
  const out: string[] = [];
  for (const run of text.split(SPACE)) {
    if (!ALONE.test(run)) {
      if (run) out.push(run);
      continue;
    }
    let word = '';
    for (const g of segment(run, locale)) {
      if (!ALONE.test(g)) word += g;
      else {
        if (word) out.push(word);
        out.push(g);
        word = '';
      }
    }
    if (word) out.push(word);
  }
  return out;
}

/** The graphemes of `text`: what a reader sees as characters. */
export const graphemes = (text: string): string[] => [...segment(text)];

/** Count what a reader sees as characters: an emoji family or a flag counts once. */
export const graphemeCount = (text: string): number => segment(text).length;

/** The first `max` graphemes of `text`: a limit that never cuts an emoji or a flag in two. */
export const clipGraphemes = (text: string, max: number): string => segment(text).slice(0, max).join('');

/**
 * Cut `text` into the pieces a line may break between: words for spaced scripts,
 * graphemes for CJK (so emoji sequences and flags stay whole), with punctuation glued
 * to the piece it must not be parted from.
 */
export function breakUnits(text: string, locale?: string, graphemesOnly = false): string[] {
  const out: string[] = [];
  let glueNext = false;
  for (const p of graphemesOnly ? segment(text, locale) : pieces(text, locale)) {
    const last = out.length - 1;
    // A no-break space or hyphen holds its neighbours together: "Mid‑Autumn" never parts.
    const noBreak = NO_BREAK.test(p);
    if (last >= 0 && (glueNext || noBreak || CLOSE.test(p))) {
      // "word ," must move as one, else the comma would open the next line.
      if (!glueNext && last > 0 && !out[last].trim()) out[last - 1] += out.pop();
      out[out.length - 1] += p;
    } else out.push(p);
    glueNext = OPEN.test(p) || noBreak;
  }
  return out;
}

/** Greedy line breaking within `width`. Hard newlines are kept; a word wider than the line is split by grapheme. */
export function breakLines(text: string, width: number, measure: (s: string) => number, locale?: string): string[] {
  const lines: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    for (let u of breakUnits(para, locale)) {
      if (measure((line + u).trimEnd()) <= width) {
        line += u;
        continue;
      }
      if (line.trim()) lines.push(line.trimEnd());
      u = u.trimStart();
      line = '';
      if (measure(u) <= width) line = u;
      else
        for (const g of breakUnits(u, locale, true)) {
          if (line && measure(line + g) > width) {
            lines.push(line);
            line = g;
          } else line += g;
        }
    }
    lines.push(line.trimEnd());
  }
  return lines;
}

export interface Fitted {
  size: number;
  lines: string[];
}

/**
 * The largest whole font size from `min` to `max` at which `text` fits `box`, found by
 * binary search (a larger size never needs fewer lines). If nothing fits, `min`.
 */
export function fitText(
  text: string,
  box: { w: number; h: number },
  measure: Measure,
  { min = 24, max = 120, lineHeight = 1.3, locale }: { min?: number; max?: number; lineHeight?: number; locale?: string } = {},
): Fitted {
  const at = (size: number): Fitted => ({ size, lines: breakLines(text, box.w, (s) => measure(s, size), locale) });
  // A word cut in two is a last resort: a size at which some word is wider than the box does not fit.
  const words = text.split('\n').flatMap((p) => breakUnits(p, locale)).map((u) => u.trim()).filter(Boolean);
  const fits = (f: Fitted) =>
    f.lines.length * f.size * lineHeight <= box.h && f.lines.every((l) => measure(l, f.size) <= box.w) && words.every((w) => measure(w, f.size) <= box.w);
  let best = at(min);
  for (let lo = min + 1, hi = max; lo <= hi; ) {
    const mid = (lo + hi) >> 1;
    const f = at(mid);
    if (fits(f)) {
      best = f;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best;
}

/**
 * The same text in the same number of lines, as even as they go (CSS's text-wrap:
 * balance): the narrowest width that still needs no more lines. A card then never ends
 * on one stray word or character ("…心想事成，岁 / 岁欢喜。").
 */
export function balanceLines(text: string, width: number, measure: (s: string) => number, locale?: string): string[] {
  const lines = breakLines(text, width, measure, locale);
  if (lines.length < 2) return lines;
  let lo = 1;
  let hi = width;
  let best = lines;
  while (hi - lo > 1) {
    const mid = (lo + hi) / 2;
    const l = breakLines(text, mid, measure, locale);
    // Narrower only while no line (a long word, cut) spills past the narrower width.
    if (l.length <= lines.length && l.every((x) => measure(x) <= mid)) {
      best = l;
      hi = mid;
    } else lo = mid;
  }
  return best;
}
