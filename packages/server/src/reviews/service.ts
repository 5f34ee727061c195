import { createHash, randomBytes } from 'node:crypto';
import type { ErrorCode } from '@fanfare/core/errors';
import type { Config } from '../config.js';
import { originAllowed } from '../cors.js';
import type { Refusal } from '../errors.js';
import { playerKey } from '../games/ticket.js';
import { utcDay } from '../games/service.js';
import { newMediaName, type MediaStore, type StoredMedia } from '../media/store.js';
import type { Ledger, Reviews } from '../store/state.js';
import type { HistoryRow, ReviewQuery, ReviewStatus, StoredReview } from '../store/reviews.js';
import { cleanPhoto } from './photos.js';
import { verifyOrderToken } from './token.js';
import { BUILTIN_WORDS, hasLink, wordList, type WordList } from './words.js';

// The rules of buyer shows: who may send one, when it is a verified buyer's, what is
// published without a moderator, how photos are made safe and stored before the answer,
// and what the carousel's feed shows. The routes only translate HTTP; the store only stores.

export const TEXT_MAX = 2000;
export const AUTHOR_MAX = 60;
export const PHOTOS_MAX = 5;
export const PHOTO_BYTES = 10 * 1024 * 1024;
export const FEED_MAX = 100;

/** The fields of `POST /reviews`, checked for form by the route. */
export interface ReviewForm {
  site: string;
  product: string;
  rating: number;
  text: string;
  author: string;
  order?: string | undefined;
  orderToken?: string | undefined;
  /** The honeypot: people leave it empty. */
  website?: string | undefined;
}

export interface Submitted {
  id: string;
  status: 'pending' | 'published';
  verified: boolean;
  photos: number;
  reward?: { code: string; title: string };
}

export type ReviewOutcome<T> = { ok: true; value: T } | ({ ok: false; extra?: Record<string, unknown> } & Refusal);

function refusal(status: number, error: ErrorCode, message: string, extra?: Record<string, unknown>): { ok: false; extra?: Record<string, unknown> } & Refusal {
  return { ok: false, status, error, message, ...(extra ? { extra } : {}) };
}

// The carousel's own masking, so a feed never carries a full name whatever the page's
// `names` says; masking a masked name changes nothing, so the carousel can mask again.
import { maskName } from '@fanfare/core/mask';

export { maskName };

/**
 * Control characters (but line breaks and tabs) have no place in a review and can break a CSV
 * or a log; direction overrides can make a text read other than it is. Joiners (U+200C, U+200D)
 * stay: emoji sequences and some scripts need them.
 */
export function cleanText(s: string): string {
  return s.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '').trim();
}

