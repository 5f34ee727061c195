import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeConfig } from '../../core/src/logic/config.js';
import { parseConfig } from '../src/config.js';
import { parseBatch } from '../src/wire.js';
import { batch, send, share, stats, start, type Running } from './helpers.js';

// The defect this guards: the page accepted site keys (`bloom.shop`) that the server then
// refused with 400, and the beacon never retries a 400, so every event of that site was lost.
// The server must accept exactly the keys the page's configure() accepts.

/** The key the page would send for `raw`, or undefined when configure() refuses it. */
function pageKey(raw: string): string | undefined {
  let refused = false;
  const out = normalizeConfig({ site: raw }, 'https://shop.example/', () => (refused = true));
  return refused ? undefined : out.site;
}

const reward = { tile: 32, title: 'A', codes: ['A-1'] };
const accepts = (f: () => unknown) => {
  try {
    f();
    return true;
  } catch {
    return false;
  }
};

/** Whether each place where the server reads a site key takes `key`, without a network round trip. */
function serverTakes(key: string): Record<string, boolean> {
  return {
    'config sites': accepts(() => parseConfig({ sites: { [key]: { origins: ['*'] } } })),
    "a campaign's site": accepts(() => parseConfig({ sites: { [key]: { origins: ['*'] } }, campaigns: { c: { site: key, rewards: [reward] } } })),
    'a batch': parseBatch(batch(key, [share()])).ok,
  };
}

const everywhere = (value: boolean) => ({ 'config sites': value, "a campaign's site": value, 'a batch': value });

const TABLE: [string, boolean][] = [
  ['bloom-shop', true],
  ['Bloom_Shop2', true],
  ['7', true],
  ['a'.repeat(64), true],
  ['bloom.shop', false],
  ['a'.repeat(65), false],
  ['-bloom', false],
  ['_bloom', false],
  ["a'b", false],
  ['bloom shop', false],
  ['花店', false],
  ['', false],
];

describe('site keys: the server takes exactly what the page takes', () => {
  it.each(TABLE)('%j: accepted %s by configure() and by the server', (key, ok) => {
    expect(pageKey(key) === key).toBe(ok);
    expect(serverTakes(key)).toEqual(everywhere(ok));
  });

  it('holds for any string (property)', () => {
    const unit = fc.constantFrom(...'abzAZ09-_.', ' ', "'", '"', '\\', '/', ':', 'é', '花', '😀', '\n');
    const keys = fc.oneof(
      fc.string({ unit, maxLength: 70 }),
      // Around the length limit.
      fc.string({ unit: fc.constantFrom('a', '-', '_', '.'), minLength: 60, maxLength: 70 }).map((s) => `k${s}`),
    );
    fc.assert(
      fc.property(keys, (raw) => {
        const sent = pageKey(raw);
        // What the page would send is taken everywhere; what it refuses is refused everywhere.
        if (sent !== undefined) expect(serverTakes(sent)).toEqual(everywhere(true));
        else expect(serverTakes(raw)).toEqual(everywhere(false));
      }),
      { numRuns: 2000 },
    );
  });

  describe('over HTTP', () => {
    let s: Running;
    beforeAll(async () => {
      s = await start();
    });
    afterAll(() => s.stop());

    it.each(TABLE.filter(([key]) => key !== ''))('%j: POST /e and GET /api/stats agree with configure()', async (key) => {
      const ok = pageKey(key) === key;
      const ingest = await send(s.url, batch(key, [share()]));
      expect(ingest.status).toBe(ok ? 204 : 400);
      const read = await stats(s.url, encodeURIComponent(key));
      expect(read.status).toBe(ok ? 200 : 400);
      if (!ok) expect(((await read.json()) as { error: string }).error).toBe('bad_request');
    });
  });
});
