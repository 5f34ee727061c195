import { describe, expect, it } from 'vitest';
import type { Review } from '../src/logic/feed.js';
import { averageRating, filterReviews, formatDate, maskName } from '../src/logic/reviews.js';

describe('maskName', () => {
  it.each([
    // Latin names become initials: stars would read as letters ("S***m" looks five long).
    ['Sam', 'S.'],
    ['Lisa', 'L.'],
    ['Lisa Wong', 'L. W.'],
    ['Sam  de  Carter', 'S. C.'],
    ['  Al  ', 'A.'],
    ['J', 'J.'],
    ['', ''],
    ['   ', ''],
    // Han, kana and Hangul keep the shop convention of a fixed two-star mask.
    ['王小明', '王**明'],
    ['欧阳娜娜', '欧**娜'],
    ['王明', '王*'],
    ['王', '王*'],
    ['😀abc😎', '😀.'],
    ['𠮷野家', '𠮷**家'],
  ])('%s → %s', (name, masked) => {
    expect(maskName(name)).toBe(masked);
  });

  it('never shows as many characters as a Latin name has', () => {
    for (const name of ['Sam', 'Lisa', 'Jordan', 'Ana', 'Priya', 'Al', 'Bo']) {
      expect(maskName(name).replace(/[.\s]/g, '').length).toBe(1);
    }
  });
});

const r = (id: string, rating: number, photos: number): Review => ({
  id,
  author: '',
  rating,
  text: 't',
  verified: false,
  photos: Array.from({ length: photos }, () => ({ src: 'https://a.example/p.jpg', width: 1, height: 1, alt: '' })),
});
const reviews = [r('a', 5, 1), r('b', 4, 0), r('c', 5, 0), r('d', 1, 2)];

describe('filters', () => {
  it.each([
    ['all', ['a', 'b', 'c', 'd']],
    ['photos', ['a', 'd']],
    ['5', ['a', 'c']],
  ] as const)('%s keeps %j', (filter, ids) => {
    expect(filterReviews(reviews, filter).map((x) => x.id)).toEqual(ids);
  });
});

describe('averageRating', () => {
  it.each([
    [[], 0],
    [[5], 5],
    [[5, 4], 4.5],
    [[5, 4, 4], 4.3],
    [[1, 2, 2], 1.7],
  ])('%j → %d', (ratings, avg) => {
    expect(averageRating(ratings.map((n, i) => r(String(i), n, 0)))).toBe(avg);
  });
});

describe('formatDate', () => {
  it.each([
    ['2024-05-01', 'en', 'May 1, 2024'],
    ['2024-05-01', 'zh-CN', '2024年5月1日'],
    ['2024-01-01', 'en', 'Jan 1, 2024'],
    ['2024-12-31T23:30:00-10:00', 'en', new Date('2024-12-31T23:30:00-10:00').toLocaleDateString('en', { dateStyle: 'medium' })],
  ])('%s in %s → %s', (date, locale, text) => {
    expect(formatDate(date, locale)).toBe(text);
  });
});
