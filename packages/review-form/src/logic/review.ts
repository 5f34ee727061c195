// What a fan's review must be before it is sent, what is kept as a draft, and what the
// server's answer means. Pure: the element and its controllers call these.
/** Caps that match the server's (packages/server/README.md, `POST /reviews`): a longer text or name is refused there too. */
export const TEXT_MAX = 2000;
export const AUTHOR_MAX = 60;
/** The server takes at most five photos a review. */
export const PHOTOS_MAX = 5;

export interface Draft {
  rating: number;
  text: string;
  author: string;
}

export const EMPTY: Draft = { rating: 0, text: '', author: '' };

/** What is wrong with a field, as a message key. */
export type Problem = 'needRating' | 'needText' | 'textLong' | 'authorLong';
export type Field = 'rating' | 'text' | 'author';

/**
 * A whole number as en and zh-CN write it (2,000). Not Intl: the first number format a page
 * builds costs Chromium about 30 ms (120 ms on a phone-speed CPU) while ICU loads its data,
 * which made the form's first render a long task. The unit test holds it to Intl's output.
 */
export const formatCount = (n: number): string => String(n).replace(/\B(?=(\d{3})+$)/g, ',');

/** Characters as a reader counts them (an emoji or a rare Han character is one). */
export const length = (s: string): number => Array.from(s).length;

/** Each field's problem; an empty object when the review may be sent. The name is optional. */
export function check(d: Draft): Partial<Record<Field, Problem>> {
  const out: Partial<Record<Field, Problem>> = {};
  if (!(Number.isInteger(d.rating) && d.rating >= 1 && d.rating <= 5)) out.rating = 'needRating';
  if (!d.text.trim()) out.text = 'needText';
  else if (length(d.text) > TEXT_MAX) out.text = 'textLong';
  if (length(d.author.trim()) > AUTHOR_MAX) out.author = 'authorLong';
  return out;
}

/** A stored draft, whatever storage held: anything unreadable is an empty field. */
export function readDraft(raw: unknown): Draft {
  const o = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const rating = typeof o.rating === 'number' && Number.isInteger(o.rating) && o.rating >= 1 && o.rating <= 5 ? o.rating : 0;
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  return { rating, text: str(o.text), author: str(o.author) };
}

/** The server's product id rule: it is the feed's file name. */
export const PRODUCT = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

