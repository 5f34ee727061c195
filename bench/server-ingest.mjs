// Ingest throughput of @fanfare/server: the real CLI in its own process, on loopback,
// with autocannon sending beacon batches of 1 and 5 events. Bounded: BENCH_SECONDS per run (default 10).
//   node bench/server-ingest.mjs
// BENCH_MIX=pageviews puts page views in the mix: each request starts with one (one in five
// landing from a shared link, with its token and UTM: a visitor hash and a share lookup).
// BENCH_MIX=attribution also gives every share its token, as the attribution-era widgets send them.
// BENCH_WORKERS=N runs the server as many processes do past one machine: events in a
// throwaway ClickHouse, state in a throwaway PostgreSQL, `--workers N` (node:cluster), not
// pinned; CPU per event then counts every worker.
// Prints events/s and latency percentiles, then checks every acknowledged event was stored.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir, availableParallelism } from 'node:os';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

// BENCH_SERVER=<dir> benches another build of the package (an older commit's, for an A/B run).
const pkg = process.env.BENCH_SERVER ? join(process.env.BENCH_SERVER, '/') : fileURLToPath(new URL('../packages/server/', import.meta.url));
const requireFromServer = createRequire(pkg);
const Database = requireFromServer('better-sqlite3');
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 128);
const sync = process.env.BENCH_SYNC ?? 'normal';
const batchMs = Number(process.env.BENCH_BATCH_MS ?? 2);

// The built CLI, as the demo and the end-to-end tests run it (scripts/fanfare-server.mjs).
const cli = join(pkg, 'dist/cli.js');
if (!existsSync(cli)) {
  console.error('packages/server/dist/cli.js is missing: run `pnpm build` first.');
  process.exit(1);
}

const dir = mkdtempSync(join(tmpdir(), 'fanfare-bench-'));
const db = join(dir, 'bench.db');
const workers = process.env.BENCH_WORKERS ? Number(process.env.BENCH_WORKERS) : 0;
let clickhouse;
let postgres;
const scaled = {};
if (workers) {
  const { clickhouseBinary, startClickHouse } = await import('../scripts/clickhouse.mjs');
  const { postgresBinDir, startPostgres } = await import('../scripts/postgres.mjs');
  [clickhouse, postgres] = await Promise.all([startClickHouse(clickhouseBinary()), startPostgres(postgresBinDir())]);
  Object.assign(scaled, {
    store: { events: 'clickhouse', state: 'postgres' },
    clickhouse: { url: clickhouse.url, database: 'fanfare_bench' },
    postgres: { url: await postgres.createDatabase('fanfare_bench') },
  });
}
writeFileSync(join(dir, 'config.json'), JSON.stringify({ rateLimit: { perSecond: 0, burst: 1 }, sqliteSync: sync, batchMs, ...scaled }));

