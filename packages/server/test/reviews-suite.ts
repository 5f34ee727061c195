import { existsSync } from 'node:fs';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isErrorCode } from '@fanfare/core/errors';
import { readFeed } from '../../buyer-show/src/logic/feed.js';
import type { ConfigInput } from '../src/config.js';
import { cleanPhoto } from '../src/reviews/photos.js';
import { orderToken } from '../src/reviews/token.js';
import { start, TOKEN, UA, type Running } from './helpers.js';
import { bomb60k, gpsJpeg, halvesJpeg, noise, pngPhoto, postReview, type Answer, type Part } from './fixtures/reviews/images.js';

/** Where a server keeps its photos: a fresh folder, or a fresh PostgreSQL database (which holds the reviews too). */
export interface MediaBackend {
  /** What the server's config needs for it; `media` is the folder, which only the disk store may use. */
  config: ConfigInput & { media: string };
  /** The names of the photos the store holds. */
  names(): Promise<string[]>;
  /** The bytes stored as `name`. */
  bytes(name: string): Promise<Buffer | undefined>;
  done(): Promise<void>;
}

const REVIEW_SECRET = 'review-secret-0123456789abcdef';
const ORIGIN = 'https://shop.example';

/**
 * The buyer-show tests that store, serve, refuse or sweep photos, and those of the reviews'
 * rows, run on each photo store: the folder (reviews in SQLite) and PostgreSQL (reviews and
 * photos in one database). `open` makes a fresh store each call.
 */
