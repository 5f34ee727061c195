import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnServer, type Child } from './child.js';
import { gpsJpeg, pngPhoto, postReview } from './fixtures/reviews/images.js';
import { TOKEN } from './helpers.js';
import { NO_POSTGRES, postgresBinDir, startPostgres, type Postgres } from './postgres.js';

// A crash between writing a photo and committing its review: the photo is on disk, synced,
// and no row names it. The process is really killed (SIGKILL) inside that window, held open
// by another connection owning SQLite's write lock, so the commit is waiting when it dies.

let dir: string;
let db: string;
let media: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fanfare-review-crash-'));
  db = join(dir, 'fanfare.db');
  media = join(dir, 'media');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(orphanMinutes: number): Promise<Child> {
  const config = join(dir, `config-${orphanMinutes}.json`);
  writeFileSync(config, JSON.stringify({ db, media, adminToken: TOKEN, orphanMinutes, reviewRateLimit: { perSecond: 0, burst: 1 } }));
  return spawnServer(['--config', config]);
}

async function stop(child: Child): Promise<void> {
  child.proc.kill('SIGTERM');
  const timer = setTimeout(() => child.proc.kill('SIGKILL'), 10_000);
  const code = await child.exited;
  clearTimeout(timer);
  expect(code, `the server did not stop on SIGTERM:\n${child.output()}`).toBe(0);
}

const photos = () => readdirSync(media).filter((f) => f.endsWith('.jpg')).sort();
const rows = () => {
  const conn = new Database(db, { readonly: true });
  try {
    return (conn.prepare('SELECT count(*) AS c FROM reviews').get() as { c: number }).c;
  } finally {
    conn.close();
  }
};

