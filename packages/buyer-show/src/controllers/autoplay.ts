import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { reducedMotionQuery } from '@fanfare/core/env';

type Host = ReactiveControllerHost & HTMLElement;

/**
 * Moves the carousel on a timer, but only while nobody could be disturbed by it
 * (WCAG 2.2.2, the ARIA carousel pattern): never under prefers-reduced-motion, and
 * paused while the pointer is over the widget, while it holds focus, while it is off
 * screen, and from the moment the fan presses pause until they press play. The lightbox
 * lives in the shadow root, so while it is open focus is inside and rotation waits.
 */
export class AutoplayController implements ReactiveController {
  /** Seconds between moves; 0 turns autoplay off. */
  seconds = 0;
  /** The fan pressed pause. Only the fan's play undoes it. */
  stopped = false;
  private hovered = false;
  private focused = false;
  private onScreen = false;
  private timer: ReturnType<typeof setInterval> | undefined;
  private pace = 0;
  private was = false;
  private io: IntersectionObserver | undefined;
  private motion = reducedMotionQuery();
  private host: Host;
  private tick: () => void;

  constructor(host: Host, tick: () => void) {
    this.host = host;
    this.tick = tick;
    host.addController(this);
  }

  /** Autoplay is asked for and allowed: the pause control is worth showing. */
  get enabled(): boolean {
    return this.seconds > 0 && !this.motion.matches;
  }

  get running(): boolean {
    return this.enabled && !this.stopped && !this.hovered && !this.focused && this.onScreen;
  }

  hostConnected(): void {
    this.listen('addEventListener');
    this.io = new IntersectionObserver((entries) => {
      this.onScreen = entries[entries.length - 1].isIntersecting;
      this.sync();
    });
    this.io.observe(this.host);
  }

  hostDisconnected(): void {
    this.listen('removeEventListener');
    this.io?.disconnect();
    this.onScreen = false;
    this.sync();
  }

  hostUpdated(): void {
    this.sync();
  }

  /** The fan's pause/play control. Play counts as consent, so the focus it holds does not pause. */
  toggle(): void {
    this.stopped = !this.stopped;
    if (!this.stopped) this.focused = false;
    this.sync();
    this.host.requestUpdate();
  }

  private listen(how: 'addEventListener' | 'removeEventListener'): void {
    for (const type of ['pointerenter', 'pointerleave', 'focusin', 'focusout']) this.host[how](type, this.on);
    this.motion[how]('change', this.sync);
  }

  private on = (e: Event): void => {
    if (e instanceof PointerEvent) {
      // Touch has no hover: a tap would otherwise pause until the next tap elsewhere.
      if (e.pointerType !== 'touch') this.hovered = e.type === 'pointerenter';
    } else {
      // relatedTarget is retargeted: focus moving inside the shadow root reports the host.
      const to = (e as FocusEvent).relatedTarget as Node | null;
      this.focused = e.type === 'focusin' || (!!to && this.host.contains(to));
    }
    this.sync();
  };

  private sync = (): void => {
    const running = this.running;
    // A change of speed restarts the timer at the new pace.
    if (!running || this.pace !== this.seconds) {
      clearInterval(this.timer);
      this.timer = undefined;
    }
    if (running && !this.timer) {
      this.timer = setInterval(this.tick, this.seconds * 1000);
      this.pace = this.seconds;
    }
    if (running !== this.was) {
      this.was = running;
      this.host.requestUpdate();
    }
  };
}
