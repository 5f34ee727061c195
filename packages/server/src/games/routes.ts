import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { bodyOf } from '../body.js';
import { CAMPAIGN_NAME } from '../config.js';
import { pageCors } from '../cors.js';
import { refuse } from '../errors.js';
import type { GameService } from './service.js';

export interface GameRoutesOptions {
  games: GameService;
}

const startBody = z.object({
  campaign: z.string().regex(CAMPAIGN_NAME),
  size: z.number().int().min(3).max(6).optional(),
});
const claimBody = z.object({ moves: z.string().max(400_000) });

/** `POST /games` and `POST /games/:id/claim`: HTTP in and out; the rules are in service.ts. */
export async function gameRoutes(app: FastifyInstance, { games }: GameRoutesOptions): Promise<void> {
  pageCors(app, ['/games', '/games/:id/claim']);

  app.post<{ Body: z.output<typeof startBody> }>(
    '/games',
    { preValidation: bodyOf(startBody, 'expected {"campaign": "<name>", "size": 3-6}') },
    async (request, reply) => {
      const r = await games.startGame(request.body, { origin: request.headers.origin, ip: request.ip });
      return r.ok ? reply.send(r.value) : refuse(reply, r.status, r.error, r.message);
    },
  );

  app.post<{ Params: { id: string }; Body: z.output<typeof claimBody> }>(
    '/games/:id/claim',
    { preValidation: bodyOf(claimBody, 'expected {"moves": "<move log>"}') },
    async (request, reply) => {
      const caller = { origin: request.headers.origin, ip: request.ip };
      const r = await games.claimReward(request.params.id, request.body.moves, caller, (facts, text) => request.log.warn(facts, text));
      return r.ok ? reply.send(r.value) : refuse(reply, r.status, r.error, r.message);
    },
  );
}
