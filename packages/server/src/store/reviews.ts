import type Database from 'better-sqlite3';
import { openSqlite, type SqliteOptions } from './sqlite-db.js';
import type { Reviews } from './state.js';

// Buyer shows, their photos and their history in SQLite, with `"state": "sqlite"` (postgres.ts
// is the other one): a review and its photos are one transaction, and the history is append-only.

const SCHEMA = `
CREATE TABLE IF NOT EXISTS reviews (
  id         TEXT PRIMARY KEY,
  site       TEXT NOT NULL,
  product    TEXT NOT NULL,
  rating     INTEGER NOT NULL,
  text       TEXT NOT NULL,
  author     TEXT NOT NULL,
  order_id   TEXT,
  verified   INTEGER NOT NULL,
  status     TEXT NOT NULL,
  flags      TEXT NOT NULL,
  client     TEXT NOT NULL,
  text_hash  TEXT NOT NULL,
  reason     TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS reviews_queue ON reviews (site, status, created_at);
CREATE INDEX IF NOT EXISTS reviews_feed ON reviews (site, product, status, created_at);
CREATE INDEX IF NOT EXISTS reviews_same_text ON reviews (site, product, client, text_hash);
-- One review per verified order and product, whatever races.
CREATE UNIQUE INDEX IF NOT EXISTS reviews_one_per_order ON reviews (site, product, order_id) WHERE verified = 1;
CREATE TABLE IF NOT EXISTS review_photos (
  review TEXT NOT NULL,
  n      INTEGER NOT NULL,
  file   TEXT NOT NULL UNIQUE,
  width  INTEGER NOT NULL,
  height INTEGER NOT NULL,
  bytes  INTEGER NOT NULL,
  PRIMARY KEY (review, n)
);
CREATE TABLE IF NOT EXISTS review_history (
  seq         INTEGER PRIMARY KEY AUTOINCREMENT,
  review      TEXT NOT NULL,
  site        TEXT NOT NULL,
  at          INTEGER NOT NULL,
  by          TEXT NOT NULL,
  action      TEXT NOT NULL,
  from_status TEXT,
  to_status   TEXT NOT NULL,
  reason      TEXT
);
CREATE INDEX IF NOT EXISTS review_history_site ON review_history (site, seq);
CREATE INDEX IF NOT EXISTS review_history_review ON review_history (review, seq);
CREATE TRIGGER IF NOT EXISTS review_history_no_update BEFORE UPDATE ON review_history
  BEGIN SELECT RAISE(ABORT, 'review_history is append-only'); END;
CREATE TRIGGER IF NOT EXISTS review_history_no_delete BEFORE DELETE ON review_history
  BEGIN SELECT RAISE(ABORT, 'review_history is append-only'); END;
`;

export type ReviewStatus = 'pending' | 'published' | 'rejected';

export interface StoredPhoto {
  n: number;
  file: string;
  width: number;
  height: number;
  bytes: number;
}

export interface StoredReview {
  id: string;
  site: string;
  product: string;
  rating: number;
  text: string;
  author: string;
  order: string | null;
  verified: boolean;
  status: ReviewStatus;
  flags: string[];
  reason: string | null;
  createdAt: number;
  updatedAt: number;
  photos: StoredPhoto[];
}

export interface NewReview extends Omit<StoredReview, 'reason' | 'updatedAt' | 'photos'> {
  client: string;
  textHash: string;
  photos: Omit<StoredPhoto, 'n'>[];
  /** Who set the first status: `auto` when a rule published it. */
  by: string;
}

export interface HistoryRow {
  review: string;
  /** The review's author and product, so a log row says which review it was without a lookup. */
  author?: string;
  product?: string;
  at: number;
  by: string;
  action: 'submit' | 'approve' | 'reject';
  from: ReviewStatus | null;
  to: ReviewStatus;
  reason: string | null;
}

export interface ReviewQuery {
  site: string;
  status?: ReviewStatus | undefined;
  product?: string | undefined;
  verified?: boolean | undefined;
  photos?: boolean | undefined;
  rating?: number | undefined;
  /** Only reviews after this one in the list's order (newest first): the `next` of the previous page. */
  before?: { createdAt: number; id: string } | undefined;
  limit: number;
}

/** A review's row as both stores read it (SQLite gives `verified` as 0 or 1, PostgreSQL as a boolean). */
export interface ReviewRow {
  id: string;
  site: string;
  product: string;
  rating: number;
  text: string;
  author: string;
  order_id: string | null;
  verified: number | boolean;
  status: ReviewStatus;
  flags: string;
  reason: string | null;
  created_at: number;
  updated_at: number;
}
type Row = ReviewRow;

