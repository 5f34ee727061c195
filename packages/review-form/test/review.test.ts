import { describe, expect, it } from 'vitest';
import { readAnswer } from '../src/logic/answer.js';
import { AUTHOR_MAX, PRODUCT, TEXT_MAX, check, formatCount, length, readDraft } from '../src/logic/review.js';

const ok = { rating: 4, text: 'Lovely.', author: '' };

describe('check', () => {
  it.each([
    ['a good review', ok, {}],
    ['no stars', { ...ok, rating: 0 }, { rating: 'needRating' }],
    ['a rating of 9', { ...ok, rating: 9 }, { rating: 'needRating' }],
    ['half a star', { ...ok, rating: 3.5 }, { rating: 'needRating' }],
    ['no text', { ...ok, text: '' }, { text: 'needText' }],
    ['only spaces', { ...ok, text: ' \n\t ' }, { text: 'needText' }],
    ['text at the limit', { ...ok, text: 'a'.repeat(TEXT_MAX) }, {}],
    ['text over the limit', { ...ok, text: 'a'.repeat(TEXT_MAX + 1) }, { text: 'textLong' }],
    // 2,000 emoji are 4,000 UTF-16 units, and still 2,000 characters, as the server counts.
    ['2,000 emoji', { ...ok, text: '🌷'.repeat(TEXT_MAX) }, {}],
    ['a name at the limit', { ...ok, author: '王'.repeat(AUTHOR_MAX) }, {}],
    ['a name over the limit', { ...ok, author: 'x'.repeat(AUTHOR_MAX + 1) }, { author: 'authorLong' }],
    ['everything wrong', { rating: 0, text: '', author: 'x'.repeat(99) }, { rating: 'needRating', text: 'needText', author: 'authorLong' }],
  ])('%s', (_, draft, want) => {
    expect(check(draft)).toEqual(want);
  });

  it('counts characters, not UTF-16 units', () => {
    expect(length('质量很好🌷')).toBe(5);
  });
});

describe('readDraft', () => {
  it.each([
    ['a stored draft', { rating: 5, text: 'Hi', author: 'Lisa' }, { rating: 5, text: 'Hi', author: 'Lisa' }],
    ['nothing stored', undefined, { rating: 0, text: '', author: '' }],
    ['a broken value', 'nonsense', { rating: 0, text: '', author: '' }],
    ['a bad rating and a text that is not a string', { rating: 7, text: 3 }, { rating: 0, text: '', author: '' }],
  ])('%s', (_, raw, want) => {
    expect(readDraft(raw)).toEqual(want);
  });
});

describe('readAnswer', () => {
  it.each([
    ['pending', 201, { id: 'r_1', status: 'pending', verified: false, photos: 2 }, { ok: true, id: 'r_1', status: 'pending' }],
    ['published', 201, { id: 'r_1', status: 'published' }, { ok: true, id: 'r_1', status: 'published' }],
    [
      'with a coupon',
      201,
      { id: 'r_1', status: 'pending', reward: { code: 'THANKS-7QK2', title: '10% off' } },
      { ok: true, id: 'r_1', status: 'pending', code: 'THANKS-7QK2', reward: '10% off' },
    ],
    // A retry after a lost answer: the earlier review was stored, so it was sent.
    ['a duplicate naming the earlier review', 409, { error: 'duplicate_review', id: 'r_1', status: 'published' }, { ok: true, id: 'r_1', status: 'published' }],
    ['a duplicate without it', 409, { error: 'duplicate_review' }, { ok: false, error: 'duplicate_review' }],
    ['a refusal', 413, { error: 'text_too_long', message: 'text over 2000' }, { ok: false, error: 'text_too_long' }],
    ['a 201 without an id', 201, { status: 'pending' }, { ok: false, error: 'bad_request' }],
    ['a 500 with no body', 500, null, { ok: false, error: 'internal' }],
    ['a proxy\'s 413 page', 413, null, { ok: false, error: 'too_large' }],
    ['a 429 with no body', 429, null, { ok: false, error: 'rate_limited' }],
    ['an odd status', 418, 'teapot', { ok: false, error: 'bad_request' }],
  ])('%s', (_, status, body, want) => {
    expect(readAnswer(status, body)).toEqual(want);
  });
});

describe('PRODUCT', () => {
  it.each([
    ['tulip-vase', true],
    ['A1.b_c', true],
    ['x'.repeat(128), true],
    ['x'.repeat(129), false],
    ['-lead', false],
    ['has space', false],
    ['', false],
    ['../etc', false],
  ])('%s', (id, want) => {
    expect(PRODUCT.test(id)).toBe(want);
  });
});

// The character count is written without Intl (building the first Intl format costs a long
// task): it must read as Intl would write it, in both built-in locales.
describe('formatCount writes what Intl writes', () => {
  it.each(['en', 'zh-CN'])('%s', (locale) => {
    const intl = new Intl.NumberFormat(locale);
    for (const n of [0, 1, 9, 10, 99, 100, 999, 1000, 1001, 1999, TEXT_MAX, 2001, 9999, 12345, 100000, 1234567]) {
      expect(formatCount(n)).toBe(intl.format(n));
    }
  });
});
