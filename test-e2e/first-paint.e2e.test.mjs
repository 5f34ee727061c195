// The README's snippet on a plain page with no CSS of its own: the stylesheet and the
// script tag, one widget, and the page's text below it. Nothing on the page may move when
// the widget renders (layout shift 0), on loopback and as a phone on 4G would load it;
// and the loader asks for everything a widget needs within one round trip of itself.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { chromeArgs, findChrome } from '../scripts/chrome.mjs';
import { startFanfareServer } from '../scripts/fanfare-server.mjs';
import { startServer } from '../scripts/serve.mjs';

const GIF = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
const LONG = 'Arrived fresh and lasted two weeks. The colours were exactly as in the pictures and the wrapping was lovely; my mother kept them on the table for a fortnight.';
const review = (i, photos, rating = 5) => ({
  id: `r${i}`,
  author: `Buyer ${i}`,
  rating,
  text: i % 2 ? LONG : 'Arrived fresh and lasted two weeks.',
  date: '2026-11-20',
  photos: photos ? [{ src: GIF, width: 800, height: 1000, alt: 'Tulips' }] : [],
});
// Reviews with and without photos, 3 to 5 stars: every filter leaves some out.
const FEED = JSON.stringify({ reviews: [review(1, true), review(2, false, 4), review(3, true, 3), review(4, false), review(5, true)] });
const feed = (attrs = '') => `<fan-buyer-show${attrs}><script type="application/json">${FEED}</script></fan-buyer-show>`;

// Reward titles as long as a marketer writes them: two lines at 390 px, in each language.
const REWARD_EN = { tile: 256, title: 'A free bunch of seasonal tulips with your next order over fifty dollars' };
const REWARD_ZH = { score: 3000, title: '下单满二百元立享九五折优惠，并赠送一张手写贺卡，全国包邮' };
const rewards = (...list) => ` rewards='${JSON.stringify(list)}'`;

// A brand's designs for the card maker: more than the built-ins, and names longer than theirs.
const DESIGNS = ['Spring tulips in the morning light', 'Mother’s Day roses', 'A thank-you from all of us at Bloom', 'Peonies', 'Sunflowers', 'Lilies', 'Orchids', 'Wild meadow']
  .map((name, i) => ({ id: `d${i}`, name, background: { colors: ['#fde', '#def'] } }));

