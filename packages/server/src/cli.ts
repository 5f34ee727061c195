#!/usr/bin/env node
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfigFile, MIN_SECRET_LENGTH, parseConfig, secretsFromEnv, type Config } from './config.js';
import { createServer } from './server.js';

const USAGE = `Usage: fanfare-server [--host 127.0.0.1] [--port 8787] [--db ./fanfare.db] [--media ./media] [--config fanfare.config.json]

Environment (each at least ${MIN_SECRET_LENGTH} characters; \`openssl rand -hex 24\` makes one):
  FANFARE_ADMIN_TOKEN  token for the dashboard and /api/stats (else "adminToken" in the config;
                       else a random one is made and printed at start)
  FANFARE_SECRET       key that signs game ids (else "secret" in the config; else random per start,
                       which voids games started before a restart)`;

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
  let madeToken = false;
  if (!config.adminToken) {
    config = { ...config, adminToken: randomBytes(18).toString('base64url') };
    madeToken = true;
  }

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

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
