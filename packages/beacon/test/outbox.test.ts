import { describe, expect, it } from 'vitest';
import { addBatches, emptyOutbox, MAX_OUTBOX_AGE, parseOutbox, removeBatch, type Batch, type Outbox } from '../src/logic/outbox.js';

const HOUR = 3_600_000;
const batch = (at: number, ids: string[]): Batch => ({
  at,
  p: { v: 1, sdk: '0.1.0', pv: 'pv', u: 'https://a.example/', e: ids.map((id, t) => ({ id, n: 'share', w: 'fan-share', t })) },
});
const ids = (box: { b: Batch[] }) => box.b.flatMap((x) => x.p.e.map((e) => e.id));
const countEvents = (box: Outbox) => box.b.reduce((sum, x) => sum + x.p.e.length, 0);
const range = (from: number, n: number, prefix = 'e') => Array.from({ length: n }, (_, i) => `${prefix}${from + i}`);

describe('addBatches bounds', () => {
  const now = 100 * HOUR;
  it.each([
    ['keeps a small, fresh outbox', [batch(now - HOUR, ['a', 'b'])], ['a', 'b']],
    ['drops batches older than a day', [batch(now - MAX_OUTBOX_AGE - 1, ['old']), batch(now - HOUR, ['new'])], ['new']],
    ['keeps one exactly a day old', [batch(now - MAX_OUTBOX_AGE, ['edge'])], ['edge']],
    ['orders by age', [batch(now - 1, ['late']), batch(now - 2, ['early'])], ['early', 'late']],
  ])('%s', (_label, b, want) => {
    expect(ids(addBatches(emptyOutbox(), b, now))).toEqual(want);
  });

  it.each([
    ['two hundred stay', [[0, 50], [50, 50], [100, 50], [150, 50]], range(0, 200)],
    ['the oldest batch goes first', [[0, 50], [50, 50], [100, 50], [150, 50], [200, 10]], range(50, 160)],
    ['as many oldest batches as it takes', [[0, 50], [50, 50], [100, 50], [150, 50], [200, 50], [250, 50]], range(100, 200)],
  ])('%s', (_label, spec, want) => {
    const b = spec.map(([from, n], i) => batch(now - 10 + i, range(from!, n!)));
    const box = addBatches(emptyOutbox(), b, now);
    expect(countEvents(box)).toBeLessThanOrEqual(200);
    expect(ids(box)).toEqual(want);
  });
});

describe('addBatches', () => {
  it('never stores the same batch twice', () => {
    const box = addBatches(addBatches(emptyOutbox(), [batch(1, ['a', 'b'])], 2), [batch(2, ['c']), batch(3, ['a', 'b'])], 3);
    expect(ids(box)).toEqual(['a', 'b', 'c']);
    expect(box.b).toHaveLength(2);
  });

  it('stays bounded however much fails', () => {
    let box = emptyOutbox();
    for (let i = 0; i < 30; i++) box = addBatches(box, [batch(i, range(i * 10, 10))], 30);
    expect(countEvents(box)).toBe(200);
    expect(ids(box)[0]).toBe('e100');
    expect(ids(box).at(-1)).toBe('e299');
  });

  it('keeps the retry state', () => {
    expect(addBatches({ n: 3, next: 99, b: [] }, [batch(1, ['a'])], 1)).toMatchObject({ n: 3, next: 99 });
  });
});

describe('removeBatch', () => {
  it('removes the delivered batch, even a copy read back from storage', () => {
    const box = { n: 1, next: 5, b: [batch(1, ['a', 'b']), batch(2, ['c'])] };
    expect(ids(removeBatch(box, JSON.parse(JSON.stringify(batch(1, ['a', 'b'])))))).toEqual(['c']);
    expect(ids(removeBatch(box, batch(9, ['z'])))).toEqual(['a', 'b', 'c']);
  });
});

describe('parseOutbox', () => {
  it.each([
    [null, emptyOutbox()],
    ['', emptyOutbox()],
    ['{not json', emptyOutbox()],
    ['[1,2]', emptyOutbox()],
    ['{"n":"x","next":null,"b":[{"at":1},{"at":2,"p":{"v":2,"e":[]}},{"p":{"v":1,"e":[{}]}}]}', emptyOutbox()],
    [JSON.stringify({ n: 2, next: 7, b: [batch(1, ['a'])] }), { n: 2, next: 7, b: [batch(1, ['a'])] }],
  ])('%j', (raw, want) => {
    expect(parseOutbox(raw, 10)).toEqual(want);
  });

  it('removes duplicates and enforces the bounds that appending pages skip', () => {
    const now = 100 * HOUR;
    const b = [batch(now - 3, range(0, 50)), batch(now - 3, range(0, 50)), ...[0, 1, 2, 3, 4].map((i) => batch(now - 2 + i / 10, range(100 + i * 50, 50))), batch(1, ['ancient'])];
    const box = parseOutbox(JSON.stringify({ n: 1, next: 2, b }), now);
    expect(countEvents(box)).toBe(200);
    expect(ids(box)).toEqual(range(150, 200));
    expect(box).toMatchObject({ n: 1, next: 2 });
  });
});
