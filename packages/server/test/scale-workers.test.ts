import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig, storesOf } from '../src/config.js';
import { bundleCli } from './child.js';

// `--workers N` and the two ways of naming the stores; the workers at work are in scale.test.ts.

async function run(args: string[]): Promise<{ code: number | null; out: string }> {
  const cli = await bundleCli();
  const proc = spawn(process.execPath, [cli, '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LOG_LEVEL: 'warn' } });
  let out = '';
  proc.stdout.on('data', (c: Buffer) => (out += c.toString()));
  proc.stderr.on('data', (c: Buffer) => (out += c.toString()));
  const code = await new Promise<number | null>((resolve) => proc.on('exit', resolve));
  return { code, out };
}

describe('--workers', () => {
  it('refuses more than one worker over SQLite, with exit code 2 and what to configure', async () => {
    const { code, out } = await run(['--workers', '3', '--db', ':memory:']);
    expect(code).toBe(2);
    expect(out).toMatch(/--workers 3 needs stores that several processes can share: "store": \{"events": "clickhouse", "state": "postgres"\}/);
    expect(out).toMatch(/now events: sqlite, state: sqlite/);
  }, 30_000);

  it('refuses a number that is not one', async () => {
    for (const n of ['0', 'two', '1.5']) {
      const { code, out } = await run(['--workers', n]);
      expect(code).toBe(2);
      expect(out).toContain(`--workers ${n} is not a number of processes`);
    }
  }, 30_000);
});

describe('store config', () => {
  it('reads "sqlite", "clickhouse" and each store named', () => {
    expect(storesOf(parseConfig({}))).toEqual({ events: 'sqlite', state: 'sqlite', media: 'disk' });
    expect(storesOf(parseConfig({ store: 'clickhouse' }))).toEqual({ events: 'clickhouse', state: 'sqlite', media: 'disk' });
    // Photos follow the state to PostgreSQL, unless the config keeps them on disk.
    expect(storesOf(parseConfig({ store: { state: 'postgres' } }))).toEqual({ events: 'sqlite', state: 'postgres', media: 'postgres' });
    expect(storesOf(parseConfig({ store: { events: 'clickhouse', state: 'postgres' }, postgres: { url: 'postgres://u:p@h:5432/d' } }))).toEqual({
      events: 'clickhouse',
      state: 'postgres',
      media: 'postgres',
    });
    expect(storesOf(parseConfig({ store: { state: 'postgres', media: 'disk' } }))).toEqual({ events: 'sqlite', state: 'postgres', media: 'disk' });
    expect(storesOf(parseConfig({ store: { media: 'disk' } }))).toEqual({ events: 'sqlite', state: 'sqlite', media: 'disk' });
  });

  it('refuses photos in PostgreSQL without the state there, and a media store it does not know, saying what to write', () => {
    expect(() => parseConfig({ store: { media: 'postgres' } })).toThrow(
      /store\.media: "postgres" keeps photos in the state store's PostgreSQL: it needs "state": "postgres" \(or "media": "disk", the --media folder\)/,
    );
    expect(() => parseConfig({ store: { state: 'sqlite', media: 'postgres' } })).toThrow(ConfigError);
    expect(() => parseConfig({ store: { state: 'postgres', media: 's3' } })).toThrow(/store\.media: Invalid option: expected one of "disk"\|"postgres"/);
  });

  it('names a misspelt store key or a URL that is not PostgreSQL’s', () => {
    expect(() => parseConfig({ store: { event: 'clickhouse' } })).toThrow(ConfigError);
    expect(() => parseConfig({ store: { state: 'mysql' } })).toThrow(/store/);
    expect(() => parseConfig({ postgres: { url: 'mysql://h/d' } })).toThrow(/postgres\.url: a postgres:\/\/user:pass@host:5432\/db URL/);
  });
});