/** Two sends of the same words are one review, whatever the spacing or case. */
function textHash(text: string): string {
  return createHash('sha256').update(text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ')).digest('base64url').slice(0, 22);
}

const ALT = {
  en: (n: number, total: number, name: string) => `Photo ${n} of ${total} from ${name || 'a buyer'}`,
  'zh-CN': (n: number, total: number, name: string) => `${name || '买家'}的晒图（${n}/${total}）`,
} as const;
export type FeedLang = keyof typeof ALT;

export interface FeedReview {
  id: string;
  author: string;
  rating: number;
  text: string;
  date: string;
  verified: boolean;
  photos: { src: string; width: number; height: number; alt: string }[];
}

export interface ReviewServiceOptions {
  config: Config;
  store: Reviews;
  media: MediaStore;
  ledger: Ledger;
  secret: string;
  now: () => number;
}

/** A review as the moderation API shows it: full name, the order, photo URLs behind the admin token. */
export interface ModeratedReview extends Omit<StoredReview, 'photos'> {
  photos: { url: string; width: number; height: number }[];
}

export class ReviewService {
  readonly #config: Config;
  readonly #store: Reviews;
  readonly #media: MediaStore;
  readonly #ledger: Ledger;
  readonly #secret: string;
  readonly #now: () => number;
  readonly #words = new Map<string, WordList>();
  readonly #builtin = wordList(BUILTIN_WORDS);

  constructor({ config, store, media, ledger, secret, now }: ReviewServiceOptions) {
    this.#config = config;
    this.#store = store;
    this.#media = media;
    this.#ledger = ledger;
    this.#secret = secret;
    this.#now = now;
    for (const [name, site] of Object.entries(config.sites ?? {})) {
      this.#words.set(name, wordList([...(site.reviews.builtinWords ? BUILTIN_WORDS : []), ...site.reviews.words]));
    }
  }

  #site(site: string) {
    const sites = this.#config.sites;
    return sites && Object.hasOwn(sites, site) ? sites[site] : undefined;
  }

  /** May this page send a review for `site`? Checked before the body is read. */
  mayReview(site: string | undefined, origin: string | undefined): ReviewOutcome<true> {
    if (site !== undefined && this.#config.sites && !this.#site(site)) return refusal(404, 'not_found', `no site "${site}"`);
    if (!originAllowed(this.#config, site, origin)) return refusal(403, 'forbidden', 'this page may not send reviews for this site');
    return { ok: true, value: true };
  }

  /** Why a review waits for a moderator: links, listed words, and (with auto-publish on) the rules it does not meet. */
  flagsFor(site: string, review: { text: string; author: string; rating: number; verified: boolean; photos: number }): { flags: string[]; publish: boolean } {
    const words = this.#words.get(site) ?? this.#builtin;
    const all = `${review.text}\n${review.author}`;
    const flags = [...(hasLink(all) ? ['link'] : []), ...words.find(all).map((w) => `word:${w}`)];
    const rules = this.#site(site)?.reviews.autoPublish ?? false;
    if (rules === false) return { flags, publish: false };
    const meets = (!rules.verified || review.verified) && review.rating >= rules.minRating && (!rules.photos || review.photos > 0);
    if (!meets) flags.push('rule');
    return { flags, publish: flags.length === 0 };
  }

  /**
   * Stores a review. Photos are cleaned first; each is written and synced before the row that
   * names them commits, and a refusal after the writes removes them again. A crash in between
   * leaves files no row names, which `sweep` deletes.
   */
  async submit(form: ReviewForm, photos: Buffer[], caller: { ip: string; origin: string | undefined }): Promise<ReviewOutcome<Submitted>> {
    const allowed = this.mayReview(form.site, caller.origin);
    if (!allowed.ok) return allowed;
    // A bot filled the field people never see: it is told what a person is told, and nothing is kept.
    if (form.website) return { ok: true, value: { id: reviewId(), status: 'pending', verified: false, photos: photos.length } };

    const text = cleanText(form.text);
    const author = cleanText(form.author).replace(/\s+/g, ' ');
    if (!text) return refusal(400, 'bad_request', 'text: write a few words');
    if (Array.from(text).length > TEXT_MAX) return refusal(413, 'text_too_long', `text: at most ${TEXT_MAX} characters`);
    if (Array.from(author).length > AUTHOR_MAX) return refusal(400, 'bad_request', `author: at most ${AUTHOR_MAX} characters`);
    if (photos.length > PHOTOS_MAX) return refusal(413, 'too_many_photos', `at most ${PHOTOS_MAX} photos`);

    const order = form.order || null;
    const verified = order !== null && verifyOrderToken(this.#site(form.site)?.reviewSecret, form.site, order, form.product, form.orderToken ?? '');
    const client = playerKey(this.#secret, caller.ip);
    const key = { site: form.site, product: form.product, order, verified, client, textHash: textHash(text) };
    const dup = await this.#store.duplicateOf(key);
    if (dup) return refusal(409, 'duplicate_review', 'this review was sent already', { id: dup.id, status: dup.status });

    const cleaned = [];
    for (const [i, bytes] of photos.entries()) {
      const photo = await cleanPhoto(bytes);
      if (photo === 'photo_unsupported') return refusal(415, photo, `photo ${i + 1}: not a JPEG, PNG or WebP that decodes`);
      if (photo === 'photo_too_many_pixels') return refusal(413, photo, `photo ${i + 1}: over 40,000,000 pixels`);
      cleaned.push(photo);
    }

    const { flags, publish } = this.flagsFor(form.site, { text, author, rating: form.rating, verified, photos: cleaned.length });
    const id = reviewId();
    const files = cleaned.map(() => newMediaName());
    try {
      await Promise.all(cleaned.map((p, i) => this.#media.write(files[i]!, p.data)));
      const status: ReviewStatus = publish ? 'published' : 'pending';
      const stored = await this.#store.insert({
        ...key,
        id,
        rating: form.rating,
        text,
        author,
        status,
        flags,
        createdAt: this.#now(),
        by: publish ? 'auto' : 'fan',
        photos: cleaned.map((p, i) => ({ file: files[i]!, width: p.width, height: p.height, bytes: p.data.length })),
      });
      if (!stored.ok) {
        await this.#media.remove(files);
        return refusal(409, 'duplicate_review', 'this review was sent already', stored.duplicate);
      }
      return { ok: true, value: { id, status: publish ? 'published' : 'pending', verified, photos: cleaned.length, ...(await this.#reward(form.site, order, verified, cleaned.length, client)) } };
    } catch (err) {
      await this.#media.remove(files);
      throw err;
    }
  }

  /** A code for a verified photo review, once per order, from the first reward of the site's campaign. */
  async #reward(site: string, order: string | null, verified: boolean, photos: number, client: string): Promise<{ reward?: { code: string; title: string } }> {
    const campaign = this.#site(site)?.reviews.reward?.campaign;
    if (!campaign || !verified || photos === 0 || order === null) return {};
    const t = this.#now();
    const got = await this.#ledger.claim({ game: `review:${site}:${order}`, campaign, tier: 0, player: client, day: utcDay(t), now: t });
    // `again`: the order's code went with an earlier review (of another product); this one brings none.
    return got.ok && !got.again ? { reward: { code: got.code, title: this.#config.campaigns[campaign]!.rewards[0]!.title } } : {};
  }

  // ---- moderation ----------------------------------------------------------------------

  /** `next` is the cursor of the following page (`<createdAt>.<id>` of the last review shown), or null at the end. */
  async list(q: ReviewQuery): Promise<{ reviews: ModeratedReview[]; next: string | null; counts: Record<ReviewStatus, number> }> {
    const reviews = await this.#store.list(q);
    const last = reviews.length === q.limit ? reviews.at(-1)! : undefined;
    const next = last ? `${last.createdAt}.${last.id}` : null;
    return { reviews: reviews.map(moderated), next, counts: await this.#store.counts(q.site) };
  }

  async get(id: string): Promise<ModeratedReview | undefined> {
    const r = await this.#store.get(id);
    return r ? moderated(r) : undefined;
  }

  /** Approves or rejects each of `ids`; answers the reviews as they now are (unchanged ones too), and how many changed. */
  async decide(ids: readonly string[], action: 'approve' | 'reject', by: string, reason: string | null): Promise<{ changed: number; reviews: ModeratedReview[] }> {
    const to: ReviewStatus = action === 'approve' ? 'published' : 'rejected';
    const changed = await this.#store.setStatus(ids, to, { by, reason, at: this.#now(), action });
    const reviews = (await Promise.all(ids.map((id) => this.#store.get(id)))).filter((r): r is StoredReview => r !== undefined);
    return { changed: changed.length, reviews: reviews.map(moderated) };
  }

  history(site: string, review?: string): Promise<HistoryRow[]> {
    return this.#store.history(site, review);
  }

  /** A review's `n`th photo, whatever its status (for the moderator). */
  async photo(id: string, n: number): Promise<StoredMedia | undefined> {
    const file = (await this.#store.get(id))?.photos.find((p) => p.n === n)?.file;
    return file ? this.#media.read(file) : undefined;
  }

  /** The photo to serve at /media/<name>, only while its review is published. */
  async publicPhoto(name: string): Promise<StoredMedia | undefined> {
    return (await this.#store.photoStatus(name)) === 'published' ? this.#media.read(name) : undefined;
  }

  // ---- the carousel's feed -------------------------------------------------------------

  /** `<fan-buyer-show>`'s feed for one product, and its ETag (a hash of the body). */
  async feed(site: string, product: string, lang: FeedLang | undefined): Promise<{ body: string; etag: string }> {
    const base = this.#config.mediaUrl ?? '/media/';
    const reviews: FeedReview[] = (await this.#store.list({ site, product, status: 'published', limit: FEED_MAX })).map((r) => {
      const author = maskName(r.author);
      return {
        id: r.id,
        author,
        rating: r.rating,
        text: r.text,
        date: utcDay(r.createdAt),
        verified: r.verified,
        // Without `lang` the alt is empty, and the carousel names the photo in the fan's own language.
        photos: r.photos.map((p, i) => ({ src: base + p.file, width: p.width, height: p.height, alt: lang ? ALT[lang](i + 1, r.photos.length, author) : '' })),
      };
    });
    const body = JSON.stringify({ reviews });
    return { body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` };
  }

  /** Deletes photos no review names, once older than `orphanMinutes` (what a crash between write and commit leaves), by the store's own clock, never the injected one. */
  sweep(): Promise<string[]> {
    return this.#media.sweep(this.#config.orphanMinutes * 60_000);
  }
}

function reviewId(): string {
  return `r_${randomBytes(12).toString('base64url')}`;
}

function moderated(r: StoredReview): ModeratedReview {
  return { ...r, photos: r.photos.map((p) => ({ url: `/api/reviews/${r.id}/photos/${p.n}`, width: p.width, height: p.height })) };
}
