// Drawing a card on a canvas. The preview and the exported image come from this one
// function on a 1080×1350 canvas, so what the fan sees is exactly what is saved.
import { BRAND, CARD, STICKER_SIZE, type Shape, type Sticker, type Template } from './logic/card.js';
import { cover, layoutText } from './logic/layout.js';

export interface Picture {
  src: CanvasImageSource;
  w: number;
  h: number;
}

export interface CardArt {
  template: Template;
  message: string;
  color?: string | undefined;
  stickers: Sticker[];
  photo?: Picture | undefined;
  background?: Picture | undefined;
  logo?: Picture | undefined;
  brandText: string;
  locale: string;
}

type Ctx = CanvasRenderingContext2D;

export const fontOf = (t: Template, size: number) => `${t.text.weight} ${size}px ${t.text.font}`;

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

function image(c: Ctx, p: Picture, box: { x: number; y: number; w: number; h: number }) {
  const s = cover(p.w, p.h, box);
  c.drawImage(p.src, s.x, s.y, s.w, s.h, box.x, box.y, box.w, box.h);
}

/** Draw the whole card. Fonts and images must be loaded before: drawing never waits. */
export function drawCard(c: Ctx, a: CardArt): void {
  const t = a.template;
  const full = { x: 0, y: 0, w: CARD.w, h: CARD.h };
  c.save();
  c.textBaseline = 'middle';
  const g = c.createLinearGradient(0, 0, CARD.w, CARD.h);
  const colors = t.background.colors;
  colors.forEach((col, i) => g.addColorStop(i / (colors.length - 1 || 1), col));
  c.fillStyle = g;
  c.fillRect(0, 0, CARD.w, CARD.h);
  if (a.background) image(c, a.background, full);
  t.shapes.forEach((s) => shape(c, s));

  const photo = a.photo && t.photo;
  if (a.photo && photo) {
    c.save();
    c.shadowColor = '#0004';
    c.shadowBlur = 24;
    c.fillStyle = '#fff';
    c.fillRect(photo.x - 12, photo.y - 12, photo.w + 24, photo.h + 24);
    c.restore();
    image(c, a.photo, photo);
  }

  const text = layoutText(t, a.message, !!photo, (s, size) => ((c.font = fontOf(t, size)), c.measureText(s).width), a.locale);
  c.font = fontOf(t, text.size);
  c.fillStyle = a.color || t.text.color;
  c.textAlign = text.align;
  text.lines.forEach((l, i) => c.fillText(l, text.at[i].x, text.at[i].y));

  for (const k of a.stickers) {
    c.save();
    c.translate(k.x, k.y);
    c.rotate((k.rotation * Math.PI) / 180);
    c.font = `${(STICKER_SIZE * k.scale) / 100}px ${EMOJI_FONT}`;
    c.textAlign = 'center';
    c.fillText(k.emoji, 0, 0);
    c.restore();
  }

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

const faces = new Map<string, Promise<unknown>>();
/** Load the template's font (its own file when it names one) for `text`, so the first drawing already uses it. */
export function loadFont(t: Template, text: string): Promise<unknown> {
  const { fontUrl, font } = t.text;
  let face = fontUrl && faces.get(fontUrl);
  if (fontUrl && !face) {
    // The URL was parsed by new URL(), which percent-encodes quotes: it cannot break out of url("").
    const f = new FontFace(font.split(',')[0].replace(/['"]/g, '').trim(), `url("${fontUrl}")`);
    faces.set(fontUrl, (face = f.load().then((f) => document.fonts.add(f), () => 0)));
  }
  return Promise.all([face, document.fonts.load(fontOf(t, 40), text || 'a').catch(() => 0)]);
}

let scratch: CanvasRenderingContext2D | undefined;
/** `<input type=color>` takes #rrggbb only; a canvas turns any colour into that form. One canvas serves every call. */
export function toHex(color: string): string {
  scratch ??= document.createElement('canvas').getContext('2d')!;
  // A colour the canvas refuses leaves fillStyle as it was: start from black each time.
  scratch.fillStyle = '#000';
  scratch.fillStyle = color;
  return /^#[0-9a-f]{6}$/i.test(scratch.fillStyle) ? scratch.fillStyle : '#000000';
}
