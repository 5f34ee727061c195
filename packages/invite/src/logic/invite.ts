// What <fan-invite> keeps on the device and reads from the server, checked here: pure,
// so node tests it, and an odd answer from a server never reaches the template.

/** One invite as kept on the device: the ref (in every shared link), the key (never in a link), and what the fan has. */
export interface Invite {
  ref: string;
  expires: number;
  /** The holdout: shares without an offer, so no key, no progress and no code. */
  holdout?: true;
  key?: string;
  needed?: number;
  title?: string;
  friends?: number;
  code?: string;
}

const REF = /^[\w-]{8,16}$/;
const text = (v: unknown, max = 200): v is string => typeof v === 'string' && v.length > 0 && v.length <= max;
const count = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;

/** The device's key for one campaign of one server, so two servers' campaigns of one name stay apart. */
export const storageKey = (endpoint: string, campaign: string): string => `fanfare:invite:${campaign}@${endpoint}`;

/** `POST /referrals`'s answer (or what the device kept), or undefined when it is not one. */
export function readInvite(v: unknown): Invite | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  const o = v as Record<string, unknown>;
  if (!text(o.ref) || !REF.test(o.ref) || !count(o.expires)) return undefined;
  if (o.holdout === true) return { ref: o.ref, expires: o.expires, holdout: true };
  if (!text(o.key, 100) || !count(o.needed) || o.needed < 1 || !text(o.title)) return undefined;
  const invite: Invite = { ref: o.ref, expires: o.expires, key: o.key, needed: o.needed, title: o.title };
  if (count(o.friends)) invite.friends = o.friends;
  if (text(o.code, 100)) invite.code = o.code;
  return invite;
}

/** `GET /referrals/:ref`'s answer merged into the invite, or undefined when it is not one. */
export function withProgress(invite: Invite, v: unknown): Invite | undefined {
  const o = (typeof v === 'object' && v !== null ? v : {}) as Record<string, unknown>;
  if (!count(o.friends) || !count(o.needed) || o.needed < 1) return undefined;
  return { ...invite, friends: o.friends, needed: o.needed, ...(text(o.code, 100) && { code: o.code }) };
}

/** `POST /referrals/:ref/claim`'s answer merged in. */
export function withClaim(invite: Invite, v: unknown): Invite | undefined {
  const o = (typeof v === 'object' && v !== null ? v : {}) as Record<string, unknown>;
  if (!text(o.code, 100)) return undefined;
  return { ...invite, code: o.code, ...(text(o.title) && { title: o.title }) };
}

/** What the fan can do now. */
export type Phase = 'holdout' | 'inviting' | 'ready' | 'won';

export function phaseOf(invite: Invite): Phase {
  if (invite.holdout) return 'holdout';
  if (invite.code) return 'won';
  return (invite.friends ?? 0) >= (invite.needed ?? 1) ? 'ready' : 'inviting';
}

/** A kept invite that still works: not expired (a won code is kept to show whatever its age). */
export const isLive = (invite: Invite | undefined, now: number): invite is Invite => !!invite && (!!invite.code || invite.expires > now);

/**
 * A reward title as it follows Chinese text: a space before one that starts with a Latin
 * letter or a digit (获得 85 折优惠券), none before Han (获得免运费), as the zh copy rules ask.
 */
export const afterHan = (title: string): string => (/^[A-Za-z0-9]/.test(title) ? ` ${title}` : title);
