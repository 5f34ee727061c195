import { randomBytes } from 'node:crypto';
import Fastify, { LogController, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { apiRoutes } from './api.js';
import { OrderService } from './attribution/orders.js';
import { AttributionService } from './attribution/report.js';
import { attributionRoutes } from './attribution/routes.js';
import { Visitors } from './attribution/visitors.js';
import { GroupCommit } from './batcher.js';
import { parseConfig, storesOf, type Config, type ConfigInput } from './config.js';
import { dashboardRoutes } from './dashboard/routes.js';
import { frameworkError, handleErrors, refuseRaw } from './errors.js';
import { gameRoutes } from './games/routes.js';
import { GameService } from './games/service.js';
import { ingestRoutes } from './ingest.js';
import { mediaRoutes } from './media/routes.js';
import { openMedia } from './media/store.js';
import { referralRoutes } from './referrals/routes.js';
import { ReferralService } from './referrals/service.js';
import { TokenBuckets } from './ratelimit.js';
import { reviewRoutes } from './reviews/routes.js';
import { ReviewService } from './reviews/service.js';
import { SqliteEventStore } from './store/sqlite.js';
import { openState, type StateStore } from './store/state.js';
import type { EventStore } from './store/types.js';
import { wechatAccounts } from './wechat/accounts.js';
import { wechatRoutes } from './wechat/routes.js';
import { WeChatService } from './wechat/service.js';

/** How long a shutdown waits for answers in flight before it cuts their connections. */
export const SHUTDOWN_GRACE_MS = 5000;

export interface ServerOptions {
  /** fastify's logger option: false in tests, pino settings from the CLI. */
  logger?: FastifyServerOptions['logger'];
  /** The clock, replaceable so tests can expire games. */
  now?: () => number;
  /** An event store to use instead of the one the config names. */
  store?: EventStore;
  /** Where secrets given in the environment are read (FANFARE_WECHAT_SECRET_<SITE>); process.env when absent. */
  env?: Record<string, string | undefined>;
}

export interface FanfareServer {
  app: FastifyInstance;
  config: Config;
  store: EventStore;
  /** Reward codes, claims, invites, reviews (and with PostgreSQL the day salts): DESIGN.md, "Server". */
  state: StateStore;
  /** Commits held events, then closes the HTTP server and the stores. */
  close(): Promise<void>;
}

async function openStore(config: Config): Promise<EventStore> {
  if (storesOf(config).events === 'clickhouse') {
    const { ClickHouseEventStore } = await import('./store/clickhouse.js');
    return ClickHouseEventStore.open(config.clickhouse ?? {});
  }
  return new SqliteEventStore(config.db, { synchronous: config.sqliteSync });
}

export async function createServer(input: Config | ConfigInput, opts: ServerOptions = {}): Promise<FanfareServer> {
  const config = parseConfig(input);
  // Before anything opens: a site with WeChat and no AppSecret stops the start with a message.
  const accounts = wechatAccounts(config, opts.env ?? process.env);
  const now = opts.now ?? Date.now;
  const secret = config.secret ?? randomBytes(32).toString('hex');
  const store = opts.store ?? (await openStore(config));
  const state = await openState(config, opts.env ?? process.env).catch(async (err: unknown) => {
    if (!opts.store) await store.close();
    throw err;
  });
  const ledger = state.ledger;
  const referralStore = state.referrals;
  const batcher = new GroupCommit(store, config.batchMs);
  const buckets = new TokenBuckets(config.rateLimit.perSecond, config.rateLimit.burst, now);

  const app = Fastify({
    logger: opts.logger ?? false,
    // Every route's ceiling; /e refuses above the beacon's MAX_BYTES itself, with its own 413.
    bodyLimit: 64 * 1024,
    // Off unless configured: believing any X-Forwarded-For would let anyone dodge the rate limit.
    trustProxy: config.trustProxy,
    return503OnClosing: true,
    // A line per request would cost more than storing the events; errors are still logged.
    logController: new LogController({ disableRequestLogging: true }),
    routerOptions: {
      // A game id with a 64-character campaign name is about 150 characters.
      maxParamLength: 300,
      onMaxParamLength: (_path, _req, res) => refuseRaw(res, 414, 'bad_request', 'path too long'),
      onBadUrl: (_path, _req, res) => refuseRaw(res, 400, 'bad_request', 'malformed path'),
    },
    frameworkErrors: frameworkError,
  });

  // Every route gets raw bytes and decodes them in its own preValidation hook (body.ts),
  // so no body is parsed by a library that might throw on odd input, whatever the
  // content type claims.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
  handleErrors(app);

  app.get('/healthz', async () => ({ ok: true }));

  const visitors = new Visitors({ store, salts: state.salts, days: config.attributionDays, now });
  await app.register(ingestRoutes, { config, batcher, buckets, visitors, now });
  await app.register(apiRoutes, { config, store, ledger, now });
  await app.register(attributionRoutes, {
    config,
    now,
    orders: new OrderService({ config, store, now }),
    attribution: new AttributionService({ config, store }),
  });
  await app.register(gameRoutes, { games: new GameService({ config, secret, ledger, now }) });
  await app.register(referralRoutes, {
    config,
    now,
    referrals: new ReferralService({ config, secret, store, referrals: referralStore, visitors, now }),
  });
  await app.register(wechatRoutes, {
    buckets,
    wechat: new WeChatService({ config, accounts, now, grants: state.grants, log: (facts, text) => app.log.warn(facts, text) }),
  });
  await app.register(dashboardRoutes);

  const reviews = new ReviewService({ config, store: state.reviews, media: openMedia(config, state), ledger, secret, now });
  const reviewBuckets = new TokenBuckets(config.reviewRateLimit.perSecond, config.reviewRateLimit.burst, now);
  await app.register(reviewRoutes, { reviews, buckets: reviewBuckets, adminToken: config.adminToken });
  await app.register(mediaRoutes, { reviews });
  // Photos a crash left without their review: once at start, then now and then.
  const sweep = () => reviews.sweep().then((gone) => gone.length && app.log.warn({ files: gone.length }, 'deleted photo files no review names'));
  await sweep();
  const sweeper = setInterval(() => void sweep().catch((err: unknown) => app.log.error({ err }, 'photo sweep failed')), 10 * 60_000);
  sweeper.unref();

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      clearInterval(sweeper);
      // A client that stops reading an answer (a photo half downloaded) would hold the
      // shutdown for ever: answers still unsent after the grace period are cut off.
      const cutOff = setTimeout(() => app.server.closeAllConnections(), SHUTDOWN_GRACE_MS);
      await app.close();
      clearTimeout(cutOff);
      await batcher.close();
      await store.close();
      await state.close();
    })());

  return { app, config, store, state, close };
}
