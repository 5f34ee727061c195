import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeMoves } from '@fanfare/game-2048/engine';
import { playUntil } from './player.js';
import { spawnServer, type Child } from './child.js';
import { clickhouseBinary, startClickHouse } from './clickhouse.js';
import { postgresBinDir, startPostgres } from './postgres.js';

// The scale-out figures of the server README, measured on loopback; a bench, so only with
// FANFARE_BENCH=1 (it takes about two minutes):
//   FANFARE_BENCH=1 npx vitest run packages/server/test/scale-bench.test.ts
// 1. Claims per second: SQLite, PostgreSQL with one process, PostgreSQL with three.
// 2. Ingest on ClickHouse with --workers 1 and 2: events/s, p99, CPU per event (all processes).

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
type Autocannon = (opts: object) => Promise<{ '2xx': number; non2xx: number; errors: number; latency: { p50: number; p99: number } }>;
// The root's autocannon (bench/'s dependency), which has no types of its own.
const loadAutocannon = async () => ((await import('autocannon' as string)) as { default: Autocannon }).default;
const env = { FANFARE_SECRET: 'bench-secret-shared-by-every-process', FANFARE_ADMIN_TOKEN: 'bench-admin-token-0123' };

const play = (seed: string, goal: number) => playUntil(4, seed, goal);

