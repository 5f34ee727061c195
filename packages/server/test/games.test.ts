import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeMoves, move, newGame, type Direction } from '@fanfare/game-2048/engine';
import { playUntil } from './player.js';
import { isErrorCode } from '@fanfare/core/errors';
import { start, TOKEN, UA, type Running } from './helpers.js';

interface Started {
  id: string;
  seed: string;
  rules: { size: number; version: number };
  expires: number;
}

/** The test player's moves to `goal` (a deal it cannot beat fails the test). */
function play(size: number, seed: string, goal: number): Direction[] {
  const log = playUntil(size, seed, goal);
  if (!log) throw new Error(`the test player did not reach ${goal} on seed ${seed}`);
  return log;
}

/** A move that changes nothing on the board `log` leads to. */
function noOpAfter(size: number, seed: string, log: Direction[]): Direction | undefined {
  let state = newGame(size, seed);
  for (const d of log) state = move(state, d).state;
  return (['up', 'right', 'down', 'left'] as const).find((d) => !move(state, d).changed);
}

let clock = Date.UTC(2026, 10, 22, 12);
let s: Running;

const campaigns = {
  spring: {
    rewards: [
      { tile: 64, title: '5% off', codes: ['SPRING-A1', 'SPRING-A2', 'SPRING-A3', 'SPRING-A4', 'SPRING-A5'] },
      { tile: 128, title: '10% off', codes: ['SPRING-B1', 'SPRING-B2', 'SPRING-B3'] },
    ],
    minMsPerMove: 0,
    perPlayer: { gamesPerDay: 500, claimsPerDay: 100 },
  },
  scarce: { rewards: [{ tile: 32, title: 'Last one', codes: ['ONLY-ONE'] }], minMsPerMove: 0, perPlayer: { gamesPerDay: 500, claimsPerDay: 100 } },
  slow: { rewards: [{ tile: 32, title: 'Patience', generate: { prefix: 'SLOW-', length: 8 } }], minMsPerMove: 150 },
  few: { rewards: [{ score: 100, title: 'Hi', generate: { prefix: 'F-', length: 8 } }], perPlayer: { gamesPerDay: 2, claimsPerDay: 1 }, minMsPerMove: 0 },
  ['l'.repeat(64)]: { rewards: [{ tile: 2048, title: 'Long', generate: { prefix: 'L-', length: 8 } }], minMsPerMove: 0 },
  budget: { rewards: [{ tile: 32, title: 'Budget', generate: { prefix: 'B-', length: 8 } }], dailyBudget: 1, minMsPerMove: 0 },
  ended: { rewards: [{ tile: 32, title: 'Gone', codes: ['G-1'] }], endsAt: '2026-01-01T00:00:00Z' },
  soon: { rewards: [{ tile: 32, title: 'Soon', codes: ['S-1'] }], startsAt: '2027-01-01T00:00:00+08:00' },
  race: { rewards: [{ tile: 32, title: 'Race', generate: { prefix: 'R-', length: 8 } }], minMsPerMove: 0, perPlayer: { gamesPerDay: 500, claimsPerDay: 100 } },
};

beforeAll(async () => {
  // trustProxy: a test can claim as another player (another IP) with X-Forwarded-For.
  s = await start({ campaigns, trustProxy: true }, { now: () => clock });
});
afterAll(() => s.stop());