// Each widget in every variant a marketer can pick, as they might place it: `half` puts it
// in a half column, as a shop's two-column product page has. `lang` is the page's.
// `sheet`: the browser has a share sheet, as phones and most desktop browsers do (Linux
// Chromium has none), for the lists that name it. `todo`: a widget that moves the page for
// a reason of its own, with the change it needs (these run, and report, but do not fail).
const CASES = [
  { name: 'share', widget: '<fan-share networks="wechat weibo x copy"></fan-share>', phone: true },
  { name: 'share-label', widget: '<fan-share networks="weibo x facebook linkedin telegram copy" variant="label"></fan-share>', half: true, phone: true },
  { name: 'share-label-zh', lang: 'zh-CN', widget: '<fan-share networks="wechat weibo qq qzone douban copy" variant="label"></fan-share>', half: true },
  { name: 'share-label-l', widget: '<fan-share networks="wechat weibo qq qzone douban pinterest whatsapp" variant="label" size="l"></fan-share>' },
  { name: 'share-small', widget: '<fan-share networks="x facebook copy" size="s"></fan-share>', phone: true },
  { name: 'share-large', widget: '<fan-share networks="x facebook linkedin whatsapp telegram reddit pinterest copy" size="l"></fan-share>' },
  { name: 'share-many-half', widget: '<fan-share networks="weibo x facebook linkedin telegram copy qq qzone douban reddit"></fan-share>', half: true },
  // Sizes a marketer sets with the widgets' custom properties (the configurator's CSS fields).
  { name: 'share-gap', css: 'fan-share { --fan-share-gap: 14px; }', widget: '<fan-share networks="weibo x facebook linkedin telegram copy qq qzone douban reddit"></fan-share>' },
  { name: 'share-column', widget: '<fan-share networks="weibo x facebook linkedin copy" layout="column"></fan-share>' },
  { name: 'share-column-label-s', lang: 'zh-CN', widget: '<fan-share networks="wechat weibo qq copy" layout="column" variant="label" size="s"></fan-share>' },
  { name: 'share-floating', widget: '<fan-share networks="weibo x facebook linkedin copy" layout="floating"></fan-share>' },
  { name: 'share-floating-label', lang: 'zh-CN', widget: '<fan-share networks="wechat weibo qq douban copy" layout="floating" variant="label"></fan-share>' },
  { name: 'share-default', widget: '<fan-share></fan-share>', sheet: true },
  { name: 'share-default-zh', lang: 'zh-CN', widget: '<fan-share></fan-share>' },
  { name: 'game', widget: '<fan-2048 campaign="spring"></fan-2048>', sheet: true, phone: true },
  { name: 'game-zh', lang: 'zh-CN', widget: '<fan-2048 campaign="spring"></fan-2048>' },
  { name: 'game-1-reward', widget: `<fan-2048 campaign="one"${rewards(REWARD_EN)}></fan-2048>`, sheet: true },
  { name: 'game-2-rewards', widget: `<fan-2048 campaign="two"${rewards(REWARD_EN, REWARD_ZH)}></fan-2048>`, sheet: true },
  { name: 'game-2-rewards-zh', lang: 'zh-CN', widget: `<fan-2048 campaign="two"${rewards(REWARD_ZH, { tile: 512, title: '免运费' })}></fan-2048>` },
  { name: 'game-narrow', css: 'fan-2048 { --fan-2048-max-width: 20rem; --fan-share-gap: 4px; }', widget: `<fan-2048 campaign="narrow"${rewards(REWARD_EN)}></fan-2048>`, sheet: true },
  ...[3, 5, 6].map((n) => ({ name: `game-size-${n}`, widget: `<fan-2048 campaign="s${n}" size="${n}" share="weibo x copy"></fan-2048>` })),
  { name: 'game-logo-share', lang: 'zh-CN', widget: `<fan-2048 campaign="logo" logo="${GIF}" share="wechat weibo qq qzone douban x facebook copy"></fan-2048>` },
  { name: 'buyer-show', widget: feed(), phone: true },
  { name: 'buyer-show-photos', lang: 'zh-CN', widget: feed(' filter="photos"') },
  { name: 'buyer-show-5', widget: feed(' filter="5" autoplay="4"') },
  { name: 'buyer-show-sized', css: 'fan-buyer-show { --fan-buyer-show-slide-width: 180px; --fan-buyer-show-photo-ratio: 1; --fan-buyer-show-text-height: 8rem; }', widget: feed() },
  { name: 'card-maker', widget: '<fan-card-maker></fan-card-maker>', phone: true },
  { name: 'card-maker-zh', lang: 'zh-CN', widget: '<fan-card-maker></fan-card-maker>', phone: true },
  // A brand's own designs (more of them, with longer names) load through a chunk of their own; the width is the page's.
  { name: 'card-maker-own', widget: `<fan-card-maker brand-text="Bloom Flowers" templates='${JSON.stringify(DESIGNS)}'></fan-card-maker>`, phone: true },
  { name: 'card-maker-narrow', lang: 'zh-CN', css: 'fan-card-maker { --fan-card-maker-width: 300px; }', widget: '<fan-card-maker></fan-card-maker>' },
  // Opened from a card sent as a link (`hash`: the page's address ends with it), and from a broken one.
  { name: 'card-maker-received', hash: '#fan-card=1.WyJiaXJ0aGRheSIsIkhhcHB5IGJpcnRoZGF5ISIsW11d', widget: '<fan-card-maker></fan-card-maker>', phone: true },
  { name: 'card-maker-broken', lang: 'zh-CN', hash: '#fan-card=garbage', widget: '<fan-card-maker></fan-card-maker>' },
  { name: 'invite', widget: '<fan-invite campaign="spring-friends" reward-endpoint="/referrals"></fan-invite>', phone: true },
  { name: 'invite-zh', lang: 'zh-CN', widget: '<fan-invite campaign="spring-friends-zh" reward-endpoint="/referrals"></fan-invite>' },
  { name: 'review-form', widget: '<fan-review-form product="tulips" product-name="Spring tulips, a bunch of twenty in mixed colours" endpoint="/reviews"></fan-review-form>', phone: true },
  { name: 'review-form-zh', lang: 'zh-CN', widget: '<fan-review-form product="tulips" product-name="春日郁金香，二十枝混色一束，附手写贺卡" endpoint="/reviews" max-photos="0"></fan-review-form>' },
];
const WIDTHS = [390, 1024];