/** CPU ms of a process and its children (the cluster's workers), from /proc. */
function cpuMs(pid: number): number {
  let children: number[] = [];
  try {
    children = execFileSync('ps', ['--ppid', String(pid), '-o', 'pid=']).toString().split('\n').map(Number).filter(Boolean);
  } catch {
    // no children: ps exits 1
  }
  const pids = [pid, ...children];
  let ticks = 0;
  for (const p of pids) {
    try {
      const f = readFileSync(`/proc/${p}/stat`, 'utf8').split(') ')[1]!.split(' ');
      ticks += Number(f[11]) + Number(f[12]);
    } catch {
      // gone
    }
  }
  return ticks * 10;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;

describe.runIf(process.env.FANFARE_BENCH)('scale-out bench', () => {
  it('claims per second: SQLite, PostgreSQL with 1 process, with 3', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fanfare-bench-'));
    const pg = await startPostgres(postgresBinDir()!);
    const rows: object[] = [];
    try {
      const campaign = { rewards: [{ tile: 16, title: 'B', generate: { prefix: 'B-', length: 10 } }], minMsPerMove: 0, perPlayer: { gamesPerDay: 100_000, claimsPerDay: 100_000 } };
      const runs: [string, object, number][] = [
        ['SQLite, 1 process', { db: join(dir, 'bench.db') }, 1],
        ['PostgreSQL, 1 process', { store: { state: 'postgres' }, postgres: { url: await pg.createDatabase('bench_1') } }, 1],
        ['PostgreSQL, 3 processes', { store: { state: 'postgres' }, postgres: { url: await pg.createDatabase('bench_3') } }, 3],
      ];
      for (const [label, stores, processes] of runs) {
        const config = join(dir, `${processes}-${rows.length}.json`);
        writeFileSync(config, JSON.stringify({ ...stores, db: join(dir, `own-${rows.length}.db`), rateLimit: { perSecond: 0, burst: 1 }, trustProxy: true, campaigns: { b: campaign } }));
        const children: Child[] = await Promise.all(Array.from({ length: processes }, () => spawnServer(['--config', config], env)));
        try {
          const urls = children.map((c) => c.url);
          // Each game a player of its own (an IP of its own): one player's claims wait for each other, by design.
          const games: { id: string; moves: string; ip: string }[] = [];
          for (let i = 0; games.length < 1500; i++) {
            const ip = `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
            const res = await fetch(`${urls[i % urls.length]}/games`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': ip }, body: '{"campaign":"b"}' });
            const g = (await res.json()) as { id: string; seed: string };
            const log = play(g.seed, 16);
            if (log) games.push({ id: g.id, moves: encodeMoves(log), ip });
          }
          const latencies: number[] = [];
          const codes = new Set<string>();
          let next = 0;
          const t0 = performance.now();
          await Promise.all(
            Array.from({ length: 32 }, async () => {
              while (next < games.length) {
                const i = next++;
                const g = games[i]!;
                const t = performance.now();
                const res = await fetch(`${urls[i % urls.length]}/games/${g.id}/claim`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': g.ip }, body: JSON.stringify({ moves: g.moves }) });
                latencies.push(performance.now() - t);
                expect(res.status).toBe(200);
                codes.add(String(((await res.json()) as { code: string }).code));
              }
            }),
          );
          const s = (performance.now() - t0) / 1000;
          latencies.sort((a, b) => a - b);
          expect(codes.size).toBe(games.length);
          rows.push({ run: label, claims: games.length, 'claims/s': Math.round(games.length / s), 'p50 ms': Math.round(percentile(latencies, 0.5)), 'p99 ms': Math.round(percentile(latencies, 0.99)) });
        } finally {
          for (const c of children) c.proc.kill('SIGTERM');
          await Promise.all(children.map((c) => c.exited));
        }
      }
    } finally {
      await pg.stop();
      rmSync(dir, { recursive: true, force: true });
    }
    console.table(rows);
  }, 300_000);

  it('ingest on ClickHouse with --workers 1 and 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fanfare-bench-'));
    const [pg, ch] = await Promise.all([startPostgres(postgresBinDir()!), startClickHouse(clickhouseBinary()!)]);
    const rows: object[] = [];
    try {
      for (const workers of [1, 2]) {
        const config = join(dir, `w${workers}.json`);
        writeFileSync(
          config,
          JSON.stringify({
            store: { events: 'clickhouse', state: 'postgres' },
            clickhouse: { url: ch.url, database: `bench_w${workers}` },
            postgres: { url: await pg.createDatabase(`bench_w${workers}`) },
            rateLimit: { perSecond: 0, burst: 1 },
            // Each batch is one INSERT, one part for ClickHouse to merge: BENCH_BATCH_MS=50 makes fewer, larger ones.
            batchMs: Number(process.env.BENCH_BATCH_MS ?? 2),
          }),
        );
        const child = await spawnServer(['--config', config, '--workers', String(workers)], env);
        // Every worker listening: the first one's line comes before the others are up.
        await new Promise((r) => setTimeout(r, 1500));
        try {
          const body = () =>
            JSON.stringify({
              v: 1, site: 'bench', sdk: '0.1.0', pv: 'pv', u: 'https://shop.example/p/42', r: '',
              e: Array.from({ length: 5 }, (_, i) => ({ id: `${Date.now().toString(36)}${randomBytes(9).toString('base64url')}`, n: 'share', w: 'fan-share', t: 1234 + i, p: { network: 'weibo' } })),
            });
          const autocannon = await loadAutocannon();
          const before = cpuMs(child.proc.pid!);
          const result = await autocannon({
            url: `${child.url}/e`,
            method: 'POST',
            connections: 64,
            duration: SECONDS,
            requests: [{ setupRequest: (req: object) => ({ ...req, body: body() }) }],
            headers: { 'content-type': 'text/plain;charset=UTF-8', 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0 fanfare-bench', origin: 'https://shop.example' },
          });
          const cpu = cpuMs(child.proc.pid!) - before;
          const ok = result['2xx'];
          expect(result.non2xx).toBe(0);
          rows.push({
            workers,
            batchMs: Number(process.env.BENCH_BATCH_MS ?? 2),
            'events/s': Math.round((ok * 5) / SECONDS),
            'p50 ms': result.latency.p50,
            'p99 ms': result.latency.p99,
            'server CPU µs/event': Math.round((cpu * 1000) / (ok * 5)),
          });
        } finally {
          child.proc.kill('SIGTERM');
          await child.exited;
        }
      }
    } finally {
      await Promise.all([pg.stop(), ch.stop()]);
      rmSync(dir, { recursive: true, force: true });
    }
    console.table(rows);
  }, 300_000);
});
