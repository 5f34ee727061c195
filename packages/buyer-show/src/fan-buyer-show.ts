import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { FanElement, converter, oneOf, parseNumberInRange, tokens, url } from '@fanfare/core';
import { AutoplayController } from './controllers/autoplay.js';
import { FeedController } from './controllers/feed.js';
import { clampIndex, indexAt, keyTarget, lastIndex, offsetOf, perView, slideWindow, step } from './logic/carousel.js';
import type { Review } from './logic/feed.js';
import { FILTERS, averageRating, filterReviews, formatDate, maskName, type Filter } from './logic/reviews.js';
import type { lightbox as Lightbox } from './lightbox.js';
import { messages } from './messages.js';
import { styles } from './fan-buyer-show.styles.js';

// Slides kept in the DOM on either side of those in view.
const OVERSCAN = 3;
const NONE: Review[] = [];

// `autoplay` alone means a calm default; faster than every 2 s is too quick to read.
const seconds = converter<number>(
  (raw) => (raw.trim() === '' ? { ok: true, value: 6 } : parseNumberInRange(raw, 2, 120)),
  0,
);

// The photo dialog is only needed once a fan taps a photo; it loads then.
let lightbox: typeof Lightbox | undefined;

const reducedMotion = () => matchMedia('(prefers-reduced-motion: reduce)').matches;

/**
 * Real customers' photos and reviews in a carousel that never slows the page.
 *
 * @summary Buyer-show carousel: photos, stars, masked names, a lightbox, "shop this look".
 * @fires fan-slide-change - The carousel settled on another slide: `{index}`.
 * @fires fan-review-open - A fan opened a review's photos: `{id}`.
 * @fires fan-review-click - A fan followed a review's product link: `{id, url}`.
 * @csspart base - The carousel section.
 * @csspart button - Pause, previous, next and filter buttons.
 * @csspart slide - One review.
 * @csspart photo - The button around a review's first photo.
 * @csspart link - "Shop this look".
 * @csspart lightbox - The photo dialog.
 * @cssprop --fan-buyer-show-slide-width - Width of a slide (default min(240px, 78% of the carousel)).
 * @cssprop --fan-buyer-show-photo-ratio - Photo height over width in a slide (default 1.25).
 * @cssprop --fan-buyer-show-text-height - Height of the text under a photo (default 10.5rem).
 * @cssprop --fan-buyer-show-gap - Space between slides (default 12px).
 * @cssprop --fan-buyer-show-star-color - Colour of the stars.
 */
export class FanBuyerShow extends FanElement {
  static override styles = [tokens, styles];

  /** URL of the JSON feed. Without it, the feed is the child `<script type="application/json">`. */
  @property({ converter: url() }) src = '';
  /** Seconds between slides; autoplay is off without it. */
  @property({ converter: seconds }) autoplay = 0;
  /** Which reviews to show: `all`, `photos` (with photos) or `5` (five stars). */
  @property({ reflect: true, converter: oneOf(FILTERS, 'all') }) filter: Filter = 'all';
  /** When present, write schema.org JSON-LD into the light DOM; its value names the product (else the feed's first product). */
  @property() seo: string | null = null;
  /** `masked` (default) shows buyers' names as `L***a`; `full` shows them as the feed has them. */
  @property({ converter: oneOf(['masked', 'full'] as const, 'masked') }) names: 'masked' | 'full' = 'masked';

  @state() private index = 0;
  @state() private inView = 1;
  @state() private open?: { review: Review; at: number };

  @query('.track') private track!: HTMLElement;
  @query('dialog') private dialog!: HTMLDialogElement;

