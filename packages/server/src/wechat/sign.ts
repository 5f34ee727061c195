// The JS-SDK signature that `wx.config` checks (WeChat's JS-SDK documentation, appendix 1).
// Pure: strings in, strings out.
import { createHash } from 'node:crypto';

/** WeChat signs the page's URL without its fragment: everything from the first `#` is cut. */
export const signedUrl = (url: string): string => url.split('#', 1)[0]!;

/**
 * The fields are sorted by name (ASCII), joined as `key=value` with `&`, and hashed with
 * SHA-1 in hex. The values are used as they are, not URL-encoded: the URL is signed as
 * the page's `location.href` spells it (without the fragment).
 */
export function jsapiSignature(fields: { jsapi_ticket: string; noncestr: string; timestamp: number | string; url: string }): string {
  const plain = Object.entries({ ...fields, url: signedUrl(fields.url) })
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  return createHash('sha1').update(plain).digest('hex');
}

/** A nonce of WeChat's alphabet (letters and digits; it allows up to 32 characters), from `bytes` of randomness. */
export function nonceFrom(bytes: Uint8Array): string {
  const abc = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  return [...bytes].map((b) => abc[b % abc.length]).join('');
}
