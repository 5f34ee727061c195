// Drawing a card on a canvas. The preview and the exported image come from this one
// function on a 1080×1350 canvas, so what the fan sees is exactly what is saved. This
// module loads with the first card drawn, not with the widget's first byte.
import { BRAND, CARD, STICKER_SIZE, type Art, type Blend, type Headline, type Rect, type Shape, type Sticker, type Template } from './logic/card.js';
import { cardLang, cover, layoutHeadline, layoutText, type TextLayout } from './logic/layout.js';

export interface Picture {
  src: CanvasImageSource;
  w: number;
  h: number;
}

export interface CardArt {
  template: Template;
  message: string;
  /** The message is the design's sample, shown greyed until the fan writes. */
  sample?: boolean | undefined;
  color?: string | undefined;
  stickers: Sticker[];
  photo?: Picture | undefined;
  background?: Picture | undefined;
  /** The pattern tile and each layer's picture, loaded (undefined: left out). */
  pattern?: Picture | undefined;
  layers?: (Picture | undefined)[] | undefined;
  logo?: Picture | undefined;
  brandText: string;
  locale: string;
}

type Ctx = CanvasRenderingContext2D;
type Type = { font: string; fontUrl?: string | undefined; weight: number };

/** Font URLs that could not be loaded: their designs draw with the rest of their family list. */
export const failedFonts = new Set<string>();

/** The family list to draw with: the web font's own name is dropped when its file failed. */
export const familyOf = (t: Type): string => {
  if (!t.fontUrl || !failedFonts.has(t.fontUrl)) return t.font;
  return t.font.split(',').slice(1).join(',').trim() || 'system-ui,sans-serif';
};

export const fontOf = (t: Type, size: number) => `${t.weight} ${size}px ${familyOf(t)}`;

const EMOJI_FONT = '"Apple Color Emoji","Segoe UI Emoji","Noto Color Emoji",sans-serif';

function shape(c: Ctx, { type, x, y, size: r, color }: Shape) {
  c.fillStyle = c.strokeStyle = color;
  c.lineWidth = r / 5;
  c.beginPath();
  if (type === 'star') {
    for (let i = 0; i < 10; i++) {
      const a = (i * Math.PI) / 5 - Math.PI / 2;
      const d = i % 2 ? r * 0.45 : r;
      c.lineTo(x + d * Math.cos(a), y + d * Math.sin(a));
    }
  } else if (type === 'heart') {
    c.moveTo(x, y + r);
    c.bezierCurveTo(x - r * 1.6, y - r * 0.2, x - r * 0.6, y - r * 1.3, x, y - r * 0.4);
    c.bezierCurveTo(x + r * 0.6, y - r * 1.3, x + r * 1.6, y - r * 0.2, x, y + r);
  } else c.arc(x, y, r, 0, Math.PI * 2);
  if (type === 'ring') c.stroke();
  else c.fill();
}

function image(c: Ctx, p: Picture, box: Rect) {
  // Same proportions, or an SVG with no size of its own (some browsers give it none): drawn
  // whole into the box, so an SVG is rasterised once at the card's own size.
  if (!p.w || !p.h || Math.abs(p.w / p.h - box.w / box.h) < 0.01) return c.drawImage(p.src, box.x, box.y, box.w, box.h);
  const s = cover(p.w, p.h, box);
  c.drawImage(p.src, s.x, s.y, s.w, s.h, box.x, box.y, box.w, box.h);
}

const mode = (b: Blend): GlobalCompositeOperation => (b === 'normal' ? 'source-over' : b);

const tiles = new WeakMap<object, Map<number, CanvasPattern | null>>();
/** The tile drawn at `size` card pixels wide, once, and kept as a pattern. */
function tile(c: Ctx, p: Picture, size: number): CanvasPattern | null {
  let bySize = tiles.get(p.src);
  if (!bySize) tiles.set(p.src, (bySize = new Map()));
  if (!bySize.has(size)) {
    const t = document.createElement('canvas');
    t.width = size;
    t.height = p.w && p.h ? Math.max(1, Math.round((size * p.h) / p.w)) : size;
    t.getContext('2d')!.drawImage(p.src, 0, 0, t.width, t.height);
    bySize.set(size, c.createPattern(t, 'repeat'));
  }
  return bySize.get(size)!;
}

