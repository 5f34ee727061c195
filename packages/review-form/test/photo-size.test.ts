import { describe, expect, it } from 'vitest';
import { fitWithin, MAX_SIDE, THUMB_SIDE } from '../src/logic/photo-size.js';

describe('fitWithin', () => {
  it.each([
    ['a 12 MP landscape photo', 4000, 3000, { width: 2048, height: 1536 }],
    ['a 12 MP portrait photo', 3000, 4000, { width: 1536, height: 2048 }],
    ['a square photo', 5000, 5000, { width: 2048, height: 2048 }],
    ['exactly the limit', 2048, 1000, { width: 2048, height: 1000 }],
    ['a small photo is never enlarged', 800, 600, { width: 800, height: 600 }],
    ['a panorama keeps at least 1 px', 100000, 10, { width: 2048, height: 1 }],
    ['an odd size rounds, the long side stays at the limit', 4031, 3023, { width: 2048, height: 1536 }],
    ['a portrait that rounds', 3023, 4031, { width: 1536, height: 2048 }],
  ])('%s', (_, w, h, want) => {
    expect(fitWithin(w, h)).toEqual(want);
  });

  it('never goes over the limit, for any size', () => {
    for (let w = 1; w < 9000; w += 997) {
      for (let h = 1; h < 9000; h += 1013) {
        const r = fitWithin(w, h);
        expect(Math.max(r.width, r.height)).toBeLessThanOrEqual(MAX_SIDE);
        expect(Math.min(r.width, r.height)).toBeGreaterThanOrEqual(1);
        // The aspect ratio is kept to within a pixel of rounding.
        expect(Math.abs(r.width / r.height - w / h) * Math.min(r.width, r.height)).toBeLessThanOrEqual(Math.max(w / h, h / w));
      }
    }
  });

  it('makes thumbnails with the same rule', () => {
    expect(fitWithin(2048, 1536, THUMB_SIDE)).toEqual({ width: 192, height: 144 });
  });
});
