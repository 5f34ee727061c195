import { css } from 'lit';

/**
 * A row that scrolls sideways and snaps to its items: the carousel's `.track` and the
 * lightbox's photo `.strip`, so a swipe feels the same in both. The widget adopts it with
 * its own styles; the lightbox renders in the same shadow root, so it needs no copy.
 */
export const scrollStrip = css`
  .track,
  .strip {
    display: flex;
    overflow-x: auto;
    scroll-snap-type: x mandatory;
    scrollbar-width: none;
    /* Horizontal swipes move the strip, vertical ones still scroll the page. */
    touch-action: pan-x pan-y;
    overscroll-behavior-x: contain;
  }
`;