let dot: Ctx | undefined;
/**
 * Make the browser draw what a canvas was told so far, now: it keeps a list of what to
 * draw and rasterises it all at once when the canvas is next shown or used. Drawing it
 * onto one pixel is such a use (reading a pixel back is one too, but the browser warns
 * of a canvas read back often).
 */
export function rasterise(c: Ctx): void {
  dot ??= Object.assign(document.createElement('canvas'), { width: 1, height: 1 }).getContext('2d')!;
  dot.drawImage(c.canvas, 0, 0, 1, 1);
}

/** Draw laid-out words: outline first (outside the letters), then the fill with its shadow. */
function words(c: Ctx, l: TextLayout, font: string, color: string, h?: Headline) {
  c.font = font;
  c.textAlign = l.align;
  c.lineJoin = 'round';
  if (h?.outline) {
    c.strokeStyle = h.outline.color;
    c.lineWidth = h.outline.width * 2;
    l.lines.forEach((s, i) => c.strokeText(s, l.at[i].x, l.at[i].y));
  }
  if (h?.shadow) {
    const s = h.shadow;
    [c.shadowColor, c.shadowBlur, c.shadowOffsetX, c.shadowOffsetY] = [s.color, s.blur, s.x, s.y];
  }
  c.fillStyle = color;
  l.lines.forEach((s, i) => c.fillText(s, l.at[i].x, l.at[i].y));
  c.shadowColor = 'transparent';
}

// Fitting measures the same words at a dozen sizes. A width is proportional to the size
// (outline fonts, unhinted at card sizes), so each string is measured once, at one size,
// and the font is set only when it changes: a font's first use at a new size costs more
// than all the fitting itself.
const AT = 100;
function measurer(c: Ctx) {
  const widths = new Map<string, number>();
  return (spec: Type) => (s: string, size: number) => {
    const font = fontOf(spec, AT);
    const key = `${font}\0${s}`;
    let w = widths.get(key);
    if (w === undefined) {
      if (c.font !== font) c.font = font;
      widths.set(key, (w = c.measureText(s).width));
    }
    return (w * size) / AT;
  };
}

type Words = Pick<CardArt, 'template' | 'message' | 'locale'> & { photo?: unknown };

/** Where the headline goes (undefined: the design has none). */
export function headlineLayout(c: Ctx, a: Words) {
  const h = a.template.headline;
  return h && layoutHeadline(h, cardLang(a.message, a.locale), measurer(c)(h));
}

/** Where the fan's message goes. */
export function messageLayout(c: Ctx, a: Words): TextLayout {
  const t = a.template;
  return layoutText(t, a.message, !!(a.photo && t.photo), measurer(c)(t.text), cardLang(a.message, a.locale));
}

/** Where the headline and the message go on this card: the one layout both drawing and tests read. */
export function cardLayout(c: Ctx, a: Words) {
  return { lang: cardLang(a.message, a.locale), headline: headlineLayout(c, a), message: messageLayout(c, a) };
}

export type Layout = Pick<ReturnType<typeof cardLayout>, 'headline' | 'message'>;

const full = { x: 0, y: 0, w: CARD.w, h: CARD.h };
const BAND = CARD.h / 3;
// A layer is drawn in strips this tall, a part each: its SVG is rasterised when the
// canvas is next used, and one with a blur or a large outline costs 40-110 ms at once
// at 4× CPU slowdown (the demo shop's tulip frame, its drop shadow), 15-30 ms a strip of
// 150 px (up to 48 on a busy machine), 10-20 one of 100.
// Whole card pixels, so that strips meet without a seam.
export const STRIP = 100;

/**
 * Draw `part` clipped to one strip of `box` at a time, a yield before each: the browser
 * rasterises only what lies in the strip.
 */
function* strips(c: Ctx, box: Rect, part: () => void): Generator<void, void, undefined> {
  const end = Math.ceil(box.y + box.h);
  for (let y = Math.floor(box.y); y < end; y += STRIP) {
    yield;
    c.save();
    c.beginPath();
    c.rect(0, y, CARD.w, Math.min(STRIP, end - y));
    c.clip();
    part();
    c.restore();
  }
}

/**
 * What lies under the fan's words: the ground, its pattern, the shapes, the layers under
 * and the photo; then the layers over the words are readied (see flatten). Drawn in
 * parts: the painter gives each part a task of its own, at each yield (drawCard does not).
 */
