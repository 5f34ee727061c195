import type { guard as Guard } from './guard.js';

/**
 * Call `onView` once per fan-* element, the first time at least half of it is in the
 * viewport, including elements added to the page later. The beacon loads this as it starts,
 * as a chunk of its own (fanfare-beacon.js, for pages with no widget, has none), and hands it
 * its `guard`: imported here, that would be a third file, shared by the two.
 */
export function watchViews(onView: (el: Element) => void, guard: typeof Guard): void {
  const seen = new WeakSet<Element>();
  const io = new IntersectionObserver(
    guard((entries: IntersectionObserverEntry[]) => {
      for (const e of entries) {
        if (e.intersectionRatio >= 0.5) {
          io.unobserve(e.target);
          onView(e.target);
        }
      }
    }),
    { threshold: 0.5 },
  );
  const scan = (root: Element) => {
    for (const el of [root, ...root.getElementsByTagName('*')]) {
      if (el.localName.startsWith('fan-') && !seen.has(el)) {
        seen.add(el);
        io.observe(el);
      }
    }
  };
  new MutationObserver(
    guard((records: MutationRecord[]) => {
      for (const r of records) for (const n of r.addedNodes) if (n.nodeType === 1) scan(n as Element);
    }),
  ).observe(document, { childList: true, subtree: true });
  scan(document.documentElement);
}