/** A history row joined with its review's author and product, as `HISTORY` reads it in both stores. */
export interface HistoryJoined {
  review: string;
  author: string;
  product: string;
  at: number;
  by: string;
  action: HistoryRow['action'];
  from_status: ReviewStatus | null;
  to_status: ReviewStatus;
  reason: string | null;
}

export const HISTORY = 'SELECT h.*, r.author, r.product FROM review_history h JOIN reviews r ON r.id = h.review';

export const historyOf = (r: HistoryJoined): HistoryRow => ({ review: r.review, author: r.author, product: r.product, at: r.at, by: r.by, action: r.action, from: r.from_status, to: r.to_status, reason: r.reason });

/** Reviews' rows with their photos' rows (ordered by review, then n), as either store answers them. */
export function reviewsOf(rows: ReviewRow[], photos: (StoredPhoto & { review: string })[]): StoredReview[] {
  return rows.map((r) => ({
    id: r.id,
    site: r.site,
    product: r.product,
    rating: r.rating,
    text: r.text,
    author: r.author,
    order: r.order_id,
    verified: r.verified === true || r.verified === 1,
    status: r.status,
    flags: JSON.parse(r.flags) as string[],
    reason: r.reason,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    photos: photos.filter((p) => p.review === r.id).map(({ n, file, width, height, bytes }) => ({ n, file, width, height, bytes })),
  }));
}

export type InsertOutcome = { ok: true } | { ok: false; duplicate: { id: string; status: ReviewStatus } };

export class ReviewStore implements Reviews {
  readonly #db: Database.Database;

  constructor(path: string, opts: SqliteOptions = {}) {
    this.#db = openSqlite(path, opts);
    this.#db.exec(SCHEMA);
  }

  /** An earlier review this one repeats: the same verified order, or the same client sending the same text. */
  async duplicateOf(r: { site: string; product: string; order: string | null; verified: boolean; client: string; textHash: string }): Promise<{ id: string; status: ReviewStatus } | undefined> {
    return this.#duplicateOf(r);
  }

