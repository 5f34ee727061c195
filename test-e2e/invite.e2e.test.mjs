// <fan-invite> end to end, as a fan and their friends would live it: the built embed in the
// demo shop, the real fanfare-server with a real SQLite file, each person in a Chromium
// context of their own. A fan starts an invite and shares it to X; three friends (their own
// user agents) open the link, one of them twice; the fan opens it too. The fan's widget
// then shows 3 of 3, claims, and shows the code again after a reload. A friend holding the
// link cannot read the progress or claim, and the dashboard's API counts what happened.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { chromeArgs, findChrome } from '../scripts/chrome.mjs';
import { startFanfareServer } from '../scripts/fanfare-server.mjs';
import { startServer } from '../scripts/serve.mjs';
import { watch } from './watch.mjs';

const SITE = 'petal-and-stem';
let server, api, browser, dir;
const watched = [];

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fanfare-invite-'));
  api = await startFanfareServer({ db: join(dir, 'fanfare.db'), config: new URL('../demo/fanfare.config.json', import.meta.url).pathname });
  server = await startServer({ api: api.url });
  browser = await chromium.launch({ executablePath: findChrome(), args: chromeArgs });
});

after(async () => {
  await browser?.close();
  await server?.close();
  await api?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** A person: a browser of their own (storage included) with its own user agent. */
async function person(name) {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    userAgent: `Mozilla/5.0 (Linux; Android 14; ${name}) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Mobile Safari/537.36`,
  });
  // Networks' own pages are not ours to open: a share link's new tab closes at once.
  context.on('page', async (p) => (await p.opener()) && p.close().catch(() => {}));
  await context.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
  return context;
}

async function open(context, path) {
  const page = await context.newPage();
  watched.push(await watch(page));
  await page.goto(`${server.url}${path}`, { waitUntil: 'networkidle' });
  return page;
}

/** Closing a tab hands what the beacon holds to sendBeacon. */
const leave = (page) => page.close({ runBeforeUnload: true });

/** The demo's links point at its canonical origin; a friend opens the same path and query here. */
const local = (shared) => {
  const u = new URL(shared);
  return `${u.pathname.replace(/^\/bouquets\/spring-tulips$/, '/')}${u.search}`;
};

const invite = (page) => page.locator('fan-invite');
const statusOf = (page) => invite(page).locator('.status').textContent();
const action = (page) => invite(page).locator('.foot [part=button]');

/** Press Refresh until the progress says `text` (friends' page views arrive as their tabs close). */
async function refreshUntil(page, text, ms = 20000) {
  const end = Date.now() + ms;
  let last;
  while (Date.now() < end) {
    last = (await statusOf(page)).trim();
    if (last === text) return;
    if ((await action(page).textContent()) === 'Refresh') await action(page).click();
    await page.waitForTimeout(400);
  }
  assert.fail(`the fan's widget never said "${text}"; it says "${last}"`);
}

