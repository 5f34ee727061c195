import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }
  /* Every height here follows from the attributes and the width alone (fanfare.css
     reserves it before the widget arrives): buttons are --_h tall and of one width, --_h
     with icons, 3 × --_h + 32px with labels, so a name's length never changes how many
     buttons a row holds. */
  .base {
    --_r: var(--fan-share-radius, var(--_fan-radius));
    --_h: 40px;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--fan-share-gap, 8px);
  }
  .column {
    flex-direction: column;
    align-items: stretch;
    width: max-content;
  }
  /* Fixed to the start edge on wide screens only: on phones it would cover the text
     people read, so there it stays in the page as a row. */
  @media (min-width: 768px) {
    .floating {
      position: fixed;
      inset-inline-start: 0;
      top: 50%;
      transform: translateY(-50%);
      flex-direction: column;
      gap: 0;
      z-index: var(--fan-share-z-index, 1000);
      filter: drop-shadow(0 4px 12px rgb(0 0 0 / 0.15));
    }
    .floating .btn {
      border-radius: 0;
    }
    .floating .btn:first-child {
      border-start-end-radius: var(--_r);
    }
    .floating .btn:last-child {
      border-end-end-radius: var(--_r);
    }
  }
  .btn {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: calc(var(--_h) * 0.22);
    min-width: var(--_h);
    height: var(--_h);
    margin: 0;
    padding: 0;
    border: 0;
    border-radius: var(--_r);
    background: var(--fan-share-button-bg, var(--_bg, #3d4752));
    color: var(--fan-share-button-color, var(--_fg, #fff));
    font: 600 var(--_fs, 14px) / 1 var(--_fan-font);
    text-decoration: none;
    white-space: nowrap;
    cursor: pointer;
    position: relative;
  }
  .s {
    --_h: 32px;
    --_fs: 13px;
  }
  .l {
    --_h: 48px;
    --_fs: 16px;
  }
  .label .btn {
    box-sizing: border-box;
    width: calc(var(--_h) * 3 + 32px);
    justify-content: flex-start;
    padding-inline: calc(var(--_h) * 0.28) calc(var(--_h) * 0.4);
  }
  .icon .label {
    display: none;
  }
  .btn:hover {
    filter: brightness(1.1);
  }
  @media (prefers-reduced-motion: no-preference) {
    .btn {
      transition:
        filter 0.15s,
        transform 0.1s;
    }
    .btn:active {
      transform: scale(0.96);
    }
  }
  .btn:focus-visible {
    outline: 3px solid var(--_fan-focus);
    outline-offset: 2px;
  }
  svg {
    flex: none;
    width: calc(var(--_h) * 0.5);
    height: calc(var(--_h) * 0.5);
    fill: currentColor;
  }
  .line path {
    fill: none;
    stroke: currentColor;
    stroke-width: 2;
    stroke-linecap: round;
    stroke-linejoin: round;
  }
  /* "Copy link" and "Copied" share one cell, so the button keeps its width. */
  .swap {
    display: inline-grid;
  }
  .swap > * {
    grid-area: 1 / 1;
  }
  .off,
  .wait {
    visibility: hidden;
  }
  /* With icons only, a ✓ alone does not say "Copied": the word shows as a tag above the
     button for as long as the ✓ does, out of the flow so nothing moves, in the button's
     own colours. */
  .icon .done .label {
    display: block;
    position: absolute;
    bottom: 110%;
    inset-inline-start: 0;
    padding: 4px 8px;
    border-radius: 6px;
    background: inherit;
    pointer-events: none;
  }
  .icon .done .off {
    display: none;
  }
`;
