// Where the words go on the card, in card pixels (see card.ts), and how images are
// cropped. Loaded with the drawing (draw.ts); geometry.ts holds what the widget needs first.
import type { Headline, Rect, Template } from './card.js';
import { fitText, lineSetter, type Fitted, type Measure } from './lines.js';
import { graphemes } from './text.js';

/**
 * The text area. In a plain design (no headline, no illustration) a card without a photo
 * gives the photo's place to the text as well; a design with art keeps that place for it.
 */
export function textBox(t: Template, hasPhoto: boolean): Rect {
  const a = t.text;
  const p = t.photo;
  if (hasPhoto || !p || t.headline || t.layers.length) return a;
  const x = Math.min(a.x, p.x);
  const y = Math.min(a.y, p.y);
  return { x, y, w: Math.max(a.x + a.w, p.x + p.w) - x, h: Math.max(a.y + a.h, p.y + p.h) - y };
}

export interface TextLayout extends Fitted {
  /** Where each line's baseline anchor is, in drawing order. */
  at: { x: number; y: number }[];
  align: CanvasTextAlign;
  /** The box the drawn text fills: what tests hold inside the text area and apart from the headline. */
  bounds: Rect;
}

const union = (boxes: Rect[]): Rect => {
  if (!boxes.length) return { x: 0, y: 0, w: 0, h: 0 };
  const x = Math.min(...boxes.map((b) => b.x));
  const y = Math.min(...boxes.map((b) => b.y));
  return { x, y, w: Math.max(...boxes.map((b) => b.x + b.w)) - x, h: Math.max(...boxes.map((b) => b.y + b.h)) - y };
};

// What setting the text smaller costs, per whole of its size (see COST in lines.ts), and
// a cost below which no smaller size is tried (every break at a clause's end, or nearly).
const SHRINK = 4;
const GOOD = 0.5;

/** Lines set across, centred as a block in `box`, each anchored by `align`. */
function across(text: string, box: Rect, align: Template['text']['align'], measure: Measure, o: { min: number; max: number; lineHeight: number; locale?: string | undefined }): TextLayout {
  const fitted = fitText(text, box, measure, o);
  // The largest size that fits, or one up to a fifth smaller if its breaks are that much
  // better: a long Chinese message set at 56 px breaks inside 身边 and 万事; at 52 px every
  // line ends at a comma or a full stop. Widths are proportional to the size: one setter,
  // measuring at size 1, serves every size.
  const set = lineSetter(text, (s) => measure(s, 1), o.locale);
  const tries: (Fitted & { cost: number })[] = [];
  // Six sizes, 4% apart, and none once the lines are good enough (no break inside a
  // clause): each is a pass of the line choosing, and a card's first layout runs cold.
  for (let k = 0; k < 6; k++) {
    const size = Math.round(fitted.size * (1 - k * 0.04));
    if (size < o.min || (tries.length && Math.min(...tries.map((t) => t.cost)) < GOOD)) break;
    const s = set(box.w / size, Math.floor(box.h / (size * o.lineHeight) + 1e-9));
    if (s) tries.push({ size, lines: s.lines, cost: s.score + (SHRINK * (fitted.size - size)) / fitted.size });
  }
  // The lines were chosen by the sum of their words' widths: the set taken is measured
  // whole first (kerning across a space may make a line a pixel wider).
  const f: Fitted = tries.sort((a, b) => a.cost - b.cost).find((t) => t.lines.every((l) => measure(l, t.size) <= box.w)) ?? fitted;
  const step = f.size * o.lineHeight;
  const top = box.y + Math.max(0, (box.h - step * f.lines.length) / 2);
  const x = align === 'left' ? box.x : align === 'right' ? box.x + box.w : box.x + box.w / 2;
  // Baselines sit at the middle of each line box (drawn with textBaseline 'middle'). A
  // centred line that ends in Chinese punctuation (，。！ and the like) is centred on its
  // ink: in a Simplified Chinese face the mark sits in the left half of its square and the
  // right half is blank (so a quarter em over, never out of the box).
  const widths = f.lines.map((l) => measure(l, f.size));
  const at = f.lines.map((l, i) => ({ x: x + (align === 'center' && /[，。、；：！？]$/u.test(l) ? Math.min(f.size / 4, (box.w - widths[i]) / 2) : 0), y: top + step * (i + 0.5) }));
  const bounds = union(
    f.lines.flatMap((l, i) => {
      const w = widths[i];
      const p = at[i];
      return l ? [{ x: align === 'left' ? p.x : align === 'right' ? p.x - w : p.x - w / 2, y: p.y - step / 2, w, h: step }] : [];
    }),
  );
  return { ...f, align, at, bounds };
}

