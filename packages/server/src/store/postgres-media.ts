import type { MediaStore, StoredMedia } from '../media/store.js';
import type { Query } from './postgres-reviews.js';

// Buyer-show photos in PostgreSQL (`media_files`, migration 4), so that a photo sent to one
// process is served by every other, on any machine. As with the folder, a photo's row is
// committed on its own before the review that names it (a committed review always has its
// photo), and a crash in between leaves a row no review names, which the sweep deletes once
// it is old enough. Ages are the database's clock, the same for every process.

export class PostgresMedia implements MediaStore {
  readonly kind = 'postgres';
  readonly #q: Query;

  constructor(q: Query) {
    this.#q = q;
  }

  async write(name: string, data: Buffer): Promise<void> {
    // Committed (and so durable, with PostgreSQL's default synchronous_commit) when this resolves.
    await this.#q('INSERT INTO media_files (name, data) VALUES ($1, $2)', [name, data]);
  }

  async read(name: string): Promise<StoredMedia | undefined> {
    const row = (await this.#q('SELECT data FROM media_files WHERE name = $1', [name])).rows[0] as { data: Buffer } | undefined;
    return row && { size: row.data.length, body: row.data };
  }

  async remove(names: readonly string[]): Promise<void> {
    if (names.length === 0) return;
    // Called after a refusal or a failure, often because the database is out of reach: the sweep removes what stays.
    await this.#q('DELETE FROM media_files WHERE name = ANY($1::text[])', [names]).catch(() => {});
  }

  async sweep(minAgeMs: number): Promise<string[]> {
    // A review commits moments after its photos' rows: a row older than `minAgeMs` that no
    // review names is one whose review never committed. One statement, over the index of
    // review_photos.file.
    const r = await this.#q(
      `DELETE FROM media_files m
       WHERE m.created_at < now() - make_interval(secs => $1::double precision / 1000)
         AND NOT EXISTS (SELECT 1 FROM review_photos p WHERE p.file = m.name)
       RETURNING name`,
      [minAgeMs],
    );
    return (r.rows as { name: string }[]).map((row) => row.name);
  }
}
