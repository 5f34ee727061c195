import { describe, expect, it } from 'vitest';
import type { Review } from '../src/logic/feed.js';
import { buildJsonLd, serializeJsonLd } from '../src/logic/jsonld.js';
import { maskName } from '../src/logic/reviews.js';

const masked = (r: Review) => maskName(r.author) || 'Anonymous';
const full = (r: Review) => r.author || 'Anonymous';

const review = (id: string, rating: number, author: string, text = 'Nice'): Review => ({
  id,
  author,
  rating,
  text,
  date: '2024-05-01T10:00:00Z',
  verified: true,
  photos: [],
});
type LdReview = { author: { name: string } } & Record<string, unknown>;

const all = [review('a', 5, 'Lisa'), review('b', 4, '王小明'), review('c', 3, '')];

describe('buildJsonLd', () => {
  it('describes the product, the average over every review and the reviews shown', () => {
    const ld = buildJsonLd({ product: 'Linen dress', all, shown: all.slice(0, 2), average: 4, name: masked });
    expect(ld).toMatchObject({
      '@type': 'Product',
      name: 'Linen dress',
      aggregateRating: { '@type': 'AggregateRating', ratingValue: 4, reviewCount: 3 },
    });
    const reviews = ld!.review as LdReview[];
    expect(reviews.map((r) => r.author.name)).toEqual(['L.', '王**明']);
    expect(reviews[0]).toMatchObject({ reviewRating: { ratingValue: 5 }, reviewBody: 'Nice', datePublished: '2024-05-01' });
  });

  it.each([
    ['masked', masked, ['L.', '王**明', 'Anonymous']],
    ['full', full, ['Lisa', '王小明', 'Anonymous']],
  ])('writes names %s, as on screen', (_, name, names) => {
    const ld = buildJsonLd({ product: 'P', all, shown: all, average: 4, name });
    expect((ld!.review as LdReview[]).map((r) => r.author.name)).toEqual(names);
  });

  it.each([
    ['no reviews', { product: 'P', all: [], shown: [] }],
    ['no product name', { product: '', all, shown: all }],
  ])('writes nothing with %s', (_, input) => {
    expect(buildJsonLd({ ...input, average: 0, name: masked })).toBeUndefined();
  });

  it('lists at most `max` reviews', () => {
    const many = Array.from({ length: 50 }, (_, i) => review(String(i), 5, 'A'));
    const ld = buildJsonLd({ product: 'P', all: many, shown: many, average: 5, name: masked, max: 20 });
    expect(ld!.review).toHaveLength(20);
  });
});

describe('serializeJsonLd', () => {
  it('cannot close its script element', () => {
    const text = serializeJsonLd({ reviewBody: '</script><script>alert(1)</script>' });
    expect(text).not.toContain('<');
    expect(JSON.parse(text).reviewBody).toBe('</script><script>alert(1)</script>');
  });
});
