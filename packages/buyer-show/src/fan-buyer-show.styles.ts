import { css } from 'lit';

// Every height here is fixed or follows the widget's width, never the content, so the
// placeholder, the loaded carousel and every filter take exactly the same space.
export const styles = css`
  :host {
    --_gap: var(--fan-buyer-show-gap, 12px);
    --_sw: var(--fan-buyer-show-slide-width, min(240px, 78cqi));
    --_ph: calc(var(--_sw) * var(--fan-buyer-show-photo-ratio, 1.25));
    --_h: calc(var(--_ph) + var(--fan-buyer-show-text-height, 10.5rem));
    display: block;
    font-size: 0.875rem;
    line-height: 1.4;
  }
  button {
    font: inherit;
    color: inherit;
    cursor: pointer;
    border: 1px solid var(--_fan-border);
    background: var(--_fan-surface);
    border-radius: 99px;
    min-width: 2rem;
    height: 2rem;
    padding: 0 0.75rem;
  }
  [aria-disabled='true'],
  :disabled {
    opacity: 0.45;
  }
  [aria-pressed='true'] {
    background: var(--_fan-brand);
    color: var(--_fan-on-brand);
  }
  .head,
  .meta,
  .who {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    white-space: nowrap;
    overflow: clip;
  }
  .head {
    height: 2.75rem;
    /* Room for the focus ring of the first and last buttons. */
    overflow-clip-margin: 4px;
  }
  .play,
  .prev,
  .next {
    padding: 0;
  }
  /* The position takes whatever room is left and the average sits at the end, so a
     number growing by a digit never pushes a neighbour: no layout shift. */
  .pos {
    flex: 1;
  }
  .pos,
  .summary {
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .stars {
    color: var(--fan-buyer-show-star-color, #b26b00);
  }
  .frame {
    /* Slide sizes in cqi follow the carousel's width, not the window's. */
    container-type: inline-size;
    position: relative;
  }
  .track {
    /* Contains the visually hidden labels, which would otherwise widen the page. */
    position: relative;
    gap: var(--_gap);
    height: var(--_h);
  }
  .slide {
    flex: 0 0 var(--_sw);
    height: var(--_h);
    scroll-snap-align: start;
    display: flex;
    flex-direction: column;
    border: 1px solid var(--_fan-border);
    border-radius: var(--_fan-radius);
    overflow: hidden;
    box-sizing: border-box;
  }
  /* Slides left out of the DOM keep their room, so the scrollbar and snapping stay true. */
  .slide:first-child {
    margin-inline-start: calc(var(--_before, 0) * (var(--_sw) + var(--_gap)));
  }
  .slide:last-child {
    margin-inline-end: calc(var(--_after, 0) * (var(--_sw) + var(--_gap)));
  }
  .shot {
    flex: 0 0 var(--_ph);
    padding: 0;
    border: 0;
    border-radius: 0;
    position: relative;
  }
  .shot img {
    display: block;
    width: 100%;
    height: 100%;
    object-fit: cover;
  }
  .count {
    position: absolute;
    bottom: 0.5rem;
    inset-inline-end: 0.5rem;
    padding: 0 0.5rem;
    border-radius: 99px;
    background: #000a;
    color: #fff;
  }
  .body {
    flex: 1;
    min-height: 0;
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
    padding: 0.625rem 0.75rem;
  }
  p {
    margin: 0;
  }
  time,
  .badge {
    color: var(--_fan-muted);
  }
  .text {
    flex: 1;
    overflow: hidden;
    overflow-wrap: anywhere;
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 4;
  }
  .no-photo .text {
    -webkit-line-clamp: 14;
  }
  a {
    color: var(--_fan-brand);
    font-weight: 600;
  }
  .skeleton,
  .shot {
    background: #8882;
  }
  .notice {
    position: absolute;
    inset: 0;
    display: grid;
    place-items: center;
    color: var(--_fan-muted);
  }
`;
