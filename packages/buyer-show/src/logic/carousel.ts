// Carousel index math. The element measures (track width, slide pitch, scroll offset)
// and asks here which slide that is, where a key leads, and which slides to keep in
// the DOM. Index = the first slide fully in view.

/** How many slides fit side by side; at least one. */
export function perView(trackWidth: number, pitch: number, gap: number): number {
  if (!(pitch > 0)) return 1;
  return Math.max(1, Math.floor((trackWidth + gap + 1) / pitch));
}

/** The last index the track can scroll to: there the final slide is in view. */
export function lastIndex(count: number, inView: number): number {
  return Math.max(0, count - Math.max(1, inView));
}

export function clampIndex(index: number, count: number, inView: number): number {
  return Math.min(Math.max(0, Math.round(index)), lastIndex(count, inView));
}

/** The slide at a scroll offset. RTL scroll offsets are negative in browsers, hence abs. */
export function indexAt(scroll: number, pitch: number, count: number, inView: number): number {
  return pitch > 0 ? clampIndex(Math.abs(scroll) / pitch, count, inView) : 0;
}

/** The scroll offset that shows `index` first; negative for right-to-left tracks. */
export function offsetOf(index: number, pitch: number, rtl: boolean): number {
  return (rtl ? -1 : 1) * index * pitch;
}

/**
 * One step forward or back. `rewind` (autoplay) goes from the end back to the start
 * rather than cloning slides, so a screen reader never meets a slide twice.
 */
export function step(index: number, delta: 1 | -1, count: number, inView: number, rewind = false): number {
  const last = lastIndex(count, inView);
  if (rewind && delta > 0 && index >= last) return 0;
  return clampIndex(index + delta, count, inView);
}

/**
 * Where a key moves the carousel, or undefined for keys it ignores. Arrow keys follow
 * the reading direction: in a right-to-left page, ArrowLeft is "next".
 */
export function keyTarget(key: string, index: number, count: number, inView: number, rtl = false): number | undefined {
  const forward = rtl ? 'ArrowLeft' : 'ArrowRight';
  const back = rtl ? 'ArrowRight' : 'ArrowLeft';
  switch (key) {
    case forward:
      return step(index, 1, count, inView);
    case back:
      return step(index, -1, count, inView);
    case 'Home':
      return 0;
    case 'End':
      return lastIndex(count, inView);
    default:
      return undefined;
  }
}

/**
 * The slides to keep in the DOM, [start, end): those in view and `overscan` either side,
 * so a swipe or an arrow press always lands on a slide that is already there.
 */
export function slideWindow(index: number, inView: number, count: number, overscan = 2): [number, number] {
  const start = Math.max(0, Math.min(index, count - 1) - overscan);
  const end = Math.min(count, index + inView + overscan);
  return [start, Math.max(start, end)];
}
