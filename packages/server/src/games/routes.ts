import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { replay, RULES_VERSION } from '@fanfare/game-2048/engine';
import { KEY_PATTERN, type Campaign, type Config } from '../config.js';
import { allowOrigin, originAllowed, preflight, refuse, utcDay } from '../http.js';
import { readJson } from '../body.js';
import { decodeTicket, encodeTicket, playerKey } from './ticket.js';
import type { RewardLedger } from './ledger.js';

export interface GameRoutesOptions {
  config: Config;
  secret: string;
  ledger: RewardLedger;
  now: () => number;
}

const startBody = z.object({
  campaign: z.string().regex(KEY_PATTERN),
  size: z.number().int().min(3).max(6).optional(),
});
const claimBody = z.object({ moves: z.string().max(400_000) });

/** Index of the hardest reward this game reached, or -1. Rewards are listed easiest first. */
export function reachedTier(c: Campaign, state: { maxTile: number; score: number }): number {
  let tier = -1;
  c.rewards.forEach((r, i) => {
    if ((r.tile !== undefined && state.maxTile >= r.tile) || (r.score !== undefined && state.score >= r.score)) tier = i;
  });
  return tier;
}

export async function gameRoutes(app: FastifyInstance, opts: GameRoutesOptions): Promise<void> {
  const { config, secret, ledger, now } = opts;

  app.options('/games', preflight);
  app.options('/games/:id/claim', preflight);

  // CORS headers go on every answer, refusals included, so the page can read why.
  app.post('/games', async (request, reply) => {
    allowOrigin(reply, request);
    const body = startBody.safeParse(readJson(request.body));
    if (!body.success) return refuse(reply, 400, 'bad_request', 'expected {"campaign": "<name>", "size": 3-6}');
    const name = body.data.campaign;
    const c = Object.hasOwn(config.campaigns, name) ? config.campaigns[name] : undefined;
    if (!c) return refuse(reply, 404, 'bad_request', `no campaign "${name}"`);
    if (!originAllowed(config, c.site, request.headers.origin)) {
      return refuse(reply, 403, 'bad_request', 'this page may not play this campaign');
    }
    const size = body.data.size ?? c.sizes[0]!;
    if (!c.sizes.includes(size)) return refuse(reply, 400, 'bad_request', `size ${size} is not offered`);
    const t = now();
    if (c.startsAt && t < Date.parse(c.startsAt)) return refuse(reply, 403, 'bad_request', 'the campaign has not started');
    if (c.endsAt && t >= Date.parse(c.endsAt)) return refuse(reply, 410, 'expired', 'the campaign has ended');
    if (!ledger.start(name, playerKey(secret, request.ip), utcDay(t), c.perPlayer.gamesPerDay)) {
      return refuse(reply, 429, 'daily_limit', 'you have played this game enough for today; come back tomorrow');
    }
    const seed = randomBytes(16).toString('hex');
    const expires = t + c.ttlMinutes * 60_000;
    const id = encodeTicket(secret, { campaign: name, size, seed, issued: t, expires });
    return reply.send({
      id,
      seed,
      rules: { size, version: RULES_VERSION },
      expires,
      rewards: c.rewards.map((r) => (r.tile !== undefined ? { tile: r.tile, title: r.title } : { score: r.score, title: r.title })),
    });
  });

  app.post<{ Params: { id: string } }>('/games/:id/claim', async (request, reply) => {
    allowOrigin(reply, request);
    const ticket = decodeTicket(secret, request.params.id);
    if (!ticket) return refuse(reply, 403, 'forged', 'this game id was not issued by this server');
    const c = Object.hasOwn(config.campaigns, ticket.campaign) ? config.campaigns[ticket.campaign] : undefined;
    if (!c) return refuse(reply, 410, 'expired', 'the campaign has ended');
    if (!originAllowed(config, c.site, request.headers.origin)) {
      return refuse(reply, 403, 'bad_request', 'this page may not play this campaign');
    }
    const body = claimBody.safeParse(readJson(request.body));
    if (!body.success) return refuse(reply, 400, 'bad_request', 'expected {"moves": "<move log>"}');
    const t = now();
    if (t > ticket.expires || (c.endsAt && t >= Date.parse(c.endsAt))) {
      return refuse(reply, 410, 'expired', 'this game has expired; start a new one');
    }
    const state = replay(ticket.size, ticket.seed, body.data.moves);
    if (!state || state.invalidMove) {
      return refuse(reply, 422, 'impossible', 'this move log cannot come from a game played with this seed');
    }
    if (state.moves > 0 && t - ticket.issued < state.moves * c.minMsPerMove) {
      request.log.warn({ campaign: ticket.campaign, moves: state.moves, ms: t - ticket.issued }, 'claim too fast');
      return refuse(reply, 422, 'too_fast', 'these moves came faster than a person can play');
    }
    const tier = reachedTier(c, state);
    if (tier < 0) return refuse(reply, 422, 'below_threshold', 'no reward reached yet; keep playing');
    const outcome = ledger.claim({
      game: ticket.seed,
      campaign: ticket.campaign,
      tier,
      player: playerKey(secret, request.ip),
      day: utcDay(t),
      now: t,
    });
    if (!outcome.ok) {
      const refusals = {
        already_claimed: [409, 'this game has already claimed this reward'],
        daily_limit: [429, 'you have claimed enough rewards for today; come back tomorrow'],
        pool_empty: [409, 'all the rewards of this tier are given out for now'],
      } as const;
      const [status, message] = refusals[outcome.error];
      return refuse(reply, status, outcome.error, message);
    }
    return reply.send({ code: outcome.code, title: c.rewards[outcome.tier]!.title, tier: outcome.tier });
  });
}
