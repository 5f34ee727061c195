// What the element shows about reviews: masked names, filters, the average, dates.
import type { Review } from './feed.js';

export const FILTERS = ['all', 'photos', '5'] as const;
export type Filter = (typeof FILTERS)[number];

// Han, Hiragana, Katakana and Hangul: the shop convention for these names (王**明) is
// familiar to their readers, who know the two stars as a fixed mask.
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/**
 * Mask a buyer's name the way shop reviews do, so that what is shown never pretends to
 * be the name's length. Names in Han, kana or Hangul keep their first and last character
 * around two stars (王**明; two characters: 王*). Other names become initials, first and
 * last word: "Sam" is "S.", "Lisa Wong" is "L. W.". Stars in a Latin name ("S***m") read
 * as five letters, and an initial does not. Characters, not UTF-16 units, so an emoji or
 * a rare Han character is never cut in half.
 */
export function maskName(name: string): string {
  const words = name.trim().split(/\s+/);
  const chars = Array.from(words.join(' '));
  const first = chars[0];
  if (!first) return '';
  if (!CJK.test(first)) return words.length > 1 ? `${first}. ${Array.from(words.at(-1)!)[0]}.` : `${first}.`;
  return chars.length > 2 ? `${first}**${chars.at(-1)}` : `${first}*`;
}

export function filterReviews(reviews: readonly Review[], filter: Filter): Review[] {
  if (filter === 'photos') return reviews.filter((r) => r.photos.length > 0);
  if (filter === '5') return reviews.filter((r) => r.rating === 5);
  return reviews.slice();
}

/** The mean rating rounded to one decimal, or 0 for no reviews. */
export function averageRating(reviews: readonly Review[]): number {
  if (!reviews.length) return 0;
  const sum = reviews.reduce((s, r) => s + r.rating, 0);
  return Math.round((sum / reviews.length) * 10) / 10;
}

// Building a DateTimeFormat costs far more than using one, and every render formats
// the dates of all slides in the DOM.
const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * A review date in the fan's locale. A date without a time is a calendar day and is
 * shown as that day everywhere (read as UTC), not the day before west of Greenwich.
 */
export function formatDate(date: string, locale: string): string {
  const utc = date.length === 10;
  const key = locale + utc;
  let f = formats.get(key);
  if (!f) formats.set(key, (f = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: utc ? 'UTC' : undefined })));
  return f.format(new Date(date));
}
