import { css } from 'lit';

/**
 * Theme tokens every widget includes first. Public `--fan-*` properties are read with
 * fallbacks into private `--_fan-*` ones, so a page with no CSS for us still looks right.
 *
 * @cssprop --fan-color-brand - Brand colour: buttons, highlights (#c2185b).
 * @cssprop --fan-color-on-brand - Text on the brand colour (#fff).
 * @cssprop --fan-color-text - Text (#1f2328).
 * @cssprop --fan-color-muted - Secondary text (#59636e).
 * @cssprop --fan-color-surface - Panels and cards (#fff).
 * @cssprop --fan-color-border - Borders (#d1d9e0).
 * @cssprop --fan-color-focus - Focus rings (#0969da).
 * @cssprop --fan-radius - Corner radius (10px).
 * @cssprop --fan-font - Font stack (the system's, with Chinese faces).
 */
export const tokens = css`
  :host {
    --_fan-brand: var(--fan-color-brand, #c2185b);
    --_fan-on-brand: var(--fan-color-on-brand, #fff);
    --_fan-text: var(--fan-color-text, #1f2328);
    --_fan-muted: var(--fan-color-muted, #59636e);
    --_fan-surface: var(--fan-color-surface, #fff);
    --_fan-border: var(--fan-color-border, #d1d9e0);
    --_fan-focus: var(--fan-color-focus, #0969da);
    --_fan-radius: var(--fan-radius, 10px);
    /* system-ui is Segoe UI, San Francisco or Roboto; the two Chinese faces keep Han
       characters in a Chinese design where the system would pick a Japanese one. */
    --_fan-font: var(--fan-font, system-ui,-apple-system,'PingFang SC','Microsoft YaHei',sans-serif);
    font-family: var(--_fan-font);
    color: var(--_fan-text);
    -webkit-tap-highlight-color: transparent;
  }
  :host([hidden]) {
    display: none !important;
  }
  /* Widgets put it only on their own unpadded, borderless text. */
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  :focus-visible {
    outline: 2px solid var(--_fan-focus);
    outline-offset: 2px;
  }
`;
