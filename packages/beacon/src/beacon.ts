// Subpaths, not the package's index: a page with only the beacon must not load Lit.
import { fanfare } from '@fanfare/core/config';
import { FAN_EVENTS } from '@fanfare/core/events';
import { uid } from '@fanfare/core/ids';
import { eventId } from './logic/ids.js';
import { chunk } from './logic/chunk.js';
import { decide, sampledIn } from './logic/consent.js';
import { isReported, referrerOrigin, stripUrl, toWireEvent, type WireEvent } from './logic/wire.js';
import { createDelivery } from './delivery.js';
import { guard } from './guard.js';
import { watchViews } from './views.js';

export const SDK_VERSION = '0.1.0';
const FLUSH_AT = 10;
const FLUSH_AFTER = 5_000;
/** Events held while consent is pending, at most (as many as the outbox keeps). */
const MAX_HELD = 200;

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

/** Time-ordered event ids (see logic/ids.ts). */
const newId = () => eventId(Date.now(), uid(12));

function run() {
  const global = fanfare();
  const now = () => performance.now();
  const decision = () => decide(global.config, (navigator as { globalPrivacyControl?: unknown }).globalPrivacyControl);
  const delivery = createDelivery(
    () => global.config.endpoint,
    () => decision() === 'send',
  );
  const page = { sdk: SDK_VERSION, pv: uid(), u: stripUrl(location.href), r: referrerOrigin(document.referrer) };
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
      delivery.forget();
    }
    if (d !== 'send' || !queue.length) return;
    for (const p of chunk({ ...page, site: global.config.site }, queue)) (leaving ? delivery.sendOnExit : delivery.send)(p);
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

  // Captured at the document: a page that stops propagation must not hide events from us.
  for (const type of FAN_EVENTS.filter(isReported)) {
    document.addEventListener(
      type,
      guard((ev: CustomEvent) => push(toWireEvent(type, ev.detail, (ev.target as Element).localName, now(), newId()))),
      true,
    );
  }
  // On window and bubbling, so this runs after web-vitals' capturing listeners have queued
  // the final values, and they leave in the same beacon.
  addEventListener('visibilitychange', () => (document.hidden ? leave() : (leaving = false)));
  addEventListener('pagehide', leave);
  addEventListener('online', delivery.drain);
  global.subscribe(() => {
    flush();
    delivery.drain();
  });

  watchViews((el) => push({ id: newId(), n: 'view', w: el.localName, t: Math.round(now()) }));
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
}
