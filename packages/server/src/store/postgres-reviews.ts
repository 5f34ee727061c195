import type pg from 'pg';
import { HISTORY, historyOf, reviewsOf, type HistoryJoined, type HistoryRow, type InsertOutcome, type NewReview, type ReviewQuery, type ReviewRow, type ReviewStatus, type StoredPhoto, type StoredReview } from './reviews.js';
import type { Reviews } from './state.js';

// Buyer shows in PostgreSQL, the same tables and answers as reviews.ts. A review's insert
// takes advisory locks on what makes it a duplicate (its verified order, its client's text),
// so of racing sends one is stored; a status change locks the review's row, so of racing
// moderators one writes the history row.

export type Query = (text: string, values?: unknown[]) => Promise<pg.QueryResult>;
export type Transaction = <T>(fn: (q: Query) => Promise<T>) => Promise<T>;
export type Lock = (q: Query, ...keys: string[]) => Promise<void>;

type Row = ReviewRow;

type DuplicateKey = { site: string; product: string; order: string | null; verified: boolean; client: string; textHash: string };

export class PostgresReviews implements Reviews {
  readonly #q: Query;
  readonly #tx: Transaction;
  readonly #lock: Lock;

  constructor(q: Query, tx: Transaction, lock: Lock) {
    this.#q = q;
    this.#tx = tx;
    this.#lock = lock;
  }

  duplicateOf(r: DuplicateKey): Promise<{ id: string; status: ReviewStatus } | undefined> {
    return this.#duplicateOf(this.#q, r);
  }