describe('a crash between the photo and its review', () => {
  it('leaves no review without its photo, and the sweep deletes the orphan file once it is old enough', async () => {
    const png = await pngPhoto();
    let child = await run(10);
    const review = (text: string) => postReview(child.url, { site: 'any-shop', product: 'vase', rating: '5', text }, [{ name: 'a.png', type: 'image/png', data: png }]);

    const kept = await review('The one that committed');
    expect(kept.status).toBe(201);
    expect(photos()).toHaveLength(1);

    // Hold the write lock, so the next review's commit waits after its photo is written.
    const lock = new Database(db);
    lock.exec('BEGIN IMMEDIATE');
    const pending = review('The one that never committed').catch(() => undefined);
    const deadline = Date.now() + 4000;
    while (photos().length < 2) {
      if (Date.now() > deadline) throw new Error(`the second photo was never written:\n${child.output()}`);
      await new Promise((r) => setTimeout(r, 10));
    }
    child.proc.kill('SIGKILL');
    await child.exited;
    await pending;
    lock.exec('ROLLBACK');
    lock.close();

    // What the crash left: two synced photos, one review.
    expect(photos()).toHaveLength(2);
    expect(rows()).toBe(1);

    // Too young to be an orphan for sure (a request could still be about to commit it): kept.
    child = await run(10);
    expect(photos()).toHaveLength(2);
    await stop(child);

    // Old enough: deleted, and the committed review's photo stays and is served.
    child = await run(0);
    expect(photos()).toHaveLength(1);
    expect(child.output()).toContain('deleted photo files no review names');
    const list = await (await fetch(`${child.url}/api/reviews?site=any-shop`, { headers: { authorization: `Bearer ${TOKEN}` } })).json();
    expect(list.reviews).toHaveLength(1);
    const photo = await fetch(`${child.url}${list.reviews[0].photos[0].url}`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(photo.status).toBe(200);
    expect((await photo.arrayBuffer()).byteLength).toBeGreaterThan(0);
    await stop(child);
  }, 60_000);

  it('stops on SIGTERM even while a client holds a photo unread', async () => {
    const child = await run(10);
    try {
      const r = await postReview(child.url, { site: 'any-shop', product: 'vase', rating: '5', text: 'Big photo, never read' }, [
        { name: 'a.jpg', type: 'image/jpeg', data: await gpsJpeg(4000, 3000, true) },
      ]);
      expect(r.status).toBe(201);
      const url = `${child.url}/api/reviews/${r.json.id}/photos/0`;
      // Asked for and never read: the server cannot finish sending it.
      const unread = await fetch(url, { headers: { authorization: `Bearer ${TOKEN}` } });
      expect(unread.status).toBe(200);
      const t0 = Date.now();
      await stop(child);
      expect(Date.now() - t0).toBeLessThan(9000);
    } finally {
      child.proc.kill('SIGKILL');
    }
  }, 60_000);
});

// The same crash with photos and reviews in PostgreSQL: the photo's row is committed, and the
// review's insert waits behind a lock another connection holds on the reviews table when
// the process is killed, so its transaction never commits.
const pgBin = postgresBinDir();

describe('a crash between the photo and its review, photos in PostgreSQL', () => {
  let pgServer: Postgres | undefined;
  let url: string;
  let folder: string;
  beforeAll(async () => {
    if (!pgBin) return;
    pgServer = await startPostgres(pgBin);
    url = await pgServer.createDatabase('fanfare_crash');
    folder = join(dir, 'pg-media');
  }, 60_000);
  afterAll(async () => {
    await pgServer?.stop();
  }, 30_000);

  function runPg(orphanMinutes: number): Promise<Child> {
    const config = join(dir, `config-pg-${orphanMinutes}.json`);
    writeFileSync(
      config,
      JSON.stringify({
        db: join(dir, 'pg-events.db'),
        media: folder,
        store: { events: 'sqlite', state: 'postgres' },
        postgres: { url },
        adminToken: TOKEN,
        orphanMinutes,
        reviewRateLimit: { perSecond: 0, burst: 1 },
      }),
    );
    return spawnServer(['--config', config]);
  }

  it('leaves no review without its photo, and the sweep deletes the orphan row once it is old enough', async () => {
    if (!pgBin) throw new Error(NO_POSTGRES);
    const db = new pg.Client(url);
    await db.connect();
    const count = async (table: 'media_files' | 'reviews') => (await db.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n as number;
    try {
      const png = await pngPhoto();
      let child = await runPg(10);
      const review = (text: string) => postReview(child.url, { site: 'any-shop', product: 'vase', rating: '5', text }, [{ name: 'a.png', type: 'image/png', data: png }]);
      expect((await review('The one that committed')).status).toBe(201);
      expect(await count('media_files')).toBe(1);

      const lock = new pg.Client(url);
      await lock.connect();
      await lock.query('BEGIN');
      await lock.query('LOCK TABLE reviews IN SHARE MODE');
      const pending = review('The one that never committed').catch(() => undefined);
      const deadline = Date.now() + 4000;
      while ((await count('media_files')) < 2) {
        if (Date.now() > deadline) throw new Error(`the second photo was never written:\n${child.output()}`);
        await new Promise((r) => setTimeout(r, 10));
      }
      child.proc.kill('SIGKILL');
      await child.exited;
      await pending;
      await lock.query('ROLLBACK');
      await lock.end();

      // What the crash left: two committed photos, one review.
      expect(await count('media_files')).toBe(2);
      expect(await count('reviews')).toBe(1);

      child = await runPg(10);
      expect(await count('media_files')).toBe(2);
      await stop(child);

      child = await runPg(0);
      expect(await count('media_files')).toBe(1);
      expect(child.output()).toContain('deleted photo files no review names');
      const list = await (await fetch(`${child.url}/api/reviews?site=any-shop`, { headers: { authorization: `Bearer ${TOKEN}` } })).json();
      expect(list.reviews).toHaveLength(1);
      const photo = await fetch(`${child.url}${list.reviews[0].photos[0].url}`, { headers: { authorization: `Bearer ${TOKEN}` } });
      expect(photo.status).toBe(200);
      expect((await photo.arrayBuffer()).byteLength).toBeGreaterThan(0);
      await stop(child);
      expect(existsSync(folder)).toBe(false);
    } finally {
      await db.end();
    }
  }, 60_000);
});