  private feed = new FeedController(this);
  private auto = new AutoplayController(this, () =>
    this.go(step(this.index, 1, this.shown.length, this.inView, true)),
  );
  /** @internal Every valid review in the feed. */
  all: Review[] = [];
  /** @internal The mean rating of every review. */
  average = 0;
  /** @internal The reviews the current filter keeps. */
  shown: Review[] = [];
  /** The slides in the DOM, [start, end). */
  private range: [number, number] = [0, 0];
  private pitch = 0;
  private rtl = false;
  /** Set while a scroll we started is under way, so passing slides do not count. */
  private target?: number;
  private emitted = 0;
  private frame = 0;
  private rewind = false;
  private opener?: HTMLElement;
  /** @internal The JSON-LD script this element wrote into its light DOM. */
  ld?: HTMLScriptElement;
  private ro = new ResizeObserver(() => this.measure());

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) this.ro.observe(this.track);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.ro.disconnect();
    cancelAnimationFrame(this.frame);
    this.frame = 0;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    void this.feed.load(this.src);
    const st = this.feed.state;
    const all = st.status === 'ready' ? st.reviews : NONE;
    if (all !== this.all || changed.has('filter')) {
      this.all = all;
      this.shown = filterReviews(all, this.filter);
      this.average = averageRating(all);
      this.index = this.emitted = 0;
      this.rewind = this.hasUpdated;
    }
    this.auto.seconds = this.autoplay;
  }

  protected override firstUpdated(): void {
    this.ro.observe(this.track);
  }

  protected override updated(): void {
    const [start, end] = this.range;
    // CSSOM, not a style attribute: allowed under a strict CSP.
    this.track.style.setProperty('--_before', String(start));
    this.track.style.setProperty('--_after', String(this.shown.length - end));
    if (this.rewind) {
      this.rewind = false;
      this.track.scrollTo({ left: 0, behavior: 'instant' });
    }
    // The JSON-LD writer is opt-in, so only pages that ask for it load it.
    if (this.seo !== null || this.ld) void import('./seo.js').then((m) => m.writeJsonLd(this));
  }

  override render(): TemplateResult {
    const st = this.feed.state.status;
    const count = this.shown.length;
    const ready = st === 'ready';
    const t = this.t.bind(this);
    const [start, end] = (this.range = slideWindow(this.index, this.inView, count, OVERSCAN));
    const avg = this.average;
    const num = new Intl.NumberFormat(this.locale);
    const last = lastIndex(count, this.inView);
    return html`
      <section class="base" part="base" aria-roledescription="carousel" aria-label=${t('carousel')} @keydown=${this.onKey}>
        <div class="head">
          ${this.auto.enabled
            ? html`<button class="play" part="button" @click=${this.onToggle}
                aria-label=${t(this.auto.stopped ? 'play' : 'pause')}>${this.auto.stopped ? '▶' : '❚❚'}</button>`
            : nothing}
          <button class="prev" part="button" aria-label=${t('prev')} aria-disabled=${!count || this.index <= 0}
            @click=${() => this.go(this.index - 1)}>‹</button>
          <button class="next" part="button" aria-label=${t('next')} aria-disabled=${!count || this.index >= last}
            @click=${() => this.go(this.index + 1)}>›</button>
          <span class="pos" aria-live=${this.auto.running ? 'off' : 'polite'} aria-atomic="true"
            >${count
              ? t('position', { n: num.format(this.index + 1), total: num.format(count) })
              : st === 'loading' ? t('loading') : ''}</span>
          ${ready && this.all.length
            ? html`<p class="summary">${this.stars(Math.round(avg), t('average', { n: avg }))}
                <strong>${avg.toFixed(1)}</strong>
                · ${this.all.length === 1 ? t('review') : t('reviews', { count: num.format(this.all.length) })}</p>`
            : nothing}
        </div>
        <div class="head filters" role="group" aria-label=${t('show')}>
          ${FILTERS.map(
            (f) => html`<button part="button" aria-pressed=${f === this.filter} ?disabled=${!ready}
              @click=${() => (this.filter = f)}>${t(f === '5' ? 'five' : f)}</button>`,
          )}
        </div>
        <div class="frame">
          <div class="track" tabindex="0" @scroll=${this.onScroll} @scrollend=${this.onScrollEnd}>
            ${ready
              ? repeat(this.shown.slice(start, end), (r) => r.id, (r, k) => this.slide(r, start + k, count))
              : [0, 1, 2, 3].map(() => html`<div class="slide skeleton"></div>`)}
          </div>
          ${st === 'error'
            ? html`<p class="notice">${t('unavailable')}</p>`
            : ready && !count
              ? html`<p class="notice">${t('empty')}</p>`
              : nothing}
        </div>
      </section>
      ${lightbox?.(this, this.open)}
    `;
  }

  /** @internal Translate with this widget's messages. */
  t(key: keyof (typeof messages)['en'], vars?: Record<string, string | number>): string {
    return this.msg(messages, key, vars);
  }

  /** @internal The name as shown: masked unless the page asked for full names. */
  nameOf(r: Review): string {
    return (this.names === 'full' ? r.author : maskName(r.author)) || this.t('anonymous');
  }

  private stars(n: number, label: string): TemplateResult {
    return html`<span class="stars" role="img" aria-label=${label}>${'★'.repeat(n)}${'☆'.repeat(5 - n)}</span>`;
  }

  private slide(r: Review, i: number, count: number): TemplateResult {
    const name = this.nameOf(r);
    const photo = r.photos[0];
    const t = this.t.bind(this);
    // What is in view at first loads at once; the rest waits until it approaches.
    const eager = i < this.inView + 1;
    return html`<div class="slide ${photo ? '' : 'no-photo'}" part="slide" role="group" aria-roledescription="slide"
      aria-label=${t('slide', { n: i + 1, total: count })} data-index=${i} tabindex="-1">
      ${photo
        ? html`<button class="shot" part="photo" @click=${(e: Event) => this.openPhotos(r, e.currentTarget as HTMLElement)}>
            <img src=${photo.src} width=${photo.width} height=${photo.height} alt=${photo.alt || t('photoBy', { name })}
              loading=${eager ? 'eager' : 'lazy'} fetchpriority=${i === 0 ? 'high' : 'auto'}>
            <span class="sr-only">${t('openPhotos', { count: r.photos.length })}</span>
            ${r.photos.length > 1 ? html`<span class="count" aria-hidden="true">${r.photos.length}</span>` : nothing}
          </button>`
        : nothing}
      <div class="body">
        <p class="meta">${this.stars(r.rating, t('stars', { n: r.rating }))}
          ${r.date ? html`<time datetime=${r.date}>${formatDate(r.date, this.locale)}</time>` : nothing}</p>
        <p class="who"><span>${name}</span>${r.verified ? html`<span class="badge">${t('verified')}</span>` : nothing}</p>
        <p class="text">${r.text}</p>
        ${r.product
          ? html`<a class="shop" part="link" href=${r.product.url}
              @click=${() => this.emit('fan-review-click', { id: r.id, url: r.product!.url })}
              >${t('shop')}<span class="sr-only">: ${r.product.name}</span></a>`
          : nothing}
      </div>
    </div>`;
  }

  /** Move to slide `i`; with `focus`, the slide takes focus (keyboard use inside the track). */
  private go(i: number, focus = false): void {
    if (!this.track || !this.shown.length) return;
    const to = clampIndex(i, this.shown.length, this.inView);
    const left = offsetOf(to, this.pitch, this.rtl);
    // A long jump (Home, End, rewind) is a cut, not a fast blur past hundreds of slides.
    const smooth = Math.abs(to - this.index) <= this.inView && !reducedMotion();
    this.index = to;
    const moves = Math.abs(this.track.scrollLeft - left) >= 1;
    if (moves) this.target = to;
    void this.updateComplete.then(() => {
      if (moves) this.track.scrollTo({ left, behavior: smooth ? 'smooth' : 'instant' });
      else this.settle();
      if (focus) this.track.querySelector<HTMLElement>(`[data-index="${to}"]`)?.focus({ preventScroll: true });
    });
  }

  private settle(): void {
    if (this.index === this.emitted) return;
    this.emitted = this.index;
    this.emit('fan-slide-change', { index: this.index });
  }

  private measure(): void {
    const slide = this.track?.querySelector<HTMLElement>('.slide');
    if (!slide) return;
    const cs = getComputedStyle(this.track);
    const gap = parseFloat(cs.columnGap) || 0;
    this.pitch = slide.getBoundingClientRect().width + gap;
    this.rtl = cs.direction === 'rtl';
    this.inView = perView(this.track.clientWidth, this.pitch, gap);
  }

  private here(): number {
    return indexAt(this.track.scrollLeft, this.pitch, this.shown.length, this.inView);
  }

  private onScroll = (): void => {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      if (this.target === undefined) this.index = this.here();
    });
  };

  private onScrollEnd = (): void => {
    this.target = undefined;
    this.index = this.here();
    this.settle();
  };

  private onKey = (e: KeyboardEvent): void => {
    if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    const to = keyTarget(e.key, this.index, this.shown.length, this.inView, this.rtl);
    if (to === undefined) return;
    e.preventDefault();
    this.go(to, this.track.contains(e.composedPath()[0] as Node));
  };

  private onToggle = (): void => this.auto.toggle();

  private async openPhotos(review: Review, opener: HTMLElement): Promise<void> {
    const m = await import('./lightbox.js');
    m.adopt(this.renderRoot as ShadowRoot);
    lightbox = m.lightbox;
    this.opener = opener;
    this.open = { review, at: 0 };
    await this.updateComplete;
    this.dialog.showModal();
    this.emit('fan-review-open', { id: review.id });
  }

  /** @internal Show photo `at` of the open review. */
  showPhoto(at: number, scroll = true): void {
    if (!this.open) return;
    const total = this.open.review.photos.length;
    const to = Math.max(0, Math.min(total - 1, at));
    this.open = { ...this.open, at: to };
    const strip = this.dialog.querySelector<HTMLElement>('.strip');
    if (scroll && strip) {
      strip.scrollTo({ left: (this.rtl ? -1 : 1) * to * strip.clientWidth, behavior: reducedMotion() ? 'instant' : 'smooth' });
    }
  }

  /** @internal Arrow keys, Home and End between the open review's photos. */
  photoKey(e: KeyboardEvent): void {
    const to = this.open ? keyTarget(e.key, this.open.at, this.open.review.photos.length, 1, this.rtl) : undefined;
    if (to === undefined) return;
    e.preventDefault();
    this.showPhoto(to);
  }

  /** @internal The dialog closed (Escape, the close button or the backdrop). */
  closed(): void {
    this.open = undefined;
    this.opener?.focus();
    this.opener = undefined;
  }
}
