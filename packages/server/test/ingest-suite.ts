import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { batch, eventId, send, share, start, UA, type Running } from './helpers.js';
import type { Backend } from './store-suite.js';
import type { ErrorCode } from '@fanfare/core/errors';
import { MAX_BYTES } from '@fanfare/beacon/wire';
import { chunk } from '../../beacon/src/logic/chunk.js';
import { toWireEvent } from '../../beacon/src/logic/wire.js';

/** A valid, ASCII-only batch for site `open` of exactly `size` bytes, with fresh event ids. */
function batchOfBytes(size: number): { body: string; events: number } {
  const events: { p: Record<string, string> }[] = [];
  const body = (pv = 'pv-1') => batch('open', events, { pv });
  // Props of up to 512 characters, 32 an event, until the body is within a few bytes of the
  // size; the page view id (up to 64 characters) takes up the rest.
  for (;;) {
    let last = events.at(-1);
    if (!last || Object.keys(last.p).length === 32) events.push((last = { ...share(), p: {} as Record<string, string> }));
    const key = `f${Object.keys(last.p).length}`;
    last.p[key] = '';
    if (body().length > size - 8) {
      delete last.p[key];
      if (Object.keys(last.p).length === 0) events.pop();
      break;
    }
    last.p[key] = 'x'.repeat(Math.min(512, size - 8 - body().length));
  }
  const full = body(`pv-1${'x'.repeat(size - body().length)}`);
  if (full.length !== size) throw new Error(`could not make a batch of ${size} bytes`);
  return { body: full, events: events.length };
}