// `script: false` is the page before the widget's code arrives: what fanfare.css reserves.
const page = ({ name, lang = 'en', widget, half, css }, script = true) => `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>Plain page</title><link rel="icon" href="data:,">
<link rel="stylesheet" href="/fanfare/fanfare.css">
${script ? '<script type="module" src="/fanfare/fanfare.js" data-site="plain"></script>' : ''}
${half ? '<link rel="stylesheet" href="half.css">' : ''}
${css ? `<link rel="stylesheet" href="${name}.css">` : ''}
</head><body>
<h1>A plain page</h1>
${half ? `<div id="half">${widget}</div>` : widget}
<p id="below">The page's own text, right below the widget. It must not move when the widget renders.</p>
</body></html>`;

// What the page measures: every layout shift, and when the widget has rendered.
function probe() {
  window.__shifts = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shifts.push({ value: e.value, at: e.startTime, moved: e.sources.map((s) => `${s.node?.nodeName ?? "?"}#${s.node?.id ?? ""} ${s.previousRect.y}+${s.previousRect.height} → ${s.currentRect.y}+${s.currentRect.height}`) });
  }).observe({ type: 'layout-shift', buffered: true });
}

/** The phone's share sheet, for the lists that name one. */
function shareSheet() {
  navigator.share = async () => {};
  navigator.canShare = () => true;
}

/** From the widget's top to the text below it: the room the widget takes in the page. */
const room = () => {
  const el = document.querySelector('body :is(fan-share, fan-2048, fan-buyer-show, fan-card-maker, fan-invite, fan-review-form)');
  return +(document.querySelector('#below').getBoundingClientRect().top - el.getBoundingClientRect().top).toFixed(2);
};

let server, api, browser, dir;
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fanfare-plain-'));
  for (const c of CASES) {
    writeFileSync(join(dir, `${c.name}.html`), page(c));
    writeFileSync(join(dir, `${c.name}.reserved.html`), page(c, false));
    if (c.css) writeFileSync(join(dir, `${c.name}.css`), c.css);
  }
  // A half column, as a shop's two-column product page has; no other CSS.
  writeFileSync(join(dir, 'half.css'), '#half { width: 50%; }');
  // The invite and the review form talk to a real fanfare-server, with the demo's campaigns.
  api = await startFanfareServer({ db: join(dir, 'fanfare.db'), config: new URL('../demo/fanfare.config.json', import.meta.url).pathname });
  server = await startServer({ pages: dir, api: api.url });
  browser = await chromium.launch({ executablePath: findChrome(), args: chromeArgs });
});
after(async () => {
  await browser?.close();
  await server?.close();
  await api?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function open(name, { phone = false, width = 1024, sheet = false, hash = '' } = {}) {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const p = await context.newPage();
  const cdp = await context.newCDPSession(p);
  const requests = [];
  await cdp.send('Network.enable');
  cdp.on('Network.requestWillBeSent', (e) => requests.push({ url: e.request.url, initiator: e.initiator }));
  if (sheet) await p.addInitScript(shareSheet);
  await p.goto(`${server.url}/${name}.reserved.html${hash}`);
  const reserved = await p.evaluate(room);
  if (phone) {
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: 200_000, uploadThroughput: 93_750 });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  }
  const errors = [];
  p.on('pageerror', (e) => errors.push(String(e)));
  p.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await p.addInitScript(probe);
  requests.length = 0;
  await p.goto(`${server.url}/${name}.html${hash}`);
  await p.waitForFunction(() => {
    const el = document.querySelector('body :is(fan-share, fan-2048, fan-buyer-show, fan-card-maker, fan-invite, fan-review-form)');
    return el && customElements.get(el.localName) && el.shadowRoot?.childElementCount > 0 && !el.isUpdatePending;
  }, undefined, { timeout: 30_000 });
  // Icons, fonts and late chunks: what might still move the page.
  await p.waitForTimeout(phone ? 2500 : 1000);
  const shifts = await p.evaluate(() => window.__shifts);
  const rendered = await p.evaluate(room);
  await context.close();
  return { shifts, errors, requests, reserved, rendered };
}

