import { css } from 'lit';

/** Styles of the popover panels, adopted when the first panel opens. */
export const panelStyles = css`
  .popover {
    position: fixed;
    top: 0;
    left: 0;
    z-index: 2147483000;
    box-sizing: border-box;
    width: max-content;
    max-width: min(300px, calc(100vw - 16px));
    padding: 20px 20px 16px;
    background: var(--_fan-surface);
    color: var(--_fan-text);
    border: 1px solid var(--_fan-border);
    border-radius: 12px;
    box-shadow: 0 12px 32px rgb(0 0 0 / 0.18);
    font: 14px / 1.5 var(--_fan-font);
    text-align: center;
  }
  .popover:focus {
    outline: none;
  }
  .close {
    position: absolute;
    top: 4px;
    inset-inline-end: 4px;
    display: grid;
    place-items: center;
    width: 32px;
    height: 32px;
    padding: 0;
    border: 0;
    border-radius: 50%;
    background: transparent;
    color: var(--_fan-muted);
    cursor: pointer;
  }
  .close:hover {
    background: rgb(127 127 127 / 0.15);
  }
  .close svg {
    width: 18px;
    height: 18px;
  }
  .qr {
    display: block;
    width: 176px;
    height: 176px;
    margin: 4px auto 12px;
    fill: #000;
    background: #fff;
    shape-rendering: crispEdges;
  }
  .hint {
    margin: 0;
    padding-inline: 4px;
    color: var(--_fan-muted);
  }
  .popover:has(.hint:only-of-type) .hint {
    margin-top: 8px;
  }
  .server,
  .manual {
    display: grid;
    gap: 8px;
    text-align: start;
    min-width: 240px;
  }
  .row {
    display: flex;
    gap: 8px;
  }
  input {
    flex: 1;
    min-width: 0;
    height: 36px;
    padding: 0 10px;
    border: 1px solid var(--_fan-border);
    border-radius: 8px;
    font: inherit;
    color: inherit;
    background: var(--_fan-surface);
  }
  .go {
    height: 36px;
    padding: 0 14px;
    border: 0;
    border-radius: 8px;
    background: var(--_fan-brand);
    color: var(--_fan-on-brand);
    font: 600 14px var(--_fan-font);
    cursor: pointer;
  }
  .error {
    color: #cf222e;
    font-size: 13px;
  }
  .close path {
    fill: none;
    stroke: currentColor;
    stroke-width: 2;
    stroke-linecap: round;
  }
  .offscreen {
    position: fixed;
    top: 0;
    left: -9999px;
    opacity: 0;
  }
`;
