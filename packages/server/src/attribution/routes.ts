import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { statsQuery } from '../api.js';
import { adminOnly, bearer, unauthorized } from '../auth.js';
import { bodyOf, queryOf } from '../body.js';
import type { Config } from '../config.js';
import { refuse } from '../errors.js';
import { orderBody, type OrderBody, type OrderService } from './orders.js';
import type { AttributionService } from './report.js';

export interface AttributionRoutesOptions {
  config: Config;
  orders: OrderService;
  attribution: AttributionService;
  now: () => number;
}


/** `POST /orders` (the shop's backend) and `GET /api/attribution` (the dashboard): HTTP only; the rules are in orders.ts and report.ts. */
export async function attributionRoutes(app: FastifyInstance, { config, orders, attribution, now }: AttributionRoutesOptions): Promise<void> {
  await app.register(async (admin) => {
    admin.addHook('onRequest', adminOnly(config.adminToken));
    const query = statsQuery(now);
    admin.get<{ Querystring: z.output<typeof query> }>('/api/attribution', { preValidation: queryOf(query) }, async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return attribution.report(request.query);
    });
  });

  // Server to server: no CORS, so no page can call it from a browser with a leaked token.
  app.post<{ Body: OrderBody }>(
    '/orders',
    {
      // Who may call is checked before the body is read, so a stranger learns nothing from its errors.
      onRequest: async (request, reply) => {
        if (!orders.mayReportAny(bearer(request))) return unauthorized(reply, 'send the admin token or the site\'s ordersToken as "Authorization: Bearer <token>"');
      },
      preValidation: bodyOf(orderBody),
    },
    async (request, reply) => {
      const r = await orders.report(request.body, bearer(request));
      if (!r.ok) {
        if (r.status === 401) reply.header('www-authenticate', 'Bearer');
        return refuse(reply, r.status, r.error, r.message);
      }
      return reply.send(r.value);
    },
  );
}
