// A buyer show from the fan's phone to the carousel, end to end: the built embed on a page
// under a strict CSP, the real fanfare-server with a real SQLite file and media folder
// behind it. A fan posts a review with two photos (a 12 MP camera JPEG carrying GPS, and
// a PNG) from <fan-review-form>; the photos leave the phone at 2,048 px as JPEG; the
// review waits in the queue; the admin approves it over the API; the <fan-buyer-show> fed
// by /feeds/... shows it with its photo and the verified badge (a valid order token),
// and a second review with a forged token shows without it. A connection the server
// drops leaves the form calm with the text kept.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { createServer, request } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import sirv from 'sirv';
import { chromeArgs, findChrome } from '../scripts/chrome.mjs';
import { startFanfareServer } from '../scripts/fanfare-server.mjs';
import { csp } from '../scripts/serve.mjs';
import { watch } from './watch.mjs';

// sharp is the server's dependency: it makes the camera photos and reads what is served.
const sharp = createRequire(fileURLToPath(new URL('../packages/server/package.json', import.meta.url)))('sharp');
const root = fileURLToPath(new URL('..', import.meta.url));
const SITE = 'petal-and-stem';
const PRODUCT = 'spring-tulips';
const SECRET = 'review-secret-for-the-e2e-test-0123456789';
const token = (order) => createHmac('sha256', SECRET).update(`${SITE}|${order}|${PRODUCT}`).digest('hex');

let dir, api, shop, dropper, browser;
/** Every body POSTed to /reviews, as it arrived from the browser. */
const bodies = [];

