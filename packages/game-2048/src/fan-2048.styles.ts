import { css, unsafeCSS } from 'lit';
import { DARK, PALETTE, textOn } from './logic/config.js';

// Per-value tile colours: .t1 is a 2, .t11 a 2048. A skin's colour for a value arrives
// as --_s<k> / --_f<k> set on the board through CSSOM (never an inline style attribute).
const tiles = Array.from({ length: 17 }, (_, i) => {
  const bg = PALETTE[Math.min(i, PALETTE.length - 1)];
  return `.t${i + 1}{--_bg:var(--_s${i + 1},${bg});--_fg:var(--_f${i + 1},${textOn(bg)})}`;
}).join('');
const places = Array.from({ length: 6 }, (_, i) => `.x${i}{--x:${i}}.y${i}{--y:${i}}.n${i + 1}{--n:${i + 1}}`).join('');

// Kept terse on purpose: this text ships as-is and counts against the 8 kB budget.
export const styles = css`
  :host { display: block; max-width: var(--fan-2048-max-width, 30rem); --_g: var(--fan-2048-gap, 8px); --_b: var(--fan-2048-board, #bbada0); }
  .bar { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem; margin: 0.5rem 0; }
  .logo { width: auto; height: 2.5rem; max-width: 40%; object-fit: contain; margin-inline-end: auto; }
  [part='score'] { padding: 0.2rem 0.8rem; border-radius: var(--_fan-radius); background: var(--_b); color: ${unsafeCSS(DARK)}; text-align: center; font-size: 0.8rem; }
  b { display: block; font-size: 150%; }
  button { font: inherit; font-weight: 600; padding: 0.5rem 0.9rem; border: 0; border-radius: var(--_fan-radius); background: var(--_fan-brand); color: var(--_fan-on-brand); cursor: pointer; }
  [part='board'] { position: relative; aspect-ratio: 1; box-sizing: border-box; padding: var(--_g); border-radius: var(--_fan-radius); background: var(--_b); touch-action: none; user-select: none; font-weight: 700; container-type: inline-size; }
  .cells { display: grid; grid-template-columns: repeat(var(--n), 1fr); gap: var(--_g); height: 100%; }
  i, .tile { border-radius: 6%; background: var(--fan-2048-cell, #cdc1b4); }
  .tile {
    position: absolute; top: var(--_g); left: var(--_g); z-index: 1; width: calc((100% - var(--_g) * (var(--n) + 1)) / var(--n)); aspect-ratio: 1;
    display: grid; place-items: center; overflow: hidden; white-space: nowrap; background: var(--_bg); color: var(--_fg); font-size: calc(var(--_z, 0.45) * 100cqw / var(--n));
    transform: translate(calc(var(--x) * (100% + var(--_g))), calc(var(--y) * (100% + var(--_g)))); transition: transform 0.1s;
  }
  .l3 { --_z: 0.36; } .l4 { --_z: 0.28; } .l5 { --_z: 0.19; }
  img { width: 100%; height: 100%; object-fit: cover; }
  .gone { z-index: 0; }
  .new { animation: appear 0.15s 0.1s backwards; }
  .pop { animation: pop 0.15s 0.1s backwards; z-index: 2; }
  @keyframes appear { from { scale: 0; } }
  @keyframes pop { from { scale: 0.5; } 50% { scale: 1.15; } }
  @media (prefers-reduced-motion: reduce) { .tile { transition: none; animation: none; } }
  .over { position: absolute; inset: 0; z-index: 3; display: grid; place-content: center; justify-items: center; gap: 0.75rem; border-radius: var(--_fan-radius); background: #ffffffe6; color: ${unsafeCSS(DARK)}; font-size: 1.5rem; }
  code { user-select: all; font-size: 1.2em; }
  dialog { border: 0; border-radius: var(--_fan-radius); text-align: center; }
  ${unsafeCSS(tiles + places)}
`;
