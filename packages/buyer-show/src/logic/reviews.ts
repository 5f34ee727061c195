// What the element shows about reviews: masked names, filters, the average, dates.
import type { Review } from './feed.js';

export const FILTERS = ['all', 'photos', '5'] as const;
export type Filter = (typeof FILTERS)[number];

// The one masking rule, shared with the review form and the server's feed.
export { maskName } from '@fanfare/core/mask';

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

// No Intl here: the first number or date format a page builds costs Chromium about 30 ms
// (120 ms on a phone-speed CPU) while ICU loads its data, and the carousel's first render
// asked for one, which made that render a long task. Both built-in locales write whole
// numbers and a review's day as below; the unit test holds them to Intl's output.

/** A whole number as en and zh-CN write it (12,345). */
export const formatCount = (n: number): string => String(n).replace(/\B(?=(\d{3})+$)/g, ',');

/**
 * A review date in the fan's locale, as Intl's `dateStyle: 'medium'` writes it. A date
 * without a time is a calendar day and is shown as that day everywhere (read as UTC), not
 * the day before west of Greenwich; a date with a time is the fan's own day.
 */
export function formatDate(date: string, locale: string): string {
  const d = new Date(date);
  // Moved by the fan's offset, the UTC fields read the fan's local time.
  if (date[10]) d.setTime(+d - d.getTimezoneOffset() * 6e4);
  // "Wed, 01 May 2024 …": V8's own English, no ICU.
  const [, day, month, year] = d.toUTCString().split(' ');
  return locale === 'en' ? `${month} ${+day!}, ${year}` : `${year}年${d.getUTCMonth() + 1}月${+day!}日`;
}
