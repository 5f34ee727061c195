import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfigFile, MIN_SECRET_LENGTH, parseConfig, secretsFromEnv } from '../src/config.js';
import { bundleCli } from './child.js';
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

describe('a short admin token or secret', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'fanfare-config-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is blamed on the environment variable it came from, with the minimum', () => {
    for (const name of ['FANFARE_ADMIN_TOKEN', 'FANFARE_SECRET']) {
      const read = () => secretsFromEnv({ [name]: 'short' });
      expect(read).toThrow(ConfigError);
      expect(read).toThrow(`the environment variable ${name} is 5 characters long; it must be at least ${MIN_SECRET_LENGTH} characters`);
      expect(read).not.toThrow(/config/);
    }
    expect(MIN_SECRET_LENGTH).toBe(16);
    expect(secretsFromEnv({ FANFARE_ADMIN_TOKEN: 'x'.repeat(16), FANFARE_SECRET: '' })).toEqual({ adminToken: 'x'.repeat(16) });
  });

  it('is blamed on the config file, by its path, when it is there', () => {
    const file = join(dir, 'short.json');
    writeFileSync(file, JSON.stringify({ adminToken: 'short' }));
    expect(() => loadConfigFile(file)).toThrow(`invalid config in ${file}:\n  adminToken: must be at least 16 characters`);
  });

  it('stops fanfare-server with exit code 2 and names FANFARE_ADMIN_TOKEN, not the config file it did not come from', async () => {
    const cli = await bundleCli();
    const file = join(dir, 'fine.json');
    writeFileSync(file, JSON.stringify({ db: join(dir, 'fine.db') }));
    const proc = spawn(process.execPath, [cli, '--port', '0', '--config', file], {
      env: { ...process.env, FANFARE_ADMIN_TOKEN: 'short' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    proc.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    proc.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => proc.on('exit', resolve));
    expect(code).toBe(2);
    expect(out).toContain('the environment variable FANFARE_ADMIN_TOKEN is 5 characters long; it must be at least 16 characters');
    expect(out).not.toContain(file);
    expect(out).not.toContain('adminToken');
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