/** POST /e end to end; run once per event store (see ingest.test.ts and store-clickhouse.test.ts). */
export function ingestSuite(label: string, backend: () => Promise<Backend>): void {
  describe(`POST /e (${label})`, () => {
    let s: Running;
    let b: Backend;
    beforeAll(async () => {
      b = await backend();
      s = await start({
        ...b.config,
        sites: {
          'bloom-shop': { origins: ['https://shop.example'] },
          open: { origins: ['*'] },
        },
      });
    }, 60_000);
    afterAll(async () => {
      await s?.stop();
      await b?.done();
    });

    it('stores a valid batch and answers 204 with CORS for the page', async () => {
      const before = await s.server.store.count('bloom-shop');
      const res = await send(s.url, batch('bloom-shop', [share('weibo'), share('wechat'), { id: eventId(), n: 'view', w: 'fan-2048', t: 10 }]), {
        origin: 'https://shop.example',
      });
      expect(res.status).toBe(204);
      expect(res.headers.get('access-control-allow-origin')).toBe('https://shop.example');
      expect(res.headers.get('access-control-allow-credentials')).toBeNull();
      expect(await s.server.store.count('bloom-shop')).toBe(before + 3);
    });

    it('accepts application/json too', async () => {
      const before = await s.server.store.count('open');
      const res = await send(s.url, batch('open', [share()]), { 'content-type': 'application/json' });
      expect(res.status).toBe(204);
      expect(await s.server.store.count('open')).toBe(before + 1);
    });

    it('answers a preflight for pages that send application/json', async () => {
      const res = await fetch(`${s.url}/e`, {
        method: 'OPTIONS',
        headers: { origin: 'https://shop.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      });
      expect(res.status).toBe(204);
      expect(res.headers.get('access-control-allow-origin')).toBe('https://shop.example');
      expect(res.headers.get('access-control-allow-headers')).toContain('content-type');
    });

    it('drops duplicate event ids, within a batch and across retries', async () => {
      const before = await s.server.store.count('open');
      const a = share('x');
      const b = share('qq');
      expect((await send(s.url, batch('open', [a, a, b]))).status).toBe(204);
      expect((await send(s.url, batch('open', [a, b]))).status).toBe(204);
      expect(await s.server.store.count('open')).toBe(before + 2);
    });

    it('drops unknown fields and the query string, and keeps what the dashboard reads', async () => {
      const id = eventId();
      const res = await send(
        s.url,
        batch('open', [{ id, n: 'share', w: 'fan-share', t: 5, p: { network: 'douban' }, secret: 'x' }], { ip: '1.2.3.4' }),
      );
      expect(res.status).toBe(204);
      const agg = await s.server.store.aggregate({ site: 'open', from: 0, to: Date.now() + 1000 });
      expect(agg.shares.find((x) => x.network === 'douban')?.count).toBe(1);
    });

    it('refuses a page that is not on the site allowlist, and unknown sites', async () => {
      const before = await s.server.store.count();
      const wrong = await send(s.url, batch('bloom-shop', [share()]), { origin: 'https://evil.example' });
      expect(wrong.status).toBe(403);
      expect(((await wrong.json()) as { error: string }).error).toBe('forbidden');
      const unknown = await send(s.url, batch('nobody', [share()]), { origin: 'https://shop.example' });
      expect(unknown.status).toBe(403);
      expect(((await unknown.json()) as { error: string }).error).toBe('forbidden');
      expect(await s.server.store.count()).toBe(before);
    });

    it('answers bots like fans but stores nothing from them', async () => {
      const before = await s.server.store.count();
      for (const ua of ['Googlebot/2.1 (+http://www.google.com/bot.html)', 'facebookexternalhit/1.1', '']) {
        const res = await send(s.url, batch('open', [share()]), { 'user-agent': ua });
        expect(res.status).toBe(204);
      }
      expect(await s.server.store.count()).toBe(before);
    });

    const malformed: [string, string | Uint8Array<ArrayBuffer>, number, ErrorCode][] = [
      ['empty body', '', 400, 'bad_request'],
      ['not JSON', 'hello', 400, 'bad_request'],
      ['truncated JSON', '{"v":1,"site":"open","e":[', 400, 'bad_request'],
      ['a JSON array', '[]', 400, 'bad_request'],
      ['null', 'null', 400, 'bad_request'],
      ['wrong version', batch('open', [share()], { v: 2 }), 400, 'bad_request'],
      ['site with spaces', batch('o p e n', [share()]), 400, 'bad_request'],
      ['no events', batch('open', []), 400, 'bad_request'],
      ['51 events', batch('open', Array.from({ length: 51 }, () => share())), 400, 'bad_request'],
      ['event id of the wrong type', batch('open', [{ id: 42, n: 'share', w: 'fan-share', t: 1 }]), 400, 'bad_request'],
      ['time as a string', batch('open', [{ id: eventId(), n: 'share', w: 'fan-share', t: '1' }]), 400, 'bad_request'],
      ['huge number', `{"v":1,"site":"open","e":[{"id":"a","n":"share","w":"x","t":1e400}]}`, 400, 'bad_request'],
      ['negative time', batch('open', [{ id: eventId(), n: 'share', w: 'x', t: -1 }]), 400, 'bad_request'],
      ['nested property', batch('open', [{ id: eventId(), n: 'share', w: 'x', t: 1, p: { a: { b: 1 } } }]), 400, 'bad_request'],
      ['deep nesting', `${'['.repeat(20000)}${']'.repeat(20000)}`, 400, 'bad_request'],
      ['deep nesting in p', batch('open', [{ id: eventId(), n: 'share', w: 'x', t: 1, p: { a: JSON.parse(`${'['.repeat(500)}${']'.repeat(500)}`) } }]), 400, 'bad_request'],
      ['overlong id', batch('open', [{ id: 'x'.repeat(65), n: 'share', w: 'x', t: 1 }]), 400, 'bad_request'],
      ['overlong property', batch('open', [{ id: eventId(), n: 'share', w: 'x', t: 1, p: { a: 'x'.repeat(513) } }]), 400, 'bad_request'],
      ['bad event name', batch('open', [{ id: eventId(), n: 'DROP TABLE', w: 'x', t: 1 }]), 400, 'bad_request'],
      ['Latin-1 bytes', Uint8Array.from([0x7b, 0x22, 0xe9, 0xff, 0x22, 0x7d]), 400, 'bad_request'],
      ['UTF-16', new Uint8Array(Buffer.from(batch('open', [share()]), 'utf16le')), 400, 'bad_request'],
      ['over 60 KB', batch('open', [share()], { u: 'x'.repeat(70 * 1024) }), 413, 'bad_request'],
    ];
    it.each(malformed)('refuses %s with a 4xx, its code and a reason', async (_name, body, status, code) => {
      const before = await s.server.store.count();
      const res = await send(s.url, body);
      expect(res.status).toBe(status);
      const json = (await res.json()) as { error: string; message: string };
      expect(json.error).toBe(code);
      expect(json.message).toBeTruthy();
      expect(json.message).not.toMatch(/at .*\.ts:\d+/);
      expect(await s.server.store.count()).toBe(before);
    });

    it('takes every request the beacon makes, and refuses a byte more than its limit', async () => {
      // Events as large as the beacon makes them, so chunk() fills its requests by size, not count.
      const long = 'x'.repeat(300);
      const detail = { network: long, url: `https://shop.example/${long}`, campaign: long, title: long, template: long, format: long, channel: long };
      const events = Array.from({ length: 80 }, (_, i) => toWireEvent('fan-share', detail, 'fan-share', i, eventId()));
      const page = { site: 'open', sdk: '0.1.0', pv: 'pv-1', u: 'https://shop.example/p/42' };
      const requests = chunk(page, events);
      expect(requests.length).toBeGreaterThan(1);
      expect(JSON.stringify(requests[0]).length).toBeGreaterThan(MAX_BYTES - 2_000);
      for (const p of requests) expect((await send(s.url, JSON.stringify(p))).status).toBe(204);

      const before = await s.server.store.count();
      const largest = batchOfBytes(MAX_BYTES);
      expect((await send(s.url, largest.body)).status).toBe(204);
      const over = await send(s.url, batchOfBytes(MAX_BYTES + 1).body);
      expect(over.status).toBe(413);
      expect(((await over.json()) as { error: string }).error).toBe('bad_request');
      expect(await s.server.store.count()).toBe(before + largest.events);
    });

    it('does not let a __proto__ key change anything', async () => {
      const res = await send(s.url, `{"v":1,"site":"open","e":[{"id":"${eventId()}","n":"share","w":"x","t":1,"p":{"__proto__":{"polluted":1}}}],"__proto__":{"x":1}}`);
      // zod leaves the key out of the parsed record, so the event is stored without it.
      expect(res.status).toBe(204);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.prototype).not.toHaveProperty('x');
    });

    it('answers unknown paths with a JSON 404', async () => {
      const res = await fetch(`${s.url}/nope`, { headers: { 'user-agent': UA } });
      expect(res.status).toBe(404);
      expect(((await res.json()) as { error: string }).error).toBe('not_found');
    });
  });

  describe(`rate limit (${label})`, () => {
    let s: Running;
    let b: Backend;
    beforeAll(async () => {
      b = await backend();
      s = await start({ ...b.config, rateLimit: { perSecond: 1, burst: 3 } });
    }, 60_000);
    afterAll(async () => {
      await s?.stop();
      await b?.done();
    });

    it('answers 429 with Retry-After once a site and IP spend their burst, and other sites are not affected', async () => {
      const statuses: number[] = [];
      let retryAfter: string | null = null;
      let exposed: string | null = null;
      for (let i = 0; i < 5; i++) {
        const res = await send(s.url, batch('busy', [share()]));
        statuses.push(res.status);
        if (res.status === 429) {
          retryAfter = res.headers.get('retry-after');
          exposed = res.headers.get('access-control-expose-headers');
          expect(((await res.json()) as { error: string }).error).toBe('rate_limited');
        }
      }
      expect(statuses.slice(0, 3)).toEqual([204, 204, 204]);
      expect(statuses.slice(3)).toEqual([429, 429]);
      expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
      // A page's script (the beacon) may read it only if CORS exposes it.
      expect(exposed?.toLowerCase()).toContain('retry-after');
      expect((await send(s.url, batch('quiet', [share()]))).status).toBe(204);
      expect(await s.server.store.count('busy')).toBe(3);
    });
  });
}
