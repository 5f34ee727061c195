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