// Pin the server to one core when taskset exists, so the figure is "one core" and autocannon has the other.
// BENCH_PROFILE=<dir> writes the server's CPU profile there (node --cpu-prof) when it exits.
const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];
const cmd = [process.execPath, ...profile, cli, '--port', '0', '--db', db, '--config', join(dir, 'config.json'), ...(workers ? ['--workers', String(workers)] : [])];
const pinned = !workers && availableParallelism() > 1 && (await hasTaskset());
const server = spawn(pinned ? 'taskset' : cmd[0], pinned ? ['-c', '0', ...cmd] : cmd.slice(1), {
  env: { ...process.env, FANFARE_ADMIN_TOKEN: 'bench-token-0123456789', LOG_LEVEL: 'info' },
  stdio: ['ignore', 'pipe', 'inherit'],
});
const url = await new Promise((resolve, reject) => {
  let out = '';
  server.stdout.on('data', (chunk) => {
    out += chunk;
    const m = /dashboard at (http:\/\/[^/\s"]+)\//.exec(out);
    if (m) resolve(m[1]);
  });
  server.on('exit', () => reject(new Error(`server exited:\n${out}`)));
});

// Ids as the beacon makes them: base-36 milliseconds, then 12 random characters
// (packages/beacon/src/logic/ids.ts). BENCH_IDS=random uses purely random ids instead, to
// show what time order saves the server's duplicate index.
const randomIds = process.env.BENCH_IDS === 'random';
function eventId() {
  const rand = randomBytes(9).toString('base64url');
  return randomIds ? `${rand}${randomBytes(6).toString('base64url')}` : `${Date.now().toString(36)}${rand}`;
}

const mix = ['pageviews', 'attribution'].includes(process.env.BENCH_MIX) ? process.env.BENCH_MIX : 'shares';
// Tokens as the widgets mint them; landings reuse the first few, so some find their share.
const token = () => randomBytes(9).toString('base64url');
const shared = Array.from({ length: 50 }, token);
let requestNo = 0;

function body(events) {
  const e = Array.from({ length: events }, (_, i) => ({ id: eventId(), n: 'share', w: 'fan-share', t: 1234 + i, p: { network: 'weibo' } }));
  if (mix !== 'shares') {
    const n = requestNo++;
    if (mix === 'attribution') for (const x of e) x.p.ref = n < shared.length ? shared[n] : token();
    const landing = n % 5 === 0 ? { ref: shared[n % shared.length], utm: { source: 'weibo', medium: 'social', campaign: 'spring' } } : {};
    e[0] = { id: eventId(), n: 'pageview', w: 'page', t: 120, p: landing };
  }
  return JSON.stringify({ v: 1, site: 'bench', sdk: '0.1.0', pv: 'pv', u: 'https://shop.example/p/42', r: '', e });
}

// CPU time the server process (and its workers) spent, from /proc (Linux): steadier than
// events/s on a shared machine.
function cpuMs() {
  try {
    const stat = (pid) => readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    const ticks = (f) => Number(f[11]) + Number(f[12]); // utime + stime, in ticks of 10 ms
    let total = ticks(stat(server.pid));
    if (workers) {
      for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
        try {
          const f = stat(pid);
          if (Number(f[1]) === server.pid) total += ticks(f);
        } catch {
          // A process that ended meanwhile.
        }
      }
    }
    return (total * 1000) / 100;
  } catch {
    return NaN;
  }
}

const rows = [];
for (const events of [1, 5]) {
  const cpuBefore = cpuMs();
  const result = await autocannon({
    url: `${url}/e`,
    method: 'POST',
    connections,
    duration: seconds,
    requests: [{ setupRequest: (req) => ({ ...req, body: body(events) }) }],
    headers: {
      'content-type': 'text/plain;charset=UTF-8',
      'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0 fanfare-bench',
      origin: 'https://shop.example',
    },
  });
  const ok = result['2xx'];
  const cpu = cpuMs() - cpuBefore;
  rows.push({
    'events/request': events,
    'requests/s': Math.round(ok / seconds),
    'events/s': Math.round((ok * events) / seconds),
    'p50 ms': result.latency.p50,
    'p97.5 ms': result.latency.p97_5,
    'p99 ms': result.latency.p99,
    'server CPU µs/event': Number.isNaN(cpu) ? '?' : Math.round((cpu * 1000) / (ok * events)),
    errors: result.errors + result.non2xx,
    acked: ok * events,
  });
}

const walBytes = existsSync(`${db}-wal`) ? statSync(`${db}-wal`).size : 0;
server.kill('SIGTERM');
await new Promise((r) => server.on('exit', r));
let stored;
if (workers) {
  const q = encodeURIComponent("SELECT count(DISTINCT id) FROM fanfare_bench.events WHERE site = 'bench'");
  stored = Number((await (await fetch(`${clickhouse.url}/?query=${q}`)).text()).trim());
  await Promise.all([clickhouse.stop(), postgres.stop()]);
} else {
  stored = new Database(db, { readonly: true }).prepare("SELECT count(*) AS c FROM events WHERE site = 'bench'").get().c;
}
rmSync(dir, { recursive: true, force: true });

console.log(`\n@fanfare/server ingest, ${{ shares: 'shares only', pageviews: 'page views in the mix', attribution: 'page views, and shares with tokens' }[mix]}, ${workers ? `ClickHouse events and PostgreSQL state, --workers ${workers}` : `SQLite (synchronous=${sync})`}, ${randomIds ? 'random' : "time-ordered (the beacon's)"} event ids, batch window ${batchMs} ms, ${connections} connections, ${seconds} s a run, server ${pinned ? 'pinned to one core' : 'not pinned'}, Node ${process.version}`);
console.table(rows);
const acked = rows.reduce((a, r) => a + r.acked, 0);
if (!workers) console.log(`WAL file at the end of the load: ${(walBytes / 1e6).toFixed(1)} MB`);
console.log(`acknowledged ${acked} events, stored ${stored}: ${stored >= acked ? 'none lost' : `${acked - stored} LOST`}`);

async function hasTaskset() {
  return new Promise((resolve) => {
    const p = spawn('taskset', ['-c', '0', 'true'], { stdio: 'ignore' });
    p.on('error', () => resolve(false));
    p.on('exit', (code) => resolve(code === 0));
  });
}
