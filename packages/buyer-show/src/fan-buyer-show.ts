import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { FanElement, converter, localize, oneOf, parseNumberInRange, tokens, url } from '@fanfare/core';
import { AutoplayController } from './controllers/autoplay.js';
import { FeedController } from './controllers/feed.js';
import { LightboxController } from './controllers/lightbox.js';
import { TrackController } from './controllers/track.js';
import type { Review } from './logic/feed.js';
import { FILTERS, averageRating, filterReviews, formatCount, formatDate, maskName, type Filter } from './logic/reviews.js';
import type { JsonLdController } from './seo.js';
import { messages } from './messages.js';
import { scrollStrip } from './scroll-strip.styles.js';
import { styles } from './fan-buyer-show.styles.js';

const NONE: Review[] = [];

// `autoplay` alone means a calm default; faster than every 2 s is too quick to read.
const seconds = converter<number>(
  (raw) => (raw.trim() === '' ? { ok: true, value: 6 } : parseNumberInRange(raw, 2, 120)),
  0,
);

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
  static override styles = [tokens, scrollStrip, styles];

  // Declared here rather than with decorators, as in share and 2048: the decorator calls
  // and their helper cost bytes in a widget measured against its budget.
  static override properties = {
    src: { converter: url() },
    autoplay: { converter: seconds },
    filter: { reflect: true, converter: oneOf(FILTERS, 'all') },
    seo: {},
    names: { converter: oneOf(['masked', 'full'] as const, 'masked') },
  };

  /** URL of the JSON feed. Without it, the feed is the child `<script type="application/json">`. */
  src = '';
  /** Seconds between slides; autoplay is off without it. */
  autoplay = 0;
  /** Which reviews to show: `all`, `photos` (with photos) or `5` (five stars). */
  filter: Filter = 'all';
  /** When present, write schema.org JSON-LD into the light DOM; its value names the product (else the feed's first product). */
  seo: string | null = null;
  /** `masked` (default) shows buyers' names as initials (`L.`) or, in Chinese, as `王**明`; `full` shows them as the feed has them. */
  names: 'masked' | 'full' = 'masked';

  private t = localize(this, messages);
  private feed = new FeedController(this);
  private track = new TrackController(this, () => this.shown.length, (index) => this.emit('fan-slide-change', { index }));
  private auto = new AutoplayController(this, () => this.track.advance());
  private lightbox = new LightboxController(this, this.t, (r) => this.who(r));
  // Loaded on the first update with `seo`.
  private jsonLd?: JsonLdController;
  /** Every valid review in the feed, the mean of their ratings, and those the filter keeps. */
  private all = NONE;
  private average = 0;
  private shown = NONE;

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.feed.load(this.src);
    const all = this.feed.reviews ?? NONE;
    if (all !== this.all || changed.has('filter')) {
      this.all = all;
      this.shown = filterReviews(all, this.filter);
      this.average = averageRating(all);
      this.track.reset();
    }
    this.auto.seconds = this.autoplay;
  }

  protected override updated(): void {
    if (this.seo === null || this.jsonLd) return;
    void import('./seo.js').then((m) => {
      this.jsonLd ??= new m.JsonLdController(this, () => ({
        product: this.seo === null ? '' : this.seo || this.all.find((r) => r.product)?.product?.name || '',
        all: this.all,
        shown: this.shown,
        average: this.average,
        name: this.nameOf,
      }));
      this.jsonLd.hostUpdated();
    });
  }

  override render(): TemplateResult {
    const { t, track, auto } = this;
    const status = this.feed.status;
    const ready = status === 'ready';
    const count = this.shown.length;
    const [start, end] = track.window();
    const avg = this.average;
    const at = { n: formatCount(track.index + 1), total: formatCount(count) };
    return html`
      <section class="base" part="base" aria-roledescription=${t('carouselRole')} aria-label=${t('carousel')} @keydown=${track.onKey}>
        <div class="head">
          ${auto.enabled
            ? html`<button class="play" part="button" @click=${() => auto.toggle()}
                aria-label=${t(auto.stopped ? 'play' : 'pause')}>${auto.stopped ? '▶' : '❚❚'}</button>`
            : nothing}
          <button class="prev" part="button" aria-label=${t('prev')} aria-disabled=${!count || track.index <= 0}
            @click=${() => track.go(track.index - 1)}>‹</button>
          <button class="next" part="button" aria-label=${t('next')} aria-disabled=${!count || track.index >= track.last}
            @click=${() => track.go(track.index + 1)}>›</button>
          <span class="pos" aria-live=${auto.running ? 'off' : 'polite'} aria-atomic="true"
            >${count
              ? html`<span aria-hidden="true">${t('position', at)}</span><span class="sr-only">${t('spokenPosition', at)}</span>`
              : status === 'loading' ? t('loading') : ''}</span>
          ${ready && this.all.length
            ? html`<p class="summary">${this.stars(Math.round(avg), t('average', { n: avg }))}
                <span aria-hidden="true"><strong>${avg.toFixed(1)}</strong> ·</span>
                ${this.all.length === 1 ? t('review') : t('reviews', { count: formatCount(this.all.length) })}</p>`
            : nothing}
        </div>
        <div class="head filters" role="group" aria-label=${t('show')}>
          ${FILTERS.map(
            (f) => html`<button part="button" aria-pressed=${f === this.filter} ?disabled=${!ready}
              @click=${() => (this.filter = f)}>${t(f === '5' ? 'five' : f)}</button>`,
          )}
        </div>
        <div class="frame">
          <div class="track" tabindex="0" @scroll=${track.onScroll} @scrollend=${track.onScrollEnd}>
            ${ready
              ? repeat(this.shown.slice(start, end), (r) => r.id, (r, k) => this.slide(r, start + k, count))
              : [0, 1, 2, 3].map(() => html`<div class="slide skeleton"></div>`)}
          </div>
          ${status === 'error'
            ? html`<p class="notice">${t('unavailable')}</p>`
            : ready && !count
              ? html`<p class="notice">${t('empty')}</p>`
              : nothing}
        </div>
      </section>
      ${this.lightbox.render()}
    `;
  }

  /** The name as shown: masked unless the page asked for full names. */
  private nameOf = (r: Review): string => (this.names === 'full' ? r.author : maskName(r.author)) || this.t('anonymous');

  /** The author in labels a screen reader speaks: a masked name is read as a real one (王**明 as 王星星明), so "a customer". */
  private who = (r: Review): string => (this.names === 'full' && r.author) || this.t('buyer');

  private stars(n: number, label: string): TemplateResult {
    return html`<span class="stars" role="img" aria-label=${label}>${'★'.repeat(n)}${'☆'.repeat(5 - n)}</span>`;
  }

  private slide(r: Review, i: number, count: number): TemplateResult {
    const { t } = this;
    const photo = r.photos[0];
    // What is in view at first loads at once; the rest waits until it approaches.
    const eager = i < this.track.inView + 1;
    return html`<div class="slide ${photo ? '' : 'no-photo'}" part="slide" role="group" aria-roledescription=${t('slideRole')}
      aria-label=${t('slide', { n: i + 1, total: count })} data-index=${i} tabindex="-1">
      ${photo
        ? html`<button class="shot" part="photo" @click=${(e: Event) => this.openPhotos(r, e.currentTarget as HTMLElement)}>
            <img src=${photo.src} width=${photo.width} height=${photo.height} alt=${photo.alt || t('photoBy', { name: this.who(r) })}
              loading=${eager ? 'eager' : 'lazy'} fetchpriority=${i === 0 ? 'high' : 'auto'}>
            <span class="sr-only">${t('openPhotos', { count: r.photos.length })}</span>
            ${r.photos.length > 1 ? html`<span class="count" aria-hidden="true">${r.photos.length}</span>` : nothing}
          </button>`
        : nothing}
      <div class="body">
        <p class="meta">${this.stars(r.rating, t('stars', { n: r.rating }))}
          ${r.date ? html`<time datetime=${r.date}>${formatDate(r.date, this.locale)}</time>` : nothing}</p>
        <p class="who"><span>${this.nameOf(r)}</span>${r.verified ? html`<span class="badge">${t('verified')}</span>` : nothing}</p>
        <p class="text">${r.text}</p>
        ${r.product
          ? html`<a class="shop" part="link" href=${r.product.url}
              @click=${() => this.emit('fan-review-click', { id: r.id, url: r.product!.url })}
              >${t('shop')}<span class="sr-only">${t('product', { name: r.product.name })}</span></a>`
          : nothing}
      </div>
    </div>`;
  }

  private async openPhotos(review: Review, opener: HTMLElement): Promise<void> {
    await this.lightbox.show(review, opener);
    this.emit('fan-review-open', { id: review.id });
  }
}
