import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

// An invite's ref and key, signed with the server's secret, so that a forged one is
// refused before any lookup and a key can be checked without being stored.
//
// The ref goes into every link the fan shares as `fanref`, so it must be a share token
// (8–16 of A-Za-z0-9_-, DESIGN.md "Attribution"): 8 random characters (48 bits) and 8 of
// HMAC (48 bits). Guessing a valid one online takes about 2^47 tries. The key never
// leaves the fan's device but to call us: 22 characters (128 bits) of HMAC over the ref.

const BODY_BYTES = 6; // 8 base64url characters
const REF = /^[A-Za-z0-9_-]{16}$/;
const KEY = /^[A-Za-z0-9_-]{22}$/;

function mac(secret: string, purpose: string, text: string, length: number): string {
  return createHmac('sha256', secret).update(`${purpose}\n${text}`).digest('base64url').slice(0, length);
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** A fresh ref, signed. */
export function mintRef(secret: string): string {
  const body = randomBytes(BODY_BYTES).toString('base64url');
  return body + mac(secret, 'invite-ref', body, 8);
}

/** Was `ref` made by mintRef with this secret? Never throws. */
export function refValid(secret: string, ref: unknown): ref is string {
  return typeof ref === 'string' && REF.test(ref) && same(ref.slice(8), mac(secret, 'invite-ref', ref.slice(0, 8), 8));
}

/** The key that unlocks `ref`'s progress and claim. */
export function keyOf(secret: string, ref: string): string {
  return mac(secret, 'invite-key', ref, 22);
}

export function keyValid(secret: string, ref: string, key: unknown): boolean {
  return typeof key === 'string' && KEY.test(key) && same(key, keyOf(secret, ref));
}

/**
 * Whether this player is in the campaign's holdout: a stable draw per (campaign, player),
 * so a fan who starts again (another tab, cleared storage) lands on the same side.
 */
export function inHoldout(secret: string, campaign: string, player: string, share: number): boolean {
  if (share <= 0) return false;
  const draw = createHmac('sha256', secret).update(`invite-holdout\n${campaign}\n${player}`).digest().readUInt32BE(0) / 2 ** 32;
  return draw < share;
}
