// The templates JSON schema (see README) and its validation. A bad entry is skipped
// with a reason the marketer can act on; the rest still load.
import { BLENDS, BRAND, CARD, MAX_MESSAGE, TEMPLATE_ID, type Art, type Blend, type Headline, type Layer, type Rect, type Shape, type Template } from './card.js';

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

const FONT = /^[\w\s,'"-]{1,240}$/;
const MAX_SVG = 200_000;
const MAX_LAYERS = 12;

/** Rects overlap when they share more than an edge. */
export const overlaps = (a: Rect, b: Rect): boolean => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/** `{"svg": "<svg …>"}` or `{"image": "https://…"}`: exactly one. */
function art(v: Record<string, unknown>, what: string, check: Checks): Art {
  const { svg, image } = v;
  need((svg === undefined) !== (image === undefined), `${what} needs svg or image (one of them)`);
  if (svg !== undefined) {
    need(
      typeof svg === 'string' && svg.length <= MAX_SVG && /^\s*<svg[\s>]/.test(svg) && svg.includes('xmlns="http://www.w3.org/2000/svg"'),
      `${what}.svg must be <svg xmlns="http://www.w3.org/2000/svg" …> markup of at most 200,000 characters`,
    );
    return { svg };
  }
  const u = typeof image === 'string' ? check.url(image) : undefined;
  need(u, `${what}.image must be an http(s) URL`);
  return { image: u };
}

function blend(v: unknown, what: string): Blend {
  if (v === undefined) return 'normal';
  need(BLENDS.includes(v as Blend), `${what}.blend must be one of ${BLENDS.join(', ')}`);
  return v as Blend;
}

function opacity(v: unknown, what: string): number {
  if (v === undefined) return 1;
  need(num(v, 0, 1), `${what}.opacity must be 0–1`);
  return v;
}

function layer(v: unknown, i: number, check: Checks): Layer {
  const what = `layers[${i}]`;
  need(isObj(v), `${what} must be an object`);
  const { x, y, w, h } = v;
  // An illustration may bleed off the card's edges, as print designs do.
  need(
    num(x, -CARD.w, CARD.w) && num(y, -CARD.h, CARD.h) && num(w, 1, 2 * CARD.w) && num(h, 1, 2 * CARD.h),
    `${what} must have x, y, w, h (it may reach past the card's edges by up to a card)`,
  );
  need(v.place === undefined || v.place === 'under' || v.place === 'over', `${what}.place must be under or over`);
  return { ...art(v, what, check), x, y, w, h, opacity: opacity(v.opacity, what), blend: blend(v.blend, what), place: (v.place as Layer['place']) ?? 'under' };
}

function outline(o: unknown, check: Checks): NonNullable<Headline['outline']> {
  need(isObj(o) && typeof o.color === 'string' && check.color(o.color) && num(o.width, 1, 40), 'headline.outline needs color and width 1–40');
  return { color: o.color, width: o.width };
}

function shadow(sh: unknown, check: Checks): NonNullable<Headline['shadow']> {
  need(isObj(sh), 'headline.shadow must be an object');
  const { color, blur = 0, x = 0, y = 0 } = sh;
  need(typeof color === 'string' && check.color(color) && num(blur, 0, 100) && num(x, -50, 50) && num(y, -50, 50), 'headline.shadow needs color, and blur 0–100, x and y -50–50');
  return { color, blur, x, y };
}

function headline(v: unknown, check: Checks): Headline {
  need(isObj(v), 'headline must be an object');
  const opt = <T>(val: unknown, ok: boolean, reason: string, dflt: T): T => {
    if (val === undefined) return dflt;
    need(ok, `headline.${reason}`);
    return val as T;
  };
  const min = opt(v.min, num(v.min, 12, 300), 'min must be 12–300', 40);
  const fontUrl = typeof v.fontUrl === 'string' ? check.url(v.fontUrl) : undefined;
  const o = v.outline;
  const sh = v.shadow;
  return {
    ...rect(v, 'headline'),
    text: byLang(v.text, 'headline.text'),
    color: opt(v.color, typeof v.color === 'string' && check.color(v.color), 'color must be a CSS colour', '#222'),
    font: opt(v.font, typeof v.font === 'string' && FONT.test(v.font), 'font must be a font-family list', 'serif'),
    weight: opt(v.weight, num(v.weight, 100, 900), 'weight must be 100–900', 700),
    align: opt(v.align, ['left', 'center', 'right'].includes(v.align as string), 'align must be left, center or right', 'center'),
    min,
    max: opt(v.max, num(v.max, min, 400), 'max must be from headline.min to 400', Math.max(min, 140)),
    leading: opt(v.leading, num(v.leading, 0.8, 2), 'leading must be 0.8–2', 1.1),
    ...(opt(v.fontUrl, !!fontUrl, 'fontUrl must be an http(s) URL', undefined) ? { fontUrl } : {}),
    ...(o !== undefined ? { outline: outline(o, check) } : {}),
    ...(sh !== undefined ? { shadow: shadow(sh, check) } : {}),
    vertical: opt(v.vertical, typeof v.vertical === 'boolean', 'vertical must be true or false', false),
  };
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
    font: opt(t.font, typeof t.font === 'string' && FONT.test(t.font), 'font must be a font-family list', 'serif'),
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
  let pattern: Template['background']['pattern'];
  if (bg.pattern !== undefined) {
    const p = bg.pattern;
    need(isObj(p), 'background.pattern must be an object');
    need(p.size === undefined || num(p.size, 8, CARD.w), 'background.pattern.size must be 8–1080');
    pattern = { ...art(p, 'background.pattern', check), size: (p.size as number) ?? 240, opacity: opacity(p.opacity, 'background.pattern'), blend: blend(p.blend, 'background.pattern') };
  }
  const layers: Layer[] = [];
  if (v.layers !== undefined) {
    need(Array.isArray(v.layers) && v.layers.length <= MAX_LAYERS, `layers must be a list of at most ${MAX_LAYERS}`);
    v.layers.forEach((l, i) => layers.push(layer(l, i, check)));
  }
  const head = v.headline === undefined ? undefined : headline(v.headline, check);
  // Two rects that never meet keep the design's words and the fan's apart, whatever either says.
  need(!head || !overlaps(head, text), 'headline must not overlap text');
  const photo = v.photo !== undefined ? rect(v.photo, 'photo') : undefined;
  return {
    id,
    name: byLang(v.name ?? id, 'name'),
    background: { colors: colors as string[], ...(image ? { image } : {}), ...(pattern ? { pattern } : {}) },
    text,
    ...(photo ? { photo } : {}),
    wishes: wishes(v.wishes),
    shapes,
    layers,
    ...(head ? { headline: head } : {}),
    ...(v.sample !== undefined ? { sample: byLang(v.sample, 'sample') } : {}),
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
