// Delivery, end to end: a real page with the beacon, a real HTTP collector (test/collector.mjs,
// on the test server) and Chromium's own fetch and sendBeacon in between.
import { expect } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import { OUTBOX_KEY } from '../src/delivery.js';
import { ORDERS_KEY, REF_KEY } from '../src/beacon.js';
import type { Payload, WireEvent } from '../src/logic/wire.js';

interface Recorded {
  method: string;
  status: number;
  contentType: string;
  cookie: string;
  body: string;
}

let bucket = '';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
// Another origin than the page's, as a stats server would be.
const endpoint = () => `http://127.0.0.1:${location.port}/__collect/${bucket}`;
const control = (action: 'down' | 'up') => fetch(`/__collect/${bucket}/${action}`, { method: 'POST' });

async function log(): Promise<Recorded[]> {
  const res = await fetch(`/__collect/${bucket}/log`, { cache: 'no-store' });
  return (await res.json()) as Recorded[];
}

/** Events the collector accepted, in arrival order. */
async function accepted(): Promise<WireEvent[]> {
  return (await log()).filter((r) => r.method === 'POST' && r.status === 204).flatMap((r) => (JSON.parse(r.body) as Payload).e);
}

async function until<T>(get: () => Promise<T>, ok: (v: T) => boolean, ms: number): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await get();
    if (ok(v) || Date.now() > end) return v;
    await sleep(100);
  }
}

const frames: HTMLIFrameElement[] = [];

async function openPage(params: Record<string, string> = {}, page = 'page.html'): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  const query = new URLSearchParams({ endpoint: endpoint(), ...params });
  frame.src = `/packages/beacon/test/fixture/${page}?${query}#section`;
  frame.width = '400';
  frame.height = '300';
  const loaded = new Promise((r) => frame.addEventListener('load', r, { once: true }));
  document.body.append(frame);
  frames.push(frame);
  await loaded;
  return frame;
}

function click(frame: HTMLIFrameElement, times = 1) {
  const button = frame.contentDocument!.querySelector('fan-probe')!.shadowRoot!.querySelector('button')!;
  for (let i = 0; i < times; i++) button.click();
}

const shares = (events: WireEvent[]) => events.filter((e) => e.n === 'share');

beforeEach(() => {
  bucket = Math.random().toString(36).slice(2);
  for (const key of [OUTBOX_KEY, REF_KEY, ORDERS_KEY]) localStorage.removeItem(key);
});

afterEach(async () => {
  for (const f of frames.splice(0)) f.remove();
  // Whatever else happened, nothing was ever preflighted.
  expect((await log()).filter((r) => r.method === 'OPTIONS')).to.deep.equal([]);
});

