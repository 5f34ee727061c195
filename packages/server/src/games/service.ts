import { randomBytes } from 'node:crypto';
import { replay, RULES_VERSION } from '@fanfare/game-2048/engine';
import type { ErrorCode } from '@fanfare/core/errors';
import type { Campaign, Config } from '../config.js';
import { originAllowed } from '../cors.js';
import type { Outcome, Refusal } from '../errors.js';
import { heldClaim, type Ledger } from '../store/state.js';
import { decodeTicket, encodeTicket, playerKey } from './ticket.js';

// The rules of server-mode 2048: who may start a game, and when a game has earned which
// code. The routes only translate HTTP to these calls; the ledger only stores.

export interface GameServiceOptions {
  config: Config;
  secret: string;
  ledger: Ledger;
  now: () => number;
}

/** Who is asking: the page (its Origin header, absent for non-browsers) and the client's IP. */
export interface Caller {
  origin: string | undefined;
  ip: string;
}

/** A reward as the page shows it: never its codes. */
export type PublicReward = { tile: number; title: string } | { score: number; title: string };

export interface StartedGame {
  id: string;
  seed: string;
  rules: { size: number; version: number };
  expires: number;
  /** The campaign's rewards: in server mode, the page shows and claims these, not its own. */
  rewards: PublicReward[];
}

export interface ClaimedReward {
  code: string;
  title: string;
  tier: number;
}

/** Every refusal of a game route, with its status and what a developer reads; `message` may be overridden per case. */
const REFUSALS = {
  not_found: [404, 'no such campaign'],
  forbidden: [403, 'this page may not play this campaign'],
  bad_request: [400, 'this request is not one a game can make'],
  not_started: [403, 'the campaign has not started'],
  expired: [410, 'this game has expired; start a new one'],
  forged: [403, 'this game id was not issued by this server'],
  impossible: [422, 'this move log cannot come from a game played with this seed'],
  too_fast: [422, 'these moves came faster than a person can play'],
  below_threshold: [422, 'no reward reached yet; keep playing'],
  already_claimed: [409, 'this game has already claimed this reward'],
  daily_limit: [429, 'you have claimed enough rewards for today; come back tomorrow'],
  pool_empty: [409, 'all the rewards of this tier are given out for now'],
} as const satisfies Partial<Record<ErrorCode, readonly [number, string]>>;

type GameRefusal = keyof typeof REFUSALS;

function refusal(error: GameRefusal, message?: string): { ok: false } & Refusal {
  const [status, text] = REFUSALS[error];
  return { ok: false, status, error, message: message ?? text };
}

/** Daily limits count by UTC day, the same day whatever the fan's or the server's time zone. */
// Asked for on every request that carries a share token: the day's name is made once a day.
let lastDay = NaN;
let lastName = '';
export function utcDay(ms: number): string {
  const day = Math.floor(ms / 86_400_000);
  if (day !== lastDay) {
    lastName = new Date(day * 86_400_000).toISOString().slice(0, 10);
    lastDay = day;
  }
  return lastName;
}

/** Index of the hardest reward this game reached, or -1. Rewards are listed easiest first. */
export function reachedTier(c: Campaign, state: { maxTile: number; score: number }): number {
  let tier = -1;
  c.rewards.forEach((r, i) => {
    if ((r.tile !== undefined && state.maxTile >= r.tile) || (r.score !== undefined && state.score >= r.score)) tier = i;
  });
  return tier;
}

export class GameService {
  readonly #config: Config;
  readonly #secret: string;
  readonly #ledger: Ledger;
  readonly #now: () => number;

  constructor({ config, secret, ledger, now }: GameServiceOptions) {
    this.#config = config;
    this.#secret = secret;
    this.#ledger = ledger;
    this.#now = now;
  }

  /** The campaign called `name`, if it exists and the calling page may play it. */
  campaignFor(name: string, origin: string | undefined): Outcome<Campaign> {
    const campaigns = this.#config.campaigns;
    const c = Object.hasOwn(campaigns, name) ? campaigns[name] : undefined;
    if (!c) return refusal('not_found', `no campaign "${name}"`);
    if (!originAllowed(this.#config, c.site, origin)) return refusal('forbidden');
    return { ok: true, value: c };
  }

  async startGame(request: { campaign: string; size?: number | undefined }, caller: Caller): Promise<Outcome<StartedGame>> {
    const found = this.campaignFor(request.campaign, caller.origin);
    if (!found.ok) return found;
    const c = found.value;
    const size = request.size ?? c.sizes[0]!;
    if (!c.sizes.includes(size)) return refusal('bad_request', `size ${size} is not offered`);
    const t = this.#now();
    if (c.startsAt && t < Date.parse(c.startsAt)) return refusal('not_started');
    if (c.endsAt && t >= Date.parse(c.endsAt)) return refusal('expired', 'the campaign has ended');
    if (!(await this.#ledger.start(request.campaign, playerKey(this.#secret, caller.ip), utcDay(t), c.perPlayer.gamesPerDay))) {
      return refusal('daily_limit', 'you have played this game enough for today; come back tomorrow');
    }
    const seed = randomBytes(16).toString('hex');
    const expires = t + c.ttlMinutes * 60_000;
    const id = encodeTicket(this.#secret, { campaign: request.campaign, size, seed, issued: t, expires });
    return {
      ok: true,
      value: {
        id,
        seed,
        rules: { size, version: RULES_VERSION },
        expires,
        rewards: c.rewards.map((r) => (r.tile !== undefined ? { tile: r.tile, title: r.title } : { score: r.score!, title: r.title })),
      },
    };
  }

  /** `log` is the game's move log; `warn` hears of claims refused as too fast, which may be a bot at work. */
  async claimReward(id: string, log: string, caller: Caller, warn?: (facts: object, text: string) => void): Promise<Outcome<ClaimedReward>> {
    const ticket = decodeTicket(this.#secret, id);
    if (!ticket) return refusal('forged');
    const found = this.campaignFor(ticket.campaign, caller.origin);
    // A campaign removed from the config since the game started has ended, for that game.
    if (!found.ok) return found.error === 'not_found' ? refusal('expired', 'the campaign has ended') : found;
    const c = found.value;
    const t = this.#now();
    const player = playerKey(this.#secret, caller.ip);
    const state = replay(ticket.size, ticket.seed, log);
    if (t > ticket.expires || (c.endsAt && t >= Date.parse(c.endsAt))) {
      // A claim the game won before, sent again after its answer was lost, still gets its code.
      const tier = state && !state.invalidMove ? reachedTier(c, state) : -1;
      const held = tier < 0 ? undefined : await this.#ledger.held(ticket.seed, tier);
      const again = held && heldClaim(held, { player, tier });
      return again?.ok ? { ok: true, value: { code: again.code, title: c.rewards[tier]!.title, tier } } : refusal('expired');
    }
    if (!state || state.invalidMove) return refusal('impossible');
    if (state.moves > 0 && t - ticket.issued < state.moves * c.minMsPerMove) {
      warn?.({ campaign: ticket.campaign, moves: state.moves, ms: t - ticket.issued }, 'claim too fast');
      return refusal('too_fast');
    }
    const tier = reachedTier(c, state);
    if (tier < 0) return refusal('below_threshold');
    const outcome = await this.#ledger.claim({ game: ticket.seed, campaign: ticket.campaign, tier, player, day: utcDay(t), now: t });
    if (!outcome.ok) return refusal(outcome.error);
    return { ok: true, value: { code: outcome.code, title: c.rewards[outcome.tier]!.title, tier: outcome.tier } };
  }
}
