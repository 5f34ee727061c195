import { css } from 'lit';

export const styles = css`
  /* The first step's height is the card's (4:5 of the frame's width) and rows of fixed
     height, in rem and px only: fanfare.css reserves exactly that before the widget's
     code is here (packages/embed/src/placeholders.ts). */
  :host {
    display: block;
    max-width: var(--fan-card-maker-width, 420px);
    --_bg: var(--fan-card-maker-surface, var(--_fan-surface));
    font-size: 1rem;
    line-height: 1.5;
  }
  section {
    display: grid;
    gap: 12px;
    padding: 12px;
    background: var(--_bg);
    border: 1px solid var(--_fan-border);
    border-radius: var(--_fan-radius);
  }
  h2 {
    margin: 0;
    font-size: 1.125rem;
    line-height: 1.5rem;
  }
  h2,
  .steps li,
  .name {
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .steps {
    display: grid;
    grid-template-columns: repeat(4, minmax(0, 1fr));
    gap: 4px;
    margin: 0;
    padding: 0;
    list-style: none;
    counter-reset: s;
    font-size: 0.75rem;
    line-height: 1rem;
    color: var(--_fan-muted);
  }
  .steps li {
    position: relative;
    counter-increment: s;
    border-top: 4px solid var(--_fan-border);
    padding-top: 4px;
  }
  .steps li::before {
    content: counter(s) ' ';
  }
  .steps [aria-current] {
    border-color: var(--_fan-brand);
    color: var(--_fan-text);
    font-weight: 600;
  }
  .stage {
    position: relative;
    /* The card's place while it is drawn: a quiet ground, no spinner. */
    background: #8881;
    border-radius: var(--_fan-radius);
    overflow: hidden;
    box-shadow: 0 2px 12px #0003;
  }
  canvas,
  .saved {
    display: block;
    width: 100%;
    height: auto;
  }
  /* A card received: as tall as the first step, row for row (the steps' bar, the card,
     the heading, the designs and the buttons with their gaps). */
  .received {
    grid-template-rows: calc(8px + 1rem) auto calc(7rem + 40px);
  }
  .received h2 {
    line-height: calc(8px + 1rem);
    text-align: center;
  }
  .received .button {
    place-self: center;
  }
  .broken {
    box-sizing: border-box;
    aspect-ratio: 4 / 5;
    display: grid;
    place-items: center;
    padding: 24px;
    text-align: center;
    text-wrap: balance;
  }
  .open {
    animation: open 0.8s cubic-bezier(0.2, 0.8, 0.3, 1.2);
  }
  @keyframes open {
    from {
      transform: perspective(800px) rotateY(-80deg) scale(0.6);
      opacity: 0;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .open {
      animation: none;
    }
  }
  .stickers {
    position: absolute;
    inset: 0;
    touch-action: none;
  }
  .handle {
    position: absolute;
    left: var(--x);
    top: var(--y);
    width: var(--size);
    aspect-ratio: 1;
    transform: translate(-50%, -50%) rotate(var(--r));
    background: none;
    border: 2px dashed transparent;
    border-radius: 8px;
    cursor: grab;
    padding: 0;
  }
  .handle[aria-current] {
    border-color: #fff;
    box-shadow: 0 0 0 2px #0008;
  }
  .panel {
    display: grid;
    gap: 8px;
  }
  .panel p {
    margin: 0;
  }
  .panel > button {
    justify-self: start;
  }
  textarea,
  select,
  .link {
    font: inherit;
    padding: 8px;
    border: 1px solid var(--_fan-border);
    border-radius: 6px;
  }
  .hint {
    font-size: 0.85rem;
    color: var(--_fan-muted);
  }
  .error {
    color: #b3261e;
  }
  fieldset {
    border: 0;
    padding: 0;
    margin: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
  }
  legend {
    padding: 0 0 6px;
  }
  .row {
    display: flex;
    align-items: center;
    gap: 8px;
  }
  .link {
    flex: 1;
    min-width: 0;
  }
  .actions,
  .nav {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
  }
  .nav {
    justify-content: space-between;
    height: 2.75rem;
  }
  /* One row of designs that scrolls sideways; its height leaves room for a scrollbar
     where the system shows one (Windows, Linux), so it is the same with or without. */
  .choices {
    box-sizing: border-box;
    display: flex;
    align-items: start;
    gap: 8px;
    height: calc(2.75rem + 20px);
    /* To the frame's edges, so a design cut by the edge says there are more. */
    margin: 0 -12px;
    padding: 4px 12px 0;
    scroll-padding-inline: 12px;
    overflow: auto hidden;
    overscroll-behavior-x: contain;
    scrollbar-width: thin;
  }
  .choices .hint {
    align-self: center;
    margin: -16px 0 0;
  }
  .nav :only-child:not(.secondary) {
    margin-left: auto;
  }
  button,
  .button {
    box-sizing: border-box;
    font: inherit;
    cursor: pointer;
    min-height: 2.75rem;
    padding: 8px 16px;
    border: 1px solid var(--_fan-brand);
    border-radius: var(--_fan-radius);
    background: var(--_fan-brand);
    color: var(--_fan-on-brand);
    text-decoration: none;
    text-align: center;
  }
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
  }
  .secondary,
  .template,
  .wish,
  .emoji {
    background: var(--_bg);
    color: var(--_fan-text);
    border-color: var(--_fan-border);
  }
  [aria-pressed='true'].template {
    border-color: var(--_fan-brand);
    box-shadow: inset 0 0 0 2px var(--_fan-brand);
  }
  .template {
    flex: none;
    display: flex;
    align-items: center;
    gap: 8px;
    height: 2.75rem;
    max-width: 14rem;
    padding-block: 0;
  }
  .swatch {
    flex: none;
    width: 20px;
    height: 20px;
    border-radius: 50%;
    background: linear-gradient(135deg, var(--a), var(--b));
  }
  .wish {
    text-align: start;
  }
  .emoji {
    font-size: 1.4rem;
    padding: 4px 8px;
  }
  button:disabled {
    opacity: 0.5;
    cursor: default;
  }
  .file {
    position: relative;
    justify-self: start;
  }
  .file input {
    position: absolute;
    opacity: 0;
    width: 1px;
  }
  .file:focus-within {
    outline: 2px solid var(--_fan-focus);
  }
`;
