import { describe, expect, it } from 'vitest';
import { BRAND, CARD } from '../src/logic/card.js';
import { cover, layoutText, textBox } from '../src/logic/layout.js';
import { clampSticker, downscale } from '../src/logic/geometry.js';
import { loadTemplates } from '../src/logic/templates.js';
import { BUILTINS } from '../src/logic/builtins.js';
import { measure } from './measure.js';

const check = { color: () => true, url: (u: string) => u };
// A design in the first template format (no headline, no art): its photo's place goes to the text when there is no photo.
const [plain] = loadTemplates([{ id: 'plain', background: { colors: ['#fff'] }, text: { x: 90, y: 720, w: 900, h: 460 }, photo: { x: 140, y: 120, w: 800, h: 560 } }], check).templates;
const [birthday] = loadTemplates(BUILTINS, check).templates;

describe('card geometry', () => {
  it('is 1080×1350 with the brand zone at the foot', () => {
    expect(CARD).toEqual({ w: 1080, h: 1350 });
    expect(BRAND.y + BRAND.h).toBe(CARD.h);
  });

  it.each([
    ['with a photo the text keeps its own area', true, { x: 90, y: 720, w: 900, h: 460 }],
    ['without one it takes the photo area too', false, { x: 90, y: 120, w: 900, h: 1060 }],
  ])('%s', (_n, hasPhoto, box) => {
    expect(textBox(plain, hasPhoto)).toMatchObject(box);
  });

  it('a design with art keeps the photo place for its art: the text area never grows into it', () => {
    expect(textBox(birthday, false)).toEqual(textBox(birthday, true));
  });

  it('centres the text block in its box and keeps it inside', () => {
    const t = layoutText(plain, 'Happy birthday!', true, measure);
    const box = textBox(plain, true);
    const step = t.size * 1.3;
    const top = t.at[0].y - step / 2;
    const bottom = t.at[t.at.length - 1].y + step / 2;
    expect(top).toBeGreaterThanOrEqual(box.y);
    expect(bottom).toBeLessThanOrEqual(box.y + box.h);
    expect(Math.abs(top - box.y - (box.y + box.h - bottom))).toBeLessThan(1);
    expect(t.at[0].x).toBe(box.x + box.w / 2);
  });

  it.each([
    ['landscape', 4000, 3000, { w: 2048, h: 1536 }],
    ['portrait', 3000, 6000, { w: 1024, h: 2048 }],
    ['small stays as is', 800, 600, { w: 800, h: 600 }],
    ['a thin strip keeps a pixel', 100000, 10, { w: 2048, h: 1 }],
  ])('downscale %s', (_n, w, h, out) => {
    expect(downscale(w, h)).toEqual(out);
  });

  it.each([
    ['wide image into a square', 2000, 1000, { x: 0, y: 0, w: 100, h: 100 }, { x: 500, y: 0, w: 1000, h: 1000 }],
    ['tall image into a wide box', 1000, 2000, { x: 0, y: 0, w: 200, h: 100 }, { x: 0, y: 750, w: 1000, h: 500 }],
  ])('cover crops %s from the centre', (_n, w, h, box, crop) => {
    expect(cover(w, h, box)).toEqual(crop);
  });

  it.each([
    ['inside stays', { emoji: '🎈', x: 100, y: 200, scale: 100, rotation: 10 }, { emoji: '🎈', x: 100, y: 200, scale: 100, rotation: 10 }],
    ['off the card comes back', { emoji: '🎈', x: -50, y: 9999, scale: 100, rotation: 0 }, { emoji: '🎈', x: 0, y: 1350, scale: 100, rotation: 0 }],
    ['scale within range', { emoji: '🎈', x: 1, y: 1, scale: 5000, rotation: 0 }, { emoji: '🎈', x: 1, y: 1, scale: 300, rotation: 0 }],
    ['angle wraps', { emoji: '🎈', x: 1, y: 1, scale: 100, rotation: 190 }, { emoji: '🎈', x: 1, y: 1, scale: 100, rotation: -170 }],
    ['negative angle wraps', { emoji: '🎈', x: 1, y: 1, scale: 100, rotation: -200 }, { emoji: '🎈', x: 1, y: 1, scale: 100, rotation: 160 }],
  ])('clampSticker: %s', (_n, k, out) => {
    expect(clampSticker(k)).toEqual(out);
  });
});