/** The shop: pages and the embed folder, with /reviews, /feeds and /media passed to the fanfare-server, as a site that proxies them would. */
function startShop(pages) {
  const site = sirv(pages, { dev: true });
  const embed = sirv(join(root, 'packages/embed/dist'), { dev: true });
  const server = createServer((req, res) => {
    if (/^\/(reviews|feeds|media)(\/|\?|$)/.test(req.url)) {
      const target = new URL(req.url, api.url);
      const up = request(target, { method: req.method, headers: { ...req.headers, host: target.host } }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      up.on('error', () => res.writeHead(502).end());
      const chunks = [];
      req.on('data', (c) => chunks.push(c));
      req.on('end', () => {
        if (req.method === 'POST') bodies.push({ type: req.headers['content-type'], body: Buffer.concat(chunks) });
        up.end(Buffer.concat(chunks));
      });
      return;
    }
    if (req.url.startsWith('/fanfare/')) {
      req.url = req.url.slice('/fanfare'.length);
      return embed(req, res, () => res.writeHead(404).end());
    }
    if (req.url.endsWith('.html')) res.setHeader('Content-Security-Policy', csp([`http://127.0.0.1:${dropper.address().port}`]));
    site(req, res, () => res.writeHead(404).end());
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${server.address().port}`, server })));
}

const page = (lang, body) => `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Spring tulips</title><link rel="icon" href="data:,">
<script type="module" src="/fanfare/fanfare.js" data-site="${SITE}"></script></head>
<body>${body}</body></html>`;

const form = (attrs) =>
  `<fan-review-form product="${PRODUCT}" product-name="Spring tulips" endpoint="/reviews" ${attrs}></fan-review-form>`;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fanfare-reviews-'));
  const config = join(dir, 'fanfare.json');
  writeFileSync(
    config,
    JSON.stringify({ sites: { [SITE]: { origins: ['*'], reviewSecret: SECRET } }, media: join(dir, 'media') }),
  );
  api = await startFanfareServer({ db: join(dir, 'fanfare.db'), config });
  // A server that takes the connection and drops it: the network failing mid-send.
  dropper = createServer((req) => req.socket.destroy());
  await new Promise((r) => dropper.listen(0, '127.0.0.1', r));
  const pages = join(dir, 'pages');
  mkdirSync(pages);
  writeFileSync(join(pages, 'review.html'), page('en', form(`order="7001" order-token="${token('7001')}"`)));
  writeFileSync(join(pages, 'forged.html'), page('zh-CN', form(`order="7002" order-token="${'0'.repeat(64)}"`)));
  writeFileSync(join(pages, 'dropped.html'), page('en', form(`endpoint="http://127.0.0.1:${dropper.address().port}/reviews"`).replace('endpoint="/reviews" ', '')));
  writeFileSync(join(pages, 'product.html'), page('en', `<h1>Spring tulips</h1><fan-buyer-show src="/feeds/${SITE}/${PRODUCT}.json"></fan-buyer-show>`));
  writeFileSync(join(dir, 'camera.jpg'), await sharp({ create: { width: 4000, height: 3000, channels: 3, background: '#c2185b' } })
    .jpeg({ quality: 90 })
    .withExif({ IFD0: { Make: 'TestCam' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '31/1 14/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '121/1 28/1 0/1' } })
    .toBuffer());
  writeFileSync(join(dir, 'screenshot.png'), await sharp({ create: { width: 1200, height: 1600, channels: 4, background: { r: 80, g: 160, b: 90, alpha: 0.5 } } }).png().toBuffer());
  shop = await startShop(pages);
  browser = await chromium.launch({ executablePath: findChrome(), args: chromeArgs });
});

after(async () => {
  await browser?.close();
  shop?.server.close();
  dropper?.close();
  await api?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function open(path) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const p = await context.newPage();
  const problems = await watch(p);
  await p.goto(`${shop.url}/${path}`, { waitUntil: 'networkidle' });
  return { p, problems, context };
}

/** Stars, words, a name and photos, as a fan gives them. */
async function write(p, { stars, text, author, photos = [] }) {
  const f = p.locator('fan-review-form');
  await f.locator('label').filter({ has: p.locator('input[name=rating]') }).nth(stars - 1).click();
  await f.locator('#text').fill(text);
  await f.locator('#author').fill(author);
  if (photos.length) {
    await f.locator('input[type=file]').setInputFiles(photos);
    await p.waitForFunction((n) => document.querySelector('fan-review-form').shadowRoot.querySelectorAll('.thumbs canvas').length === n, photos.length, { timeout: 15000 });
  }
}

async function send(p) {
  const submitted = p.evaluate(() => new Promise((r) => document.addEventListener('fan-review-submit', (e) => r(e.detail), { once: true })));
  await p.locator('fan-review-form .submit').click();
  return submitted;
}

const admin = (path, init = {}) =>
  fetch(`${api.url}${path}`, { ...init, headers: { authorization: `Bearer ${api.token}`, 'content-type': 'application/json', ...init.headers } });

test('a fan posts a review with two photos; the admin approves it; the carousel shows it with its photo and the verified badge', async () => {
  const { p, problems, context } = await open('review.html');
  await write(p, { stars: 5, text: 'Fresh, <b>lovely</b> and they lasted ten days.', author: 'Lisa Wong', photos: [join(dir, 'camera.jpg'), join(dir, 'screenshot.png')] });
  const detail = await send(p);
  assert.equal(detail.status, 'pending');
  assert.equal(detail.photos, 2);
  await p.locator('fan-review-form h2', { hasText: 'will appear once it is checked' }).waitFor();

  // What left the phone: two JPEGs of at most 2,048 px, text fields first.
  const { type, body } = bodies.at(-1);
  const boundary = /boundary=(.+)$/.exec(type)[1];
  const parts = body.toString('latin1').split(`--${boundary}`).filter((s) => s.includes('name="'));
  assert.deepEqual(parts.map((s) => /name="([^"]+)"/.exec(s)[1]), ['site', 'product', 'rating', 'text', 'author', 'order', 'orderToken', 'website', 'photos', 'photos']);
  for (const s of parts.filter((x) => x.includes('name="photos"'))) {
    assert.match(s, /Content-Type: image\/jpeg/);
    const bytes = Buffer.from(s.slice(s.indexOf('\r\n\r\n') + 4, -2), 'latin1');
    const m = await sharp(bytes).metadata();
    assert.equal(m.format, 'jpeg');
    assert.ok(Math.max(m.width, m.height) <= 2048, `${m.width}×${m.height} left the phone`);
    assert.equal(m.exif, undefined, 'no EXIF leaves the phone');
  }

  // The queue holds it, photos and all; the public feed does not yet.
  const queue = await (await admin(`/api/reviews?site=${SITE}&status=pending`)).json();
  const review = queue.reviews.find((r) => r.id === detail.id);
  assert.ok(review, 'the review waits in the queue');
  assert.equal(review.author, 'Lisa Wong');
  assert.equal(review.verified, true);
  assert.equal(review.photos.length, 2);
  const before = await (await fetch(`${api.url}/feeds/${SITE}/${PRODUCT}.json`)).json();
  assert.equal(before.reviews.length, 0);

  const approved = await admin(`/api/reviews/${detail.id}/approve`, { method: 'POST', body: JSON.stringify({ by: 'e2e' }) });
  assert.equal(approved.status, 200);

  const feed = await (await fetch(`${api.url}/feeds/${SITE}/${PRODUCT}.json`)).json();
  assert.equal(feed.reviews.length, 1);
  const [shown] = feed.reviews;
  assert.equal(shown.author, 'L. W.');
  assert.equal(shown.verified, true);
  assert.equal(shown.photos.length, 2);
  for (const ph of shown.photos) {
    const res = await fetch(new URL(ph.src, `${api.url}/feeds/`));
    assert.equal(res.headers.get('content-type'), 'image/jpeg');
    assert.match(res.headers.get('cache-control'), /immutable/);
    const m = await sharp(Buffer.from(await res.arrayBuffer())).metadata();
    assert.ok(Math.max(m.width, m.height) <= 2048);
    assert.equal(m.exif, undefined, 'no EXIF or GPS is served');
  }
  assert.deepEqual(problems, []);
  const shift = await p.evaluate(() => window.__shifts);
  assert.ok(shift < 0.01, `layout shift ${shift}`);
  await context.close();

  // A shopper on the product page sees it: the photo, the words as text, the badge.
  const shopper = await open('product.html');
  const show = shopper.p.locator('fan-buyer-show');
  await show.locator('.slide:not(.skeleton) img').waitFor();
  assert.equal(await show.locator('.slide .text').first().textContent(), 'Fresh, <b>lovely</b> and they lasted ten days.');
  assert.equal(await show.locator('.slide .badge').first().textContent(), 'Verified buyer');
  assert.equal(await show.locator('.slide .who span').first().textContent(), 'L. W.');
  await shopper.p.waitForFunction(() => document.querySelector('fan-buyer-show').shadowRoot.querySelector('.slide img').naturalWidth > 0);
  assert.deepEqual(shopper.problems, []);
  await shopper.context.close();
});

test('a forged order token: the review is kept and shown, without the badge', async () => {
  const { p, problems, context } = await open('forged.html');
  await write(p, { stars: 2, text: '花有点蔫了，包装还不错。', author: '王小明' });
  const detail = await send(p);
  await p.locator('fan-review-form h2', { hasText: '审核通过后' }).waitFor();
  assert.equal((await admin(`/api/reviews/${detail.id}/approve`, { method: 'POST', body: '{}' })).status, 200);
  const feed = await (await fetch(`${api.url}/feeds/${SITE}/${PRODUCT}.json`)).json();
  const shown = feed.reviews.find((r) => r.id === detail.id);
  assert.equal(shown.author, '王**明');
  assert.equal(shown.verified, false);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a connection dropped mid-send: the form stays calm and keeps every word', async () => {
  const { p, context } = await open('dropped.html');
  await write(p, { stars: 4, text: 'Lovely colours.', author: 'Sam' });
  await p.locator('fan-review-form .submit').click();
  const status = p.locator('fan-review-form #status');
  await status.filter({ hasText: 'could not be sent' }).waitFor();
  assert.equal(await p.locator('fan-review-form #text').inputValue(), 'Lovely colours.');
  // And after a reload too: the draft is kept on the device.
  await p.reload({ waitUntil: 'networkidle' });
  assert.equal(await p.locator('fan-review-form #text').inputValue(), 'Lovely colours.');
  assert.equal(await p.locator('fan-review-form #author').inputValue(), 'Sam');
  await context.close();
});