test('a fan brings three friends and gets the code; the fan is no friend of their own; a friend with the link cannot claim', async () => {
  const fan = await person('Fan');
  const shop = await open(fan, '/');
  const started = shop.evaluate(() => new Promise((resolve) => document.addEventListener('fan-invite-start', (e) => resolve(e.detail), { once: true })));
  await invite(shop).scrollIntoViewIfNeeded();
  await shop.waitForFunction(() => document.querySelector('fan-invite')?.shadowRoot?.querySelector('.status')?.textContent.includes('of 3'));
  // The event may have gone before the listener: the invite is on the device either way.
  const kept = await shop.evaluate(() => Object.entries(localStorage).find(([k]) => k.startsWith('fanfare:invite:spring-friends@')));
  assert.ok(kept, 'the invite is kept on the device');
  const { ref, key } = JSON.parse(kept[1]);
  assert.match(ref, /^[\w-]{16}$/);
  await Promise.race([started, new Promise((r) => setTimeout(r, 50))]);
  assert.equal((await statusOf(shop)).trim(), '0 of 3 friends have visited');

  // Share to X from the invite: the link carries the invite's ref, never its key.
  const shared = shop.evaluate(() => new Promise((resolve) => document.addEventListener('fan-share', (e) => resolve(e.detail), { once: true })));
  await invite(shop).locator('fan-share [data-network="x"]').click();
  const detail = await shared;
  assert.equal(detail.ref, ref);
  assert.equal(new URL(detail.url).searchParams.get('fanref'), ref);
  assert.ok(!detail.url.includes(key), 'the key never goes into a link');

  // Three friends open the link, Ann twice; then the fan opens it too.
  const friends = {};
  for (const name of ['Ann', 'Ben', 'Cai']) {
    friends[name] = await person(name);
    const page = await open(friends[name], local(detail.url));
    assert.equal(new URL(page.url()).searchParams.get('fanref'), null, 'the token left the address bar');
    await leave(page);
  }
  await leave(await open(friends.Ann, local(detail.url)));
  await leave(await open(fan, local(detail.url)));

  // Exactly three: were the fan's own visit or Ann's second counted, it would say 4 or 5.
  await refreshUntil(shop, '3 of 3 friends have visited');
  // Every tab has long closed: a reload reads the progress again, and it is still three.
  await shop.waitForTimeout(1500);
  await shop.reload({ waitUntil: 'networkidle' });
  await shop.waitForFunction(() => document.querySelector('fan-invite')?.shadowRoot?.querySelector('.primary'));
  assert.equal((await statusOf(shop)).trim(), '3 of 3 friends have visited', 'no more friends than came');

  const reward = shop.evaluate(() => new Promise((resolve) => document.addEventListener('fan-reward', (e) => resolve(e.detail), { once: true })));
  assert.equal(await action(shop).textContent(), 'Get my reward');
  await action(shop).click();
  const won = await reward;
  assert.match(won.code, /^FRIENDS15-[A-Z2-9]{8}$/);
  assert.deepEqual(won, { title: '15% off', tier: 0, code: won.code });
  assert.equal(await invite(shop).locator('[part=code]').textContent(), won.code);

  await shop.reload({ waitUntil: 'networkidle' });
  await shop.waitForFunction(() => document.querySelector('fan-invite')?.shadowRoot?.querySelector('[part=code]'));
  assert.equal(await invite(shop).locator('[part=code]').textContent(), won.code, 'the reload shows the code again');
  assert.equal(await invite(shop).locator('[part=heading]').textContent(), 'Your reward: 15% off');
  assert.equal(await shop.evaluate(() => window.__shifts), 0, 'no layout shift');

  // Ann holds the link, not the key: no progress to read, nothing to claim.
  // Not watched: its three 403s are the point, and the browser logs each as an error.
  const annPage = await friends.Ann.newPage();
  await annPage.goto(`${server.url}/`, { waitUntil: 'networkidle' });
  const asAnn = await annPage.evaluate(async (r) => {
    const read = await fetch(`/referrals/${r}`);
    const claim = await fetch(`/referrals/${r}/claim`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    const guess = await fetch(`/referrals/${r}/claim`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ key: 'A'.repeat(22) }) });
    return [[read.status, (await read.json()).error], [claim.status, (await claim.json()).error], [guess.status, (await guess.json()).error]];
  }, ref);
  assert.deepEqual(asAnn, [[403, 'bad_invite'], [403, 'bad_invite'], [403, 'bad_invite']]);
  // Ann's own widget is Ann's own invite, not the fan's.
  await annPage.waitForFunction(() => document.querySelector('fan-invite')?.shadowRoot?.querySelector('.status')?.textContent.includes('of 3'));
  assert.equal((await statusOf(annPage)).trim(), '0 of 3 friends have visited');
  await leave(annPage);

  // What the brand reads.
  const res = await fetch(`${api.url}/api/referrals?site=${SITE}`, { headers: { authorization: `Bearer ${api.token}` } });
  assert.equal(res.status, 200);
  const report = await res.json();
  const spring = report.campaigns.find((c) => c.name === 'spring-friends');
  assert.equal(spring.rewards, 1);
  assert.equal(spring.offer.reached, 1);
  assert.ok(spring.offer.friends >= 3, `friends ${spring.offer.friends}`);
  assert.deepEqual(spring.networks.find((n) => n.network === 'x'), { network: 'x', shares: 1, invites: 1 });
  assert.deepEqual(watched.flat(), []);
});