/** Fit the message into the template's text area and centre the block vertically. */
export function layoutText(t: Template, message: string, hasPhoto: boolean, measure: Measure, locale?: string): TextLayout {
  return across(message, textBox(t, hasPhoto), t.text.align, measure, { min: t.text.min, max: t.text.max, lineHeight: 1.3, locale });
}

// Set top to bottom, Chinese punctuation takes its vertical form (a comma sits in the corner, brackets turn).
const UPRIGHT: Record<string, string> = { '，': '︐', '。': '︒', '、': '︑', '！': '︕', '？': '︖', '：': '︓', '；': '︔', '…': '︙', '（': '︵', '）': '︶', '「': '﹁', '」': '﹂', '《': '︽', '》': '︾' };

/**
 * The card's language: the language of the fan's words when they show it (a card keeps
 * one language, and a received card reads as it was sent), else the fan's locale.
 */
export const cardLang = (message: string, locale: string): 'en' | 'zh-CN' =>
  /\p{sc=Han}/u.test(message) ? 'zh-CN' : /[A-Za-z]/.test(message) ? 'en' : locale === 'zh-CN' ? 'zh-CN' : 'en';

/** The headline's words in the card's language. */
export const headlineText = (h: Headline, lang: string): string => h.text[lang === 'zh-CN' ? 'zh-CN' : 'en'];

/**
 * Fit the headline into its rect: across, like the message (its own sizes and leading),
 * or, when the design sets it vertical and the words are Chinese, in columns read top
 * to bottom, right to left, one grapheme a cell.
 */
export function layoutHeadline(h: Headline, locale: string, measure: Measure): TextLayout & { vertical: boolean } {
  const text = headlineText(h, locale);
  const cjk = /\p{sc=Han}/u.test(text) && !/[A-Za-z]/.test(text);
  if (!h.vertical || !cjk) return { ...across(text, h, h.align, measure, { min: h.min, max: h.max, lineHeight: h.leading, locale }), vertical: false };
  const cols = text.split('\n').map((c) => graphemes(c.replace(/\s/g, '')).map((g) => UPRIGHT[g] ?? g));
  const longest = Math.max(1, ...cols.map((c) => c.length));
  // Cells are square (CJK is set on a square body); columns stand `leading` apart.
  const size = Math.max(h.min, Math.min(h.max, Math.floor(h.w / (cols.length * h.leading)), Math.floor(h.h / longest)));
  const step = size * h.leading;
  const width = step * (cols.length - 1) + size;
  const left = h.align === 'left' ? h.x : h.align === 'right' ? h.x + h.w - width : h.x + (h.w - width) / 2;
  const top = h.y + Math.max(0, (h.h - longest * size) / 2);
  const lines: string[] = [];
  const at: { x: number; y: number }[] = [];
  cols.forEach((col, i) => {
    const x = left + width - size / 2 - i * step;
    col.forEach((g, j) => (lines.push(g), at.push({ x, y: top + size * (j + 0.5) })));
  });
  const bounds = union(at.map((p) => ({ x: p.x - size / 2, y: p.y - size / 2, w: size, h: size })));
  return { size, lines, at, align: 'center', bounds, vertical: true };
}

/** Source crop that fills `box` with an image of `w`×`h`, centred, without distortion. */
export function cover(w: number, h: number, box: Rect): Rect {
  const s = Math.max(box.w / w, box.h / h);
  const sw = box.w / s;
  const sh = box.h / s;
  return { x: (w - sw) / 2, y: (h - sh) / 2, w: sw, h: sh };
}