describe('beacon delivery', () => {
  it('delivers a share click with the right fields', async () => {
    const frame = await openPage();
    click(frame);
    // One click, under the batch size: it leaves on the 5 s timer.
    const events = await until(accepted, (e) => shares(e).length > 0, 8000);
    const [req] = (await log()).filter((r) => r.method === 'POST');
    expect(req!.contentType).to.equal('text/plain;charset=UTF-8');
    expect(req!.cookie).to.equal('');
    const body = JSON.parse(req!.body) as Payload;
    expect(body).to.include({ v: 1, site: 'bloom-test', sdk: '0.1.0', r: location.origin });
    expect(body.u).to.equal(`${location.origin}/packages/beacon/test/fixture/page.html`);
    expect(body.pv).to.be.a('string').with.length.above(10);
    const [share] = shares(events);
    expect(share).to.include({ n: 'share', w: 'fan-probe' });
    expect(share!.p).to.deep.equal({ network: 'weibo', url: 'https://shop.example/p/42' });
    expect(share!.id).to.be.a('string').with.length.above(10);
    expect(share!.t).to.be.a('number').above(0);
    // Two startBeacon() calls, one queue: the click is there once.
    expect(shares(events)).to.have.length(1);
    expect(events.filter((e) => e.n === 'view')).to.have.length(1);
    expect(events.find((e) => e.n === 'view')).to.include({ w: 'fan-probe' });
  });

  it('sends at once when ten events are waiting', async () => {
    const frame = await openPage();
    click(frame, 10);
    const events = await until(accepted, (e) => e.length >= 10, 2000);
    expect(events.length).to.be.at.least(10);
  });

  it('delivers a click made just before the page is closed', async () => {
    const frame = await openPage();
    click(frame);
    frame.remove();
    const events = await until(accepted, (e) => shares(e).length > 0, 3000);
    expect(shares(events)).to.have.length(1);
  });

  it('delivers a goal tracked just before the page is closed (a click on a link out)', async () => {
    const frame = await openPage();
    const w = frame.contentWindow as Window & typeof globalThis;
    w.fanfare!.track!('outbound');
    w.fanfare!.track!('  newsletter ');
    frame.remove();
    const events = await until(accepted, (e) => e.filter((x) => x.n === 'goal').length > 1, 3000);
    expect(events.filter((e) => e.n === 'goal').map((e) => e.p)).to.deep.equal([{ name: 'outbound' }, { name: 'newsletter' }]);
  });

  it('keeps what the server could not take, even from a closing page, and delivers it once on the next page view', async () => {
    await control('down');
    const first = await openPage();
    // The page view, the widget's view and eight shares make ten: one request, refused.
    click(first, 8);
    const outbox = async () => localStorage.getItem(OUTBOX_KEY);
    const stored = JSON.parse((await until(outbox, Boolean, 3000)) ?? '{}') as { b?: { p: Payload }[] };
    expect((await log()).filter((r) => r.status === 503)).to.have.length(1);
    const kept = stored.b?.flatMap((b) => b.p.e.map((e) => e.id)) ?? [];
    expect(kept).to.have.length(10);
    // One more, as the page closes: its beacon is refused too, but a copy was kept.
    click(first);
    first.remove();
    const refused = async () => (await log()).flatMap((r) => (JSON.parse(r.body) as Payload).e.map((e) => e.id));
    const late = (await until(refused, (ids) => ids.some((id) => !kept.includes(id)), 3000)).filter((id) => !kept.includes(id));
    expect(late).to.have.length(1);
    kept.push(late[0]!);
    expect(await accepted()).to.deep.equal([]);

    await control('up');
    await openPage();
    const delivered = await until(accepted, (e) => kept.every((id) => e.some((x) => x.id === id)), 5000);
    expect(kept.every((id) => delivered.some((x) => x.id === id))).to.equal(true);
    await sleep(2500);
    const ids = (await accepted()).map((e) => e.id);
    for (const id of kept) expect(ids.filter((x) => x === id)).to.have.length(1);
    expect(localStorage.getItem(OUTBOX_KEY)).to.equal(null);
  });

  it('sends nothing under Global Privacy Control', async () => {
    const frame = await openPage({ gpc: '1' });
    click(frame, 12);
    frame.remove();
    await sleep(1500);
    expect(await log()).to.deep.equal([]);
    expect(localStorage.getItem(OUTBOX_KEY)).to.equal(null);
  });

  it('sends nothing when consent is denied', async () => {
    const frame = await openPage({ consent: 'denied' });
    click(frame, 12);
    frame.remove();
    await sleep(1500);
    expect(await log()).to.deep.equal([]);
  });

  it('holds events while consent is pending, sends them once granted', async () => {
    const frame = await openPage({ consent: 'pending' });
    click(frame, 12);
    await sleep(1000);
    expect(await log()).to.deep.equal([]);
    frame.contentWindow!.fanfare!.configure({ consent: 'granted' });
    const events = await until(accepted, (e) => shares(e).length >= 12, 3000);
    expect(shares(events)).to.have.length(12);
  });

  it('drops held events when pending consent is denied', async () => {
    const frame = await openPage({ consent: 'pending' });
    click(frame, 12);
    frame.contentWindow!.fanfare!.configure({ consent: 'denied' });
    frame.contentWindow!.fanfare!.configure({ consent: 'granted' });
    frame.remove();
    await sleep(1500);
    expect(shares(await accepted())).to.deep.equal([]);
  });

  it('retries on the same page, after the Retry-After delay, once the server is back', async () => {
    await control('down');
    const frame = await openPage();
    // With the page view and the widget's view, ten: one request.
    click(frame, 8);
    await until(log, (l) => l.some((r) => r.status === 503), 3000);
    await control('up');
    const events = await until(accepted, (e) => shares(e).length >= 8, 5000);
    expect(shares(events)).to.have.length(8);
    const posts = (await log()).filter((r) => r.method === 'POST').map((r) => r.status);
    expect(posts).to.deep.equal([503, 204]);
  });

  it('falls back to a keepalive fetch when the browser refuses the beacon', async () => {
    const frame = await openPage({ nobeacon: '1' });
    click(frame);
    frame.remove();
    const events = await until(accepted, (e) => shares(e).length > 0, 3000);
    expect(shares(events)).to.have.length(1);
  });

  it('reports a view once per widget, when half of it is in the viewport, widgets added later too', async () => {
    const addFar = (frame: HTMLIFrameElement) => {
      const doc = frame.contentDocument!;
      const spacer = doc.createElement('div');
      spacer.style.setProperty('height', '2000px');
      const late = doc.createElement('fan-probe');
      doc.body.append(spacer, late);
      return late;
    };
    const views = async () => (await accepted()).filter((e) => e.n === 'view');

    const unseen = await openPage();
    addFar(unseen);
    await sleep(500);
    unseen.remove();
    await sleep(1000);
    expect(await views()).to.have.length(1);

    const seen = await openPage();
    const late = addFar(seen);
    await sleep(300);
    late.scrollIntoView();
    await sleep(300);
    seen.contentWindow!.scrollTo(0, 0);
    await sleep(300);
    late.scrollIntoView();
    await sleep(300);
    seen.remove();
    expect(await until(views, (v) => v.length >= 3, 3000)).to.have.length(3);
  });

  it('reports Core Web Vitals on sampled page views, marking shifts and slow interactions inside a widget', async () => {
    const frame = await openPage({ vitals: '1', shift: '1', slow: '1' });
    await sleep(1000);
    // A real click (trusted input), so the browser times the interaction.
    const button = frame.contentDocument!.querySelector('fan-probe')!.shadowRoot!.querySelector('button')!;
    const f = frame.getBoundingClientRect();
    const b = button.getBoundingClientRect();
    await sendMouse({ type: 'click', position: [Math.round(f.x + b.x + b.width / 2), Math.round(f.y + b.y + b.height / 2)] });
    // web-vitals takes in interactions when the page is idle (at most a second later); one
    // still pending when the page is closed is lost.
    await sleep(2000);
    frame.remove();
    const vitals = await until(
      async () => (await accepted()).filter((e) => e.n === 'vital'),
      (v) => v.length >= 5,
      4000,
    );
    const byName = Object.fromEntries(vitals.map((e) => [e.p!.m, e]));
    expect(Object.keys(byName)).to.include.members(['FCP', 'TTFB', 'LCP', 'CLS', 'INP']);
    for (const e of vitals) {
      expect(e.w).to.equal('page');
      expect(e.p).to.include({ sr: 1 });
      expect(e.p!.r).to.be.oneOf(['good', 'needs-improvement', 'poor']);
    }
    expect(byName.CLS!.p!.v).to.be.above(0);
    expect(byName.CLS!.p).to.include({ fan: 'fan-probe' });
    expect(byName.INP!.p!.v).to.be.at.least(150);
    expect(byName.INP!.p).to.include({ fan: 'fan-probe' });
    // What the fan did, and to what in the widget: the probe's button has no part name.
    expect(byName.INP!.p!.it).to.match(/^(pointerdown|pointerup|click) button$/);
    expect(byName.TTFB!.p).not.to.have.property('fan');
  });

  it('does not load web-vitals on page views that are not sampled', async () => {
    const loaded = (frame: HTMLIFrameElement) =>
      frame.contentWindow!.performance.getEntriesByType('resource').some((r) => r.name.includes('web-vitals'));
    const out = await openPage({ vitals: '0' });
    const sampled = await openPage({ vitals: '1' });
    await sleep(500);
    expect(loaded(sampled)).to.equal(true);
    expect(loaded(out)).to.equal(false);
  });
});

