// Card geometry the widget needs before any card is drawn: a sticker kept on the card,
// a photo scaled down. (layout.ts, where the words go, loads with the drawing.)
import { CARD, SCALE, type Sticker } from './card.js';

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, Math.round(v)));

/** Keep a sticker on the card and its scale and angle within range. */
export const clampSticker = (k: Sticker): Sticker => ({
  emoji: k.emoji,
  x: clamp(k.x, 0, CARD.w),
  y: clamp(k.y, 0, CARD.h),
  scale: clamp(k.scale, SCALE.min, SCALE.max),
  rotation: (((clamp(k.rotation, -720, 720) % 360) + 540) % 360) - 180,
});

/** Size for a photo scaled down so its long side is at most `max`; never scaled up. */
export function downscale(w: number, h: number, max = 2048): { w: number; h: number } {
  const s = Math.min(1, max / Math.max(w, h));
  return { w: Math.max(1, Math.round(w * s)), h: Math.max(1, Math.round(h * s)) };
}
