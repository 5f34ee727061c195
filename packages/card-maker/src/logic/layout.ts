// Card geometry, in card pixels (see card.ts): where the text goes, how images are
// cropped, where a sticker may be.
import { CARD, SCALE, type Rect, type Sticker, type Template } from './card.js';
import { fitText, type Fitted, type Measure } from './text.js';

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, Math.round(v)));

/** Keep a sticker on the card and its scale and angle within range. */
export const clampSticker = (k: Sticker): Sticker => ({
  emoji: k.emoji,
  x: clamp(k.x, 0, CARD.w),
  y: clamp(k.y, 0, CARD.h),
  scale: clamp(k.scale, SCALE.min, SCALE.max),
  rotation: (((clamp(k.rotation, -720, 720) % 360) + 540) % 360) - 180,
});

/** The text area: with no photo, the photo's place goes to the text as well. */
export function textBox(t: Template, hasPhoto: boolean): Rect {
  const a = t.text;
  const p = t.photo;
  if (hasPhoto || !p) return a;
  const x = Math.min(a.x, p.x);
  const y = Math.min(a.y, p.y);
  return { x, y, w: Math.max(a.x + a.w, p.x + p.w) - x, h: Math.max(a.y + a.h, p.y + p.h) - y };
}

export interface TextLayout extends Fitted {
  /** Where each line's baseline anchor is, in drawing order. */
  at: { x: number; y: number }[];
  align: CanvasTextAlign;
}

/** Fit the message into the template's text area and centre the block vertically. */
export function layoutText(t: Template, message: string, hasPhoto: boolean, measure: Measure, locale?: string): TextLayout {
  const box = textBox(t, hasPhoto);
  const lh = 1.3;
  const f = fitText(message, box, measure, { min: t.text.min, max: t.text.max, lineHeight: lh, locale });
  const step = f.size * lh;
  const top = box.y + Math.max(0, (box.h - step * f.lines.length) / 2);
  const x = t.text.align === 'left' ? box.x : t.text.align === 'right' ? box.x + box.w : box.x + box.w / 2;
  // Baselines sit at the middle of each line box (drawn with textBaseline 'middle').
  return { ...f, align: t.text.align, at: f.lines.map((_, i) => ({ x, y: top + step * (i + 0.5) })) };
}

/** Source crop that fills `box` with an image of `w`×`h`, centred, without distortion. */
export function cover(w: number, h: number, box: Rect): Rect {
  const s = Math.max(box.w / w, box.h / h);
  const sw = box.w / s;
  const sh = box.h / s;
  return { x: (w - sw) / 2, y: (h - sh) / 2, w: sw, h: sh };
}

/** Size for a photo scaled down so its long side is at most `max`; never scaled up. */
export function downscale(w: number, h: number, max = 2048): { w: number; h: number } {
  const s = Math.min(1, max / Math.max(w, h));
  return { w: Math.max(1, Math.round(w * s)), h: Math.max(1, Math.round(h * s)) };
}
