// The templates JSON schema (see README) and its validation. A bad entry is skipped
// with a reason the marketer can act on; the rest still load.
import { BRAND, CARD, MAX_MESSAGE, TEMPLATE_ID, type Rect, type Shape, type Template } from './card.js';

export interface Checks {
  /** True for a CSS colour the canvas understands. */
  color(v: string): boolean;
  /** An absolute http(s) URL, or undefined when the value may not be used. */
  url(v: string): string | undefined;
}

export interface Loaded {
  templates: Template[];
  warnings: string[];
}

const SHAPES = ['circle', 'star', 'heart', 'ring'];
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const num = (v: unknown, lo: number, hi: number): v is number => typeof v === 'number' && v >= lo && v <= hi;

class Bad extends Error {}
function need(cond: unknown, reason: string): asserts cond {
  if (!cond) throw new Bad(reason);
}

function rect(v: unknown, what: string): Rect {
  need(isObj(v), `${what} must be an object`);
  const { x, y, w, h } = v;
  need(
    num(x, 0, CARD.w) && num(y, 0, BRAND.y) && num(w, 40, CARD.w - x) && num(h, 40, BRAND.y - y),
    `${what} must have x, y, w, h inside the card and above the brand zone`,
  );
  return { x, y, w, h };
}

/** "Text" or {"en": "Text", "zh-CN": "文字"}: a missing language falls back to the other. */
function byLang(v: unknown, what: string): { en: string; 'zh-CN': string } {
  if (typeof v === 'string') v = { en: v };
  need(isObj(v), `${what} must be text or {"en", "zh-CN"}`);
  const en = v.en ?? v['zh-CN'];
  const zh = v['zh-CN'] ?? en;
  need(typeof en === 'string' && typeof zh === 'string' && en && zh, `${what} must be text or {"en", "zh-CN"}`);
  return { en, 'zh-CN': zh };
}

function wishes(v: unknown): Template['wishes'] {
  const list = (x: unknown) =>
    Array.isArray(x) ? x.filter((w): w is string => typeof w === 'string' && !!w.trim() && w.length <= MAX_MESSAGE).slice(0, 12) : [];
  if (!isObj(v)) return { en: [], 'zh-CN': [] };
  return { en: list(v.en), 'zh-CN': list(v['zh-CN']) };
}

function one(v: unknown, check: Checks, seen: Set<string>): Template {
  need(isObj(v), 'not an object');
  const id = v.id;
  need(typeof id === 'string' && TEMPLATE_ID.test(id), 'id must be 1–32 lowercase letters, digits or dashes');
  need(!seen.has(id), `id "${id}" is used twice`);
  const bg = v.background;
  need(isObj(bg), 'background must be an object');
  const colors = Array.isArray(bg.colors) ? bg.colors : [];
  need(
    colors.length >= 1 && colors.length <= 6 && colors.every((c) => typeof c === 'string' && check.color(c)),
    'background.colors must be 1–6 CSS colours',
  );
  let image: string | undefined;
  if (bg.image !== undefined) {
    image = typeof bg.image === 'string' ? check.url(bg.image) : undefined;
    need(image, 'background.image must be an http(s) URL');
  }
  const t = isObj(v.text) ? v.text : {};
  const opt = <T>(val: unknown, ok: boolean, reason: string, dflt: T): T => {
    if (val === undefined) return dflt;
    need(ok, `text.${reason}`);
    return val as T;
  };
  const min = opt(t.min, num(t.min, 12, 200), 'min must be 12–200', 28);
  const fontUrl = typeof t.fontUrl === 'string' ? check.url(t.fontUrl) : undefined;
  const text: Template['text'] = {
    ...rect(v.text ?? { x: 90, y: 640, w: 900, h: 520 }, 'text'),
    color: opt(t.color, typeof t.color === 'string' && check.color(t.color), 'color must be a CSS colour', '#222'),
    font: opt(t.font, typeof t.font === 'string' && /^[\w\s,'"-]{1,100}$/.test(t.font), 'font must be a font-family list', 'serif'),
    weight: opt(t.weight, num(t.weight, 100, 900), 'weight must be 100–900', 700),
    align: opt(t.align, ['left', 'center', 'right'].includes(t.align as string), 'align must be left, center or right', 'center'),
    min,
    max: opt(t.max, num(t.max, min, 300), 'max must be from text.min to 300', Math.max(min, 110)),
    ...(opt(t.fontUrl, !!fontUrl, 'fontUrl must be an http(s) URL', undefined) ? { fontUrl } : {}),
  };
  const shapes: Shape[] = [];
  if (v.shapes !== undefined) {
    need(Array.isArray(v.shapes) && v.shapes.length <= 40, 'shapes must be a list of at most 40');
    for (const s of v.shapes) {
      need(
        isObj(s) && SHAPES.includes(s.type as string) && num(s.x, 0, CARD.w) && num(s.y, 0, CARD.h) && num(s.size, 1, CARD.w) && typeof s.color === 'string' && check.color(s.color),
        `each shape needs type (${SHAPES.join(', ')}), x, y, size and color`,
      );
      shapes.push({ type: s.type as Shape['type'], x: s.x, y: s.y, size: s.size, color: s.color });
    }
  }
  return {
    id,
    name: byLang(v.name ?? id, 'name'),
    background: { colors: colors as string[], ...(image ? { image } : {}) },
    text,
    ...(v.photo !== undefined ? { photo: rect(v.photo, 'photo') } : {}),
    wishes: wishes(v.wishes),
    shapes,
  };
}

/**
 * Validate templates: an array, or `{"templates": [...]}`. Entries that fail are left
 * out and each one gets a warning naming its position (and id when it has one).
 */
export function loadTemplates(input: unknown, check: Checks): Loaded {
  const list = isObj(input) ? input.templates : input;
  if (!Array.isArray(list)) return { templates: [], warnings: ['templates must be a JSON array or {"templates": [...]}'] };
  const templates: Template[] = [];
  const warnings: string[] = [];
  const seen = new Set<string>();
  list.forEach((v, i) => {
    try {
      const t = one(v, check, seen);
      seen.add(t.id);
      templates.push(t);
    } catch (e) {
      if (!(e instanceof Bad)) throw e;
      const id = isObj(v) && typeof v.id === 'string' ? ` "${v.id.slice(0, 32)}"` : '';
      warnings.push(`template ${i}${id} skipped: ${e.message}`);
    }
  });
  return { templates, warnings };
}
