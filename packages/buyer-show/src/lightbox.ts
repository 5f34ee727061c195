import { css, html, nothing, type LitElement, type TemplateResult } from 'lit';
import { adoptLazyStyles } from '@fanfare/core/lazy-styles';
import type { Review } from './logic/feed.js';
import type { Translate } from './messages.js';

// The photo dialog's template and styles, loaded on the first tap on a photo. What it
// shows and where focus goes belong to LightboxController (controllers/lightbox.ts).

/** What the dialog shows, and what it asks of its controller. */
export interface LightboxState {
  readonly review?: Review;
  readonly at: number;
  /** The author as spoken in the labels. */
  readonly name: string;
  readonly t: Translate;
  /** Show photo `at`; `scroll` is false when the strip is there already (after a swipe). */
  go(at: number, scroll?: boolean): void;
  onKey(e: KeyboardEvent): void;
  onClose(): void;
}

const styles = css`
  dialog {
    padding: 0;
    border: 0;
    border-radius: var(--_fan-radius);
    width: min(92vw, 720px);
  }
  dialog::backdrop {
    background: #000c;
  }
  /* The strip scrolls and snaps as the carousel's track does (scroll-strip.styles.ts). */
  .strip {
    background: #111;
  }
  figure {
    flex: 0 0 100%;
    margin: 0;
    position: relative;
    scroll-snap-align: center;
    height: min(70vh, 720px);
  }
  figure img {
    position: absolute;
    width: 100%;
    height: 100%;
    object-fit: contain;
  }
  .bar {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    padding: 0.5rem 0.75rem;
  }
  .bar .pos {
    flex: 1;
    text-align: center;
  }
  .review {
    padding: 0 0.75rem 0.75rem;
    max-height: 8rem;
    overflow: auto;
  }
`;

/** Add the dialog's styles to the widget's shadow root, once. */
export const adopt = (host: LitElement): void => adoptLazyStyles(host, styles);

const close = (e: Event) => (e.currentTarget as HTMLElement).closest('dialog')!.close();

/**
 * A native modal <dialog>: focus is trapped and Escape closes it for free, and the page
 * behind is inert. Photos sit on a scroll-snap strip, so a swipe moves between them like
 * the carousel.
 */
export function lightbox(s: LightboxState): TemplateResult {
  const { review, at, name, t } = s;
  const photos = review?.photos ?? [];
  const onScrollEnd = (e: Event) => {
    const strip = e.currentTarget as HTMLElement;
    const i = Math.round(Math.abs(strip.scrollLeft) / (strip.clientWidth || 1));
    if (i !== at) s.go(i, false);
  };
  return html`<dialog part="lightbox" aria-label=${review ? t('lightbox', { name }) : nothing}
    @keydown=${s.onKey} @close=${s.onClose} @click=${(e: Event) => e.target === e.currentTarget && close(e)}>
    ${review
      ? html`<div class="strip" tabindex="0" @scrollend=${onScrollEnd}>
            ${photos.map(
              (p, i) => html`<figure>
                <img src=${p.src} width=${p.width} height=${p.height} alt=${p.alt || t('photoBy', { name })}
                  loading=${i === at ? 'eager' : 'lazy'} decoding="async">
              </figure>`,
            )}
          </div>
          <div class="bar">
            <button part="button" aria-label=${t('prevPhoto')} aria-disabled=${at <= 0} @click=${() => s.go(at - 1)}>‹</button>
            <span class="pos" aria-live="polite">${t('photoPos', { n: at + 1, total: photos.length })}</span>
            <button part="button" aria-label=${t('nextPhoto')} aria-disabled=${at >= photos.length - 1}
              @click=${() => s.go(at + 1)}>›</button>
            <button part="button" class="close" autofocus @click=${close}>${t('close')}</button>
          </div>
          ${review.text ? html`<p class="review">${review.text}</p>` : nothing}`
      : nothing}
  </dialog>`;
}
