#!/usr/bin/env node
import cluster from 'node:cluster';
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfigFile, MIN_SECRET_LENGTH, parseConfig, secretsFromEnv, storesOf, type Config } from './config.js';
import { createServer } from './server.js';

const USAGE = `Usage: fanfare-server [--host 127.0.0.1] [--port 8787] [--db ./fanfare.db] [--media ./media] [--config fanfare.config.json]
                      [--workers N]

  --workers N          N processes sharing the port (node:cluster), when the config's stores are
                       ClickHouse and PostgreSQL: "store": {"events": "clickhouse", "state": "postgres"}

Environment (each at least ${MIN_SECRET_LENGTH} characters; \`openssl rand -hex 24\` makes one):
  FANFARE_ADMIN_TOKEN  token for the dashboard and /api/stats (else "adminToken" in the config;
                       else a random one is made and printed at start)
  FANFARE_SECRET       key that signs game ids (else "secret" in the config; else random per start,
                       which voids games started before a restart; give every process and machine the same)
  FANFARE_POSTGRES_URL postgres://user:pass@host:5432/db for "state": "postgres" (else "postgres": {"url"})`;

async function main(): Promise<void> {
  let args;
  try {
    args = parseArgs({
      options: {
        host: { type: 'string' },
        port: { type: 'string' },
        db: { type: 'string' },
        media: { type: 'string' },
        config: { type: 'string' },
        workers: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }).values;
  } catch (err) {
    console.error(`${(err as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (args.help) {
    console.log(USAGE);
    return;
  }

  let config: Config;
  try {
    config = args.config ? loadConfigFile(args.config) : parseConfig({});
    const port = args.port === undefined ? config.port : Number(args.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`--port ${args.port} is not a port`);
    config = parseConfig({
      ...config,
      ...secretsFromEnv(process.env),
      host: args.host ?? config.host,
      port,
      db: args.db ?? config.db,
      media: args.media ?? config.media,
    });
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  const workers = args.workers === undefined ? 1 : Number(args.workers);
  if (!Number.isInteger(workers) || workers < 1 || workers > 256) {
    console.error(`--workers ${args.workers} is not a number of processes (1 to 256)`);
    process.exit(2);
  }
  const stores = storesOf(config);
  if (workers > 1 && (stores.events === 'sqlite' || stores.state === 'sqlite')) {
    console.error(
      `--workers ${workers} needs stores that several processes can share: "store": {"events": "clickhouse", "state": "postgres"} ` +
        `in the config (now events: ${stores.events}, state: ${stores.state}). SQLite is one file that one process writes; run one process, or move to ClickHouse and PostgreSQL.`,
    );
    process.exit(2);
  }
  let madeToken = false;
  if (!config.adminToken) {
    config = { ...config, adminToken: randomBytes(18).toString('base64url') };
    madeToken = true;
  }
  if (workers > 1 && cluster.isPrimary) return primary(workers, config, madeToken);

  const server = await createServer(config, { logger: { level: process.env.LOG_LEVEL ?? 'info' } });
  const log = server.app.log;
  const address = await server.app.listen({ host: config.host, port: config.port });
  log.info({ db: config.db, store: config.store, campaigns: Object.keys(config.campaigns) }, `dashboard at ${address}/`);
  if (madeToken) log.warn(`no FANFARE_ADMIN_TOKEN set; this run's admin token is ${config.adminToken}`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down: committing held events');
    server.close().then(
      () => process.exit(0),
      (err: unknown) => {
        log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

/**
 * `--workers N`: this process only forks and watches; each worker is a whole server on the
 * shared port. Workers get the admin token and the secret in their environment, so a game
 * started on one is claimed on another even when neither is configured (one random secret
 * for all). A worker that dies is started again; SIGTERM and SIGINT stop them all gracefully.
 */
function primary(workers: number, config: Config, madeToken: boolean): void {
  const env = {
    FANFARE_ADMIN_TOKEN: config.adminToken!,
    FANFARE_SECRET: config.secret ?? randomBytes(32).toString('hex'),
  };
  const log = (text: string) => console.log(JSON.stringify({ level: 30, time: Date.now(), pid: process.pid, msg: text }));
  if (madeToken) log(`no FANFARE_ADMIN_TOKEN set; this run's admin token is ${config.adminToken}`);
  let stopping = false;
  const started = new Map<number, number>();
  const fork = () => {
    const w = cluster.fork(env);
    started.set(w.id, Date.now());
  };
  cluster.on('exit', (w, code, signal) => {
    const ranFor = Date.now() - (started.get(w.id) ?? 0);
    started.delete(w.id);
    if (stopping) {
      if (started.size === 0) process.exit(0);
      return;
    }
    log(`worker ${w.process.pid} exited (${signal ?? code}) after ${ranFor} ms; starting another`);
    // One that dies at once (a database down at start) is retried a second later, not in a hot loop.
    setTimeout(fork, ranFor < 5000 ? 1000 : 0);
  });
  for (let i = 0; i < workers; i++) fork();
  log(`${workers} workers on ${config.host}:${config.port}`);
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping ${started.size} workers`);
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
    if (started.size === 0) process.exit(0);
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
