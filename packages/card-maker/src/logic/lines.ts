// Line breaking, auto-fit and the lines a designer picks, for text drawn on a canvas.
// Pure: the caller passes in a measuring function (canvas measureText in the browser, a
// fake in tests). Loaded with the drawing code (draw.ts), not with the widget.
import { segment } from './text.js';

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

// Where a line may end, and what it costs, in the unit of a line left short by the whole
// width: choosing lines (setLines) adds these to how uneven the lines are. A sentence's end
// is the best place, a comma's next; in English any space will do; in Chinese, where no
// space marks a word, between a particle and what follows (我的 / 每一天) or before a word
// that opens a phrase (…每一天 / 都充满…), else anywhere but inside 每一天, 岁岁 or 我的.
// (Not Intl's word segmenter: building one costs 60-100 ms at 4× CPU slowdown, a long task,
// and its dictionary cuts 每一/天 and 最美/好的 anyway.)
const END = /[。！？.!?…][」』”’）)]*$/u;
const PAUSE = /[，、；：,;:—」』”’）》〉】)]$/u;
// What never starts a line: particles and suffixes; the same but 过 (a verb as often) end a phrase.
const AFTER = /^[的了着过地得们吗呢吧啊呀哦么嘛啦子]/u;
const PARTICLE = /[的了着地得们吗呢吧啊呀哦么嘛啦子]$/u;
// What opens a phrase (and so never ends a line): measure words, pronouns that point,
// prepositions, adverbs and the verbs of wishing.
const BEFORE = /[每各第这那哪某把被让给对向从和与跟同很最更太都也还就才又再而不没别是一愿祝]$/u;
const HAN = /^\p{sc=Han}$/u;
// English: a space after a sentence or a comma is a little better than any other, and a
// line had better not end on an article or a preposition ("the / kindest friend").
const SMALL = /(^|\s)(a|an|the|to|of|for|and|my|your|I)$/iu;
const COST = { end: 0, pause: 0.1, space: 0.15, small: 0.3, phrase: 0.5, han: 0.9, bound: 2, cut: 3, line: 0.1, scrap: 0.6 };

/** What breaking between units `a` and `b` costs (`spaced`: a space lies between them). */
function cost(a: string, b: string, spaced: boolean): number {
  if (END.test(a)) return spaced ? COST.space - 0.1 : COST.end;
  if (PAUSE.test(a)) return spaced ? COST.space - 0.05 : COST.pause;
  if (spaced) return SMALL.test(a) ? COST.small : COST.space;
  const x = a.slice(-1);
  const y = b[0] ?? '';
  if (BEFORE.test(x) || AFTER.test(y) || (x === y && HAN.test(x))) return COST.bound;
  return PARTICLE.test(x) || BEFORE.test(y) ? COST.phrase : COST.han;
}

export interface LineSet {
  lines: string[];
  /** What the lines cost (see COST): lower is better; sets at different sizes compare. */
  score: number;
}

/**
 * What of a paragraph holds at any width: its units, their widths summed, and what
 * breaking before each costs. A word wider than `width` is cut between its graphemes,
 * at a cost (prepared again for a width narrower than its widest word).
 */
function prepare(p: string, measure: (s: string) => number, locale?: string, width = Infinity) {
  const units: string[] = [];
  const cut: boolean[] = [];
  let widest = 0;
  for (const u of breakUnits(p.trim(), locale)) {
    const w = measure(u.trim());
    const parts = w <= width ? [u] : breakUnits(u.trim(), locale, true);
    widest = Math.max(widest, w);
    for (const [k, g] of parts.entries()) {
      units.push(g);
      cut.push(k > 0);
    }
  }
  const m = units.length;
  const space = units.map((u) => !u.trim());
  const sum = [0];
  for (const u of units) sum.push(sum.at(-1)! + measure(u));
  // A scrap of a clause alone at a line's end or start ("…陪伴。无 / 论…", "…在我身 / 边。",
  // "…birthday! May all / your…"): two characters in Chinese, one word in English (two
  // when a sentence starts). head[i] counts the words of i's clause up to i, tail[i]
  // those from i to its end; opens[i] is where i's clause starts: a line that starts
  // there too holds no scrap at its end, it holds the clause's start.
  const ends = (i: number) => !space[i] && (END.test(units[i]) || PAUSE.test(units[i]));
  const head: number[] = [];
  const tail: number[] = [];
  const opens: number[] = [];
  const fresh: boolean[] = [];
  for (let i = 0, n = 0, o = 0, f = false; i < m; i++) {
    const prev = i - 1 - +space[i - 1];
    if (!space[i]) n = i && ends(prev) ? ((f = END.test(units[prev])), (o = i), 1) : n + 1;
    head.push(n);
    opens.push(o);
    fresh.push(f);
  }
  for (let i = m - 1, n = 0; i >= 0; i--) tail[i] = space[i] ? n : (n = ends(i) ? 1 : n + 1);
  const scrap = (i: number, n: number, most = 1) => n <= (HAN.test(units[i][0] ?? '') ? 2 : most);
  // Breaking before unit k: never before a space (after it instead), nor at the end; what
  // it costs more (dangle) when the line began before the clause that k breaks (from).
  const brk: number[] = [];
  const dangle: number[] = [];
  const from: number[] = [];
  for (const [k, u] of units.entries()) {
    const a = space[k - 1] ? k - 2 : k - 1;
    const inside = a >= 0 && !ends(a);
    brk.push(cut[k] ? COST.cut : space[k] || a < 0 ? Infinity : cost(units[a], u, space[k - 1]) + (inside && scrap(k, tail[k]) ? COST.scrap : 0));
    dangle.push(inside && scrap(a, head[a], fresh[a] ? 2 : 1) ? COST.scrap : 0);
    from.push(a < 0 ? 0 : opens[a]);
  }
  brk.push(0);
  dangle.push(0);
  from.push(0);
  return { p, units, space, sum, brk, dangle, from, widest, m };
}

