// The feed schema (see the package README) and its validation. A feed comes from a
// marketer's export or a third-party review service, so nothing in it is trusted:
// every field is checked, repaired when a safe repair exists, and dropped otherwise.
// Each repair or drop adds one reason; the element turns them into one warning.
import { parseUrl } from '@fanfare/core/parse';

export interface Photo {
  src: string;
  width: number;
  height: number;
  alt: string;
}

export interface Product {
  name: string;
  url: string;
}

export interface Review {
  id: string;
  author: string;
  /** A whole number of stars, 1 to 5. */
  rating: number;
  text: string;
  /** The feed's own date string (ISO 8601), only when it parses. */
  date?: string;
  verified: boolean;
  photos: Photo[];
  product?: Product;
}

export type FeedResult =
  | { ok: true; reviews: Review[]; problems: string[] }
  | { ok: false; reason: string };

// Long enough for any real review; short enough that a runaway export cannot flood the page.
const MAX_TEXT = 2000;
const MAX_PHOTOS = 12;
const MAX_SIDE = 20000;

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const clip = (s: string, max: number) => (s.length > max ? Array.from(s).slice(0, max).join('') : s);

/**
 * Validate a parsed feed. `base` resolves relative photo and product URLs (the feed's
 * own URL, so a feed can sit beside its photos).
 */
export function readFeed(raw: unknown, base: string): FeedResult {
  if (!isObj(raw) || !Array.isArray(raw.reviews)) return { ok: false, reason: 'the feed has no "reviews" list' };
  const problems: string[] = [];
  const seen = new Set<string>();
  const reviews: Review[] = [];
  raw.reviews.forEach((item, i) => {
    const r = readReview(item, i, base, problems);
    if (r && seen.has(r.id)) problems.push(`${r.id}: duplicate id, dropped`);
    else if (r) {
      seen.add(r.id);
      reviews.push(r);
    }
  });
  return { ok: true, reviews, problems };
}

function readReview(item: unknown, i: number, base: string, problems: string[]): Review | undefined {
  const id = isObj(item) && (typeof item.id === 'string' || typeof item.id === 'number') && String(item.id).trim()
    ? String(item.id).trim()
    : `#${i + 1}`;
  const note = (what: string) => problems.push(`${id}: ${what}`);
  if (!isObj(item)) return void note('not an object, dropped');
  if (id[0] === '#') note('no id');

  // A wrong star count misleads buyers; no repair is honest, so the review goes.
  const { rating, date, verified, product: p } = item;
  if (typeof rating !== 'number' || !Number.isInteger(rating) || rating < 1 || rating > 5) {
    return void note(`rating ${JSON.stringify(rating)} is not 1 to 5, dropped`);
  }
  const text = readText(item.text, 'text', MAX_TEXT, note);
  const author = readText(item.author, 'author', MAX_TEXT, note);
  const okDate = typeof date === 'string' && /^\d{4}-\d\d-\d\d/.test(date) && !Number.isNaN(Date.parse(date));
  if (date !== undefined && !okDate) note(`date ${JSON.stringify(date)} left out`);
  if (verified !== undefined && typeof verified !== 'boolean') note('verified taken as false');

  const photos: Photo[] = [];
  if (item.photos !== undefined && !Array.isArray(item.photos)) note('photos is not a list');
  for (const [j, ph] of (Array.isArray(item.photos) ? item.photos : []).entries()) {
    const photo = readPhoto(ph, base);
    if (typeof photo === 'string') note(`photo ${j + 1} ${photo}, dropped`);
    else if (photos.push(photo) > MAX_PHOTOS) {
      photos.pop();
      note(`over ${MAX_PHOTOS} photos`);
      break;
    }
  }

  let product: Product | undefined;
  const url = isObj(p) && typeof p.url === 'string' ? parseUrl(p.url, base) : undefined;
  if (isObj(p) && typeof p.name === 'string' && p.name.trim() && url?.ok) {
    product = { name: p.name.trim(), url: url.value };
  } else if (p !== undefined) note('product needs a name and an http(s) url, left out');

  if (!text && !photos.length) return void note('no text and no photo, dropped');
  return {
    id,
    author,
    rating,
    text,
    ...(okDate ? { date: date as string } : {}),
    verified: verified === true,
    photos,
    ...(product ? { product } : {}),
  };
}

function readText(v: unknown, field: string, max: number, note: (s: string) => void): string {
  if (v == null) return '';
  if (typeof v !== 'string') return note(`${field} is not text`), '';
  if (v.trim().length > max) note(`${field} shortened`);
  return clip(v.trim(), max);
}

/** A valid photo, or why it is not one. */
function readPhoto(p: unknown, base: string): Photo | string {
  if (!isObj(p) || typeof p.src !== 'string') return 'has no src';
  const src = parseUrl(p.src, base);
  if (!src.ok) return `${JSON.stringify(p.src.slice(0, 40))}: ${src.reason}`;
  const { width, height } = p;
  // Without both sides the space for the photo cannot be reserved, and it would shift the page.
  const side = (n: unknown): n is number => typeof n === 'number' && n > 0 && n <= MAX_SIDE;
  if (!side(width) || !side(height)) return 'has no width and height';
  return {
    src: src.value,
    width: Math.round(width),
    height: Math.round(height),
    alt: typeof p.alt === 'string' ? p.alt.trim() : '',
  };
}

/** One warning's worth of problems: the first few, then a count of the rest. */
export function summarize(problems: readonly string[], shown = 5): string {
  const head = problems.slice(0, shown).join('; ');
  const rest = problems.length - shown;
  return rest > 0 ? `${head}; and ${rest} more` : head;
}
