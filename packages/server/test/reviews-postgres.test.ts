import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../src/config.js';
import { newMediaName } from '../src/media/store.js';
import { PostgresState } from '../src/store/postgres.js';
import { pngPhoto, postReview } from './fixtures/reviews/images.js';
import { start, TOKEN, type Running } from './helpers.js';
import { NO_POSTGRES, postgresBinDir, startPostgres, type Postgres } from './postgres.js';
import { reviewSuite } from './reviews-suite.js';

// Buyer shows with their photos in PostgreSQL (`"state": "postgres"` keeps them there unless
// `"media": "disk"`): the review suite the folder runs, and the sweep of rows a crash left.
// One throwaway PostgreSQL for the file, a database of its own per server.

const bin = postgresBinDir();

if (!bin) {
  describe('buyer shows, photos on postgres', () => {
    it('finds PostgreSQL', () => {
      throw new Error(NO_POSTGRES);
    });
  });
} else {
  let pgServer: Promise<Postgres> | undefined;
  let n = 0;
  const database = async () => (await (pgServer ??= startPostgres(bin))).createDatabase(`fanfare_reviews_${n++}`);
  afterAll(async () => {
    await (await pgServer)?.stop();
  }, 30_000);

  reviewSuite('postgres', async () => {
    const url = await database();
    // The folder the disk store would use: the suite checks that nothing is ever written there.
    const dir = mkdtempSync(join(tmpdir(), 'fanfare-pg-media-'));
    const db = new pg.Client(url);
    await db.connect();
    return {
      config: { store: { events: 'sqlite', state: 'postgres' }, postgres: { url }, media: join(dir, 'media') },
      names: async () => (await db.query('SELECT name FROM media_files ORDER BY name')).rows.map((r: { name: string }) => r.name),
      bytes: async (name) => (await db.query('SELECT data FROM media_files WHERE name = $1', [name])).rows[0]?.data as Buffer | undefined,
      async done() {
        await db.end();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  });

  describe('photos in postgres: a server that kept them on disk before', () => {
    it('still serves the photos in its folder once photos go to PostgreSQL, and puts new ones there', async () => {
      const url = await database();
      const dir = mkdtempSync(join(tmpdir(), 'fanfare-pg-upgrade-'));
      const media = join(dir, 'media');
      const base = { store: { events: 'sqlite', state: 'postgres' }, postgres: { url }, media, reviewRateLimit: { perSecond: 0, burst: 1 } } as const;
      const db = new pg.Client(url);
      await db.connect();
      const publish = async (s: Running, text: string) => {
        const r = await postReview(s.url, { site: 'any-shop', product: 'vase', rating: '5', text }, [{ name: 'a.png', type: 'image/png', data: await pngPhoto() }]);
        expect(r.status).toBe(201);
        await fetch(`${s.url}/api/reviews/${r.json.id}/approve`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}` } });
        return (await db.query('SELECT file FROM review_photos WHERE review = $1', [r.json.id])).rows[0].file as string;
      };
      try {
        const before = await start({ ...base, store: { ...base.store, media: 'disk' } });
        const old = await publish(before, 'Sent while photos were on disk');
        await before.stop();
        expect(readdirSync(media)).toEqual([old]);

        const after = await start(base);
        try {
          const fresh = await publish(after, 'Sent once photos were in PostgreSQL');
          const served = await fetch(`${after.url}/media/${old}`);
          expect(served.status).toBe(200);
          expect(Buffer.from(await served.arrayBuffer()).equals(readFileSync(join(media, old)))).toBe(true);
          expect((await fetch(`${after.url}/media/${fresh}`)).status).toBe(200);
          expect(readdirSync(media)).toEqual([old]);
          expect((await db.query('SELECT name FROM media_files')).rows).toEqual([{ name: fresh }]);
        } finally {
          await after.stop();
        }
      } finally {
        await db.end();
        rmSync(dir, { recursive: true, force: true });
      }
    }, 60_000);
  });

  describe('photos in postgres: the sweep', () => {
    let state: PostgresState;
    let db: pg.Client;
    beforeAll(async () => {
      const url = await database();
      state = await PostgresState.open(url, parseConfig({}));
      db = new pg.Client(url);
      await db.connect();
    }, 60_000);
    afterAll(async () => {
      await db?.end();
      await state?.close();
    });

    it('deletes a photo no review names once old enough, and keeps one a review names, whatever its age', async () => {
      const [named, orphan, young] = [newMediaName(), newMediaName(), newMediaName()];
      for (const name of [named, orphan, young]) await state.media.write(name, Buffer.from(`bytes of ${name}`));
      await state.reviews.insert({
        id: 'r_swept', site: 'shop', product: 'tea', rating: 5, text: 't', author: 'a', order: null, verified: false, status: 'pending',
        flags: [], createdAt: 1, client: 'c', textHash: 'h', by: 'fan', photos: [{ file: named, width: 1, height: 1, bytes: 10 }],
      });
      // A crash an hour ago left two rows no review names; `young` was written just now.
      await db.query("UPDATE media_files SET created_at = now() - interval '1 hour' WHERE name = ANY($1)", [[named, orphan]]);
      expect(await state.media.sweep(2 * 3600_000)).toEqual([]);
      expect(await state.media.sweep(10 * 60_000)).toEqual([orphan]);
      expect(await state.media.read(orphan)).toBeUndefined();
      expect((await state.media.read(named))?.body).toEqual(Buffer.from(`bytes of ${named}`));
      expect(await state.media.read(young)).toMatchObject({ size: `bytes of ${young}`.length });
      expect(await state.media.sweep(0)).toEqual([young]);
      await state.media.remove([named, 'never-stored.jpg']);
      expect(await state.media.read(named)).toBeUndefined();
    });
  });
}