/** A prepared paragraph's least-cost sets in 1, 2, … lines of `width`. */
function sets({ units, space, sum, brk, dangle, from: opens, m }: ReturnType<typeof prepare>, width: number) {
  // A line never starts with a space: only its end may need trimming.
  const lineWidth = (j: number, k: number) => sum[space[k - 1] ? k - 1 : k] - sum[j];
  // c[l][k]: least cost of units [0, k) in l lines, each as short of the width as it is,
  // squared (for a given number of lines, the evenest lines cost least); from[l][k]: where
  // its last line starts.
  const c = [[0, ...Array<number>(m).fill(Infinity)]];
  const from: number[][] = [[]];
  const layer = () => {
    const prev = c.at(-1)!;
    const row = Array<number>(m + 1).fill(Infinity);
    const back: number[] = [];
    for (let k = c.length; k <= m; k++) {
      const b = brk[k];
      if (b === Infinity) continue;
      // (lineWidth inlined: this loop is most of a card's first layout, and it runs cold.)
      const trim = space[k - 1] ? 1 : 0;
      const end = sum[k - trim];
      for (let j = k - 1; j >= 0; j--) {
        const slack = width - end + sum[j];
        // Wider than the line only when one word alone is (and a space after it).
        if (slack < 0 && k - j > 1 + trim) break;
        const v = prev[j] + (slack / width) ** 2 + b + (j < opens[k] ? dangle[k] : 0);
        if (v < row[k]) {
          row[k] = v;
          back[k] = j;
        }
      }
    }
    c.push(row);
    from.push(back);
  };
  // The fewest lines it takes (each word then fits: wider ones were cut).
  do layer();
  while (m && c.at(-1)![m] === Infinity && c.length <= m);
  const least = c.length - 1;
  /** The least-cost set in `n` lines, scored against the longest line rather than the box. */
  const pick = (n: number): LineSet | undefined => {
    if (!m) return { lines: [''], score: 0 };
    while (c.length <= n) layer();
    if (c[n][m] === Infinity) return;
    const stops = [m];
    for (let l = n; l > 1; l--) stops.unshift(from[l][stops[0]]);
    stops.unshift(0);
    const spans = stops.slice(1).map((k, l) => [stops[l], k]);
    const longest = Math.max(...spans.map(([j, k]) => lineWidth(j, k)));
    return {
      lines: spans.map(([j, k]) => units.slice(j, k).join('').trim()),
      score: spans.reduce((s, [j, k]) => s + ((longest - lineWidth(j, k)) / width) ** 2 + brk[k] + (j < opens[k] ? dangle[k] : 0), 0) + (n - least) * COST.line,
    };
  };
  return { least, pick };
}

/**
 * Lines for a card, where a designer breaks them: found by dynamic programming over the
 * break units (after Knuth and Plass, as CSS's text-wrap: pretty). Lines as even as they
 * go (no stray word or character alone on the last line), breaks where they cost least
 * (see COST), no line wider than the width unless one word alone is, and the fewest
 * lines, or one more a paragraph when `maxLines` leaves room and its breaks are that much
 * better (生日快乐！/ 愿你心想事成，/ 岁岁欢喜。). Returns a setter for any width in the
 * units of `measure`: the text is cut and each unit measured once, whatever the widths
 * (and sizes) tried. The setter gives undefined when it takes more than `maxLines`.
 */
export function lineSetter(text: string, measure: (s: string) => number, locale?: string) {
  const paras = text.split('\n').map((p) => prepare(p, measure, locale));
  return (width: number, maxLines = Infinity): LineSet | undefined => {
    const all = paras.map((q) => sets(q.widest > width ? prepare(q.p, measure, locale, width) : q, width));
    let room = maxLines - all.reduce((n, p) => n + p.least, 0);
    if (room < 0) return;
    const lines: string[] = [];
    let score = 0;
    for (const p of all) {
      let set = p.pick(p.least)!;
      const more = room > 0 ? p.pick(p.least + 1) : undefined;
      if (more && more.score < set.score) {
        set = more;
        room--;
      }
      lines.push(...set.lines);
      score += set.score;
    }
    return { lines, score };
  };
}

/** The lines of `text` in `width` (see lineSetter). */
export const setLines = (text: string, width: number, measure: (s: string) => number, locale?: string, maxLines?: number): LineSet | undefined =>
  lineSetter(text, measure, locale)(width, maxLines);