export function reviewSuite(label: 'disk' | 'postgres', open: () => Promise<MediaBackend>): void {
  describe(`buyer shows, photos on ${label}`, () => {
    let s: Running;
    let b: MediaBackend;

    beforeAll(async () => {
      b = await open();
      s = await start({
        ...b.config,
        reviewRateLimit: { perSecond: 0, burst: 1 },
        campaigns: { thanks: { site: 'bloom-shop', rewards: [{ tile: 2048, title: '10% off', codes: ['THANKS-1', 'THANKS-2'] }] } },
        sites: {
          'bloom-shop': {
            origins: [ORIGIN],
            reviewSecret: REVIEW_SECRET,
            reviews: { autoPublish: { verified: true, minRating: 4 }, words: ['竞品', 'rival'], reward: { campaign: 'thanks' } },
          },
          'open-shop': { origins: ['*'] },
        },
      });
    }, 60_000);
    afterAll(async () => {
      await s?.stop();
      await b?.done();
    });

    const admin = { authorization: `Bearer ${TOKEN}` };

    async function api(path: string, init: RequestInit = {}): Promise<{ status: number; json: Answer }> {
      const res = await fetch(`${s.url}${path}`, { ...init, headers: { ...admin, 'content-type': 'application/json', ...(init.headers ?? {}) } });
      return { status: res.status, json: await res.json() };
    }

    function send(fields: Record<string, string>, photos: Part[] = []) {
      return postReview(s.url, { site: 'bloom-shop', product: 'tulip-vase', rating: '5', ...fields }, photos, { origin: ORIGIN });
    }

    let n = 0;
    /** A text of its own each time, so no two tests' reviews are duplicates. */
    const words = (what = 'Lovely vase') => `${what}, arrived well packed (${++n}).`;

    it(`keeps a photo in the ${label} store${label === 'postgres' ? ', never in the folder' : ''}, and serves it from there`, async () => {
      const before = await b.names();
      const r = await send({ text: words('Where it is kept') }, [{ name: 'a.png', type: 'image/png', data: await pngPhoto() }]);
      expect(r.json).toMatchObject({ status: 'pending', photos: 1 });
      const added = (await b.names()).filter((name) => !before.includes(name));
      expect(added).toHaveLength(1);
      expect((await fetch(`${s.url}/media/${added[0]}`)).status).toBe(404);
      expect((await api(`/api/reviews/${r.json.id}/approve`, { method: 'POST', body: '{}' })).status).toBe(200);
      const served = await fetch(`${s.url}/media/${added[0]}`);
      expect(served.status).toBe(200);
      expect(Number(served.headers.get('content-length'))).toBe((await b.bytes(added[0]!))!.length);
      expect(Buffer.from(await served.arrayBuffer()).equals((await b.bytes(added[0]!))!)).toBe(true);
      if (label === 'postgres') expect(existsSync(b.config.media)).toBe(false);
    });

    it(`serves a phone photo (2,048 px) from the ${label} store as stored, and prints how long that takes`, async () => {
      const r = await send({ text: words('Timed') }, [{ name: 'IMG_0002.JPG', type: 'image/jpeg', data: await gpsJpeg(4000, 3000, true) }]);
      await api(`/api/reviews/${r.json.id}/approve`, { method: 'POST', body: '{}' });
      const feed = await (await fetch(`${s.url}/feeds/bloom-shop/tulip-vase.json`)).json();
      const src = feed.reviews.find((x: { id: string }) => x.id === r.json.id).photos[0].src as string;
      const stored = (await b.bytes(src.split('/').pop()!))!;
      const times: number[] = [];
      for (let i = 0; i < 40; i++) {
        const t0 = performance.now();
        const body = Buffer.from(await (await fetch(`${s.url}${src}`)).arrayBuffer());
        times.push(performance.now() - t0);
        expect(body.equals(stored)).toBe(true);
      }
      times.sort((x, y) => x - y);
      console.log(`GET ${src} (${stored.length} B) from the ${label} store, 40 times: p50 ${times[20]!.toFixed(1)} ms, p90 ${times[36]!.toFixed(1)} ms`);
    }, 30_000);

    describe('POST /reviews: photos', () => {
      it('strips EXIF and GPS from a JPEG and stands a rotated one upright, on disk and as served', async () => {
        const input = await halvesJpeg();
        const before = await sharp(input).metadata();
        // The input really carries what must go: an orientation and a GPS block (its IFD pointer, tag 0x8825).
        expect(before.orientation).toBe(6);
        expect(before.exif?.includes(Buffer.from([0x25, 0x88]))).toBe(true);

        const r = await send({ text: words(), author: 'Lisa Wong' }, [{ name: 'holiday.jpg', type: 'image/jpeg', data: input }]);
        expect(r.status).toBe(201);
        expect(r.json).toMatchObject({ status: 'pending', verified: false, photos: 1 });
        const id = r.json.id as string;
        const approved = await api(`/api/reviews/${id}/approve`, { method: 'POST', body: '{}' });
        expect(approved.status).toBe(200);

        const feed = await (await fetch(`${s.url}/feeds/bloom-shop/tulip-vase.json`)).json();
        const photo = feed.reviews.find((x: { id: string }) => x.id === id).photos[0];
        const served = await fetch(new URL(photo.src, s.url));
        expect(served.status).toBe(200);
        expect(served.headers.get('content-type')).toBe('image/jpeg');
        expect(served.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
        expect(served.headers.get('x-content-type-options')).toBe('nosniff');
        const body = Buffer.from(await served.arrayBuffer());
        // Served as stored, byte for byte.
        expect(body.equals((await b.bytes(photo.src.split('/').pop()))!)).toBe(true);

        const after = await sharp(body).metadata();
        expect(after.format).toBe('jpeg');
        expect(after.exif).toBeUndefined();
        expect(after.orientation).toBeUndefined();
        expect(after.icc).toBeUndefined();
        expect(body.includes(Buffer.from('TestCam'))).toBe(false);
        // 60 × 30 stored, turned a quarter clockwise to be seen: 30 × 60, the stored top (red) now on the right.
        expect([after.width, after.height]).toEqual([30, 60]);
        expect([photo.width, photo.height]).toEqual([30, 60]);
        const { data } = await sharp(body).raw().toBuffer({ resolveWithObject: true });
        const px = (x: number, y: number) => [...data.subarray((y * 30 + x) * 3, (y * 30 + x) * 3 + 3)];
        expect(px(27, 30)[0]).toBeGreaterThan(180); // red on the right
        expect(px(27, 30)[2]).toBeLessThan(80);
        expect(px(2, 30)[2]).toBeGreaterThan(180); // blue on the left
        expect(px(2, 30)[0]).toBeLessThan(80);
      }, 30_000);

      it('reads a GPS-tagged JPEG and keeps nothing of its EXIF', async () => {
        const out = await cleanPhoto(await gpsJpeg(800, 600));
        if (typeof out === 'string') throw new Error(out);
        const m = await sharp(out.data).metadata();
        expect(m.exif).toBeUndefined();
        expect(out.data.includes(Buffer.from([0x25, 0x88]))).toBe(false);
      });

      it('judges by bytes: a PNG named .jpg is a photo (re-encoded as JPEG), a text file or an HTML file named .jpg is not', async () => {
        const png = await send({ text: words('PNG') }, [{ name: 'photo.jpg', type: 'image/jpeg', data: await pngPhoto() }]);
        expect(png.status).toBe(201);
        const shown = await api(`/api/reviews?site=bloom-shop&status=pending&limit=1`);
        const url = shown.json.reviews[0].photos[0].url as string;
        const stored = Buffer.from(await (await fetch(`${s.url}${url}`, { headers: admin })).arrayBuffer());
        expect((await sharp(stored).metadata()).format).toBe('jpeg');

        const before = await b.names();
        const count = (await api('/api/reviews?site=bloom-shop')).json.reviews.length;
        for (const data of [Buffer.from('just some words, not a photo\n'), Buffer.from('<!doctype html><script>alert(1)</script>')]) {
          const r = await send({ text: words('Text') }, [{ name: 'photo.jpg', type: 'image/jpeg', data }]);
          expect(r.status).toBe(415);
          expect(r.json.error).toBe('photo_unsupported');
        }
        // A JPEG's first bytes on a body that is not one: the decoder has the last word.
        const fake = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('not really a jpeg'.repeat(20))]);
        const r = await send({ text: words('Fake') }, [{ name: 'x.jpg', type: 'image/jpeg', data: fake }]);
        expect(r.json.error).toBe('photo_unsupported');
        expect(await b.names()).toEqual(before);
        expect((await api('/api/reviews?site=bloom-shop')).json.reviews.length).toBe(count);
      }, 30_000);

      it('refuses a 50 MP decompression bomb and a 60,000 × 60,000 PNG header, before decoding; stores nothing', async () => {
        const bomb = await sharp({ create: { width: 10_000, height: 5_000, channels: 3, background: '#fff' } }).png({ compressionLevel: 9 }).toBuffer();
        expect(bomb.length).toBeLessThan(1024 * 1024); // small on the wire, 150 MB once decoded
        const before = await b.names();
        for (const data of [bomb, bomb60k()]) {
          const r = await send({ text: words('Bomb') }, [{ name: 'a.png', type: 'image/png', data }]);
          expect(r.status).toBe(413);
          // This code comes only from the header check: the decoder, past its own pixel limit, would answer photo_unsupported.
          expect(r.json.error).toBe('photo_too_many_pixels');
        }
        expect(await b.names()).toEqual(before);
        expect((await fetch(`${s.url}/healthz`)).status).toBe(200);
      }, 30_000);

      it('refuses a photo over 10 MB, a sixth photo, text over 2,000 characters, rating 9 and an empty text with clear codes', async () => {
        const before = await b.names();
        const cases: [Record<string, string>, Part[], number, string][] = [
          [{ text: words() }, [{ name: 'big.jpg', type: 'image/jpeg', data: noise(10 * 1024 * 1024 + 1) }], 413, 'photo_too_large'],
          [{ text: words() }, [{ name: 'big.jpg', type: 'image/jpeg', data: noise(30 * 1024 * 1024) }], 413, 'photo_too_large'],
          [{ text: words() }, Array.from({ length: 6 }, (_, i) => ({ name: `${i}.jpg`, type: 'image/jpeg', data: noise(100) })), 413, 'too_many_photos'],
          [{ text: 'é'.repeat(2001) }, [], 413, 'text_too_long'],
          [{ text: '好'.repeat(3000) }, [], 413, 'text_too_long'],
          [{ text: words(), rating: '9' }, [], 400, 'bad_request'],
          [{ text: '   ' }, [], 400, 'bad_request'],
          [{ text: words(), product: '../etc' }, [], 400, 'bad_request'],
          [{ text: words(), orderToken: 'a'.repeat(64) }, [], 400, 'bad_request'],
        ];
        for (const [fields, photos, status, error] of cases) {
          const r = await send(fields, photos);
          expect([r.status, r.json.error], JSON.stringify(fields).slice(0, 60)).toEqual([status, error]);
          expect(isErrorCode(r.json.error)).toBe(true);
        }
        // 2,000 characters exactly is fine, however many bytes they are.
        expect((await send({ text: `${'好'.repeat(1990)}${++n}`.padEnd(2000, '好') })).status).toBe(201);
        expect(await b.names()).toEqual(before);
        expect((await fetch(`${s.url}/healthz`)).status).toBe(200);
      }, 30_000);

      it('takes a phone-sized photo (12 MP, over 6 MB) and stores it at 2,048 px on the longest side', async () => {
        const big = await gpsJpeg(4000, 3000, true);
        expect(big.length).toBeGreaterThan(6_000_000);
        const r = await send({ text: words('Big photo') }, [{ name: 'IMG_0001.JPG', type: 'image/jpeg', data: big }]);
        expect(r.status).toBe(201);
        const shown = (await api('/api/reviews?site=bloom-shop&limit=1')).json.reviews[0];
        expect(shown.id).toBe(r.json.id);
        expect([shown.photos[0].width, shown.photos[0].height]).toEqual([2048, 1536]);
        const stored = Buffer.from(await (await fetch(`${s.url}${shown.photos[0].url}`, { headers: admin })).arrayBuffer());
        const m = await sharp(stored).metadata();
        expect([m.width, m.height, m.exif]).toEqual([2048, 1536, undefined]);
      }, 30_000);

      it('takes multipart on /reviews only: every other route still reads raw bytes', async () => {
        const notMultipart = await fetch(`${s.url}/reviews`, { method: 'POST', headers: { 'content-type': 'application/json', origin: ORIGIN }, body: '{}' });
        expect(notMultipart.status).toBe(400);
        // /e reads its body itself, whatever the content type says: a beacon batch labelled multipart is still a batch.
        const batch = JSON.stringify({ v: 1, site: 'open-shop', sdk: '0.1.0', pv: 'pv-1', u: 'https://x.example/', r: '', e: [{ id: 'ev-mp-1', n: 'share', w: 'fan-share', t: 1, p: { network: 'x' } }] });
        const e = await fetch(`${s.url}/e`, { method: 'POST', headers: { 'content-type': 'multipart/form-data; boundary=x', 'user-agent': UA }, body: batch });
        expect(e.status).toBe(204);
      });

      it('refuses a page outside the site origins and an unknown site', async () => {
        expect((await postReview(s.url, { site: 'bloom-shop', product: 'p', rating: '5', text: words() }, [], { origin: 'https://evil.example' })).status).toBe(403);
        expect((await postReview(s.url, { site: 'nobody', product: 'p', rating: '5', text: words() }, [], { origin: ORIGIN })).json.error).toBe('not_found');
      });
    });

    describe('POST /reviews: verified buyers, rules, duplicates', () => {
      it('gives the badge for a valid order token only, and publishes at once by the site rule', async () => {
        const token = orderToken(REVIEW_SECRET, 'bloom-shop', '7001', 'tulip-vase');
        const good = await send({ text: words('Verified'), author: '王小明', order: '7001', orderToken: token });
        expect(good.status).toBe(201);
        expect(good.json).toMatchObject({ status: 'published', verified: true });

        // Forged: a token made with another key, one for another product, and the right one with a digit changed.
        const forged = [
          orderToken('not-the-secret-0123456789', 'bloom-shop', '7002', 'tulip-vase'),
          orderToken(REVIEW_SECRET, 'bloom-shop', '7002', 'other-product'),
          orderToken(REVIEW_SECRET, 'bloom-shop', '7002', 'tulip-vase').replace(/^./, (c) => (c === '0' ? '1' : '0')),
        ];
        for (const t of forged) {
          const r = await send({ text: words('Forged'), order: '7002', orderToken: t });
          expect(r.status).toBe(201);
          expect(r.json).toMatchObject({ status: 'pending', verified: false });
        }
        const feed = await (await fetch(`${s.url}/feeds/bloom-shop/tulip-vase.json`)).json();
        const shown = feed.reviews.find((x: { id: string }) => x.id === good.json.id);
        expect(shown).toMatchObject({ verified: true, author: '王**明' });
        expect(feed.reviews.some((x: { text: string }) => x.text.startsWith('Forged'))).toBe(false);
        // An upper-case token is the same token.
        const upper = await send({ text: words('Upper'), order: '7003', orderToken: orderToken(REVIEW_SECRET, 'bloom-shop', '7003', 'tulip-vase').toUpperCase() });
        expect(upper.json.verified).toBe(true);
      });

      it('holds back a verified five-star review with a link or a listed word, and a low rating, for a person', async () => {
        const mk = (order: string) => ({ order, orderToken: orderToken(REVIEW_SECRET, 'bloom-shop', order, 'tulip-vase') });
        const link = await send({ text: words('Cheaper at www.deals.example.com'), ...mk('8001') });
        const word = await send({ text: words('比竞品好'), ...mk('8002') });
        const low = await send({ text: words('Broke in a week'), rating: '2', ...mk('8003') });
        for (const r of [link, word, low]) expect(r.json).toMatchObject({ status: 'pending', verified: true });
        const pending = (await api('/api/reviews?site=bloom-shop&status=pending&verified=true')).json.reviews as { id: string; flags: string[] }[];
        expect(pending.find((r) => r.id === link.json.id)!.flags).toEqual(['link']);
        expect(pending.find((r) => r.id === word.json.id)!.flags).toEqual(['word:竞品']);
        // A negative review is never dropped: it waits in the queue like any other.
        expect(pending.find((r) => r.id === low.json.id)!.flags).toEqual(['rule']);
      });

      it('refuses the same order twice and the same words twice from one client, naming the first review', async () => {
        const mk = { order: '9001', orderToken: orderToken(REVIEW_SECRET, 'bloom-shop', '9001', 'tulip-vase') };
        const first = await send({ text: words('Once'), ...mk });
        const again = await send({ text: words('Twice'), ...mk });
        expect(again.status).toBe(409);
        expect(again.json).toMatchObject({ error: 'duplicate_review', id: first.json.id, status: first.json.status });
        const text = words('Same words');
        const a = await send({ text });
        const b = await send({ text: `  ${text.toUpperCase()} ` });
        expect(b.status).toBe(409);
        expect(b.json.id).toBe(a.json.id);
      });

      it('answers a filled honeypot as a person and stores nothing', async () => {
        const before = (await api('/api/reviews?site=bloom-shop&limit=100')).json.reviews.length;
        const r = await send({ text: words('Bot'), website: 'http://spam.example' }, [{ name: 'a.png', type: 'image/png', data: await pngPhoto() }]);
        expect(r.status).toBe(201);
        expect(r.json.status).toBe('pending');
        expect((await api('/api/reviews?site=bloom-shop&limit=100')).json.reviews.length).toBe(before);
      });

      it('gives a verified photo review a code from the pool, once per order', async () => {
        const mk = (product: string) => ({ product, order: '9100', orderToken: orderToken(REVIEW_SECRET, 'bloom-shop', '9100', product) });
        const photo = async () => [{ name: 'a.png', type: 'image/png', data: await pngPhoto() }];
        const first = await send({ text: words('Reward'), ...mk('tulip-vase') }, await photo());
        expect(first.json.reward).toEqual({ code: 'THANKS-1', title: '10% off' });
        const second = await send({ text: words('Reward again'), ...mk('rose-vase') }, await photo());
        expect(second.status).toBe(201);
        expect(second.json.reward).toBeUndefined();
        const noPhoto = await send({ text: words('No photo'), ...{ order: '9101', orderToken: orderToken(REVIEW_SECRET, 'bloom-shop', '9101', 'tulip-vase') } });
        expect(noPhoto.json.reward).toBeUndefined();
      });

      it('limits reviews per client', async () => {
        const own = await open();
        const limited = await start({ ...own.config, reviewRateLimit: { perSecond: 0.001, burst: 2 } });
        try {
          const post = () => postReview(limited.url, { site: 'any-shop', product: 'p', rating: '4', text: words() });
          expect((await post()).status).toBe(201);
          expect((await post()).status).toBe(201);
          const third = await post();
          expect(third.status).toBe(429);
          expect(third.json.error).toBe('rate_limited');
          expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0);
        } finally {
          await limited.stop();
          await own.done();
        }
      }, 30_000);
    });

    describe('moderation and the feed', () => {
      it('approves, rejects (with a reason) and bulk-approves; keeps every step in the history; the feed follows with ETag and 304', async () => {
        const product = 'moderated-vase';
        const ids: string[] = [];
        for (const [i, author] of ['Lisa Wong', 'Sam', '王小明', ''].entries()) {
          const r = await send({ product, text: words(`Review ${i} <b>bold</b>`), author, rating: String(5 - i) }, i === 0 ? [{ name: 'a.png', type: 'image/png', data: await pngPhoto() }] : []);
          expect(r.json.status).toBe('pending');
          ids.push(r.json.id);
        }
        const feedUrl = `${s.url}/feeds/bloom-shop/${product}.json`;
        const empty = await fetch(feedUrl);
        expect(empty.headers.get('access-control-allow-origin')).toBe('*');
        expect(await empty.json()).toEqual({ reviews: [] });
        const etag0 = empty.headers.get('etag')!;

        // The photo of a pending review is not public.
        const queue = (await api(`/api/reviews?site=bloom-shop&status=pending&product=${product}`)).json;
        expect(queue.reviews.map((r: { id: string }) => r.id)).toEqual([...ids].reverse());
        expect(queue.counts.pending).toBeGreaterThanOrEqual(4);
        const photos = (await api(`/api/reviews?site=bloom-shop&product=${product}&photos=true`)).json.reviews;
        expect(photos.map((r: { id: string }) => r.id)).toEqual([ids[0]]);
        const adminUrl = photos[0].photos[0].url as string;
        expect((await fetch(`${s.url}${adminUrl}`)).status).toBe(401);
        expect((await fetch(`${s.url}${adminUrl}`, { headers: admin })).status).toBe(200);
        expect((await fetch(`${s.url}/api/reviews?site=bloom-shop`)).status).toBe(401);

        expect((await api(`/api/reviews/${ids[1]}/reject`, { method: 'POST', body: '{}' })).status).toBe(400);
        const rejected = await api(`/api/reviews/${ids[1]}/reject`, { method: 'POST', body: JSON.stringify({ reason: 'not about this product', by: 'Mia' }) });
        expect(rejected.json).toMatchObject({ status: 'rejected', reason: 'not about this product' });
        expect((await api('/api/reviews/r_nope/approve', { method: 'POST', body: '{}' })).status).toBe(404);

        const bulk = await api('/api/reviews/bulk', { method: 'POST', body: JSON.stringify({ ids: [ids[0], ids[2], ids[3]], action: 'approve', by: 'Mia' }) });
        expect(bulk.json.changed).toBe(3);
        // Approving again changes nothing and writes no history.
        expect((await api('/api/reviews/bulk', { method: 'POST', body: JSON.stringify({ ids: [ids[0]], action: 'approve' }) })).json.changed).toBe(0);

        const res = await fetch(feedUrl);
        expect(res.status).toBe(200);
        expect(res.headers.get('cache-control')).toBe('public, max-age=30');
        const etag = res.headers.get('etag')!;
        expect(etag).not.toBe(etag0);
        const feed = await res.json();
        expect(feed.reviews.map((r: { id: string }) => r.id)).toEqual([ids[3], ids[2], ids[0]]);
        expect(feed.reviews.map((r: { author: string }) => r.author)).toEqual(['', '王**明', 'L. W.']);
        const first = feed.reviews[2];
        expect(first).toMatchObject({ rating: 5, verified: false, date: expect.stringMatching(/^\d{4}-\d\d-\d\d$/) });
        // HTML is text: the feed carries it as typed, and the carousel shows it as text.
        expect(first.text).toContain('<b>bold</b>');
        expect(first.photos[0]).toMatchObject({ src: expect.stringMatching(/^\/media\/[A-Za-z0-9_-]{22}\.jpg$/), width: 64, height: 48, alt: '' });
        expect(Object.keys(first).sort()).toEqual(['author', 'date', 'id', 'photos', 'rating', 'text', 'verified']);
        // The carousel reads it as it is: nothing to repair, nothing dropped.
        const read = readFeed(feed, feedUrl);
        expect(read).toMatchObject({ ok: true, problems: [] });
        expect(read.ok && read.reviews.map((r) => [r.id, r.photos[0]?.src])).toEqual(feed.reviews.map((r: { id: string; photos: { src: string }[] }) => [r.id, r.photos[0] && new URL(r.photos[0].src, feedUrl).href]));
        const zh = await (await fetch(`${feedUrl}?lang=zh-CN`)).json();
        expect(zh.reviews[2].photos[0].alt).toBe('L. W.的晒图（1/1）');

        const again = await fetch(feedUrl, { headers: { 'if-none-match': etag } });
        expect(again.status).toBe(304);
        expect(await again.text()).toBe('');
        expect((await fetch(feedUrl, { headers: { 'if-none-match': `W/${etag}, "other"` } })).status).toBe(304);
        expect((await fetch(feedUrl, { headers: { 'if-none-match': etag0 } })).status).toBe(200);

        // Taking a published review down takes it out of the feed and its photo off /media at once.
        const src = new URL(first.photos[0].src, s.url);
        expect((await fetch(src)).status).toBe(200);
        await api(`/api/reviews/${ids[0]}/reject`, { method: 'POST', body: JSON.stringify({ reason: 'photo of a person' }) });
        const gone = await fetch(src);
        expect(gone.status).toBe(404);
        expect(gone.headers.get('cache-control')).toBe('no-store');
        expect((await fetch(feedUrl, { headers: { 'if-none-match': etag } })).status).toBe(200);

        const history = (await api(`/api/reviews/history?site=bloom-shop&review=${ids[0]}`)).json.history;
        expect(history.map((h: { action: string; from: string | null; to: string; by: string; reason: string | null }) => [h.action, h.from, h.to, h.by, h.reason])).toEqual([
          ['reject', 'published', 'rejected', 'admin', 'photo of a person'],
          ['approve', 'pending', 'published', 'Mia', null],
          ['submit', null, 'pending', 'fan', null],
        ]);
        const site = (await api('/api/reviews/history?site=bloom-shop')).json.history;
        expect(site.find((h: { review: string }) => h.review === ids[1])).toMatchObject({ action: 'reject', by: 'Mia', reason: 'not about this product' });
      }, 30_000);

      it('auto-published reviews say so in the history', async () => {
        const r = await send({ text: words('Auto'), order: '7100', orderToken: orderToken(REVIEW_SECRET, 'bloom-shop', '7100', 'tulip-vase') });
        const h = (await api(`/api/reviews/history?site=bloom-shop&review=${r.json.id}`)).json.history;
        expect(h).toEqual([expect.objectContaining({ action: 'submit', to: 'published', by: 'auto' })]);
      });

      it('refuses a feed name that is not <product>.json, and a site not configured', async () => {
        expect((await fetch(`${s.url}/feeds/bloom-shop/tulip-vase`)).status).toBe(404);
        expect((await fetch(`${s.url}/feeds/bloom-shop/..%2Fx.json`)).status).toBe(404);
        expect((await fetch(`${s.url}/feeds/nobody/x.json`)).status).toBe(404);
        expect((await fetch(`${s.url}/media/../fanfare.db`)).status).toBe(404);
        expect((await fetch(`${s.url}/media/nothing.jpg`)).status).toBe(404);
      });
    });

    describe('the queue, page by page', () => {
      it('shows every review once across pages, even those sent in the same millisecond', async () => {
        const own = await open();
        const still = await start({ ...own.config, reviewRateLimit: { perSecond: 0, burst: 1 } }, { now: () => Date.UTC(2026, 11, 1, 12) });
        try {
          const sent: string[] = [];
          for (let i = 0; i < 5; i++) sent.push((await postReview(still.url, { site: 'any-shop', product: 'p', rating: '4', text: words('Same ms') })).json.id);
          const seen: string[] = [];
          let next: string | null = null;
          do {
            const q: string = next ? `&before=${next}` : '';
            const page: Answer = await (await fetch(`${still.url}/api/reviews?site=any-shop&limit=2${q}`, { headers: admin })).json();
            seen.push(...page.reviews.map((r: { id: string }) => r.id));
            next = page.next;
          } while (next);
          expect(seen.sort()).toEqual(sent.sort());
        } finally {
          await still.stop();
          await own.done();
        }
      }, 30_000);
    });

    describe('random multipart bodies', () => {
      // A seeded generator (as fuzz.test.ts), so a failure names a seed that reproduces it.
      function rng(seed: number): () => number {
        return () => {
          seed = (seed + 0x6d2b79f5) | 0;
          let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
          t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
          return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
        };
      }

      it('answers 300 of them with a 4xx each, and keeps serving', async () => {
        const r = rng(20261201);
        const int = (k: number) => Math.floor(r() * k);
        const pick = <T,>(xs: T[]): T => xs[int(xs.length)]!;
        const names = ['site', 'product', 'rating', 'text', 'author', 'order', 'orderToken', 'photos', 'website', '__proto__', 'constructor', 'x'.repeat(200), ''];
        const values = ['bloom-shop', 'tulip-vase', '5', '9', '', '\u0000', '😀'.repeat(3000), 'a'.repeat(9000), '<script>', '-1', '1e3'];
        const statuses = new Map<number, number>();
        const png = await pngPhoto();
        for (let i = 0; i < 300; i++) {
          const boundary = pick(['b0undary', 'x', '', '-'.repeat(80), 'é']);
          const parts: Buffer[] = [];
          for (let k = 0; k < int(8); k++) {
            const name = pick(names);
            const file = r() < 0.3;
            const head = `--${boundary}\r\nContent-Disposition: form-data; name="${name}"${file ? `; filename="${pick(['a.jpg', '', '../../x', 'é.png'])}"` : ''}\r\n${file ? `Content-Type: ${pick(['image/jpeg', 'text/html', ''])}\r\n` : ''}\r\n`;
            const body = file ? pick([png.subarray(0, int(png.length)), noise(int(500) + 4), png]) : Buffer.from(pick(values));
            parts.push(Buffer.from(head), body, Buffer.from('\r\n'));
          }
          if (r() < 0.7) parts.push(Buffer.from(`--${boundary}--\r\n`));
          let bytes = Buffer.concat(parts);
          if (r() < 0.3) bytes = bytes.subarray(0, int(bytes.length)); // cut short
          if (r() < 0.2) for (let k = 0; k < 5; k++) if (bytes.length) bytes[int(bytes.length)] = int(256);
          const type = pick([`multipart/form-data; boundary=${boundary}`, 'multipart/form-data', `multipart/form-data; boundary=other`, 'multipart/mixed; boundary=x']);
          const res = await fetch(`${s.url}/reviews`, { method: 'POST', headers: { 'content-type': type, origin: ORIGIN }, body: bytes });
          await res.arrayBuffer();
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          expect(res.status >= 400 && res.status < 500, `body ${i}: ${res.status}`).toBe(true);
        }
        expect((await fetch(`${s.url}/healthz`)).status).toBe(200);
        console.log('random multipart bodies by status:', Object.fromEntries(statuses));
      }, 60_000);
    });
  });
}
