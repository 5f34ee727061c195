import { encode } from 'uqr';
import { matrixToPath } from './qr-path.js';

/** Encode `text` as a QR code path. The element imports this module on the first WeChat click only. */
export function qrPath(text: string): { d: string; size: number } {
  const qr = encode(text, { ecc: 'M', border: 2 });
  return { d: matrixToPath(qr.data), size: qr.size };
}
