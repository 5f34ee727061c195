import type { FastifyInstance } from 'fastify';
import type { GroupCommit } from './batcher.js';
import { isBot } from './bots.js';
import type { Config } from './config.js';
import { allowOrigin, originAllowed, preflight, refuse } from './http.js';
import type { TokenBuckets } from './ratelimit.js';
import { MAX_BODY_BYTES, parseBatch, toStored } from './wire.js';

export interface IngestOptions {
  config: Config;
  batcher: GroupCommit;
  buckets: TokenBuckets;
  now: () => number;
}

/** `POST /e`: open to the internet, so every check is cheap and comes before any write. */
export async function ingestRoutes(app: FastifyInstance, { config, batcher, buckets, now }: IngestOptions): Promise<void> {
  app.options('/e', preflight);
  app.post('/e', async (request, reply) => {
    allowOrigin(reply, request);
    const raw = request.body as Buffer | undefined;
    if (raw && raw.length > MAX_BODY_BYTES) return refuse(reply, 413, 'bad_request', 'body too large');
    // A crawler gets the same 204 as a fan, so it has no reason to retry or adapt.
    if (isBot(request.headers['user-agent'])) return reply.code(204).send();
    const parsed = parseBatch(raw);
    if (!parsed.ok) return refuse(reply, 400, parsed.error, parsed.message);
    const { batch } = parsed;
    if (!originAllowed(config, batch.site, request.headers.origin)) {
      return refuse(reply, 403, 'forbidden', `this page may not send events for site "${batch.site}"`);
    }
    const wait = buckets.take(`${batch.site} ${request.ip}`);
    if (wait > 0) {
      reply.header('retry-after', String(wait));
      return refuse(reply, 429, 'rate_limited', 'too many requests; retry later');
    }
    // Resolves only once the batch holding these events is committed: the 204 is a promise kept.
    await batcher.add(toStored(batch, now()));
    return reply.code(204).send();
  });
}
