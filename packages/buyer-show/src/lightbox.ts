import { css, html, nothing, type TemplateResult } from 'lit';
import type { FanBuyerShow } from './fan-buyer-show.js';
import type { Review } from './logic/feed.js';

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
  .strip {
    display: flex;
    overflow-x: auto;
    scroll-snap-type: x mandatory;
    scrollbar-width: none;
    touch-action: pan-x pan-y;
    overscroll-behavior-x: contain;
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

/** Add the dialog's styles to the widget's shadow root, once; they load with this chunk. */
export function adopt(root: ShadowRoot): void {
  const sheet = styles.styleSheet;
  if (sheet && !root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}

/**
 * The photo dialog of the review a fan opened. A native modal <dialog>: focus is
 * trapped and Escape closes it for free, and the page behind is inert.
 * Photos sit on a scroll-snap strip, so a swipe moves between them like the carousel.
 */
export function lightbox(host: FanBuyerShow, open: { review: Review; at: number } | undefined): TemplateResult {
  const name = open ? host.nameOf(open.review) : '';
  const photos = open?.review.photos ?? [];
  const at = open?.at ?? 0;
  const t = host.t.bind(host);
  const onScroll = (e: Event) => {
    const strip = e.currentTarget as HTMLElement;
    const i = Math.round(Math.abs(strip.scrollLeft) / (strip.clientWidth || 1));
    if (open && i !== at) host.showPhoto(i, false);
  };
  return html`<dialog part="lightbox" aria-label=${open ? t('lightbox', { name }) : nothing}
    @keydown=${(e: KeyboardEvent) => host.photoKey(e)} @close=${() => host.closed()}
    @click=${(e: Event) => e.target === e.currentTarget && (e.currentTarget as HTMLDialogElement).close()}>
    ${open
      ? html`<div class="strip" tabindex="0" @scrollend=${onScroll}>
            ${photos.map(
              (p, i) => html`<figure>
                <img src=${p.src} width=${p.width} height=${p.height} alt=${p.alt || t('photoBy', { name })}
                  loading=${i === at ? 'eager' : 'lazy'} decoding="async">
              </figure>`,
            )}
          </div>
          <div class="bar">
            <button part="button" aria-label=${t('prev')} aria-disabled=${at <= 0}
              @click=${() => host.showPhoto(at - 1)}>‹</button>
            <span class="pos" aria-live="polite">${t('photoPos', { n: at + 1, total: photos.length })}</span>
            <button part="button" aria-label=${t('next')} aria-disabled=${at >= photos.length - 1}
              @click=${() => host.showPhoto(at + 1)}>›</button>
            <button part="button" class="close" autofocus @click=${(e: Event) => (e.currentTarget as HTMLElement).closest('dialog')!.close()}
              >${t('close')}</button>
          </div>
          ${open.review.text ? html`<p class="review">${open.review.text}</p>` : nothing}`
      : nothing}
  </dialog>`;
}
