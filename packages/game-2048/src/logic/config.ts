// Pure checks for the element's JSON attributes, and the tiles' colours and label
// widths. No lit, no DOM:
// the element passes in the URL and colour parsers, which need the page (base URL,
// CSS.supports); it uses @fanfare/core's.
import type { Parsed } from '@fanfare/core/parse';

export interface Reward {
  /** Reached when a tile of this value appears… */
  tile?: number;
  /** …or when the score gets here. */
  score?: number;
  title: string;
  /** Inline mode only: the code shown to the winner. Anyone can read it in the page. */
  code?: string;
}

export interface SkinTile {
  label?: string;
  image?: string;
  color?: string;
}
export type Skin = Record<number, SkinTile>;

const fail = (reason: string): Parsed<never> => ({ ok: false, reason });
const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const isPow2 = (n: unknown): n is number => Number.isInteger(n) && (n as number) >= 2 && ((n as number) & ((n as number) - 1)) === 0;
const isText = (v: unknown, max: number): v is string => typeof v === 'string' && v.trim() !== '' && v.length <= max;

/** What is wrong with one entry of `rewards`, or '' when it is a reward. */
function rewardProblem(r: unknown): string {
  return !isObj(r)
    ? 'not an object'
    : !isText(r.title, 200) || (r.code !== undefined && !isText(r.code, 200))
      ? 'needs a "title" (and any "code") as text'
      : (r.tile === undefined ? Number.isInteger(r.score) && (r.score as number) > 0 : r.score === undefined && isPow2(r.tile) && r.tile > 2)
        ? ''
        : 'needs a "tile" of 4, 8 … 2048 or a whole "score" above 0, not both';
}

/** The rewards that are well formed; a broken entry is named and left out, and the rest stay. */
export function parseRewards(v: unknown): Parsed<Reward[]> {
  if (!Array.isArray(v)) return fail('expected [{"tile": 512 or "score": 5000, "title": "…", "code": "…"}]');
  const value: Reward[] = [];
  const bad: string[] = [];
  v.forEach((r, i) => {
    const why = rewardProblem(r);
    if (why) bad.push(`entry ${i + 1}: ${why}`);
    else value.push({ tile: r.tile, score: r.score, title: r.title, code: r.code });
  });
  if (!bad.length) return { ok: true, value };
  return value.length ? { ok: true, value, partial: { skipped: bad.join('; '), keeping: `the other ${value.length}` } } : fail(bad.join('; '));
}

type Parse = (raw: string) => Parsed<string>;

export function parseSkin(v: unknown, image: Parse, color: Parse): Parsed<Skin> {
  const out: Skin = {};
  for (const [key, t] of Object.entries(isObj(v) ? v : [0])) {
    const n = Number(key);
    if (!isPow2(n) || !isObj(t) || (t.label !== undefined && !isText(t.label, 40))) {
      return fail('expected {"2": {"label": "…", "image": "…", "color": "…"}, …}');
    }
    const tile: SkinTile = (out[n] = { label: t.label as string | undefined });
    for (const k of ['image', 'color'] as const) {
      if (t[k] === undefined) continue;
      const r = (k === 'image' ? image : color)(String(t[k]));
      if (!r.ok) return fail(`tile ${key}: ${r.reason}`);
      tile[k] = r.value;
    }
  }
  return { ok: true, value: out };
}

/** Tiers (indexes into `rewards`) that a game at this score and largest tile has reached. */
export function reached(rewards: readonly Reward[], score: number, maxTile: number): number[] {
  return rewards.flatMap((r, i) => ((r.tile ? maxTile >= r.tile : score >= (r.score ?? Infinity)) ? [i] : []));
}

/** Width of a label in half-width units: a Chinese character is as wide as two digits. */
export const labelWidth = (text: string): number => text.replace(/[\u2e80-\u9fff\uff00-\uffef]/g, '..').length;

// Tile backgrounds for 2, 4, 8 … 4096 and beyond; each with the text colour that
// reads best on it (see textOn). The unit test holds every pair to WCAG AA (4.5:1).
export const PALETTE = [
  '#eee4da', '#ede0c8', '#f2b179', '#f59563', '#f67c5f', '#f65e3b',
  '#edcf72', '#edcc61', '#edc850', '#edc53f', '#edc22e', '#3c3a32',
];
export const DARK = '#1f1a16';
export const LIGHT = '#ffffff';

function luminance(hex: string): number {
  const h = hex.length < 6 ? hex.replace(/\w/g, '$&$&') : hex;
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(h.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

/** The text colour for a tile of colour `bg`: dark or white, whichever contrasts more. */
export function textOn(bg: string): string {
  return contrast(bg, DARK) >= contrast(bg, LIGHT) ? DARK : LIGHT;
}

// The palette's text colours, worked out once.
const PALETTE_TEXT = PALETTE.map(textOn);

/**
 * A tile's background and text colours: the skin's for its value, else the palette's.
 * The text follows a skin's colour only when that is hex; other forms keep the
 * palette's text colour.
 */
export function tileColors(value: number, skin: Skin): [background: string, text: string] {
  const i = Math.min(Math.log2(value), PALETTE.length) - 1;
  const color = skin[value]?.color;
  return [color ?? PALETTE[i], color && /^#([\da-f]{3}|[\da-f]{6})$/i.test(color) ? textOn(color) : PALETTE_TEXT[i]];
}