  #duplicateOf(r: { site: string; product: string; order: string | null; verified: boolean; client: string; textHash: string }): { id: string; status: ReviewStatus } | undefined {
    const same = r.verified
      ? this.#db
          .prepare('SELECT id, status FROM reviews WHERE site = ? AND product = ? AND order_id = ? AND verified = 1')
          .get(r.site, r.product, r.order)
      : undefined;
    return (same ??
      this.#db
        .prepare('SELECT id, status FROM reviews WHERE site = ? AND product = ? AND client = ? AND text_hash = ? LIMIT 1')
        .get(r.site, r.product, r.client, r.textHash)) as { id: string; status: ReviewStatus } | undefined;
  }

  /** The review, its photos and its first history row, in one transaction; a duplicate (a race the check missed) is refused. */
  async insert(r: NewReview): Promise<InsertOutcome> {
    return this.#db.transaction((): InsertOutcome => {
      const dup = this.#duplicateOf(r);
      if (dup) return { ok: false, duplicate: dup };
      this.#db
        .prepare(
          `INSERT INTO reviews (id, site, product, rating, text, author, order_id, verified, status, flags, client, text_hash, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(r.id, r.site, r.product, r.rating, r.text, r.author, r.order, r.verified ? 1 : 0, r.status, JSON.stringify(r.flags), r.client, r.textHash, r.createdAt, r.createdAt);
      const photo = this.#db.prepare('INSERT INTO review_photos (review, n, file, width, height, bytes) VALUES (?, ?, ?, ?, ?, ?)');
      r.photos.forEach((p, n) => photo.run(r.id, n, p.file, p.width, p.height, p.bytes));
      this.#history({ review: r.id, at: r.createdAt, by: r.by, action: 'submit', from: null, to: r.status, reason: null }, r.site);
      return { ok: true };
    }).immediate();
  }

  async get(id: string): Promise<StoredReview | undefined> {
    return this.#get(id);
  }

  #get(id: string): StoredReview | undefined {
    const row = this.#db.prepare('SELECT * FROM reviews WHERE id = ?').get(id) as Row | undefined;
    return row ? this.#withPhotos([row])[0] : undefined;
  }

  /**
   * Sets the status of each review in `ids` that is not in it already, with a history row
   * each, in one transaction. Answers the reviews changed.
   */
  async setStatus(ids: readonly string[], to: ReviewStatus, change: { by: string; reason: string | null; at: number; action: 'approve' | 'reject' }): Promise<StoredReview[]> {
    const changed = this.#db.transaction(() => {
      const out: string[] = [];
      for (const id of ids) {
        const row = this.#db.prepare('SELECT site, status FROM reviews WHERE id = ?').get(id) as { site: string; status: ReviewStatus } | undefined;
        if (!row || row.status === to) continue;
        this.#db
          .prepare('UPDATE reviews SET status = ?, reason = ?, updated_at = ? WHERE id = ?')
          .run(to, to === 'rejected' ? change.reason : null, change.at, id);
        this.#history({ review: id, at: change.at, by: change.by, action: change.action, from: row.status, to, reason: change.reason }, row.site);
        out.push(id);
      }
      return out;
    }).immediate();
    return changed.map((id) => this.#get(id)!);
  }

  async list(q: ReviewQuery): Promise<StoredReview[]> {
    const where = ['site = ?'];
    const args: (string | number)[] = [q.site];
    const and = (clause: string, arg?: string | number) => {
      where.push(clause);
      if (arg !== undefined) args.push(arg);
    };
    if (q.status) and('status = ?', q.status);
    if (q.product) and('product = ?', q.product);
    if (q.verified !== undefined) and('verified = ?', q.verified ? 1 : 0);
    if (q.rating !== undefined) and('rating = ?', q.rating);
    if (q.photos !== undefined) and(`${q.photos ? '' : 'NOT '}EXISTS (SELECT 1 FROM review_photos p WHERE p.review = reviews.id)`);
    // Reviews sent in the same millisecond are told apart by id, so a page never skips one.
    if (q.before !== undefined) {
      and('(created_at < ? OR (created_at = ? AND id < ?))');
      args.push(q.before.createdAt, q.before.createdAt, q.before.id);
    }
    const rows = this.#db
      .prepare(`SELECT * FROM reviews WHERE ${where.join(' AND ')} ORDER BY created_at DESC, id DESC LIMIT ?`)
      .all(...args, q.limit) as Row[];
    return this.#withPhotos(rows);
  }

  async counts(site: string): Promise<Record<ReviewStatus, number>> {
    const rows = this.#db.prepare('SELECT status, count(*) AS c FROM reviews WHERE site = ? GROUP BY status').all(site) as { status: ReviewStatus; c: number }[];
    const out = { pending: 0, published: 0, rejected: 0 };
    for (const r of rows) out[r.status] = r.c;
    return out;
  }

  /** Newest first; `review` narrows it to one review. */
  async history(site: string, review?: string, limit = 200): Promise<HistoryRow[]> {
    const rows = (
      review === undefined
        ? this.#db.prepare(`${HISTORY} WHERE h.site = ? ORDER BY h.seq DESC LIMIT ?`).all(site, limit)
        : this.#db.prepare(`${HISTORY} WHERE h.site = ? AND h.review = ? ORDER BY h.seq DESC LIMIT ?`).all(site, review, limit)
    ) as HistoryJoined[];
    return rows.map(historyOf);
  }

  /** The status of the review a photo file belongs to, if any review names it. */
  async photoStatus(file: string): Promise<ReviewStatus | undefined> {
    const row = this.#db
      .prepare('SELECT r.status FROM review_photos p JOIN reviews r ON r.id = p.review WHERE p.file = ?')
      .get(file) as { status: ReviewStatus } | undefined;
    return row?.status;
  }

  async hasPhoto(file: string): Promise<boolean> {
    return this.#db.prepare('SELECT 1 FROM review_photos WHERE file = ?').get(file) !== undefined;
  }

  close(): void {
    if (this.#db.open) this.#db.close();
  }

  #history(h: HistoryRow, site: string): void {
    this.#db
      .prepare('INSERT INTO review_history (review, site, at, by, action, from_status, to_status, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(h.review, site, h.at, h.by, h.action, h.from, h.to, h.reason);
  }

  #withPhotos(rows: Row[]): StoredReview[] {
    if (rows.length === 0) return [];
    const photos = this.#db
      .prepare(`SELECT review, n, file, width, height, bytes FROM review_photos WHERE review IN (${rows.map(() => '?').join(',')}) ORDER BY review, n`)
      .all(...rows.map((r) => r.id)) as (StoredPhoto & { review: string })[];
    return reviewsOf(rows, photos);
  }
}
