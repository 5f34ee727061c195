// Subpaths, not the package's index: a page with only the beacon must not load Lit.
import { fanfare } from '@fanfare/core/config';
import { FAN_EVENTS } from '@fanfare/core/events';
import { uid } from '@fanfare/core/ids';
import { arrival } from '@fanfare/core/share-link';
import { setItem } from '@fanfare/core/storage';
import { eventId } from './logic/ids.js';
import { goalName } from './logic/goal.js';
import { chunk } from './logic/chunk.js';
import { decide, sampledIn } from './logic/consent.js';
import { isReported, referrerOrigin, stripUrl, toWireEvent, utmOf, type WireEvent } from './logic/wire.js';
import { createDelivery, OUTBOX_KEY } from './delivery.js';
import { guard } from './guard.js';

export const SDK_VERSION = '0.1.0';
const FLUSH_AT = 10;
const FLUSH_AFTER = 5_000;
/** Events held while consent is pending, at most (as many as the outbox keeps). */
const MAX_HELD = 200;

/** The share token kept for credit (see logic/attribution.ts), only while consent is granted and GPC is off. */
export const REF_KEY = 'fanfare.ref';
/** Order ids this device reported, per site, for the attribution window: a reload of the thank-you page is not a second order. */
export const ORDERS_KEY = 'fanfare.orders';

/**
 * True only in the build of fanfare-beacon.js, the beacon of a page with no widget, which
 * leaves out what listens to widgets (their fan-* events and views). Every other build
 * either defines it false (the embed build: nothing of this check is left) or not at all.
 */
declare const __FANFARE_BEACON_ALONE__: boolean | undefined;

/** Symbol.for, so two copies of the SDK on one page find each other and keep one queue. */
const STARTED = Symbol.for('fanfare.beacon');

/**
 * Start reporting fan-* events, widget views and (on sampled page views) Core Web Vitals to
 * the configured endpoint. The loader calls it when an endpoint is set; calling it again, or
 * from a second copy of the SDK, does nothing.
 */
export function startBeacon(): void {
  const g = globalThis as { [STARTED]?: true };
  if (!g[STARTED]) {
    g[STARTED] = true;
    guard(run)();
  }
}

/** What `load` gives, loaded on the first call; again after a failed load (offline, say). */
function lazy<T>(load: () => Promise<T>): () => Promise<T> {
  let p: Promise<T> | undefined;
  return () =>
    (p ??= load().catch((e: unknown) => {
      p = undefined;
      throw e;
    }));
}

/** Time-ordered event ids (see logic/ids.ts). */
const newId = () => eventId(Date.now(), uid(12));

