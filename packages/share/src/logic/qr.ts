import { matrixToPath } from './qr-path.js';

/** Encode `text` as a QR code; the encoder is loaded on the first WeChat click only. */
export async function qrPath(text: string): Promise<{ d: string; size: number }> {
  const { encode } = await import('uqr');
  const qr = encode(text, { ecc: 'M', border: 2 });
  return { d: matrixToPath(qr.data), size: qr.size };
}
