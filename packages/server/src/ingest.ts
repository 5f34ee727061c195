import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
// The beacon's own limit, with no headroom: every beacon release has sent at most this.
import { MAX_BYTES } from '@fanfare/beacon/wire';
import type { Visitors } from './attribution/visitors.js';
import type { GroupCommit } from './batcher.js';
import { bodyOf } from './body.js';
import { isBot } from './bots.js';
import type { Config } from './config.js';
import { originAllowed, pageCors } from './cors.js';
import { refuse } from './errors.js';
import type { TokenBuckets } from './ratelimit.js';
import { batchSchema, toStored, type Batch } from './wire.js';

export interface IngestOptions {
  config: Config;
  batcher: GroupCommit;
  buckets: TokenBuckets;
  visitors: Visitors;
  now: () => number;
}

async function notTooLarge(request: FastifyRequest, reply: FastifyReply) {
  const raw = request.body as Buffer | undefined;
  if (raw && raw.length > MAX_BYTES) return refuse(reply, 413, 'bad_request', 'body too large');
}

// A crawler gets the same 204 as a fan, so it has no reason to retry or adapt.
async function ignoreBots(request: FastifyRequest, reply: FastifyReply) {
  if (isBot(request.headers['user-agent'])) return reply.code(204).send();
}

/** `POST /e`: open to the internet, so every check is cheap and comes before any write. */
export async function ingestRoutes(app: FastifyInstance, { config, batcher, buckets, visitors, now }: IngestOptions): Promise<void> {
  pageCors(app, ['/e']);
  app.post<{ Body: Batch }>('/e', { preValidation: [notTooLarge, ignoreBots, bodyOf(batchSchema)] }, async (request, reply) => {
    const batch = request.body;
    if (!originAllowed(config, batch.site, request.headers.origin)) {
      return refuse(reply, 403, 'forbidden', `this page may not send events for site "${batch.site}"`);
    }
    const wait = buckets.take(`${batch.site} ${request.ip}`);
    if (wait > 0) {
      reply.header('retry-after', String(wait));
      return refuse(reply, 429, 'rate_limited', 'too many requests; retry later');
    }
    // Events that break attribution's rules (an order with a negative value…) are left out here, the rest kept.
    const site = config.sites && Object.hasOwn(config.sites, batch.site) ? config.sites[batch.site] : undefined;
    const events = toStored(batch, now(), site?.attribution);
    if (events.length === 0) return reply.code(204).send();
    await visitors.mark(events, request.ip, request.headers['user-agent'] ?? '');
    // Resolves only once the batch holding these events is committed: the 204 is a promise kept.
    await batcher.add(events);
    return reply.code(204).send();
  });
}
