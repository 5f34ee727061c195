import { createHmac, timingSafeEqual } from 'node:crypto';
import { CAMPAIGN_NAME } from '../config.js';

/** Everything the server needs to judge a claim, carried by the game id itself. */
export interface Ticket {
  campaign: string;
  size: number;
  /** 32 hex chars; also the game's key in the claims table. */
  seed: string;
  issued: number;
  expires: number;
}

const VERSION = '1';

function sign(secret: string, payload: string): string {
  // 128 bits of HMAC-SHA256 are plenty against forgery and keep ids short.
  return createHmac('sha256', secret).update(payload).digest('base64url').slice(0, 22);
}

/** `1.<campaign>.<size>.<seed>.<issued36>.<expires36>.<sig>`: URL-safe as is. */
export function encodeTicket(secret: string, t: Ticket): string {
  const payload = [VERSION, t.campaign, t.size, t.seed, t.issued.toString(36), t.expires.toString(36)].join('.');
  return `${payload}.${sign(secret, payload)}`;
}

/** The ticket an id carries, or null when it is malformed or its signature is wrong. Never throws. */
export function decodeTicket(secret: string, id: string): Ticket | null {
  if (typeof id !== 'string' || id.length > 200) return null;
  const parts = id.split('.');
  if (parts.length !== 7) return null;
  const [version, campaign, size, seed, issued, expires, sig] = parts as [string, string, string, string, string, string, string];
  if (version !== VERSION || !CAMPAIGN_NAME.test(campaign) || !/^[3-6]$/.test(size) || !/^[0-9a-f]{32}$/.test(seed)) {
    return null;
  }
  if (!/^[0-9a-z]{1,12}$/.test(issued) || !/^[0-9a-z]{1,12}$/.test(expires)) return null;
  const expected = Buffer.from(sign(secret, parts.slice(0, 6).join('.')));
  const given = Buffer.from(sig);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return { campaign, size: Number(size), seed, issued: parseInt(issued, 36), expires: parseInt(expires, 36) };
}

/** Players are told apart by IP for daily limits, stored only as a keyed hash. */
export function playerKey(secret: string, ip: string): string {
  return createHmac('sha256', secret).update(`player:${ip}`).digest('base64url').slice(0, 16);
}