function run() {
  // First of all: the token this page view arrived with, taken out of the address (the
  // loader may have done it already).
  const arrived = arrival();
  const global = fanfare();
  const now = () => Math.round(performance.now());
  const decision = () => decide(global.config, (navigator as { globalPrivacyControl?: unknown }).globalPrivacyControl);
  const delivery = createDelivery(
    () => global.config.endpoint,
    () => decision() === 'send',
  );
  const page = { sdk: SDK_VERSION, pv: uid(), u: stripUrl(location.href), r: referrerOrigin(document.referrer) };
  /** Consent granted and no GPC: the only time anything for attribution is kept on the device. */
  const mayKeep = () => decision() !== 'drop' && global.config.consent === 'granted';
  let queue: WireEvent[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** The page was hidden and its queue sent: anything later must go at once, by beacon. */
  let leaving = false;

  const flush = guard(() => {
    clearTimeout(timer);
    timer = undefined;
    const d = decision();
    if (d === 'drop') {
      queue = [];
      // Nothing kept for later: the outbox, and for attribution the token and the sent orders.
      for (const key of [OUTBOX_KEY, REF_KEY, ORDERS_KEY]) setItem(key, '');
    }
    if (d !== 'send' || !queue.length) return;
    for (const p of chunk({ ...page, site: global.config.site }, queue)) delivery.send(p, leaving);
    queue = [];
  });

  const push = (e: WireEvent) => {
    if (decision() === 'drop') return;
    // Held events (consent pending) must not grow without bound either.
    if (queue.push(e) > MAX_HELD) queue.shift();
    if (leaving || queue.length >= FLUSH_AT) flush();
    else timer ??= setTimeout(flush, FLUSH_AFTER);
  };

  const leave = guard(() => {
    leaving = true;
    flush();
    delivery.keepUnfinished();
  });

  if (typeof __FANFARE_BEACON_ALONE__ == 'undefined' || !__FANFARE_BEACON_ALONE__) {
    // Captured at the document: a page that stops propagation must not hide events from us.
    for (const type of FAN_EVENTS.filter(isReported)) {
      document.addEventListener(
        type,
        guard((ev: CustomEvent) => push(toWireEvent(type, ev.detail, (ev.target as Element).localName, now(), newId()))),
        true,
      );
    }
    // Each widget's first view: a chunk of its own, which the loader requests with the beacon's.
    import('./views.js').then(
      (v) => v.watchViews((el) => push({ id: newId(), n: 'view', w: el.localName, t: now() }), guard),
      () => {},
    );
  }
  // On window and bubbling, so this runs after web-vitals' capturing listeners have queued
  // the final values, and they leave in the same beacon.
  addEventListener('visibilitychange', () => (document.hidden ? leave() : (leaving = false)));
  addEventListener('pagehide', leave);
  addEventListener('online', delivery.drain);

  const pageEvent = (n: string, p: Record<string, WireEvent['p'] | string | undefined>): WireEvent => ({ id: newId(), n, w: 'page', t: now(), p: p as WireEvent['p'] });
  // The token kept for credit (a page opened from a shared link), and track()'s orders and
  // goals (the first track() call, with the token's chunk, which credits an order): each
  // loaded only when needed, and again after a failed load (offline, say).
  const context = { keys: [REF_KEY, ORDERS_KEY] as [string, string], arrived, mayKeep, push, pageEvent, held: () => queue };
  const attribution = lazy(() => import('./attribution.js').then((m) => m.attribution(context)));
  // The token's chunk is requested at once, beside the orders' (which waits for it, and asks
  // again if this first request failed).
  const orders = lazy(() => (attribution().catch(() => {}), import('./orders.js')).then((m) => m.orders(context, attribution)));
  /** A page opened from a shared link keeps its token for credit, once consent allows it. */
  const keep = () => arrived && mayKeep() && void attribution().then((a) => a.keep(), () => {});
  keep();
  // After every configure(): consent may have changed, or the endpoint arrived.
  global.subscribe(() => {
    keep();
    flush();
    delivery.drain();
  });
  // A single-page app's route change is a page view of its own, under a new id; a change of
  // the query or hash alone is not (the server never sees them).
  const route = guard(() => {
    const u = stripUrl(location.href);
    if (u === page.u) return;
    flush();
    page.u = u;
    page.pv = uid();
    push(pageEvent('pageview', {}));
  });
  for (const k of ['pushState', 'replaceState'] as const) {
    const original = history[k];
    history[k] = function (this: History, ...args: Parameters<History['pushState']>) {
      original.apply(this, args);
      route();
    };
  }
  addEventListener('popstate', route);

  // window.fanfare.track(). A goal goes into the queue at once: a click that leaves the page
  // (a link out, a form sent) must not lose it while track()'s code is on its way. An order
  // (and a name that is no goal, to be warned about) waits for that code, in order.
  const waiting = (global.t ??= []);
  global.track = (name, p) => {
    const goal = name != 'conversion' && goalName(name);
    if (goal) return push(pageEvent('goal', { name: goal }));
    waiting.push([name, p]);
    orders().then(
      (o) => {
        for (const [n, q] of waiting.splice(0)) guard(o.track)(n, q);
      },
      () => {},
    );
  };
  // What the loader's stub (or <fan-conversion>) queued before the beacon ran, in order.
  for (const [n, q] of waiting.splice(0)) global.track(n, q);

  const sr = global.config.vitalsSample;
  if (decision() !== 'drop' && sampledIn(sr, Math.random())) {
    // Most page views are not sampled, so the vitals code and web-vitals load only now.
    import('./vitals.js').then(
      guard((v: typeof import('./vitals.js')) => v.watchVitals(sr, push, newId)),
      () => {
        // Blocked by the page's CSP, or offline: vitals are a bonus, not worth a warning.
      },
    );
  }
  flush();
  delivery.drain();
  // This page view, after what was held: it leaves with the next batch (or as the page goes),
  // not in a request of its own. undefined values leave nothing in the JSON.
  push(pageEvent('pageview', { ref: arrived, utm: utmOf(location.href) }));
}
