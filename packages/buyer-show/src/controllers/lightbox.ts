import type { LitElement, ReactiveController, TemplateResult } from 'lit';
import { prefersReducedMotion } from '@fanfare/core/env';
import { clampIndex, keyTarget } from '../logic/carousel.js';
import type { Review } from '../logic/feed.js';
import type { Translate } from '../messages.js';
import type { LightboxState, lightbox } from '../lightbox.js';

/**
 * The photo dialog: which review is open, at which photo, and where focus goes back to
 * when it closes. Its template and styles load on the first `show()`, so a page where
 * nobody taps a photo never downloads them. The host renders `render()` in its shadow
 * root, where the dialog also picks up the carousel's scroll-strip styles.
 */
export class LightboxController implements ReactiveController, LightboxState {
  review?: Review;
  at = 0;
  private opener?: HTMLElement;
  private view?: typeof lightbox;

  /** `t` translates in the widget's language; `who` names a review's author in labels that are spoken. */
  constructor(
    private readonly host: LitElement,
    readonly t: Translate,
    private readonly who: (review: Review) => string,
  ) {
    host.addController(this);
  }

  get name(): string {
    return this.review ? this.who(this.review) : '';
  }

  /** Open `review` at its first photo; focus returns to `opener` on close. */
  async show(review: Review, opener: HTMLElement): Promise<void> {
    const m = await import('../lightbox.js');
    m.adopt(this.host);
    this.view = m.lightbox;
    this.review = review;
    this.at = 0;
    this.opener = opener;
    this.host.requestUpdate();
    await this.host.updateComplete;
    // The widget may have left the page while the dialog's code was on its way.
    if (this.host.isConnected) this.dialog?.showModal();
  }

  render(): TemplateResult | undefined {
    return this.view?.(this);
  }

  hostDisconnected(): void {
    // A widget put back on the page shows no dialog left half open.
    this.dialog?.close();
  }

  go(at: number, scroll = true): void {
    if (!this.review) return;
    this.at = clampIndex(at, this.review.photos.length, 1);
    this.host.requestUpdate();
    const strip = this.strip;
    if (scroll && strip) {
      const left = (this.rtl ? -1 : 1) * this.at * strip.clientWidth;
      strip.scrollTo({ left, behavior: prefersReducedMotion() ? 'instant' : 'smooth' });
    }
  }

  /** Arrow keys (in reading order), Home and End between the open review's photos. */
  onKey = (e: KeyboardEvent): void => {
    const to = this.review ? keyTarget(e.key, this.at, this.review.photos.length, 1, this.rtl) : undefined;
    if (to === undefined) return;
    e.preventDefault();
    this.go(to);
  };

  /** Escape, the close button or the backdrop: forget the review and give focus back. */
  onClose = (): void => {
    this.review = undefined;
    this.host.requestUpdate();
    this.opener?.focus();
    this.opener = undefined;
  };

  private get dialog(): HTMLDialogElement | null {
    return this.host.renderRoot.querySelector('dialog');
  }

  private get strip(): HTMLElement | null {
    return this.host.renderRoot.querySelector('.strip');
  }

  /** The strip scrolls the other way in a right-to-left page. */
  private get rtl(): boolean {
    const strip = this.strip;
    return !!strip && getComputedStyle(strip).direction === 'rtl';
  }
}