const total = (shifts) => shifts.reduce((n, s) => n + s.value, 0);

const file = (url) => url?.split('/').pop() ?? '';
const initiatorOf = (r) => file(r.initiator.url ?? r.initiator.stack?.callFrames?.[0]?.url);
/**
 * The shared chunks (chunks/chunk-*.js) a widget's own chunk asked for: each is a round trip
 * after that chunk's arrival, which the loader's table is there to save. A widget's chunk is
 * a script the loader imported that is neither a shared chunk nor a share network's.
 */
function waited(requests) {
  const scripts = requests.filter((r) => /\/fanfare\/.*\.js$/.test(r.url));
  const widgetChunks = new Set(scripts.filter((r) => initiatorOf(r) === 'fanfare.js' && !/^(chunk|share)-/.test(file(r.url))).map((r) => file(r.url)));
  return scripts.filter((r) => /^chunk-/.test(file(r.url)) && widgetChunks.has(initiatorOf(r))).map((r) => `${file(r.url)} by ${initiatorOf(r)}`);
}

// Three pages at a time, each in its own context: what is measured (sizes, shifts) does not
// depend on how busy the machine is, and one at a time took 3 of CI's 15 minutes.
describe('the README snippet on a plain page', { concurrency: 3 }, () => {
  for (const c of CASES) {
    test(`${c.name}: reserves what it renders, at ${WIDTHS.join(' and ')} px${c.phone ? ', and nothing moves as a phone on 4G loads it' : ''}`, { todo: c.todo }, async () => {
      const runs = [...WIDTHS.map((width) => ({ width })), ...(c.phone ? [{ width: 390, phone: true }] : [])];
      for (const run of runs) {
        const at = `${c.name} at ${run.width} px${run.phone ? ' (phone)' : ''}`;
        const { shifts, errors, reserved, rendered, requests } = await open(c.name, { ...run, sheet: c.sheet, hash: c.hash });
        assert.deepEqual(errors, [], `${at}: page errors`);
        assert.equal(rendered, reserved, `${at}: reserved ${reserved} px, rendered ${rendered} px`);
        assert.equal(total(shifts), 0, `${at}: layout shifts ${JSON.stringify(shifts)}`);
        assert.deepEqual(waited(requests), [], `${at}: shared chunks asked for only once the widget's chunk had arrived`);
      }
    });
  }

  test('the loader asks for the share buttons\' networks itself, with the widget, not after it', async () => {
    const { requests } = await open('share');
    const networkChunks = requests.filter((r) => /\/fanfare\/share-[a-z]+\.js$/.test(r.url));
    assert.deepEqual(networkChunks.map((r) => r.url.split('/').pop()).sort(), ['share-wechat.js', 'share-weibo.js', 'share-x.js']);
    for (const r of networkChunks) assert.match(r.initiator.url ?? r.initiator.stack?.callFrames?.[0]?.url ?? '', /\/fanfare\/fanfare\.js$/, r.url);
    // Copy has no chunk: nothing is asked for it.
    assert.ok(!requests.some((r) => /share-copy/.test(r.url)));
  });
});
