// The card's state in the page URL after `#fan-card=`, so a card can be sent as a link
// with no server. It is read from a link anyone can craft: decoding trusts nothing.
// The link keeps to one compact array, [template, message, [[emoji, x, y, scale, rotation]…], colour?],
// so the readable field names of CardState cost nothing in the URL. Links made by every
// earlier version of the widget must keep opening: change this format only under a new VERSION.
import { CARD, MAX_MESSAGE, MAX_STICKERS, SCALE, TEMPLATE_ID, type CardState, type Sticker } from './card.js';
import { graphemeCount } from './text.js';

export { HASH_KEY, type CardState } from './card.js';

export type Decoded = { ok: true; value: CardState } | { ok: false; reason: string };

const VERSION = '1';
const MAX_ENCODED = 4096;
const COLOR = /^#[0-9a-f]{6}$/i;
// Tabs, other control characters and bidi overrides have no place in a greeting.
const BAD_TEXT = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const EMOJI = /^(?:\p{Extended_Pictographic}|\p{Regional_Indicator})/u;

const toBase64Url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

/** `1.` followed by base64url of a compact JSON array: [template, message, stickers, colour?]. */
export function encodeState(s: CardState): string {
  const a: unknown[] = [s.template, s.message, s.stickers.map((k) => [k.emoji, k.x, k.y, k.scale, k.rotation])];
  if (s.color) a.push(s.color);
  return `${VERSION}.${toBase64Url(new TextEncoder().encode(JSON.stringify(a)))}`;
}

const int = (v: unknown, lo: number, hi: number): v is number => Number.isInteger(v) && (v as number) >= lo && (v as number) <= hi;

/** True for one emoji: a single grapheme starting with a pictograph or a flag letter. */
export const isEmoji = (e: unknown): e is string =>
  typeof e === 'string' && e.length <= 32 && EMOJI.test(e) && graphemeCount(e) === 1;

/** Decode what follows `#fan-card=`. Anything not exactly as encodeState() writes it is refused. */
export function decodeState(raw: string): Decoded {
  const fail = (reason: string): Decoded => ({ ok: false, reason });
  if (raw.length > MAX_ENCODED) return fail('too long');
  const m = /^(\d+)\.([A-Za-z0-9_-]+)$/.exec(raw);
  if (!m) return fail('malformed');
  if (m[1] !== VERSION) return fail(`unsupported version ${m[1]}`);
  let a: unknown;
  try {
    const bin = atob(m[2].replace(/-/g, '+').replace(/_/g, '/'));
    a = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bin, (c) => c.charCodeAt(0))));
  } catch {
    return fail('not readable');
  }
  if (!Array.isArray(a) || a.length < 3 || a.length > 4) return fail('wrong shape');
  const [template, message, ks, color] = a;
  if (typeof template !== 'string' || !TEMPLATE_ID.test(template)) return fail('bad template id');
  if (typeof message !== 'string' || BAD_TEXT.test(message) || graphemeCount(message) > MAX_MESSAGE) return fail('bad message');
  if (!Array.isArray(ks) || ks.length > MAX_STICKERS) return fail('bad stickers');
  const stickers: Sticker[] = [];
  for (const s of ks) {
    if (
      !Array.isArray(s) ||
      s.length !== 5 ||
      !isEmoji(s[0]) ||
      !int(s[1], 0, CARD.w) ||
      !int(s[2], 0, CARD.h) ||
      !int(s[3], SCALE.min, SCALE.max) ||
      !int(s[4], -180, 180)
    )
      return fail('bad sticker');
    stickers.push({ emoji: s[0], x: s[1], y: s[2], scale: s[3], rotation: s[4] });
  }
  if (a.length === 4 && (typeof color !== 'string' || !COLOR.test(color))) return fail('bad colour');
  const value: CardState = { template, message, stickers, ...(a.length === 4 ? { color: color as string } : {}) };
  // One card, one spelling: extra spaces, other number forms or escapes are refused too.
  return encodeState(value) === raw ? { ok: true, value } : fail('not in canonical form');
}
