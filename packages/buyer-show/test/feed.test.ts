import { describe, expect, it } from 'vitest';
import { readFeed, summarize, type Review } from '../src/logic/feed.js';

const BASE = 'https://shop.example/feeds/reviews.json';
const good = {
  id: 'r1',
  author: 'Lisa',
  rating: 5,
  text: 'Fits perfectly.',
  date: '2024-05-01',
  verified: true,
  photos: [{ src: 'img/r1.jpg', width: 800, height: 1000, alt: 'A green dress' }],
  product: { name: 'Linen dress', url: '/p/42' },
};

function one(review: unknown): { review?: Review; problems: string[] } {
  const r = readFeed({ reviews: [review] }, BASE);
  if (!r.ok) throw new Error(r.reason);
  return { review: r.reviews[0], problems: r.problems };
}

describe('readFeed', () => {
  it('keeps a valid review and resolves URLs against the feed', () => {
    const { review, problems } = one(good);
    expect(problems).toEqual([]);
    expect(review).toEqual({
      ...good,
      photos: [{ src: 'https://shop.example/feeds/img/r1.jpg', width: 800, height: 1000, alt: 'A green dress' }],
      product: { name: 'Linen dress', url: 'https://shop.example/p/42' },
    });
  });

  it.each([
    ['null', null],
    ['an array', []],
    ['no reviews', { items: [] }],
    ['reviews not a list', { reviews: {} }],
  ])('refuses a feed that is %s', (_, feed) => {
    expect(readFeed(feed, BASE).ok).toBe(false);
  });

  it.each([
    ['not an object', 'x', /not an object/],
    ['rating 0', { rating: 0 }, /rating 0/],
    ['rating 6', { rating: 6 }, /rating 6/],
    ['rating 4.5', { rating: 4.5 }, /rating 4.5/],
    ['rating "5"', { rating: '5' }, /rating "5"/],
    ['no rating', { rating: undefined }, /rating undefined/],
    ['nothing to show', { text: '', photos: [] }, /no text and no photo/],
  ])('drops a review with %s, with a reason', (_, patch, reason) => {
    const { review, problems } = one(typeof patch === 'string' ? patch : { ...good, ...patch });
    expect(review).toBeUndefined();
    expect(problems.join()).toMatch(reason);
  });

  it.each([
    ['a javascript: photo', { photos: [{ src: 'javascript:alert(1)', width: 1, height: 1 }] }, (r: Review) => r.photos.length === 0, /only http/],
    ['a data: photo', { photos: [{ src: 'data:image/png;base64,AAA', width: 1, height: 1 }] }, (r: Review) => r.photos.length === 0, /only http/],
    ['a photo with no height', { photos: [{ src: 'a.jpg', width: 10 }] }, (r: Review) => r.photos.length === 0, /width and height/],
    ['a photo with a negative width', { photos: [{ src: 'a.jpg', width: -1, height: 5 }] }, (r: Review) => r.photos.length === 0, /width and height/],
    ['a javascript: product', { product: { name: 'X', url: 'javascript:alert(1)' } }, (r: Review) => r.product === undefined, /product/],
    ['a product with no name', { product: { url: '/p/1' } }, (r: Review) => r.product === undefined, /product/],
    ['a bad date', { date: 'yesterday' }, (r: Review) => r.date === undefined, /date "yesterday"/],
    ['verified "yes"', { verified: 'yes' }, (r: Review) => r.verified === false, /verified/],
    ['photos not a list', { photos: 'a.jpg' }, (r: Review) => r.photos.length === 0, /photos is not a list/],
    ['13 photos', { photos: Array.from({ length: 13 }, () => good.photos[0]) }, (r: Review) => r.photos.length === 12, /over 12 photos/],
    ['an author that is an object', { author: { name: 'x' } }, (r: Review) => r.author === '', /author/],
    ['no id', { id: undefined }, (r: Review) => r.id === '#1', /no id/],
    ['a numeric id', { id: 7 }, (r: Review) => r.id === '7', /^$/],
  ])('repairs a review with %s', (_, patch, check, reason) => {
    const { review, problems } = one({ ...good, ...patch });
    expect(review).toBeDefined();
    expect(check(review!)).toBe(true);
    expect(problems.join()).toMatch(reason);
  });

  it('keeps hostile text as text: the feed layer does not strip, the template never parses', () => {
    const { review } = one({ ...good, text: '<img src=x onerror=alert(1)>' });
    expect(review?.text).toBe('<img src=x onerror=alert(1)>');
  });

  it('drops duplicate ids and non-objects', () => {
    const r = readFeed({ reviews: [good, good, 'x'] }, BASE);
    expect(r.ok && r.reviews.length).toBe(1);
    expect(r.ok && r.problems).toHaveLength(2);
  });

  it('shortens over-long text', () => {
    const { review, problems } = one({ ...good, text: 'a'.repeat(5000) });
    expect(review?.text).toHaveLength(2000);
    expect(problems).toHaveLength(1);
  });
});

describe('summarize', () => {
  it.each([
    [[], ''],
    [['a', 'b'], 'a; b'],
    [['1', '2', '3', '4', '5', '6', '7'], '1; 2; 3; 4; 5; and 2 more'],
  ])('%j → %s', (problems, text) => {
    expect(summarize(problems)).toBe(text);
  });
});

describe('the example feeds for the demo shop', () => {
  it.each(['reviews.en.json', 'reviews.zh.json'])('%s is valid as it stands', async (file) => {
    const { readFile } = await import('node:fs/promises');
    const url = new URL(`../examples/tulips/${file}`, import.meta.url);
    const r = readFeed(JSON.parse(await readFile(url, 'utf8')), 'https://shop.example/reviews/feed.json');
    expect(r.ok && r.problems).toEqual([]);
    expect(r.ok && r.reviews.length).toBe(8);
  });
});
