// Sizes for a photo resized on the fan's device before it is sent. Pure: the element
// decodes and draws; this only says how big.

/** The longest side a photo leaves the device with (DESIGN.md, `<fan-review-form>`). */
export const MAX_SIDE = 2048;
/** The longest side of a preview thumbnail, drawn at twice its CSS size for sharp phones. */
export const THUMB_SIDE = 192;
/** What the picker offers: a browser that can decode something else (HEIC) converts it on picking. */
export const ACCEPT = 'image/jpeg,image/png,image/webp';
/** JPEG at this quality: photos stay sharp at about a tenth of a camera file's bytes. */
export const QUALITY = 0.85;

/**
 * The size a `width` × `height` image is drawn at so that its longest side is at most
 * `max`: the aspect ratio kept, never enlarged, never below 1 px. Rounded to whole
 * pixels, with the long side exactly `max` so rounding can never push it over.
 */
export function fitWithin(width: number, height: number, max = MAX_SIDE): { width: number; height: number } {
  const long = Math.max(width, height);
  if (!(long > max)) return { width: Math.max(1, Math.round(width)), height: Math.max(1, Math.round(height)) };
  const k = max / long;
  return width >= height
    ? { width: max, height: Math.max(1, Math.round(height * k)) }
    : { width: Math.max(1, Math.round(width * k)), height: max };
}
