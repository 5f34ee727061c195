// Structured data for search engines: a Product with its AggregateRating and the
// Reviews the widget shows. It must match the page (search engines penalise markup
// that claims what a visitor cannot see), so names are written as on screen.
import type { Review } from './feed.js';

export interface JsonLdInput {
  product: string;
  /** All reviews the average is taken over (the average shown at the top). */
  all: readonly Review[];
  /** The reviews the carousel lists under the current filter. */
  shown: readonly Review[];
  average: number;
  /** The name as the widget shows it (masked, or "Anonymous buyer" in the page's language). */
  name: (r: Review) => string;
  /** Reviews listed at most: enough for rich results, small enough for a page with 1,000. */
  max?: number;
}

export function buildJsonLd({ product, all, shown, average, name, max = 20 }: JsonLdInput): Record<string, unknown> | undefined {
  if (!all.length || !product) return undefined;
  return {
    '@context': 'https://schema.org',
    '@type': 'Product',
    name: product,
    aggregateRating: {
      '@type': 'AggregateRating',
      ratingValue: average,
      reviewCount: all.length,
      bestRating: 5,
      worstRating: 1,
    },
    review: shown.slice(0, max).map((r) => ({
      '@type': 'Review',
      reviewRating: { '@type': 'Rating', ratingValue: r.rating, bestRating: 5, worstRating: 1 },
      author: { '@type': 'Person', name: name(r) },
      ...(r.text ? { reviewBody: r.text } : {}),
      ...(r.date ? { datePublished: r.date.slice(0, 10) } : {}),
    })),
  };
}

/**
 * JSON for a <script> element. `<` is escaped so no review text can close the script
 * if the page is ever serialised and parsed again.
 */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}
