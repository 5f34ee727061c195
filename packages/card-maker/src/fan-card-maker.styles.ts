import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    max-width: var(--fan-card-maker-width, 420px);
    --_bg: var(--fan-card-maker-surface, var(--_fan-surface));
  }
  section {
    display: grid;
    gap: 12px;
  }
  h2 {
    margin: 0;
    font-size: 1.1rem;
  }
  .steps {
    display: flex;
    gap: 4px;
    margin: 0;
    padding: 0;
    list-style: none;
    counter-reset: s;
    font-size: 0.8rem;
    color: var(--_fan-muted);
  }
  .steps li {
    flex: 1;
    counter-increment: s;
    border-top: 4px solid var(--_fan-border);
    padding-top: 4px;
  }
  .steps li::before {
    content: counter(s) '. ';
  }
  .steps [aria-current] {
    border-color: var(--_fan-brand);
    color: var(--_fan-text);
    font-weight: 600;
  }
  .stage {
    position: relative;
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
  .choices,
  .actions,
  .nav {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
  }
  .nav {
    justify-content: space-between;
  }
  .nav :only-child:not(.secondary) {
    margin-left: auto;
  }
  button,
  .button {
    box-sizing: border-box;
    font: inherit;
    cursor: pointer;
    min-height: 44px;
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
    display: flex;
    align-items: center;
    gap: 8px;
  }
  .swatch {
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
