import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { prefersReducedMotion } from '@fanfare/core/env';
import { clampIndex, indexAt, keyTarget, lastIndex, offsetOf, perView, slideWindow, step } from '../logic/carousel.js';

// Slides kept in the DOM on either side of those in view.
const OVERSCAN = 3;

type Host = ReactiveControllerHost & { renderRoot: ParentNode };

/**
 * The carousel's scroll position and the slide it stands for. Native scroll-snap does
 * the motion; this measures the `.track`, turns its scroll offset into a slide index and
 * back, keeps only the slides near the view in the DOM, and reports a slide once the
 * scroll that reached it has settled (not each slide a swipe passes).
 */
export class TrackController implements ReactiveController {
  /** The first slide fully in view. */
  index = 0;
  /** How many slides fit side by side. */
  inView = 1;
  /** The slides in the DOM, [start, end). */
  private range: [number, number] = [0, 0];
  private pitch = 0;
  private rtl = false;
  /** Set while a scroll we started is under way, so passing slides do not count. */
  private target?: number;
  private emitted = 0;
  private frame = 0;
  private rewind = false;
  /** The track scrolled since it last rewound (or ever): until it does it is at its start. */
  private scrolled = false;
  private observed = false;
  private ro = new ResizeObserver(() => this.measure());

  /** `count` is how many slides there are; `settled` hears each slide the carousel comes to rest on. */
  constructor(
    private readonly host: Host,
    private readonly count: () => number,
    private readonly settled: (index: number) => void,
  ) {
    host.addController(this);
  }

  /** The last index the track can scroll to. */
  get last(): number {
    return lastIndex(this.count(), this.inView);
  }

  /** The slides to render, [start, end): those in view and a few either side. */
  window(): [number, number] {
    return (this.range = slideWindow(this.index, this.inView, this.count(), OVERSCAN));
  }

  /**
   * The list of slides changed (a new feed, another filter): back to the first, scrolled
   * there at once if the track had moved. One that never moved is at its start: scrolling
   * it there would lay out the slides just rendered within their render's task (a long
   * task with the first slides), where otherwise the next frame lays them out.
   */
  reset(): void {
    this.index = this.emitted = 0;
    this.rewind = this.scrolled;
  }

  hostConnected(): void {
    this.watch();
  }

  hostDisconnected(): void {
    this.ro.disconnect();
    this.observed = false;
    cancelAnimationFrame(this.frame);
    this.frame = 0;
  }

  hostUpdated(): void {
    const track = this.watch();
    if (!track) return;
    const [start, end] = this.range;
    // Slides left out of the DOM keep their room (see the styles). CSSOM, not a style
    // attribute: allowed under a strict CSP.
    track.style.setProperty('--_before', String(start));
    track.style.setProperty('--_after', String(this.count() - end));
    if (this.rewind) {
      this.rewind = this.scrolled = false;
      // At once: no stylesheet reaches the track (it has no part) to make this smooth.
      track.scrollLeft = 0;
    }
  }

  /** Move to slide `i`; with `focus`, the slide takes focus (keyboard use inside the track). */
  go(i: number, focus = false): void {
    const track = this.track;
    const count = this.count();
    if (!track || !count) return;
    const to = clampIndex(i, count, this.inView);
    const left = offsetOf(to, this.pitch, this.rtl);
    // A long jump (Home, End, rewind) is a cut, not a fast blur past hundreds of slides.
    const smooth = Math.abs(to - this.index) <= this.inView && !prefersReducedMotion();
    this.show(to);
    const moves = Math.abs(track.scrollLeft - left) >= 1;
    if (moves) this.target = to;
    void this.host.updateComplete.then(() => {
      if (moves) track.scrollTo({ left, behavior: smooth ? 'smooth' : 'instant' });
      else this.settle();
      if (focus) track.querySelector<HTMLElement>(`[data-index="${to}"]`)?.focus({ preventScroll: true });
    });
  }

  /** One slide on, for autoplay: from the end it rewinds to the first rather than stopping. */
  advance(): void {
    this.go(step(this.index, 1, this.count(), this.inView, true));
  }

  /** Arrow keys (in reading order), Home and End, anywhere in the carousel. */
  onKey = (e: KeyboardEvent): void => {
    if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    const to = keyTarget(e.key, this.index, this.count(), this.inView, this.rtl);
    if (to === undefined) return;
    e.preventDefault();
    this.go(to, !!this.track?.contains(e.composedPath()[0] as Node));
  };

  onScroll = (): void => {
    this.scrolled = true;
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      if (this.target === undefined) this.show(this.here());
    });
  };

  onScrollEnd = (): void => {
    this.target = undefined;
    this.show(this.here());
    this.settle();
  };

  private get track(): HTMLElement | null {
    return this.host.renderRoot.querySelector('.track');
  }

  /** Observe the track's size from its first render, and again after the host comes back to the page. */
  private watch(): HTMLElement | null {
    const track = this.track;
    if (track && !this.observed) {
      this.observed = true;
      this.ro.observe(track);
    }
    return track;
  }

  private show(index: number): void {
    if (index === this.index) return;
    this.index = index;
    this.host.requestUpdate();
  }

  private settle(): void {
    if (this.index === this.emitted) return;
    this.emitted = this.index;
    this.settled(this.index);
  }

  private measure(): void {
    const track = this.track;
    const slide = track?.querySelector<HTMLElement>('.slide');
    if (!track || !slide) return;
    const cs = getComputedStyle(track);
    const gap = parseFloat(cs.columnGap) || 0;
    this.pitch = slide.getBoundingClientRect().width + gap;
    this.rtl = cs.direction === 'rtl';
    const inView = perView(track.clientWidth, this.pitch, gap);
    if (inView !== this.inView) {
      this.inView = inView;
      this.host.requestUpdate();
    }
  }

  private here(): number {
    return indexAt(this.track?.scrollLeft ?? 0, this.pitch, this.count(), this.inView);
  }
}