describe('beacon: page views and attribution', () => {
  /** Accepted requests' bodies, in arrival order. */
  const bodies = async () => (await log()).filter((r) => r.method === 'POST' && r.status === 204).map((r) => JSON.parse(r.body) as Payload);
  const named = (events: WireEvent[], n: string) => events.filter((e) => e.n === n);
  /** The token kept for credit, once the page has kept one. */
  const stored = async () => JSON.parse((await until(async () => localStorage.getItem(REF_KEY), Boolean, 3000)) ?? 'null') as { r: string; at: number } | null;
  const landing = { fanref: 'landTok_123', utm_source: 'newsletter', utm_medium: 'email', utm_campaign: 'spring', color: 'red' };

  it('sends one page view with the token it arrived with and the landing UTM, and takes the token out of the address', async () => {
    const frame = await openPage(landing);
    const here = frame.contentWindow!.location;
    expect(here.search).to.not.contain('fanref');
    // The rest of the address as it was: the page's own parameters, UTM and the hash.
    expect(new URLSearchParams(here.search).get('color')).to.equal('red');
    expect(new URLSearchParams(here.search).get('utm_campaign')).to.equal('spring');
    expect(here.hash).to.equal('#section');
    // Kept for credit (consent granted, no GPC), first touch.
    const kept = await until(async () => localStorage.getItem(REF_KEY), Boolean, 3000);
    expect(JSON.parse(kept!)).to.include({ r: 'landTok_123' });
    frame.remove();
    const events = await until(accepted, (e) => named(e, 'pageview').length > 0, 3000);
    const [view] = named(events, 'pageview');
    expect(view).to.include({ w: 'page' });
    expect(view!.p).to.deep.equal({ ref: 'landTok_123', utm: { source: 'newsletter', medium: 'email', campaign: 'spring' } });
    const [body] = await bodies();
    expect(body!.u).to.equal(`${location.origin}/packages/beacon/test/fixture/page.html`);
    await sleep(300);
    expect(named(await accepted(), 'pageview')).to.have.length(1);
  });

  it('ignores a malformed token: removed from the address, no credit, a page view without ref', async () => {
    const frame = await openPage({ fanref: 'bad<token>' });
    expect(frame.contentWindow!.location.search).to.not.contain('fanref');
    frame.remove();
    const [view] = named(await until(accepted, (e) => named(e, 'pageview').length > 0, 3000), 'pageview');
    expect(view!.p).to.deep.equal({});
    expect(localStorage.getItem(REF_KEY)).to.equal(null);
  });

  it('keeps the first token and the newest whatever the page\'s model; an order names both, and ref by the page\'s model', async () => {
    const first = await openPage({ fanref: 'firstTok1' });
    expect(await stored()).to.include({ r: 'firstTok1' });
    first.remove();
    const second = await openPage({ fanref: 'secondTok2' });
    await until(async () => localStorage.getItem(REF_KEY), (v) => !!v?.includes('secondTok2'), 3000);
    expect(JSON.parse(localStorage.getItem(REF_KEY)!)).to.include({ r: 'firstTok1', l: 'secondTok2' });
    second.remove();
    const third = await openPage({ fanref: 'thirdTok3', attribution: 'last' });
    const kept = await until(async () => localStorage.getItem(REF_KEY), (v) => !!v?.includes('thirdTok3'), 3000);
    expect(JSON.parse(kept!)).to.include({ r: 'firstTok1', l: 'thirdTok3' });
    third.remove();
    // The server's setting picks between first and last; `ref` is for a server older than that.
    const thanks = await openPage({ order: 'B-7', attribution: 'last' }, 'thanks.html');
    await until(async () => localStorage.getItem(ORDERS_KEY), Boolean, 5000);
    thanks.remove();
    const [order] = named(await until(accepted, (e) => named(e, 'conversion').length > 0, 4000), 'conversion');
    expect(order!.p).to.include({ order: 'B-7', ref: 'thirdTok3', first: 'firstTok1', last: 'thirdTok3' });
  });

  it('sends a page view per route change of a single-page app, not per change of the query or hash', async () => {
    const frame = await openPage({ fanref: 'routeTok1' });
    const { history: h } = frame.contentWindow!;
    // A few milliseconds apart, as a person moves between routes, so their times differ.
    h.pushState(null, '', '/packages/beacon/test/fixture/cart?step=1');
    await sleep(20);
    h.replaceState(null, '', '/packages/beacon/test/fixture/cart?step=2#pay');
    await sleep(20);
    h.pushState(null, '', '/packages/beacon/test/fixture/checkout');
    await sleep(20);
    h.back();
    await until(async () => frame.contentWindow!.location.pathname, (p) => p.endsWith('/cart'), 2000);
    frame.remove();
    // Each route's page view may leave in a request of its own, and requests can arrive in
    // any order: the order that counts is when each happened.
    const pv = async () =>
      (await bodies()).flatMap((b) => b.e.filter((e) => e.n === 'pageview').map((e) => ({ u: b.u, pv: b.pv, p: e.p, t: e.t }))).sort((a, b) => a.t - b.t);
    const views = await until(pv, (v) => v.length >= 4, 4000);
    const base = `${location.origin}/packages/beacon/test/fixture/`;
    expect(views.map((v) => v.u)).to.deep.equal([`${base}page.html`, `${base}cart`, `${base}checkout`, `${base}cart`]);
    // Each a page view of its own; only the landing one names the token it arrived with.
    expect(new Set(views.map((v) => v.pv)).size).to.equal(4);
    expect(views.map((v) => v.p)).to.deep.equal([{ ref: 'routeTok1' }, {}, {}, {}]);
  });

  it('reports an order once, queued before the beacon loaded, credited to the share the buyer came through; a reload does not count it again', async () => {
    const product = await openPage({ fanref: 'buyerTok1' });
    expect(await stored()).to.include({ r: 'buyerTok1' });
    product.remove();
    // fanfare.track() before the beacon loaded, and a <fan-conversion> for the same order.
    const thanks = await openPage({ order: 'A-1001', tag: '1', goal: 'newsletter' }, 'thanks.html');
    await until(async () => localStorage.getItem(ORDERS_KEY), Boolean, 5000);
    thanks.remove();
    const events = await until(accepted, (e) => named(e, 'conversion').length > 0 && named(e, 'goal').length > 0, 4000);
    expect(named(events, 'conversion').map((e) => e.p)).to.deep.equal([{ order: 'A-1001', value: '49.00', currency: 'CNY', ref: 'buyerTok1' }]);
    expect(named(events, 'conversion')[0]).to.include({ w: 'page' });
    expect(named(events, 'goal').map((e) => e.p)).to.deep.equal([{ name: 'newsletter' }]);
    // The buyer reloads the thank-you page.
    const reload = await openPage({ order: 'A-1001', tag: '1' }, 'thanks.html');
    await until(async () => named(await accepted(), 'pageview').length >= 3, (ok) => ok, 3000);
    reload.remove();
    await until(accepted, (e) => named(e, 'pageview').length >= 3, 3000);
    await sleep(500);
    expect(named(await accepted(), 'conversion')).to.have.length(1);
  });

  it('refuses an order it cannot read, with a warning, and sends the rest', async () => {
    const warnings: string[] = [];
    const frame = await openPage({}, 'thanks.html');
    const w = frame.contentWindow as Window & typeof globalThis;
    w.console.warn = (...a: unknown[]) => void warnings.push(a.join(' '));
    w.fanfare!.track!('conversion', { order: 'A-1', value: '-5', currency: 'CNY' });
    w.fanfare!.track!('conversion', { order: 'A-2', value: '5', currency: 'RMB' });
    w.fanfare!.track!('conversion', { order: 'x'.repeat(129), value: '5', currency: 'CNY' });
    w.fanfare!.track!('conversion', { order: 'A-3', value: 12.5, currency: 'usd' });
    await until(async () => warnings.length, (n) => n >= 3, 3000);
    frame.remove();
    const events = await until(accepted, (e) => named(e, 'conversion').length > 0, 3000);
    expect(named(events, 'conversion').map((e) => e.p)).to.deep.equal([{ order: 'A-3', value: '12.5', currency: 'USD' }]);
    expect(warnings.join('\n')).to.contain('value').and.contain('currency').and.contain('order');
  });

  for (const [name, params] of [
    ['Global Privacy Control', { gpc: '1' }],
    ['a denied consent', { consent: 'denied' }],
  ] as const) {
    it(`with ${name}: no page view, no order, nothing kept on the device, and the link still lands`, async () => {
      const shared = await openPage({ ...params, fanref: 'privTok12' });
      expect(shared.contentWindow!.location.search).to.not.contain('fanref');
      shared.remove();
      const thanks = await openPage({ ...params, order: 'A-7', tag: '1', goal: 'newsletter' }, 'thanks.html');
      await sleep(1500);
      thanks.remove();
      await sleep(500);
      expect(await log()).to.deep.equal([]);
      for (const key of [REF_KEY, ORDERS_KEY, OUTBOX_KEY]) expect(localStorage.getItem(key), key).to.equal(null);
    });
  }
});

