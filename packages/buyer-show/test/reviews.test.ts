import { describe, expect, it } from 'vitest';
import type { Review } from '../src/logic/feed.js';
import { averageRating, filterReviews, formatCount, formatDate, maskName } from '../src/logic/reviews.js';

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

// The carousel formats without Intl (building the first Intl format costs a long task):
// these hold its output to what Intl writes, in both built-in locales.
describe('formatDate writes what Intl writes', () => {
  const medium = (locale: string, timeZone?: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone });

  it.each(['en', 'zh-CN'])('every calendar day from 1990 to 2040 in %s', (locale) => {
    const intl = medium(locale, 'UTC');
    const wrong: string[] = [];
    for (let t = Date.UTC(1990, 0, 1); t <= Date.UTC(2040, 11, 31); t += 864e5) {
      const day = new Date(t).toISOString().slice(0, 10);
      if (formatDate(day, locale) !== intl.format(new Date(day))) wrong.push(`${day}: ${formatDate(day, locale)} ≠ ${intl.format(new Date(day))}`);
    }
    expect(wrong).toEqual([]);
  });

  it.each(['America/Los_Angeles', 'Asia/Shanghai', 'Pacific/Kiritimati', 'Europe/London'])(
    'a date with a time is the fan’s own day in %s, across the clock changes',
    (zone) => {
      const tz = process.env.TZ;
      process.env.TZ = zone;
      try {
        const wrong: string[] = [];
        // Built after TZ is set: a format keeps the zone it was built in.
        const intl = { en: medium('en'), 'zh-CN': medium('zh-CN') };
        // Every 7 hours for two years: each hour of the day, both sides of each change of the clocks.
        for (let t = Date.UTC(2024, 0, 1); t < Date.UTC(2026, 0, 1); t += 7 * 36e5) {
          for (const stamp of [new Date(t).toISOString(), new Date(t).toISOString().replace('Z', '+08:00'), new Date(t).toISOString().slice(0, 16)]) {
            for (const locale of ['en', 'zh-CN'] as const) {
              const want = intl[locale].format(new Date(stamp));
              if (formatDate(stamp, locale) !== want) wrong.push(`${stamp} ${locale}: ${formatDate(stamp, locale)} ≠ ${want}`);
            }
          }
        }
        expect(wrong.slice(0, 5)).toEqual([]);
      } finally {
        process.env.TZ = tz;
      }
    },
  );
});

describe('formatCount writes what Intl writes', () => {
  it.each(['en', 'zh-CN'])('%s', (locale) => {
    const intl = new Intl.NumberFormat(locale);
    for (const n of [0, 1, 9, 10, 99, 100, 999, 1000, 1001, 9999, 12345, 100000, 999999, 1000000, 1234567, 2 ** 31]) {
      expect(formatCount(n)).toBe(intl.format(n));
    }
  });
});
