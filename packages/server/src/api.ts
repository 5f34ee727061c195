import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { SITE_KEY, SITE_KEY_RULE } from '@fanfare/core/site-key';
import { adminOnly } from './auth.js';
import { queryOf } from './body.js';
import type { Config } from './config.js';
import { parseRange, statsReport } from './stats.js';
import type { Ledger } from './store/state.js';
import type { EventStore } from './store/types.js';

export interface ApiOptions {
  config: Config;
  store: EventStore;
  ledger: Ledger;
  now: () => number;
}

/** `?site=&from=&to=` → one site and a half-open range of ms; `now` sets the default range. */
export function statsQuery(now: () => number) {
  return z
    .object({ site: z.string().regex(SITE_KEY, SITE_KEY_RULE), from: z.string().optional(), to: z.string().optional() })
    .transform((q, ctx) => {
      const range = parseRange(q.from, q.to, now());
      if (range) return { site: q.site, ...range };
      ctx.addIssue({ code: 'custom', message: 'from/to must be YYYY-MM-DD or epoch ms, from before to, at most 400 days' });
      return z.NEVER;
    });
}

/** The dashboard's data, behind the admin token. */
export async function apiRoutes(app: FastifyInstance, { config, store, ledger, now }: ApiOptions): Promise<void> {
  app.addHook('onRequest', adminOnly(config.adminToken));

  const query = statsQuery(now);
  app.get<{ Querystring: z.output<typeof query> }>('/api/stats', { preValidation: queryOf(query) }, async (request, reply) => {
    reply.header('cache-control', 'no-store');
    return statsReport(store, request.query);
  });

  // Each campaign's reward pool, so the brand sees a tier running out before fans do.
  app.get('/api/campaigns', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
    const campaigns = await Promise.all(Object.entries(config.campaigns).map(async ([name, c]) => {
      const pool = await ledger.pool(name);
      return {
        name,
        site: c.site ?? null,
        startsAt: c.startsAt ?? null,
        endsAt: c.endsAt ?? null,
        tiers: c.rewards.map((r, i) => ({
          tier: i,
          title: r.title,
          goal: r.tile !== undefined ? { tile: r.tile } : { score: r.score },
          given: pool[i]?.given ?? 0,
          left: pool[i]?.left ?? null,
        })),
      };
    }));
    return { campaigns };
  });

  app.get('/api/sites', async () => {
    const known = new Set([...Object.keys(config.sites ?? {}), ...(await store.sites())]);
    return { sites: [...known].sort() };
  });
}
