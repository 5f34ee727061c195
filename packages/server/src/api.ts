import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { KEY_PATTERN, type Config } from './config.js';
import { refuse } from './http.js';
import { buildStats, parseRange } from './stats.js';
import type { EventStore } from './store/types.js';

export interface ApiOptions {
  config: Config;
  store: EventStore;
  now: () => number;
}

function sameSecret(given: string, expected: string): boolean {
  // Hash first so lengths match and the comparison time says nothing about the token.
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/** The dashboard's data, behind the admin token. */
export async function apiRoutes(app: FastifyInstance, { config, store, now }: ApiOptions): Promise<void> {
  const token = config.adminToken;

  // No token configured means nobody gets in, rather than everybody.
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const header = request.headers.authorization;
    if (token !== undefined && header?.startsWith('Bearer ') && sameSecret(header.slice(7), token)) return;
    reply.header('www-authenticate', 'Bearer');
    return refuse(reply, 401, 'unauthorized', 'send the admin token as "Authorization: Bearer <token>"');
  });

  app.get<{ Querystring: { site?: string; from?: string; to?: string } }>('/api/stats', async (request, reply) => {
    const { site, from, to } = request.query;
    if (typeof site !== 'string' || !KEY_PATTERN.test(site)) return refuse(reply, 400, 'bad_request', 'site is missing or malformed');
    const range = parseRange(from, to, now());
    if (!range) return refuse(reply, 400, 'bad_request', 'from/to must be YYYY-MM-DD or epoch ms, from before to, at most 400 days');
    const length = range.to - range.from;
    const [current, previous] = await Promise.all([
      store.aggregate({ site, ...range }),
      store.aggregate({ site, from: range.from - length, to: range.from }),
    ]);
    const before = buildStats(previous);
    reply.header('cache-control', 'no-store');
    return { site, from: range.from, to: range.to, ...buildStats(current), previous: { total: before.total, totals: before.totals } };
  });

  app.get('/api/sites', async () => {
    const known = new Set([...Object.keys(config.sites ?? {}), ...(await store.sites())]);
    return { sites: [...known].sort() };
  });
}
