import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { statsQuery } from '../api.js';
import { adminOnly } from '../auth.js';
import { bodyOf, queryOf } from '../body.js';
import { CAMPAIGN_NAME, type Config } from '../config.js';
import { pageCors } from '../cors.js';
import { refuse } from '../errors.js';
import type { Caller, ReferralService } from './service.js';

export interface ReferralRoutesOptions {
  config: Config;
  referrals: ReferralService;
  now: () => number;
}

const startBody = z.object({ campaign: z.string().regex(CAMPAIGN_NAME) });
// A wrong or missing key is the service's refusal (bad_invite), the same answer as a forged one.
const keyBody = z.object({ key: z.string().max(100).default('') });
const keyQuery = z.object({ key: z.string().max(100).default('') });
type Ref = { Params: { ref: string } };

const caller = (request: FastifyRequest): Caller => ({
  origin: request.headers.origin,
  ip: request.ip,
  userAgent: request.headers['user-agent'] ?? '',
});

/** `POST /referrals`, `GET /referrals/:ref?key=`, `POST /referrals/:ref/claim` and `GET /api/referrals`: HTTP only; the rules are in service.ts. */
export async function referralRoutes(app: FastifyInstance, { config, referrals, now }: ReferralRoutesOptions): Promise<void> {
  await app.register(async (page) => {
    pageCors(page, ['/referrals', '/referrals/:ref', '/referrals/:ref/claim']);
    // Progress changes as friends come: never cached, by the browser or anything between.
    page.addHook('onSend', async (_request, reply) => void reply.header('cache-control', 'no-store'));

    page.post<{ Body: z.output<typeof startBody> }>(
      '/referrals',
      { preValidation: bodyOf(startBody, 'expected {"campaign": "<name>"}') },
      async (request, reply) => {
        const r = await referrals.start(request.body.campaign, caller(request));
        return r.ok ? reply.send(r.value) : refuse(reply, r.status, r.error, r.message);
      },
    );

    page.get<Ref & { Querystring: z.output<typeof keyQuery> }>(
      '/referrals/:ref',
      { preValidation: queryOf(keyQuery) },
      async (request, reply) => {
        const r = await referrals.progress(request.params.ref, request.query.key, caller(request));
        return r.ok ? reply.send(r.value) : refuse(reply, r.status, r.error, r.message);
      },
    );

    page.post<Ref & { Body: z.output<typeof keyBody> }>(
      '/referrals/:ref/claim',
      { preValidation: bodyOf(keyBody, 'expected {"key": "<key>"}') },
      async (request, reply) => {
        const r = await referrals.claim(request.params.ref, request.body.key, caller(request));
        return r.ok ? reply.send(r.value) : refuse(reply, r.status, r.error, r.message);
      },
    );
  });

  await app.register(async (admin) => {
    admin.addHook('onRequest', adminOnly(config.adminToken));
    const query = statsQuery(now);
    admin.get<{ Querystring: z.output<typeof query> }>('/api/referrals', { preValidation: queryOf(query) }, async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return referrals.report(request.query);
    });
  });
}