async function post(path: string, body: unknown, ip?: string): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(`${s.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'user-agent': UA, ...(ip ? { 'x-forwarded-for': ip } : {}) },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

async function startGame(campaign: string, size = 4): Promise<Started> {
  const res = await post('/games', { campaign, size });
  expect(res.status).toBe(200);
  return res.json as unknown as Started;
}

const claim = (id: string, moves: string, ip?: string) => post(`/games/${id}/claim`, { moves }, ip);

/**
 * A started game the test player can take to `goal`. The player is no expert and some
 * deals beat it, as they would a person: those are dropped and a new game started.
 */
async function wonGame(campaign: string, goal: number): Promise<{ g: Started; log: Direction[] }> {
  for (let i = 0; i < 30; i++) {
    const g = await startGame(campaign);
    try {
      return { g, log: play(4, g.seed, goal) };
    } catch {
      // a deal the player loses; try another
    }
  }
  throw new Error(`the test player lost 30 deals in a row before ${goal}`);
}

describe('POST /games', () => {
  it('starts a game with a signed id, a seed and the rules', async () => {
    const g = await startGame('spring');
    expect(g.seed).toMatch(/^[0-9a-f]{32}$/);
    expect(g.rules).toEqual({ size: 4, version: 1 });
    expect(g.expires).toBeGreaterThan(clock);
    expect(g.id).toContain(g.seed);
  });

  it.each([
    ['an unknown campaign', { campaign: 'nope' }, 404, 'not_found'],
    ['a size the campaign does not offer', { campaign: 'spring', size: 6 }, 400, 'bad_request'],
    ['no campaign', { size: 4 }, 400, 'bad_request'],
    ['a non-integer size', { campaign: 'spring', size: 4.5 }, 400, 'bad_request'],
  ])('refuses %s', async (_name, body, status, code) => {
    const res = await post('/games', body);
    expect(res.status).toBe(status);
    expect(res.json.error).toBe(code);
  });

  it('starts no game outside the campaign’s dates', async () => {
    const ended = await post('/games', { campaign: 'ended' });
    expect(ended.status).toBe(410);
    expect(ended.json.error).toBe('expired');
    const soon = await post('/games', { campaign: 'soon' });
    expect(soon.status).toBe(403);
    expect(soon.json.error).toBe('not_started');
  });

  it('counts starts toward the player’s daily limit', async () => {
    await startGame('few');
    await startGame('few');
    const third = await post('/games', { campaign: 'few', size: 4 });
    expect(third.status).toBe(429);
    expect(third.json.error).toBe('daily_limit');
  });
});

describe('POST /games/:id/claim', () => {
  it('gives a game played by the engine a code, then the next tier’s once it gets there, each once', async () => {
    const { g, log: toSecond } = await wonGame('spring', 128);
    // The player is deterministic, so its way to 64 is the start of its way to 128.
    const toFirst = play(4, g.seed, 64);
    expect(toSecond.slice(0, toFirst.length)).toEqual(toFirst);
    const first = await claim(g.id, encodeMoves(toFirst));
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ title: '5% off', tier: 0 });
    expect(String(first.json.code)).toMatch(/^SPRING-A\d$/);

    // The same claim again (its answer was lost on the way): the same code, none taken.
    const again = await claim(g.id, encodeMoves(toFirst));
    expect(again).toEqual(first);

    const second = await claim(g.id, encodeMoves(toSecond));
    expect(second.status).toBe(200);
    expect(second.json).toMatchObject({ title: '10% off', tier: 1 });
    expect(String(second.json.code)).toMatch(/^SPRING-B\d$/);
  });

  it('shows each campaign\'s pool on /api/campaigns: codes given and left, per tier', async () => {
    // The test before claimed spring's tiers 0 and 1, once each.
    const res = await fetch(`${s.url}/api/campaigns`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(200);
    const { campaigns: list } = (await res.json()) as { campaigns: { name: string; tiers: { tier: number; title: string; given: number; left: number | null }[] }[] };
    expect(list.find((c) => c.name === 'scarce')?.tiers).toEqual([{ tier: 0, title: 'Last one', goal: { tile: 32 }, given: 0, left: 1 }]);
    const spring = list.find((c) => c.name === 'spring')!;
    expect(spring.tiers.map((t) => [t.given, t.left])).toEqual([[1, 4], [1, 2]]);
    expect(JSON.stringify(list)).not.toContain('SPRING-A');
    expect((await fetch(`${s.url}/api/campaigns`)).status).toBe(401);
  });

  it('takes ids of campaigns with the longest allowed name', async () => {
    const g = await startGame('l'.repeat(64));
    const res = await claim(g.id, encodeMoves(play(4, g.seed, 16)));
    expect(res.json.error).toBe('below_threshold');
  });

  it('refuses a game that has not reached a reward', async () => {
    const g = await startGame('spring');
    const res = await claim(g.id, encodeMoves(play(4, g.seed, 16)));
    expect(res.status).toBe(422);
    expect(res.json.error).toBe('below_threshold');
  });

  it('refuses a winning log that was played on another seed', async () => {
    const { log } = await wonGame('spring', 64);
    const b = await startGame('spring');
    const res = await claim(b.id, encodeMoves(log));
    expect(res.status).toBe(422);
    expect(['impossible', 'below_threshold']).toContain(res.json.error);
  });

  it('refuses a log with a move that changes nothing as impossible', async () => {
    const { g, log } = await wonGame('spring', 64);
    // Find a prefix after which some move is a no-op and put that move in the log.
    let cut = log.length;
    let noop: Direction | undefined;
    while (cut > 0 && !(noop = noOpAfter(4, g.seed, log.slice(0, cut)))) cut--;
    expect(noop).toBeDefined();
    const forged = [...log.slice(0, cut), noop!, ...log.slice(cut)];
    const res = await claim(g.id, encodeMoves(forged));
    expect(res.status).toBe(422);
    expect(res.json.error).toBe('impossible');
  });

  it.each([['garbage'], ['3.AAAAAA'], ['-1.'], ['']])('refuses the malformed log %j as impossible', async (moves) => {
    const g = await startGame('spring');
    const res = await claim(g.id, moves);
    expect(res.status).toBe(422);
    expect(res.json.error).toBe('impossible');
  });

  it('refuses a tampered signature and a tampered payload as forged', async () => {
    const { g, log } = await wonGame('spring', 64);
    const moves = encodeMoves(log);
    const sigFlipped = g.id.slice(0, -1) + (g.id.endsWith('A') ? 'B' : 'A');
    const payloadChanged = g.id.replace('.spring.4.', '.spring.3.');
    for (const id of [sigFlipped, payloadChanged, 'not-an-id', `${g.id}x`]) {
      const res = await claim(id, moves);
      expect(res.status).toBe(403);
      expect(res.json.error).toBe('forged');
    }
  });

  it('lets the page read a refusal (CORS headers on errors too)', async () => {
    const res = await fetch(`${s.url}/games/not-an-id/claim`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', origin: 'https://shop.example' },
      body: '{"moves":"0."}',
    });
    expect(res.status).toBe(403);
    expect(res.headers.get('access-control-allow-origin')).toBe('https://shop.example');
  });

  it('refuses a game past its expiry', async () => {
    const { g, log } = await wonGame('spring', 64);
    const moves = encodeMoves(log);
    const saved = clock;
    clock = g.expires + 1;
    try {
      const res = await claim(g.id, moves);
      expect(res.status).toBe(410);
      expect(res.json.error).toBe('expired');
    } finally {
      clock = saved;
    }
  });

  it('refuses moves faster than a person plays, and accepts them at a human pace', async () => {
    const g = await startGame('slow');
    const log = play(4, g.seed, 32);
    const fast = await claim(g.id, encodeMoves(log));
    expect(fast.status).toBe(422);
    expect(fast.json.error).toBe('too_fast');
    clock += log.length * 200;
    const human = await claim(g.id, encodeMoves(log));
    expect(human.status).toBe(200);
    expect(String(human.json.code)).toMatch(/^SLOW-[A-Z2-9]{8}$/);
  });

  it('refuses with pool_empty once the codes are gone', async () => {
    const a = await startGame('scarce');
    const b = await startGame('scarce');
    const first = await claim(a.id, encodeMoves(play(4, a.seed, 32)));
    expect(first.status).toBe(200);
    expect(first.json.code).toBe('ONLY-ONE');
    const second = await claim(b.id, encodeMoves(play(4, b.seed, 32)));
    expect(second.status).toBe(409);
    expect(second.json.error).toBe('pool_empty');
  });

  it('stops at the campaign’s daily budget even with codes to spare', async () => {
    const a = await wonGame('budget', 32);
    const b = await wonGame('budget', 32);
    expect((await claim(a.g.id, encodeMoves(a.log))).status).toBe(200);
    const second = await claim(b.g.id, encodeMoves(b.log));
    expect(second.status).toBe(409);
    expect(second.json.error).toBe('pool_empty');
  });

  it('gives one code to 50 simultaneous claims for one game, each answered that code', async () => {
    const g = await startGame('race');
    const moves = encodeMoves(play(4, g.seed, 32));
    const results = await Promise.all(Array.from({ length: 50 }, () => claim(g.id, moves)));
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(new Set(results.map((r) => r.json.code)).size).toBe(1);
    const pool = await fetch(`${s.url}/api/campaigns`, { headers: { authorization: `Bearer ${TOKEN}` } });
    const race = ((await pool.json()) as { campaigns: { name: string; tiers: { given: number }[] }[] }).campaigns.find((c) => c.name === 'race')!;
    expect(race.tiers[0]!.given).toBe(1);
  });

  it('answers a claim whose answer was lost with the same code, and another player with the game id with already_claimed', async () => {
    const { g, log } = await wonGame('spring', 64);
    const moves = encodeMoves(log);
    // The first answer is dropped, as a connection cut after the commit would drop it.
    await claim(g.id, moves, '10.20.0.1').then((r) => expect(r.status).toBe(200));
    const retry = await claim(g.id, moves, '10.20.0.1');
    expect(retry.status).toBe(200);
    expect(retry.json).toMatchObject({ code: expect.stringMatching(/^SPRING-A\d$/), title: '5% off', tier: 0 });
    expect(await claim(g.id, moves, '10.20.0.1')).toEqual(retry);
    const other = await claim(g.id, moves, '10.20.0.2');
    expect(other.status).toBe(409);
    expect(other.json.error).toBe('already_claimed');
    // Past the game's expiry the code it won is still its player's; a claim of nothing held is refused.
    const never = await wonGame('spring', 64);
    const saved = clock;
    clock = Math.max(g.expires, never.g.expires) + 60_000;
    try {
      expect(await claim(g.id, moves, '10.20.0.1')).toEqual(retry);
      expect(await claim(g.id, moves, '10.20.0.2')).toMatchObject({ status: 410, json: { error: 'expired' } });
      expect(await claim(never.g.id, encodeMoves(never.log), '10.20.0.1')).toMatchObject({ status: 410, json: { error: 'expired' } });
    } finally {
      clock = saved;
    }
  });

  it('hands the last pool code to exactly one of 50 games claiming at once', async () => {
    const s2 = await start({
      campaigns: { last: { rewards: [{ tile: 32, title: 'Last', codes: ['L-1', 'L-2'] }], minMsPerMove: 0, perPlayer: { gamesPerDay: 500, claimsPerDay: 500 } } },
    });
    try {
      const games = await Promise.all(
        Array.from({ length: 50 }, async () => {
          const res = await fetch(`${s2.url}/games`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"campaign":"last"}' });
          return (await res.json()) as Started;
        }),
      );
      const logs = games.map((g) => encodeMoves(play(4, g.seed, 32)));
      const results = await Promise.all(
        games.map(async (g, i) => {
          const res = await fetch(`${s2.url}/games/${g.id}/claim`, {
            method: 'POST',
            headers: { 'content-type': 'text/plain' },
            body: JSON.stringify({ moves: logs[i] }),
          });
          return (await res.json()) as { code?: string; error?: string };
        }),
      );
      const codes = results.flatMap((r) => (r.code ? [r.code] : []));
      expect(codes.sort()).toEqual(['L-1', 'L-2']);
      expect(results.filter((r) => r.error === 'pool_empty')).toHaveLength(48);
    } finally {
      await s2.stop();
    }
  });

  it('enforces the per-player claims a day', async () => {
    const g = await startGame('few').catch(() => undefined);
    // `few` allows two starts a day and both were spent above; a new day resets the count.
    expect(g).toBeUndefined();
    clock += 86_400_000;
    const a = await startGame('few');
    const b = await startGame('few');
    const playTo = (seed: string) => {
      let state = newGame(4, seed);
      const log: Direction[] = [];
      while (state.score < 100) {
        const d = (['down', 'left', 'right', 'up'] as const).find((x) => move(state, x).changed)!;
        state = move(state, d).state;
        log.push(d);
      }
      return encodeMoves(log);
    };
    expect((await claim(a.id, playTo(a.seed))).status).toBe(200);
    const second = await claim(b.id, playTo(b.seed));
    expect(second.status).toBe(429);
    expect(second.json.error).toBe('daily_limit');
  });
});

describe('hostile input', () => {
  it('answers odd ids and bodies on both endpoints with a 4xx and a refusal code', async () => {
    const g = await startGame('spring');
    const ids = [g.id, 'x', '1.spring.4', '%00', 'é'.repeat(300), `${g.id}.extra`, '1.spring.9.' + 'a'.repeat(32) + '.1.2.sig'];
    const bodies: string[] = ['', 'null', '[]', '{"moves":1}', '{"moves":"' + 'A'.repeat(500_000) + '"}', '{"moves":"99999999.AAAA"}', '\u00ff\u00fe', '{"campaign":{"x":1}}'];
    for (const id of ids) {
      for (const body of bodies) {
        for (const path of ['/games', `/games/${encodeURIComponent(id)}/claim`]) {
          const res = await fetch(`${s.url}${path}`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body });
          const status = res.status;
          const json = (await res.json()) as { error?: string };
          expect(status >= 400 && status < 500, `${path} ${body.slice(0, 30)} → ${status}`).toBe(true);
          // One of core's codes, so the widget has a text in each language for it.
          expect(isErrorCode(json.error), `${path} ${JSON.stringify(json)}`).toBe(true);
        }
      }
    }
  });
});

describe('a campaign tied to a site', () => {
  let s2: Running;
  beforeAll(async () => {
    s2 = await start({
      sites: { 'bloom-shop': { origins: ['https://shop.example'] } },
      campaigns: { own: { site: 'bloom-shop', rewards: [{ tile: 32, title: 'Own', codes: ['O-1'] }], minMsPerMove: 0 } },
    });
  });
  afterAll(() => s2.stop());

  const from = (origin: string, path: string, body: unknown) =>
    fetch(`${s2.url}${path}`, { method: 'POST', headers: { 'content-type': 'text/plain', origin }, body: JSON.stringify(body) });

  it('refuses pages of other origins as forbidden, at the start and at the claim', async () => {
    const elsewhere = await from('https://evil.example', '/games', { campaign: 'own' });
    expect(elsewhere.status).toBe(403);
    expect(((await elsewhere.json()) as { error: string }).error).toBe('forbidden');

    const started = await from('https://shop.example', '/games', { campaign: 'own' });
    expect(started.status).toBe(200);
    const g = (await started.json()) as Started;
    const claimed = await from('https://evil.example', `/games/${g.id}/claim`, { moves: encodeMoves(play(4, g.seed, 32)) });
    expect(claimed.status).toBe(403);
    expect(((await claimed.json()) as { error: string }).error).toBe('forbidden');
    // The refusal is readable by the page that was refused.
    expect(claimed.headers.get('access-control-allow-origin')).toBe('https://evil.example');
  });
});
