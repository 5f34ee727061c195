import { describe, expect, it } from 'vitest';
import { clampIndex, indexAt, keyTarget, lastIndex, offsetOf, perView, slideWindow, step } from '../src/logic/carousel.js';

describe('perView', () => {
  it.each([
    [600, 212, 12, 2],
    [624, 212, 12, 3],
    [100, 212, 12, 1],
    [600, 0, 12, 1],
  ])('track %d, pitch %d, gap %d → %d', (w, pitch, gap, n) => {
    expect(perView(w, pitch, gap)).toBe(n);
  });
});

describe('index math', () => {
  it.each([
    // count, inView, last
    [10, 3, 7],
    [2, 3, 0],
    [0, 1, 0],
    [1000, 4, 996],
  ])('lastIndex(%d, %d) = %d', (count, inView, last) => {
    expect(lastIndex(count, inView)).toBe(last);
  });

  it.each([
    [-3, 10, 3, 0],
    [4.4, 10, 3, 4],
    [99, 10, 3, 7],
  ])('clampIndex(%d) in %d by %d = %d', (i, count, inView, out) => {
    expect(clampIndex(i, count, inView)).toBe(out);
  });

  it.each([
    [0, 200, 0],
    [290, 200, 1],
    [-410, 200, 2], // RTL
    [99999, 200, 7],
    [300, 0, 0],
  ])('indexAt(scroll %d, pitch %d) = %d', (scroll, pitch, i) => {
    expect(indexAt(scroll, pitch, 10, 3)).toBe(i);
  });

  it.each([
    [3, 200, false, 600],
    [3, 200, true, -600],
  ])('offsetOf(%d, %d, rtl %s) = %d', (i, pitch, rtl, px) => {
    expect(offsetOf(i, pitch, rtl)).toBe(px);
  });

  it.each([
    // index, delta, rewind, next
    [0, 1, false, 1],
    [7, 1, false, 7],
    [7, 1, true, 0],
    [0, -1, false, 0],
    [0, -1, true, 0],
    [5, -1, true, 4],
  ] as const)('step(%d, %d, rewind %s) = %d', (i, d, rewind, out) => {
    expect(step(i, d, 10, 3, rewind)).toBe(out);
  });
});

describe('keyTarget', () => {
  it.each([
    ['ArrowRight', 2, false, 3],
    ['ArrowLeft', 2, false, 1],
    ['ArrowLeft', 2, true, 3],
    ['ArrowRight', 2, true, 1],
    ['Home', 5, false, 0],
    ['End', 0, false, 7],
    ['ArrowRight', 7, false, 7],
    ['Enter', 2, false, undefined],
    ['ArrowDown', 2, false, undefined],
  ] as const)('%s from %d (rtl %s) → %s', (key, i, rtl, out) => {
    expect(keyTarget(key, i, 10, 3, rtl)).toBe(out);
  });
});

describe('slideWindow', () => {
  it.each([
    [0, 3, 1000, 2, [0, 5]],
    [500, 3, 1000, 2, [498, 505]],
    [997, 3, 1000, 2, [995, 1000]],
    [0, 3, 2, 2, [0, 2]],
    [0, 1, 0, 2, [0, 0]],
  ] as const)('index %d, %d in view, %d slides, overscan %d → %j', (i, inView, count, over, win) => {
    expect(slideWindow(i, inView, count, over)).toEqual(win);
  });
});
