import { afterAll, beforeAll, expect, it } from 'vitest';
import { batch, send, share, start, type Running } from './helpers.js';

// A seeded generator, so a failure names a seed that reproduces it.
function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SEED = 20261122;
const COUNT = 3000;

function bodies(): (string | Uint8Array<ArrayBuffer>)[] {
  const r = rng(SEED);
  const int = (n: number) => Math.floor(r() * n);
  const pick = <T,>(xs: T[]): T => xs[int(xs.length)]!;
  const weird: unknown[] = [null, true, -1, 0, 1e308, -1e308, 2 ** 53 + 1, '', 'x'.repeat(3000), [], {}, [[[]]], '\u0000', '\ud800', 'é', '😀'];
  const randomValue = (depth: number): unknown => {
    if (depth > 3 || r() < 0.4) return pick(weird);
    if (r() < 0.5) return Array.from({ length: int(4) }, () => randomValue(depth + 1));
    return Object.fromEntries(Array.from({ length: int(4) }, () => [pick(['v', 'site', 'e', 'id', 'n', 't', 'p', 'w', 'u']), randomValue(depth + 1)]));
  };
  const valid = () => batch('fuzz', Array.from({ length: 1 + int(5) }, () => share(pick(['weibo', 'x', 'wechat']))));
  const out: (string | Uint8Array<ArrayBuffer>)[] = [];
  for (let i = 0; i < COUNT; i++) {
    switch (i % 6) {
      case 0: // random bytes
        out.push(Uint8Array.from({ length: int(300) }, () => int(256)));
        break;
      case 1: {
        // a valid batch with a few bytes flipped
        const bytes = Buffer.from(valid());
        for (let k = 0; k < 1 + int(4); k++) bytes[int(bytes.length)] = int(256);
        out.push(new Uint8Array(bytes));
        break;
      }
      case 2: {
        // a valid batch cut short
        const text = valid();
        out.push(text.slice(0, int(text.length)));
        break;
      }
      case 3: // any JSON at all
        out.push(JSON.stringify(randomValue(0)) ?? 'undefined');
        break;
      case 4: {
        // the right shape with one field replaced by something odd
        const obj = JSON.parse(valid()) as Record<string, unknown> & { e: Record<string, unknown>[] };
        if (r() < 0.5) obj[pick(['v', 'site', 'sdk', 'pv', 'u', 'e'])] = randomValue(1);
        else obj.e[0]![pick(['id', 'n', 'w', 't', 'p'])] = randomValue(1);
        out.push(JSON.stringify(obj));
        break;
      }
      default: // deep nesting of random depth
        out.push(`${'['.repeat(int(50_000))}1`);
    }
  }
  return out;
}

let s: Running;
beforeAll(async () => {
  s = await start();
});
afterAll(() => s.stop());

it(`answers ${COUNT} hostile bodies with 204 or a 4xx, and keeps serving (seed ${SEED})`, async () => {
  const all = bodies();
  const statuses = new Map<number, number>();
  let next = 0;
  // A few requests in flight at once, so failures that need concurrency have a chance to show.
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < all.length) {
        const body = all[next++]!;
        const res = await send(s.url, body);
        await res.arrayBuffer();
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      }
    }),
  );
  const codes = [...statuses.keys()].sort();
  expect(codes.every((c) => c === 204 || (c >= 400 && c < 500)), `statuses seen: ${JSON.stringify([...statuses])}`).toBe(true);
  expect(statuses.get(400) ?? 0).toBeGreaterThan(COUNT / 2);
  const ok = await send(s.url, batch('after-fuzz', [share()]));
  expect(ok.status).toBe(204);
  expect(await s.server.store.count('after-fuzz')).toBe(1);
}, 60_000);