export function* drawGround(c: Ctx, a: CardArt): Generator<void, void, undefined> {
  const t = a.template;
  c.save();
  c.clearRect(0, 0, CARD.w, CARD.h);
  const g = c.createLinearGradient(0, 0, CARD.w, CARD.h);
  const colors = t.background.colors;
  colors.forEach((col, i) => g.addColorStop(i / (colors.length - 1 || 1), col));
  c.fillStyle = g;
  c.fillRect(0, 0, CARD.w, CARD.h);
  // A picture over the whole card: a part of its own.
  if (a.background) {
    yield;
    image(c, a.background, full);
  }
  const pat = t.background.pattern;
  // The tile rasterises its SVG (a noise filter, say) in a part of its own.
  if (a.pattern && pat) yield;
  const fill = a.pattern && pat && tile(c, a.pattern, pat.size);
  if (fill && pat) {
    c.globalAlpha = pat.opacity;
    c.globalCompositeOperation = mode(pat.blend);
    c.fillStyle = fill;
    // In bands, a part each: the pattern over the whole card is the costliest thing to
    // rasterise (a tile is anchored to the canvas, not to the band, so bands meet seamlessly).
    for (let y = 0; y < CARD.h; y += BAND) {
      yield;
      c.fillRect(0, y, CARD.w, Math.min(BAND, CARD.h - y));
    }
    c.globalAlpha = 1;
    c.globalCompositeOperation = 'source-over';
  }
  t.shapes.forEach((s) => shape(c, s));
  for (const [i, l] of t.layers.entries()) if (l.place !== 'over' && a.layers?.[i]) yield* strips(c, l, () => layer(c, a, i, 'under'));
  const photo = a.photo && t.photo;
  if (a.photo && photo) {
    yield;
    c.save();
    c.shadowColor = '#0004';
    c.shadowBlur = 24;
    c.fillStyle = '#fff';
    c.fillRect(photo.x - 12, photo.y - 12, photo.w + 24, photo.h + 24);
    c.restore();
    image(c, a.photo, photo);
  }
  c.restore();
  for (const [i, l] of t.layers.entries()) {
    const p = a.layers?.[i];
    if (l.place !== 'over' || !p) continue;
    yield;
    flatten(p, l);
  }
}

/** Layer `i` of the design, if it goes `place` and its picture loaded. */
function layer(c: Ctx, a: CardArt, i: number, place: 'under' | 'over') {
  const l = a.template.layers[i];
  const p = a.layers?.[i];
  if (l.place !== place || !p) return;
  c.globalAlpha = l.opacity;
  c.globalCompositeOperation = mode(l.blend);
  const flat = place === 'over' && flatten(p, l);
  if (flat) c.drawImage(flat.src, flat.x, flat.y);
  else if (flat !== null) image(c, p, l);
  c.globalAlpha = 1;
  c.globalCompositeOperation = 'source-over';
}

const flats = new WeakMap<object, Map<string, { src: HTMLCanvasElement; x: number; y: number } | null>>();
/**
 * A layer over the words, drawn once into a canvas of its own at its size on the card: an
 * SVG is rasterised anew at every drawing otherwise, and these are drawn at every keystroke.
 * (The layers under are in the cached ground.) Null when none of it is on the card.
 */
function flatten(p: Picture, box: Rect) {
  let bySize = flats.get(p.src);
  if (!bySize) flats.set(p.src, (bySize = new Map()));
  const key = `${box.x},${box.y},${box.w},${box.h}`;
  if (!bySize.has(key)) {
    const x = Math.max(0, Math.floor(box.x));
    const y = Math.max(0, Math.floor(box.y));
    const w = Math.min(CARD.w, Math.ceil(box.x + box.w)) - x;
    const h = Math.min(CARD.h, Math.ceil(box.y + box.h)) - y;
    let flat = null;
    if (w > 0 && h > 0) {
      const src = document.createElement('canvas');
      [src.width, src.height] = [w, h];
      const f = src.getContext('2d')!;
      f.translate(-x, -y);
      image(f, p, box);
      rasterise(f);
      flat = { src, x, y };
    }
    bySize.set(key, flat);
  }
  return bySize.get(key);
}

