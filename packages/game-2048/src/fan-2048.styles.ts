import { css, unsafeCSS } from 'lit';
import { DARK } from './logic/config.js';
import { SLIDE_MS } from './controllers/slide-queue.js';

// What comes from the scripts (the slide's length, the dark text colour) stays out of
// the css`` below: the build minifies a css`` only when it has no interpolation. A
// tile's own colours, its place (--_col, --_row) and its type's scale (--_ts) arrive
// through CSSOM (see tile() in fan-2048.ts).
const computed = unsafeCSS(`:host{--_fan-2048-slide:${SLIDE_MS}ms;--_ink:${DARK}}`);

const fixed = css`
  :host {
    /* Every height follows from the width and the attributes (fanfare.css reserves it
       before the game arrives): lines of 1.25rem, so a bar 3rem tall (the scores), the
       square board, 2 lines a reward, a line of text over the share buttons' rows. The
       bars' room is padding, not margins that would reach past the widget's edges. */
    display: block;
    line-height: 1.25rem;
    max-width: var(--fan-2048-max-width, 30rem);
    --_gap: var(--fan-2048-gap, 8px);
    --_board: var(--fan-2048-board, #bbada0);
  }
  .bar { display: flex; align-items: center; gap: 0.5rem; padding: 0.5rem 0; }
  .foot { display: grid; }
  ul { margin: 0.5rem 0 0; }
  /* Two lines a reward whatever its title's length, so the list's height is its count
     (clipped below them, not at the side, where the bullet is). */
  li { height: 2lh; clip-path: inset(0 -2rem); }
  /* Empty until the game is offline, and then out of the way of what follows. */
  p[role] { margin: 0; }
  .logo { width: auto; height: 2.5rem; max-width: 40%; object-fit: contain; margin-inline-end: auto; }
  [part='score'] {
    padding: 0.25rem 0.8rem; border-radius: var(--_fan-radius); background: var(--_board);
    color: var(--_ink); text-align: center; font-size: 0.8rem;
  }
  b { display: block; font-size: 150%; }
  button {
    font: inherit; font-weight: 600; padding: 0.5rem 0.9rem; border: 0; border-radius: var(--_fan-radius);
    background: var(--_fan-brand); color: var(--_fan-on-brand); cursor: pointer;
  }
  [part='board'] {
    position: relative; aspect-ratio: 1; box-sizing: border-box; padding: var(--_gap); border-radius: var(--_fan-radius);
    background: var(--_board); touch-action: none; user-select: none; font-weight: 700; container-type: inline-size;
  }
  .cells { display: grid; grid-template-columns: repeat(var(--_size), 1fr); gap: var(--_gap); height: 100%; }
  i, .tile { border-radius: 6%; background: var(--fan-2048-cell, #cdc1b4); }
  .tile {
    position: absolute; top: var(--_gap); left: var(--_gap); z-index: 1; aspect-ratio: 1;
    width: calc((100% - var(--_gap) * (var(--_size) + 1)) / var(--_size));
    display: grid; place-items: center; overflow: hidden; white-space: nowrap;
    background: var(--_bg); color: var(--_fg); font-size: calc(var(--_ts) * 100cqw / var(--_size));
    transform: translate(calc(var(--_col) * (100% + var(--_gap))), calc(var(--_row) * (100% + var(--_gap))));
    transition: transform var(--_fan-2048-slide);
  }
  img { width: 100%; height: 100%; object-fit: cover; }
  .leaving { z-index: 0; }
  /* What appears with a move waits for the slide to end. */
  .spawned { animation: appear 0.15s var(--_fan-2048-slide) backwards; }
  .merged { animation: pop 0.15s var(--_fan-2048-slide) backwards; z-index: 2; }
  @keyframes appear { from { scale: 0; } }
  @keyframes pop { from { scale: 0.5; } 50% { scale: 1.15; } }
  @media (prefers-reduced-motion: reduce) { .tile { transition: none; animation: none; } }
  .over {
    position: absolute; inset: 0; z-index: 3; display: grid; place-content: center; justify-items: center; gap: 0.75rem;
    border-radius: var(--_fan-radius); background: #ffffffe6; color: var(--_ink); font-size: 1.5rem;
  }
  code { user-select: all; }
  dialog { border: 0; border-radius: var(--_fan-radius); text-align: center; }
  /* The code is what the fan came for: the largest thing in the dialog, easy to select whole. */
  .code {
    display: block; box-sizing: border-box; width: 100%; border: 0; background: none;
    font: 700 2rem ui-monospace, monospace; text-align: center; color: inherit;
  }
`;

export const styles = [fixed, computed];
