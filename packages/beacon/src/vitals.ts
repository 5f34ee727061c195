// Loaded only on page views sampled in for Core Web Vitals, together with web-vitals itself.
//
// Marking a metric as caused inside a widget is harder than reading web-vitals'
// attribution: browsers do not expose nodes inside shadow roots in performance entries
// (LayoutShift sources, LCP elements and event targets come back null). So the widget is
// found another way for each metric: for interactions, by the input event's composed path;
// for layout shifts, by where the shifted box is; for the largest paint, by its image URL.
import { onCLS, onFCP, onINP, onLCP, onTTFB, type MetricType } from 'web-vitals';
import { vitalEvent } from './logic/vital.js';
import type { WireEvent } from './logic/wire.js';

const isFan = (n: unknown): n is Element => !!(n as Element | null)?.localName?.startsWith('fan-');

/** The innermost fan-* element that holds `node`, across shadow roots. */
function fanOf(node: Node | null | undefined): string | undefined {
  for (let n = node; n; n = n.parentNode ?? (n as ShadowRoot).host) if (isFan(n)) return n.localName;
  return undefined;
}

const hosts = () => [...document.querySelectorAll('*')].filter(isFan);

const contains = (outer: DOMRectReadOnly, inner: DOMRectReadOnly) => {
  const x = inner.x + inner.width / 2;
  const y = inner.y + inner.height / 2;
  return x >= outer.left && x <= outer.right && y >= outer.top && y <= outer.bottom;
};

/** What inside a widget took an input: its first part name, else its tag ("board", "button"). */
const partOf = (n: EventTarget | null | undefined) => {
  const el = n as Element | null | undefined;
  return el?.getAttribute?.('part')?.split(' ')[0] || el?.localName || '';
};

/** Input events' timestamps (the same clock as event timing's startTime) → the widget, and what in it. */
const inputs = new Map<number, [string, string]>();
/** Layout shifts' startTime → the widget whose box moved. */
const shifts = new Map<number, string>();

function watchInputs() {
  for (const type of ['pointerdown', 'pointerup', 'click', 'keydown', 'keyup']) {
    addEventListener(
      type,
      (ev) => {
        const path = ev.composedPath();
        const tag = path.find(isFan)?.localName;
        if (!tag) return;
        inputs.set(ev.timeStamp, [tag, partOf(path[0])]);
        // Only recent inputs can be the slowest interaction yet to be reported.
        if (inputs.size > 100) inputs.delete(inputs.keys().next().value!);
      },
      { capture: true, passive: true },
    );
  }
}

function watchShifts() {
  // Our own observer, because rects must be compared while the page is where it was.
  new PerformanceObserver((list) => {
    let fans: Element[] | undefined;
    for (const e of list.getEntries() as LayoutShift[]) {
      for (const s of e.sources) {
        // A hidden node's new box comes back empty; its old one does not.
        const rect = s.currentRect.width ? s.currentRect : s.previousRect;
        const tag = s.node ? fanOf(s.node) : (fans ??= hosts()).find((h) => contains(h.getBoundingClientRect(), rect))?.localName;
        if (tag) {
          shifts.set(e.startTime, tag);
          break;
        }
      }
    }
  }).observe({ type: 'layout-shift', buffered: true });
}

function imageIn(url: string): string | undefined {
  for (const h of hosts()) {
    for (const img of h.shadowRoot?.querySelectorAll('img') ?? []) if (img.currentSrc === url || img.src === url) return h.localName;
  }
  return undefined;
}

/**
 * Which widget, if any, the element behind the metric belongs to; for INP also the
 * interaction, as the event and what in the widget took it ("keydown board").
 */
function culprit(m: MetricType): [string | undefined, string?] {
  if (m.name === 'CLS') return [m.entries.map((e) => shifts.get(e.startTime)).find(Boolean)];
  if (m.name === 'INP') {
    for (const e of m.entries) {
      // The input seen on its way in knows the element inside the shadow root; the entry's
      // own target is at most the widget's host.
      const tag = fanOf(e.target);
      const hit = inputs.get(e.startTime) ?? (tag && [tag, isFan(e.target) ? '' : partOf(e.target)]);
      if (hit) return [hit[0], `${e.name} ${hit[1]}`.trim()];
    }
    return [undefined];
  }
  const lcp = m.name === 'LCP' ? m.entries.at(-1) : undefined;
  return [lcp && (fanOf(lcp.element) ?? (lcp.url ? imageIn(lcp.url) : undefined))];
}

/** Report LCP, CLS, INP, FCP and TTFB as `vital` events, with the sample rate `sr`. */
export function watchVitals(sr: number, push: (e: WireEvent) => void, newId: () => string): void {
  watchInputs();
  watchShifts();
  const report = (m: MetricType) => {
    try {
      const [fan, it] = culprit(m);
      push(vitalEvent(m, sr, fan, performance.now(), newId(), it));
    } catch {
      // A metric we cannot read is not worth breaking the page for.
    }
  };
  for (const on of [onCLS, onFCP, onINP, onLCP, onTTFB]) on(report);
}