  async #duplicateOf(q: Query, r: DuplicateKey): Promise<{ id: string; status: ReviewStatus } | undefined> {
    if (r.verified) {
      const same = (await q('SELECT id, status FROM reviews WHERE site = $1 AND product = $2 AND order_id = $3 AND verified', [r.site, r.product, r.order])).rows[0];
      if (same) return same as { id: string; status: ReviewStatus };
    }
    return (await q('SELECT id, status FROM reviews WHERE site = $1 AND product = $2 AND client = $3 AND text_hash = $4 LIMIT 1', [r.site, r.product, r.client, r.textHash]))
      .rows[0] as { id: string; status: ReviewStatus } | undefined;
  }

  insert(r: NewReview): Promise<InsertOutcome> {
    return this.#tx(async (q): Promise<InsertOutcome> => {
      const keys = [`review-text\n${r.site}\n${r.product}\n${r.client}\n${r.textHash}`];
      if (r.verified) keys.unshift(`review-order\n${r.site}\n${r.product}\n${r.order}`);
      await this.#lock(q, ...keys);
      const dup = await this.#duplicateOf(q, r);
      if (dup) return { ok: false, duplicate: dup };
      await q(
        `INSERT INTO reviews (id, site, product, rating, text, author, order_id, verified, status, flags, client, text_hash, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13)`,
        [r.id, r.site, r.product, r.rating, r.text, r.author, r.order, r.verified, r.status, JSON.stringify(r.flags), r.client, r.textHash, r.createdAt],
      );
      for (const [n, p] of r.photos.entries()) {
        await q('INSERT INTO review_photos (review, n, file, width, height, bytes) VALUES ($1, $2, $3, $4, $5, $6)', [r.id, n, p.file, p.width, p.height, p.bytes]);
      }
      await this.#history(q, { review: r.id, at: r.createdAt, by: r.by, action: 'submit', from: null, to: r.status, reason: null }, r.site);
      return { ok: true };
    });
  }

  async get(id: string): Promise<StoredReview | undefined> {
    const rows = (await this.#q('SELECT * FROM reviews WHERE id = $1', [id])).rows as Row[];
    return (await this.#withPhotos(rows))[0];
  }

  async setStatus(ids: readonly string[], to: ReviewStatus, change: { by: string; reason: string | null; at: number; action: 'approve' | 'reject' }): Promise<StoredReview[]> {
    const changed = await this.#tx(async (q) => {
      const out: string[] = [];
      // In id order, so two moderators' bulk decisions over the same reviews cannot deadlock.
      for (const id of [...new Set(ids)].sort()) {
        const row = (await q('SELECT site, status FROM reviews WHERE id = $1 FOR UPDATE', [id])).rows[0] as { site: string; status: ReviewStatus } | undefined;
        if (!row || row.status === to) continue;
        await q('UPDATE reviews SET status = $1, reason = $2, updated_at = $3 WHERE id = $4', [to, to === 'rejected' ? change.reason : null, change.at, id]);
        await this.#history(q, { review: id, at: change.at, by: change.by, action: change.action, from: row.status, to, reason: change.reason }, row.site);
        out.push(id);
      }
      return out;
    });
    // In the order asked, as SQLite answers.
    const order = ids.filter((id, i) => changed.includes(id) && ids.indexOf(id) === i);
    return (await Promise.all(order.map((id) => this.get(id)))).filter((r): r is StoredReview => r !== undefined);
  }

  async list(q: ReviewQuery): Promise<StoredReview[]> {
    const args: unknown[] = [];
    const arg = (v: unknown) => `$${args.push(v)}`;
    const where = [`site = ${arg(q.site)}`];
    if (q.status) where.push(`status = ${arg(q.status)}`);
    if (q.product) where.push(`product = ${arg(q.product)}`);
    if (q.verified !== undefined) where.push(`verified = ${arg(q.verified)}`);
    if (q.rating !== undefined) where.push(`rating = ${arg(q.rating)}`);
    if (q.photos !== undefined) where.push(`${q.photos ? '' : 'NOT '}EXISTS (SELECT 1 FROM review_photos p WHERE p.review = reviews.id)`);
    // Reviews sent in the same millisecond are told apart by id, so a page never skips one.
    if (q.before !== undefined) {
      const at = arg(q.before.createdAt);
      where.push(`(created_at < ${at} OR (created_at = ${at} AND id < ${arg(q.before.id)}))`);
    }
    const rows = (await this.#q(`SELECT * FROM reviews WHERE ${where.join(' AND ')} ORDER BY created_at DESC, id DESC LIMIT ${arg(q.limit)}`, args)).rows as Row[];
    return this.#withPhotos(rows);
  }

  async counts(site: string): Promise<Record<ReviewStatus, number>> {
    const rows = (await this.#q('SELECT status, count(*) AS c FROM reviews WHERE site = $1 GROUP BY status', [site])).rows as { status: ReviewStatus; c: number }[];
    const out = { pending: 0, published: 0, rejected: 0 };
    for (const r of rows) out[r.status] = r.c;
    return out;
  }

  async history(site: string, review?: string, limit = 200): Promise<HistoryRow[]> {
    const rows = (
      review === undefined
        ? await this.#q(`${HISTORY} WHERE h.site = $1 ORDER BY h.seq DESC LIMIT $2`, [site, limit])
        : await this.#q(`${HISTORY} WHERE h.site = $1 AND h.review = $2 ORDER BY h.seq DESC LIMIT $3`, [site, review, limit])
    ).rows as HistoryJoined[];
    return rows.map(historyOf);
  }

  async photoStatus(file: string): Promise<ReviewStatus | undefined> {
    const row = (await this.#q('SELECT r.status FROM review_photos p JOIN reviews r ON r.id = p.review WHERE p.file = $1', [file])).rows[0] as { status: ReviewStatus } | undefined;
    return row?.status;
  }

  async hasPhoto(file: string): Promise<boolean> {
    return ((await this.#q('SELECT 1 FROM review_photos WHERE file = $1', [file])).rowCount ?? 0) > 0;
  }

  async #history(q: Query, h: HistoryRow, site: string): Promise<void> {
    await q('INSERT INTO review_history (review, site, at, by, action, from_status, to_status, reason) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)', [
      h.review,
      site,
      h.at,
      h.by,
      h.action,
      h.from,
      h.to,
      h.reason,
    ]);
  }

  async #withPhotos(rows: Row[]): Promise<StoredReview[]> {
    if (rows.length === 0) return [];
    const photos = (
      await this.#q('SELECT review, n, file, width, height, bytes FROM review_photos WHERE review = ANY($1::text[]) ORDER BY review, n', [rows.map((r) => r.id)])
    ).rows as (StoredPhoto & { review: string })[];
    return reviewsOf(rows, photos);
  }
}
