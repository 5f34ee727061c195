// fanfare.js: the one script tag. It queues its data-* settings on window.fanfare, then
// imports a widget's chunk only when that widget's tag is on the page (now or later, as
// a single-page app adds it). Chunks resolve relative to this file, so the folder can
// be hosted anywhere. Everything else (validation, Lit, the beacon) loads on demand.
// Widgets' sizes are reserved by fanfare.css, linked beside this script (placeholders.ts):
// a stylesheet applies before the first paint, which a module script cannot.
import type { FanfareStub } from '@fanfare/core/config';
import { arrival } from '@fanfare/core/landing';

// A page opened from a shared link: its token leaves the address before anything else
// runs, so no other script on the page sees it (the build pastes this code in: no request).
arrival();

const widgets: Record<string, () => Promise<unknown>> = {
  'fan-share': () => import('@fanfare/share'),
  'fan-2048': () => import('@fanfare/game-2048'),
  'fan-card-maker': () => import('@fanfare/card-maker'),
  'fan-buyer-show': () => import('@fanfare/buyer-show'),
  'fan-invite': () => import('@fanfare/invite'),
  'fan-review-form': () => import('@fanfare/review-form'),
  // Renders nothing: reports an order on a thank-you page, as fanfare.track('conversion') does.
  'fan-conversion': () => import('@fanfare/beacon/conversion'),
};

const pending = new Set(Object.keys(widgets));

// For each widget (and the beacon), the shared chunks its chunk imports, by their hashes:
// requested with the widget's chunk instead of once it has arrived and been read, a round
// trip less. scripts/ship-loader.mjs fills this in from the build's own chunk graph. A key
// that is a selector starting with a widget's tag (`fan-card-maker:not([templates])`) names
// what that widget loads as it starts only when its element matches (chunk-map's WHEN).
declare const __FANFARE_PRELOAD__: Record<string, string>;
const table = __FANFARE_PRELOAD__;
const preload = (key: string): void => table[key]?.split(' ').forEach((hash) => early(`./chunks/chunk-${hash}.js`));

// A module beside this file (a relative specifier resolves against this module's own URL,
// wherever the folder is hosted), requested now. Importing it is what requests it at once and
// costs the loader fewest bytes (a modulepreload link costs 50 B more); a shared chunk run
// early only defines what its widget will use, as it imports what it needs itself.
// Each request is a task of its own: starting one costs Chromium 0.2-1 ms of main thread
// (4 ms at the bench's 4x slowdown), and 2048's 15 in one task made the loader's a long
// task (90 ms, against 34 ms so). A failure is the widget's to report, when its own import fails.
function early(path: string): void {
  setTimeout(() => import(path).catch(() => {}));
}

// The share buttons' networks, each a chunk of its own (share-<name>.js beside this file),
// requested now with the widget's chunk rather than once that has run: a round trip less.
// Copy and the system share sheet have none; a name that is no network fails quietly here
// and is warned about by the widget.
function networks(): void {
  for (const el of document.querySelectorAll('fan-share')) {
    for (const n of el.getAttribute('networks')?.toLowerCase().split(/[\s,]+/) ?? []) {
      if (/^(?!copy$|native$)[a-z]+$/.test(n)) early(`./share-${n}.js`);
    }
  }
}

function scan(): void {
  for (const tag of pending) {
    if (customElements.get(tag)) pending.delete(tag);
    else if (document.querySelector(tag)) {
      pending.delete(tag);
      for (const key in table) if (key.startsWith(tag) && document.querySelector(key)) preload(key);
      // A task of its own too: a widget's import() costs 1-6 ms of main thread at 4x CPU
      // slowdown, and this runs in the task that ends the page's parsing, with the page's
      // first style and layout. Its chunk waits for the shared ones, requested the same way.
      setTimeout(() =>
        widgets[tag]().catch((err) => {
          pending.add(tag);
          console.error(`Fanfare could not load <${tag}>:`, err);
        }),
      );
      // After the widget's own chunk, which the rest waits for.
      if (tag === 'fan-share') networks();
    }
  }
}

const observer = new MutationObserver(scan);

// The beacon loads only once an endpoint is set, on the script tag or later by configure().
let beacon = false;
function startBeacon(settings: { endpoint?: unknown }): void {
  if (beacon || !settings.endpoint) return;
  beacon = true;
  preload('beacon');
  import('@fanfare/beacon').then((m) => m.startBeacon(), (err) => console.error('Fanfare could not load its beacon:', err));
}

// A stub that queues settings until core (in the first chunk) validates and applies them,
// and track() calls (in `t`) until the beacon sends them.
if (!window.fanfare) {
  const stub: FanfareStub = {
    q: [],
    t: [],
    configure(settings) {
      if (window.fanfare === stub) stub.q.push(settings);
      else window.fanfare?.configure(settings);
      startBeacon(settings);
    },
    track(...call) {
      const f = window.fanfare!;
      // Called through a reference kept from before the beacon ran: hand it on.
      if (f.track !== stub.track) f.track!(...call);
      else stub.t!.push(call);
    },
    adopt(real) {
      real.subscribe(startBeacon);
      real.t = stub.t;
      real.track = stub.track;
    },
  };
  window.fanfare = stub;
}

const own = [...document.querySelectorAll<HTMLScriptElement>('script[src]')].find((s) => s.src === import.meta.url);
if (own) {
  const settings: Record<string, string | undefined> = {};
  let any;
  for (const k of 'endpoint site consent lang vitalsSample attributionDays attribution'.split(' ')) if (k in own.dataset) any = settings[k] = own.dataset[k];
  if (any != null) window.fanfare.configure(settings);
}
// The share card, only inside WeChat (core's isWeChat, written out: an import would cost the
// loader a chunk) and only where the tag asks for it: elsewhere nothing is loaded or requested.
// The chunk reads its settings from this same tag.
if (/MicroMessenger/.test(navigator.userAgent) && own?.dataset.wechat != null) {
  preload('wechat');
  void import('./wechat.js');
}
// Another copy of Fanfare (a bundled widget) may have made the real object already.
const current = window.fanfare;
if ('subscribe' in current) {
  current.subscribe(startBeacon);
  startBeacon(current.config);
}
// A second copy of this script (a plugin and a theme both embedding it) only adds its
// settings: loading the widgets twice would start a second Lit, which a Trusted Types
// policy refuses, and a second beacon.
const LOADER = Symbol.for('fanfare.loader');
const g = globalThis as { [LOADER]?: true };
if (!g[LOADER]) {
  g[LOADER] = true;
  // For as long as the page lives: a single-page app may add a widget at any time, and a scan
  // with nothing left to look for is a loop over an empty set.
  observer.observe(document.documentElement, { childList: true, subtree: true });
  scan();
}
