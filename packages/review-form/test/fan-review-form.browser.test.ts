import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { FanReviewForm, timing } from '../src/fan-review-form.js';
import { captureWarnings, nextEvent, waitFor } from '../../core/testing/index.js';
import { $, $$, ENDPOINT, fakeServer, mount, photo, pick, rate, text, type } from './helpers.js';

const status = (el: FanReviewForm) => text($(el, '#status'));
const radios = (el: FanReviewForm) => $$<HTMLInputElement>(el, 'input[name=rating]');
const focused = (el: FanReviewForm) => el.shadowRoot!.activeElement;

let server: ReturnType<typeof fakeServer> | undefined;
afterEach(() => {
  server?.restore();
  server = undefined;
  timing.idle = 30000;
});

/** A review ready to send: stars and words. */
async function fill(el: FanReviewForm, words = 'The tulips lasted ten days.') {
  await rate(el, 4);
  await type(el, '#text', words);
}

async function submit(el: FanReviewForm) {
  $<HTMLButtonElement>(el, '.submit').click();
  await el.updateComplete;
}

describe('<fan-review-form>', () => {
  it('shows its fields in English and in Chinese, and is accessible', async () => {
    const el = await mount({ 'product-name': 'Spring tulips' });
    expect(text($(el, 'h2'))).to.equal('Write a review');
    expect(text($(el, '.product'))).to.equal('Spring tulips');
    expect(radios(el)).to.have.length(5);
    expect(radios(el).map((r) => text(r.parentElement!.querySelector('.sr-only')))).to.deep.equal(['1 star', '2 stars', '3 stars', '4 stars', '5 stars']);
    expect($<HTMLInputElement>(el, 'input[type=file]').accept).to.equal('image/jpeg,image/png,image/webp');
    expect(text($(el, '#shown-as'))).to.equal('Shown masked, as “Anonymous buyer”');
    await expect(el).to.be.accessible();
    el.lang = 'zh-CN';
    await el.updateComplete;
    expect(text($(el, 'h2'))).to.equal('评价晒单');
    expect(text($(el, '#count .sr-only'))).to.equal('已输入 0 字，最多 2,000 字');
    expect(text($(el, '#shown-as'))).to.equal('昵称将匿名显示为“匿名买家”');
    await expect(el).to.be.accessible();
  });

  it('stars are one radio group: one tab stop, arrow keys choose, a visible focus ring', async () => {
    const before = document.createElement('button');
    before.textContent = 'before';
    const el = await mount();
    el.before(before);
    before.focus();
    await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal(radios(el)[0]);
    // The ring is drawn round the star, since the radio itself draws nothing.
    const ring = getComputedStyle(radios(el)[0].parentElement!);
    expect(ring.outlineStyle).to.equal('solid');
    expect(ring.outlineWidth).to.equal('2px');
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(focused(el)).to.equal(radios(el)[2]);
    expect(radios(el)[2].checked).to.equal(true);
    expect(text($(el, '.word'))).to.equal('Good');
    expect($$(el, '.stars label.on')).to.have.length(3);
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect(radios(el)[1].checked).to.equal(true);
    // One tab stop: the next Tab leaves the stars for the text.
    await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal($(el, '#text'));
    await sendKeys({ press: 'Shift+Tab' });
    expect(focused(el)).to.equal(radios(el)[1]);
    before.remove();
  });

  it('counts characters as a reader does, and previews the masked name', async () => {
    const el = await mount();
    await type(el, '#text', '质量很好🌷');
    expect(text($(el, '#count [aria-hidden]'))).to.equal('5/2,000');
    expect(text($(el, '#count .sr-only'))).to.equal('5 of 2,000 characters');
    await type(el, '#author', 'Lisa Wong');
    expect(text($(el, '#shown-as'))).to.equal('Shown masked, as “L. W.”');
    await type(el, '#author', '王小明');
    expect(text($(el, '#shown-as'))).to.equal('Shown masked, as “王**明”');
    expect($(el, '#author').getAttribute('aria-describedby')).to.contain('shown-as');
  });

  it('refuses to send an empty review: each problem tied to its field, focus on the first', async () => {
    server = fakeServer({ status: 201, body: { id: 'r1', status: 'pending' } });
    const el = await mount();
    await submit(el);
    await waitFor(() => $(el, '#rating-error'), 'the rating problem shows');
    expect(server.sent).to.have.length(0);
    expect(text($(el, '#rating-error'))).to.equal('Choose from 1 to 5 stars.');
    expect(text($(el, '#text-error'))).to.equal('Write a few words about it.');
    expect(radios(el)[0].getAttribute('aria-describedby')).to.equal('rating-error');
    expect(radios(el)[0].getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '#text').getAttribute('aria-describedby')).to.contain('text-error');
    expect(focused(el)).to.equal(radios(el)[0]);
    await expect(el).to.be.accessible();
    // Fixed as the fan types, once a send was refused.
    await fill(el);
    expect($(el, '#rating-error')).to.equal(null);
    expect($(el, '#text-error')).to.equal(null);
  });

  it('a text over 2,000 characters is refused before it leaves', async () => {
    server = fakeServer({ status: 201, body: { id: 'r1', status: 'pending' } });
    const el = await mount();
    await fill(el, 'a'.repeat(2001));
    expect($(el, '#count').classList.contains('over')).to.equal(true);
    await submit(el);
    await waitFor(() => $(el, '#text-error'));
    expect(text($(el, '#text-error'))).to.equal('Keep it to 2000 characters.');
    expect(focused(el)).to.equal($(el, '#text'));
    expect(server.sent).to.have.length(0);
  });

  it('resizes a 4000 × 3000 photo on the device and sends it as a JPEG of 2048 × 1536, with the text fields first', async () => {
    server = fakeServer({ status: 201, body: { id: 'r_9', status: 'pending', photos: 1 } });
    const el = await mount({ order: '7001', 'order-token': 'ab'.repeat(32) });
    await fill(el);
    const file = await photo(4000, 3000, 'image/png', 'big.png');
    const long: number[] = [];
    const watch = new PerformanceObserver((l) => long.push(...l.getEntries().map((e) => e.duration)));
    watch.observe({ type: 'longtask' });
    const t0 = performance.now();
    await pick(el, [file]);
    const ms = performance.now() - t0;
    watch.disconnect();
    console.log(`resizing a 12 MP photo on the device: ${ms.toFixed(0)} ms, longest main-thread task ${Math.max(0, ...long).toFixed(0)} ms`);
    expect($$(el, '.thumbs canvas')).to.have.length(1);
    expect($(el, '.thumb[role=img]').getAttribute('aria-label')).to.equal('Photo 1');
    const done = nextEvent<{ id: string; status: string; photos: number }>(el, 'fan-review-submit');
    await submit(el);
    const e = await done;
    expect(e.detail).to.deep.equal({ id: 'r_9', status: 'pending', photos: 1 });
    const body = server.sent[0].body;
    expect(server.sent[0].url).to.equal(ENDPOINT);
    expect([...body.keys()]).to.deep.equal(['product', 'rating', 'text', 'order', 'orderToken', 'website', 'photos']);
    expect(body.get('rating')).to.equal('4');
    expect(body.get('website')).to.equal('');
    const sent = body.get('photos') as File;
    expect(sent.type).to.equal('image/jpeg');
    expect(sent.size).to.be.below(file.size);
    const bitmap = await createImageBitmap(sent);
    expect([bitmap.width, bitmap.height]).to.deep.equal([2048, 1536]);
    // Every byte says JPEG, not just the type: FF D8 FF.
    expect([...new Uint8Array(await sent.slice(0, 3).arrayBuffer())]).to.deep.equal([0xff, 0xd8, 0xff]);
  });

  it('a file the browser cannot decode gets a clear message and is not added', async () => {
    const el = await mount();
    const junk = new File([new Uint8Array([0, 1, 2, 3, 4, 5, 6, 7])], 'IMG_0042.HEIC', { type: 'image/heic' });
    await pick(el, [junk, await photo(600, 800)]);
    expect($$(el, '.thumbs canvas')).to.have.length(1);
    await waitFor(() => text($(el, '#photos-status')));
    expect(text($(el, '#photos-status'))).to.equal('“IMG_0042.HEIC” could not be opened. Choose a JPEG, PNG or WebP photo.');
    expect($(el, '#photos-status').getAttribute('aria-live')).to.equal('polite');
    await expect(el).to.be.accessible();
  });

  it('takes at most max-photos photos, says how many were left out, and a removed photo leaves focus in the list', async () => {
    const el = await mount({ 'max-photos': '2' });
    expect(text($(el, '#photos-label'))).to.equal('Photos (up to 2)');
    await pick(el, [await photo(300, 200), await photo(200, 300), await photo(100, 100)]);
    expect($$(el, '.thumbs canvas')).to.have.length(2);
    expect(text($(el, '#photos-status'))).to.equal('Only 2 photos fit: 1 left out.');
    // Full: no picker.
    expect($(el, 'input[type=file]')).to.equal(null);
    await expect(el).to.be.accessible();
    $$<HTMLButtonElement>(el, '.remove')[0].click();
    await waitFor(() => $$(el, '.thumbs canvas').length === 1);
    await el.updateComplete;
    expect(focused(el)).to.equal($(el, '.remove'));
    expect($(el, '.remove').getAttribute('aria-label')).to.equal('Remove photo 1');
  });

  it('an endpoint answering 500: a calm message in the fan’s language, and everything typed is kept', async () => {
    server = fakeServer({ status: 500, body: { error: 'internal', message: 'database is locked' } });
    const el = await mount({ lang: 'zh-CN' });
    await fill(el, '花很新鲜，包装也很用心。');
    await type(el, '#author', '王小明');
    await submit(el);
    await waitFor(() => /服务器/.test(status(el)), 'the refusal shows', 4000);
    expect(status(el)).to.equal('服务器开小差了，请稍后再试。已填写的内容都还在。');
    expect(status(el)).not.to.contain('database');
    expect($(el, '#status').getAttribute('role')).to.equal('status');
    expect($<HTMLTextAreaElement>(el, '#text').value).to.equal('花很新鲜，包装也很用心。');
    expect($<HTMLInputElement>(el, '#author').value).to.equal('王小明');
    expect(radios(el)[3].checked).to.equal(true);
    expect($(el, '.submit').getAttribute('aria-disabled')).to.equal('false');
    await expect(el).to.be.accessible();
  });

  it('an endpoint that never answers: progress while sending, then a calm message and the text kept', async () => {
    server = fakeServer('hang');
    timing.idle = 400;
    const el = await mount();
    await fill(el);
    await submit(el);
    await waitFor(() => $(el, 'progress'), 'the progress bar shows');
    expect($(el, '.submit').getAttribute('aria-disabled')).to.equal('true');
    await waitFor(() => /Uploaded/.test(status(el)), 'all bytes counted as sent');
    expect($<HTMLProgressElement>(el, 'progress').value).to.equal(100);
    await expect(el).to.be.accessible();
    // A second press while sending sends nothing more.
    await submit(el);
    expect(server.sent).to.have.length(1);
    await waitFor(() => /could not be sent/.test(status(el)), 'the widget gives up', 3000);
    expect(status(el)).to.equal('Your review could not be sent. Check your connection and try again. Everything you wrote is kept.');
    expect($(el, 'progress')).to.equal(null);
    expect($<HTMLTextAreaElement>(el, '#text').value).to.equal('The tulips lasted ten days.');
    await expect(el).to.be.accessible();
  });

  it('keeps a draft across a reload, and forgets it once sent', async () => {
    const first = await mount({ product: 'draft-test' });
    localStorage.removeItem('fanfare.review..draft-test');
    await fill(first, 'Half written');
    await type(first, '#author', 'Sam');
    first.remove();
    const again = await mount({ product: 'draft-test' });
    expect($<HTMLTextAreaElement>(again, '#text').value).to.equal('Half written');
    expect($<HTMLInputElement>(again, '#author').value).to.equal('Sam');
    expect(radios(again)[3].checked).to.equal(true);
    server = fakeServer({ status: 201, body: { id: 'r2', status: 'published', reward: { code: 'THANKS-7QK2', title: '10% off' } } });
    again.setAttribute('product-url', '/p/tulips');
    await submit(again);
    await waitFor(() => $(again, '.done'), 'thanks shows');
    expect(text($(again, 'h2'))).to.equal('Thanks — your buyer show is live.');
    expect(focused(again)).to.equal($(again, 'h2'));
    expect($<HTMLAnchorElement>(again, 'a').getAttribute('href')).to.equal(new URL('/p/tulips', document.baseURI).href);
    expect(text($(again, 'code'))).to.equal('THANKS-7QK2');
    expect(text($(again, '.coupon'))).to.contain('10% off');
    // What was sent is shown back, the name as it will be published.
    expect(text($(again, '.said'))).to.equal('Half written');
    expect(text($(again, '.recap .hint'))).to.equal('S.');
    expect($(again, '.rated').getAttribute('aria-label')).to.equal('4 out of 5 stars');
    await expect(again).to.be.accessible();
    expect(localStorage.getItem('fanfare.review..draft-test')).to.equal(null);
  });

  it('pending: the thank-you line, no link', async () => {
    server = fakeServer({ status: 201, body: { id: 'r3', status: 'pending' } });
    const el = await mount({ 'product-url': '/p/tulips', lang: 'zh-CN' });
    await fill(el);
    await submit(el);
    await waitFor(() => $(el, '.done'));
    expect(text($(el, 'h2'))).to.equal('感谢晒单！审核通过后就会展示出来。');
    expect($(el, 'a')).to.equal(null);
  });

  it('a refusal is shown in the fan’s words, never the server’s message', async () => {
    server = fakeServer({ status: 429, body: { error: 'rate_limited', message: 'slow down, 1 per minute' } });
    const el = await mount();
    await fill(el);
    await submit(el);
    await waitFor(() => /Too many/.test(status(el)));
    expect(status(el)).to.equal('Too many tries; wait a moment. Everything you wrote is kept.');
  });

  it('a lost answer retried: the server’s duplicate_review naming the first is shown as sent', async () => {
    server = fakeServer({ status: 409, body: { error: 'duplicate_review', id: 'r4', status: 'pending' } });
    const el = await mount();
    await fill(el);
    const done = nextEvent<{ id: string }>(el, 'fan-review-submit');
    await submit(el);
    expect((await done).detail.id).to.equal('r4');
  });

  it('offline: the same calm message', async () => {
    server = fakeServer('offline');
    const el = await mount();
    await fill(el);
    await submit(el);
    await waitFor(() => /could not be sent/.test(status(el)));
    expect($<HTMLTextAreaElement>(el, '#text').value).to.equal('The tulips lasted ten days.');
  });

  it('bad attributes keep the default with one warning each', async () => {
    const { warnings, restore } = captureWarnings();
    let el: FanReviewForm;
    try {
      el = await mount({ id: 'f', 'max-photos': '9', endpoint: 'javascript:alert(1)', product: 'ok-1' });
    } finally {
      restore();
    }
    expect(el.maxPhotos).to.equal(5);
    expect(el.endpoint).to.equal('');
    expect(warnings.filter((w) => w.includes('max-photos="9"'))).to.have.length(1);
    expect(warnings.filter((w) => w.includes('endpoint="javascript:alert(1)"'))).to.have.length(1);
    expect(warnings.every((w) => w.startsWith('<fan-review-form#f>'))).to.equal(true);
    const none = await mount({ 'max-photos': '0' });
    expect($(none, 'input[type=file]')).to.equal(null);
    const bad = await warningsDuringMount({ product: '../etc' });
    expect(bad.filter((w) => w.includes('product="../etc"'))).to.have.length(1);
  });

  it('without an endpoint, it says it cannot send and sends nothing', async () => {
    server = fakeServer({ status: 201, body: { id: 'r', status: 'pending' } });
    const { warnings, restore } = captureWarnings();
    const el = await mount({ endpoint: '' }).finally(restore);
    el.removeAttribute('endpoint');
    expect(warnings.some((w) => w.includes('needs endpoint and product'))).to.equal(true);
    await fill(el);
    await submit(el);
    await waitFor(() => status(el));
    expect(status(el)).to.equal('This form cannot send reviews yet.');
    expect(server.sent).to.have.length(0);
  });

  it('a second define does not throw', () => {
    expect(() => FanReviewForm.define('fan-review-form')).not.to.throw();
  });
});

async function warningsDuringMount(attrs: Record<string, string>): Promise<string[]> {
  const { warnings, restore } = captureWarnings();
  try {
    await mount(attrs);
  } finally {
    restore();
  }
  return warnings;
}
