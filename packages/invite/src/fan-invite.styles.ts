import { css } from 'lit';

// Every row has a fixed height, whatever the state (loading, inviting, ready to claim,
// the code, the holdout, WeChat), so the placeholder and every state take exactly the same
// space: 11.75rem in all (see packages/embed/src/placeholders.ts). Only a reward title long
// enough to need a third line makes the widget taller.
export const styles = css`
  :host {
    display: block;
    min-height: 11.75rem;
    font-size: 1rem;
    line-height: 1.4;
  }
  .base {
    box-sizing: border-box;
    min-height: 11.75rem;
    display: grid;
    grid-template-rows: minmax(3rem, auto) 2.5rem 2.75rem;
    gap: 0.75rem;
    align-content: center;
    padding: 1rem;
    background: var(--fan-invite-bg, var(--_fan-surface));
    color: var(--fan-invite-color, var(--_fan-text));
    border-radius: var(--_fan-radius);
    /* A border drawn inside, so it adds nothing to the size. */
    box-shadow: inset 0 0 0 1px var(--fan-invite-border, var(--_fan-border));
  }
  /* From the row's top, so a one-line heading (loading, sharing) and the two-line offer that
     replaces it start on the same line: the text never moves. */
  .heading {
    margin: 0;
    align-self: start;
    font-size: 1.0625rem;
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .muted {
    color: var(--_fan-muted);
    font-weight: 400;
  }
  /* One row of share buttons, scrolled sideways when a phone has no room for them all,
     with room for their focus rings. */
  .shares {
    overflow: auto hidden;
    padding: 4px;
    margin: -4px;
    scrollbar-width: thin;
  }
  fan-share::part(base) {
    flex-wrap: nowrap;
  }
  .foot {
    display: flex;
    align-items: center;
    gap: 0.75rem;
    min-width: 0;
  }
  .status {
    flex: 1;
    min-width: 0;
    margin: 0;
    font-size: 0.875rem;
    line-height: 1.25;
    overflow-wrap: anywhere;
  }
  /* Two lines at most for a long code, inside the row's 2.75rem. */
  .code {
    display: inline-block;
    max-width: 100%;
    box-sizing: border-box;
    padding: 0.125rem 0.375rem;
    font: 600 1rem / 1.2 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    letter-spacing: 0.04em;
    border: 1px dashed var(--fan-invite-accent, var(--_fan-brand));
    border-radius: 6px;
    user-select: all;
  }
  .btn {
    flex: none;
    min-height: 2.75rem;
    padding: 0 1rem;
    font: inherit;
    font-size: 0.9375rem;
    font-weight: 600;
    color: inherit;
    background: transparent;
    border: 1px solid var(--fan-invite-border, var(--_fan-border));
    border-radius: var(--_fan-radius);
    cursor: pointer;
    white-space: nowrap;
  }
  .primary {
    color: var(--_fan-on-brand);
    background: var(--fan-invite-accent, var(--_fan-brand));
    border-color: transparent;
  }
  .btn:hover {
    filter: brightness(1.08);
  }
  [aria-disabled='true'] {
    opacity: 0.6;
    cursor: progress;
  }
`;