/**
 * Over the ground: the headline, the message, the layers over them, the stickers and the
 * brand zone, a yield between them (as drawGround's): each is words at a size the canvas
 * has not drawn yet, 25-40 ms to rasterise at 4× CPU slowdown, so they are parts apart.
 */
export function* drawTop(c: Ctx, a: CardArt, at: Layout = cardLayout(c, a)): Generator<void, void, undefined> {
  const t = a.template;
  c.save();
  c.textBaseline = 'middle';
  if (t.headline && at.headline) {
    words(c, at.headline, fontOf(t.headline, at.headline.size), t.headline.color, t.headline);
    yield;
  }
  // The sample is the design's colour, faded: plainly a suggestion, never mistaken for the fan's words.
  c.globalAlpha = a.sample ? 0.42 : 1;
  words(c, at.message, fontOf(t.text, at.message.size), a.color || t.text.color);
  c.globalAlpha = 1;
  yield;
  for (const i of a.template.layers.keys()) layer(c, a, i, 'over');

  for (const k of a.stickers) {
    c.save();
    c.translate(k.x, k.y);
    c.rotate((k.rotation * Math.PI) / 180);
    c.font = `${(STICKER_SIZE * k.scale) / 100}px ${EMOJI_FONT}`;
    c.textAlign = 'center';
    c.fillText(k.emoji, 0, 0);
    c.restore();
  }

  yield;
  // The brand zone is drawn last so nothing the fan adds can cover it.
  c.fillStyle = '#fffe';
  c.fillRect(BRAND.x, BRAND.y, BRAND.w, BRAND.h);
  let x = 48;
  const mid = BRAND.y + BRAND.h / 2;
  if (a.logo) {
    const h = 72;
    const w = Math.min(360, (a.logo.w / a.logo.h) * h);
    c.drawImage(a.logo.src, x, mid - h / 2, w, h);
    x += w + 24;
  }
  c.fillStyle = '#333';
  c.textAlign = 'left';
  c.font = `600 40px system-ui,sans-serif`;
  c.fillText(a.brandText, x, mid, CARD.w - x - 48);
  c.restore();
}

/** Draw the whole card at once. Fonts and images must be loaded before: drawing never waits. */
export function drawCard(c: Ctx, a: CardArt): void {
  for (const _ of drawGround(c, a));
  for (const _ of drawTop(c, a));
}

const pictures = new Map<string, Promise<Picture | undefined>>();
/** Images are loaded with CORS so that the canvas can still be exported; one that fails is left out. */
export function picture(src: string): Promise<Picture | undefined> {
  let p = pictures.get(src);
  if (!p) {
    const img = new Image();
    img.crossOrigin = 'anonymous';
    img.src = src;
    p = img.decode().then(
      () => ({ src: img, w: img.naturalWidth, h: img.naturalHeight }),
      () => undefined,
    );
    pictures.set(src, p);
  }
  return p;
}

const drawn = new Map<string, Promise<Picture | undefined>>();
/** A design's artwork as a picture: inline SVG through a blob: URL (an image runs no script), else its URL. */
export function artPicture(a: Art): Promise<Picture | undefined> {
  if (a.image) return picture(a.image);
  let p = drawn.get(a.svg!);
  if (!p) drawn.set(a.svg!, (p = picture(URL.createObjectURL(new Blob([a.svg!], { type: 'image/svg+xml' })))));
  return p;
}

const faces = new Map<string, Promise<unknown>>();
/**
 * Load a type's font (its own file when it names one) for `text`, so the first drawing
 * already uses it. Resolves false when its file could not be loaded.
 */
export function loadFont(t: Type, text: string): Promise<boolean> {
  const { fontUrl, font } = t;
  let face = fontUrl && faces.get(fontUrl);
  if (fontUrl && !face) {
    // The URL was parsed by new URL(), which percent-encodes quotes: it cannot break out of url("").
    const f = new FontFace(font.split(',')[0].replace(/['"]/g, '').trim(), `url("${fontUrl}")`);
    faces.set(
      fontUrl,
      (face = f.load().then(
        (f) => document.fonts.add(f),
        () => failedFonts.add(fontUrl),
      )),
    );
  }
  return Promise.all([face, document.fonts.load(fontOf(t, 40), text || 'a').catch(() => 0)]).then(() => !fontUrl || !failedFonts.has(fontUrl));
}
