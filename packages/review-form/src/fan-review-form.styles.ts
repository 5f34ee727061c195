import { css } from 'lit';

// Phone first: one column, tap targets of at least 44 px. The form keeps the height the
// loader reserves (packages/embed/src/placeholders.ts) until the fan adds to it, so the
// page does not move when the widget arrives.
export const styles = css`
  :host {
    --_star: var(--fan-review-form-star-color, #b26b00);
    --_thumb: var(--fan-review-form-thumb-size, 4.5rem);
    display: block;
    max-width: 36rem;
    min-height: 46rem;
    font-size: 0.9375rem;
    line-height: 1.45;
  }
  .base {
    position: relative;
    box-sizing: border-box;
    min-height: inherit;
    display: flex;
    flex-direction: column;
    gap: 0.875rem;
    padding: 1rem;
    background: var(--_fan-surface);
    border: 1px solid var(--_fan-border);
    border-radius: var(--_fan-radius);
  }
  h2 {
    margin: 0;
    font-size: 1.25rem;
    line-height: 1.3;
  }
  p {
    margin: 0;
  }
  .product {
    margin-top: -0.625rem;
    color: var(--_fan-muted);
  }
  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    min-width: 0;
  }
  legend,
  label,
  .label {
    padding: 0;
    font-weight: 600;
  }
  .stars {
    display: flex;
    align-items: center;
  }
  .stars label {
    position: relative;
    display: grid;
    place-items: center;
    width: 2.75rem;
    height: 2.75rem;
    font-size: 1.875rem;
    line-height: 1;
    font-weight: 400;
    color: var(--_fan-border);
    cursor: pointer;
    border-radius: 50%;
  }
  .stars .on,
  /* Hovering a star shows what choosing it would give. */
  .stars label:hover,
  .stars label:has(~ label:hover) {
    color: var(--_star);
  }
  .stars:has(label:hover) label:hover ~ label {
    color: var(--_fan-border);
  }
  /* The radio stays in the page (one tab stop, arrow keys) but draws nothing itself. */
  .stars input {
    position: absolute;
    inset: 0;
    margin: 0;
    opacity: 0;
    cursor: inherit;
  }
  .stars label:has(:focus-visible) {
    outline: 2px solid var(--_fan-focus);
    outline-offset: -2px;
  }
  .word {
    margin-inline-start: 0.5rem;
    color: var(--_fan-muted);
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 0.375rem;
  }
  textarea,
  input {
    font: inherit;
    color: inherit;
  }
  textarea,
  #author {
    box-sizing: border-box;
    width: 100%;
    padding: 0.625rem 0.75rem;
    background: transparent;
    border: 1px solid var(--_fan-border);
    border-radius: calc(var(--_fan-radius) * 0.6);
  }
  textarea {
    min-height: 6.5rem;
    resize: vertical;
  }
  [aria-invalid='true'] {
    border-color: #d1242f;
  }
  .row {
    display: flex;
    justify-content: space-between;
    align-items: baseline;
    gap: 1rem;
  }
  .count {
    font-size: 0.8125rem;
    color: var(--_fan-muted);
    font-variant-numeric: tabular-nums;
  }
  .over,
  .error {
    color: #d1242f;
  }
  .error {
    font-size: 0.875rem;
  }
  .hint,
  .note {
    font-size: 0.8125rem;
    color: var(--_fan-muted);
  }
  .thumbs {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .thumbs li {
    position: relative;
  }
  .thumb {
    display: grid;
    place-items: center;
    box-sizing: border-box;
    width: var(--_thumb);
    height: var(--_thumb);
    border-radius: calc(var(--_fan-radius) * 0.6);
    overflow: hidden;
    background: #8882;
  }
  .thumb canvas {
    width: 100%;
    height: 100%;
    object-fit: cover;
  }
  .add {
    border: 1.5px dashed var(--_fan-border);
    background: transparent;
    font-size: 1.75rem;
    font-weight: 400;
    color: var(--_fan-muted);
    cursor: pointer;
  }
  .add:has(:focus-visible) {
    outline: 2px solid var(--_fan-focus);
    outline-offset: 2px;
  }
  button {
    font: inherit;
    cursor: pointer;
  }
  .remove {
    position: absolute;
    top: -0.5rem;
    inset-inline-end: -0.5rem;
    width: 1.75rem;
    height: 1.75rem;
    padding: 0;
    border: 2px solid var(--_fan-surface);
    border-radius: 50%;
    background: #000c;
    color: #fff;
    line-height: 1;
  }
  /* A bigger tap area than the drawn circle. */
  .remove::after {
    content: '';
    position: absolute;
    inset: -0.5rem;
  }
  .send {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.75rem;
    margin-top: auto;
  }
  .submit {
    min-height: 2.75rem;
    padding: 0 1.5rem;
    border: 0;
    border-radius: 99px;
    background: var(--_fan-brand);
    color: var(--_fan-on-brand);
    font-weight: 600;
  }
  .submit[aria-disabled='true'] {
    opacity: 0.6;
    cursor: progress;
  }
  progress {
    flex: 1;
    min-width: 6rem;
    height: 0.5rem;
    accent-color: var(--_fan-brand);
  }
  .status {
    padding: 0.625rem 0.75rem;
    border-inline-start: 3px solid var(--_fan-brand);
    background: #8881;
  }
  .status:empty {
    display: none;
  }
`;
