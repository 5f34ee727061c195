import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../src/config.js';
import { batch, send, share, start, type Running } from './helpers.js';

describe('parseConfig', () => {
  it('fills in defaults for an empty config', () => {
    const c = parseConfig({});
    expect(c).toMatchObject({ host: '127.0.0.1', port: 8787, store: 'sqlite', trustProxy: false, campaigns: {} });
  });

  const reward = { tile: 512, title: 'A', codes: ['X'] };
  it.each([
    ['a reward with both tile and score', { campaigns: { c: { rewards: [{ ...reward, score: 10 }] } } }, 'either "tile" or "score"'],
    ['a reward with no codes', { campaigns: { c: { rewards: [{ tile: 512, title: 'A' }] } } }, '"codes" or "generate"'],
    ['a campaign tied to an unknown site', { sites: { a: { origins: ['*'] } }, campaigns: { c: { site: 'b', rewards: [reward] } } }, 'no site "b"'],
    ['an origin with a path', { sites: { a: { origins: ['https://a.example/shop'] } } }, 'no path'],
    ['a short admin token', { adminToken: 'short' }, 'adminToken'],
    ['a site key with a quote', { sites: { "a'b": { origins: ['*'] } } }, 'sites'],
  ])('refuses %s and says where', (_name, input, message) => {
    expect(() => parseConfig(input)).toThrow(ConfigError);
    expect(() => parseConfig(input)).toThrow(message);
  });
});

describe('trustProxy', () => {
  let s: Running;
  beforeAll(async () => {
    s = await start({ trustProxy: '127.0.0.1', rateLimit: { perSecond: 0.001, burst: 1 } });
  });
  afterAll(() => s.stop());

  it('rate-limits each forwarded client on its own behind a trusted proxy', async () => {
    const from = (ip: string) => send(s.url, batch('proxied', [share()]), { 'x-forwarded-for': ip });
    expect((await from('203.0.113.1')).status).toBe(204);
    expect((await from('203.0.113.2')).status).toBe(204);
    expect((await from('203.0.113.1')).status).toBe(429);
  });
});
