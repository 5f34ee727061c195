import { describe, expect, it } from 'vitest';
import { chunk } from '../src/logic/chunk.js';
import { MAX_BYTES, MAX_EVENTS, type WireEvent } from '../src/logic/wire.js';

const page = { site: 'bloom-shop', sdk: '0.1.0', pv: 'pv1', u: 'https://shop.example/p/42', r: 'https://t.co' };
const ev = (i: number, pad = 0): WireEvent => ({ id: `e${i}`, n: 'share', w: 'fan-share', t: i, p: { network: 'x'.repeat(pad || 1) } });
const bytes = (s: string) => new TextEncoder().encode(s).length;

describe('chunk', () => {
  it.each([
    ['nothing', 0, 0, []],
    ['one', 1, 0, [1]],
    ['exactly fifty', 50, 0, [50]],
    ['fifty-one', 51, 0, [50, 1]],
    ['two hundred', 200, 0, [50, 50, 50, 50]],
    // Each event ~190 B of the 60,000 allowed: about 300 fit by size, but 50 by count.
    ['large events still cap at fifty', 120, 150, [50, 50, 20]],
    // ~2.1 KB each: size, not count, is the limit.
    ['size-limited', 60, 2000, [28, 28, 4]],
  ])('%s', (_label, count, pad, sizes) => {
    const events = Array.from({ length: count }, (_, i) => ev(i, pad));
    const out = chunk(page, events);
    expect(out.map((p) => p.e.length)).toEqual(sizes);
    expect(out.flatMap((p) => p.e)).toEqual(events);
    for (const p of out) {
      expect(p).toMatchObject({ v: 1, ...page });
      expect(p.e.length).toBeLessThanOrEqual(MAX_EVENTS);
      expect(bytes(JSON.stringify(p))).toBeLessThanOrEqual(MAX_BYTES);
    }
  });

  it('counts bytes, not characters, for non-ASCII text', () => {
    // 48 events of ~1,270 bytes: ~20,000 characters in all, but ~61,000 bytes.
    const events = Array.from({ length: 48 }, (_, i) => ({ ...ev(i), p: { title: '新年快乐'.repeat(100) } }));
    expect(JSON.stringify(events).length).toBeLessThan(MAX_BYTES);
    const out = chunk(page, events);
    for (const p of out) expect(bytes(JSON.stringify(p))).toBeLessThanOrEqual(MAX_BYTES);
    expect(out.length).toBe(2);
  });

  it('drops an event too large for any request and keeps the rest', () => {
    const out = chunk(page, [ev(1), ev(2, 70_000), ev(3)]);
    expect(out.flatMap((p) => p.e.map((e) => e.id))).toEqual(['e1', 'e3']);
  });

  it('honours smaller limits', () => {
    expect(chunk(page, Array.from({ length: 25 }, (_, i) => ev(i)), 10).map((p) => p.e.length)).toEqual([10, 10, 5]);
  });
});
