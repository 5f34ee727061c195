import sharp, { type Metadata } from 'sharp';

// A fan's photo, judged by its bytes and made safe to publish: decoded, turned upright,
// shrunk to what a carousel shows, and encoded again as a JPEG that carries nothing of the
// original file but its pixels (no EXIF, no GPS, no maker notes, no ICC profile: sRGB).

/** A decompression bomb is a small file that decodes to a huge image; its header says so first. */
export const MAX_PIXELS = 40_000_000;
/** The longest side stored: the form resizes to this on the device, the server holds it to it. */
export const MAX_SIDE = 2048;
const QUALITY = 82;

// Decoded images are not worth caching across requests, and each one can be 160 MB of pixels.
sharp.cache(false);

export type PhotoRefusal = 'photo_unsupported' | 'photo_too_many_pixels';

export interface CleanPhoto {
  data: Buffer;
  width: number;
  height: number;
}

type Format = 'jpeg' | 'png' | 'webp';

/** What the first bytes say the file is; anything else never reaches a decoder. */
export function sniff(bytes: Buffer): Format | undefined {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (bytes.length >= 12 && bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP') return 'webp';
  return undefined;
}

// Two photos at a time per process: each decode takes a core and up to 160 MB.
let running = 0;
const waiting: (() => void)[] = [];
async function slot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= 2) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await work();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

/** The photo re-encoded, or why not. Never throws for bad input. */
export function cleanPhoto(bytes: Buffer): Promise<CleanPhoto | PhotoRefusal> {
  return slot(async () => {
    const format = sniff(bytes);
    if (!format) return 'photo_unsupported';
    const options = { limitInputPixels: MAX_PIXELS, failOn: 'error', sequentialRead: true } as const;
    let meta: Metadata;
    try {
      // Headers only, so no pixel limit here: the limit's own error would not say why.
      meta = await sharp(bytes, { ...options, limitInputPixels: false }).metadata();
    } catch {
      return 'photo_unsupported';
    }
    // The decoder's verdict must agree with the magic bytes (a PNG signature on a JPEG body is no photo).
    if (meta.format !== format || !meta.width || !meta.height) return 'photo_unsupported';
    // Read from the header before any pixel is decoded; an animated WebP is judged by its first frame.
    const height = meta.pageHeight ?? meta.height;
    if (meta.width * height > MAX_PIXELS) return 'photo_too_many_pixels';
    try {
      const { data, info } = await sharp(bytes, options)
        .autoOrient()
        .resize(MAX_SIDE, MAX_SIDE, { fit: 'inside', withoutEnlargement: true })
        .flatten({ background: '#ffffff' })
        .toColourspace('srgb')
        .jpeg({ quality: QUALITY, mozjpeg: true })
        .toBuffer({ resolveWithObject: true });
      return { data, width: info.width, height: info.height };
    } catch {
      return 'photo_unsupported';
    }
  });
}