describe('beacon: what loads on first use only', () => {
  /** The beacon's own modules the page has requested, by name (`attribution`, `logic/orders`…). */
  const loaded = (frame: HTMLIFrameElement) =>
    frame
      .contentWindow!.performance.getEntriesByType('resource')
      .map((r) => /\/packages\/beacon\/src\/(.+)\.ts/.exec(r.name)?.[1])
      .filter(Boolean);
  const lazy = ['retry', 'attribution', 'orders', 'logic/orders', 'logic/attribution', 'logic/outbox', 'vitals'];

  it('a plain page view loads none of the lazy parts, its page view and a share sent all the same', async () => {
    const frame = await openPage();
    click(frame);
    frame.contentWindow!.dispatchEvent(new Event('pagehide'));
    await until(accepted, (e) => shares(e).length > 0, 3000);
    expect(lazy.filter((m) => loaded(frame).includes(m))).to.deep.equal([]);
    expect((await accepted()).filter((e) => e.n === 'pageview')).to.have.length(1);
  });

  it('a goal loads none of the orders’ code; a name that is no goal does, to say why it was ignored', async () => {
    const frame = await openPage();
    const w = frame.contentWindow as Window & typeof globalThis;
    const warnings: string[] = [];
    w.console.warn = (...a: unknown[]) => void warnings.push(a.join(' '));
    w.fanfare!.track!('newsletter');
    await sleep(300);
    expect(lazy.filter((m) => loaded(frame).includes(m))).to.deep.equal([]);
    w.fanfare!.track!('x'.repeat(101));
    await until(async () => warnings.length, (n) => n > 0, 3000);
    expect(warnings.join('\n')).to.contain('a goal is named by 1 to 100 characters');
    expect(loaded(frame)).to.include('orders');
  });

  it('a page opened from a shared link loads the kept token’s code, not the rules of orders', async () => {
    const frame = await openPage({ fanref: 'lazyTok12' });
    await until(async () => localStorage.getItem(REF_KEY), Boolean, 3000);
    expect(loaded(frame)).to.include.members(['attribution', 'logic/attribution']);
    expect(loaded(frame)).to.not.include.members(['orders']);
    expect(loaded(frame)).to.not.include('logic/orders');
  });

  it('a thank-you page loads the orders’ rules and the token’s code, and credits the order', async () => {
    const shared = await openPage({ fanref: 'lazyTok34' });
    await until(async () => localStorage.getItem(REF_KEY), Boolean, 3000);
    shared.remove();
    const thanks = await openPage({ order: 'L-1' }, 'thanks.html');
    await until(async () => localStorage.getItem(ORDERS_KEY), Boolean, 5000);
    expect(loaded(thanks)).to.include.members(['orders', 'logic/orders', 'attribution']);
    thanks.remove();
    const events = await until(accepted, (e) => e.some((x) => x.n === 'conversion'), 4000);
    expect(events.find((e) => e.n === 'conversion')!.p).to.include({ order: 'L-1', ref: 'lazyTok34' });
  });
});
