import { RULES_VERSION } from '../engine/index.js';

// The client half of the reward protocol (see the engine contract): the server hands
// out a signed game id and seed, then replays the move log before it gives a code.

export interface ServerGame {
  id: string;
  seed: string;
}
export interface Claimed {
  code: string;
  title: string;
  tier: number;
}
/** What a failed call throws: the server's error code (or `offline`) and its human message. */
export interface Refused {
  code: string;
  message?: string;
}

async function post<T>(url: string, body: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  } catch {
    throw { code: 'offline' } satisfies Refused;
  }
  const data = await res.json().catch(() => ({}));
  if (!res.ok) throw { code: String(data.error), message: data.message } satisfies Refused;
  return data as T;
}

export async function startGame(endpoint: string, campaign: string, size: number): Promise<ServerGame> {
  const g = await post<ServerGame & { rules?: { size?: number; version?: number } }>(endpoint, { campaign, size });
  const rules = g.rules ?? {};
  // A game under other rules would never replay the same on the server.
  const bad = typeof g.id !== 'string' || typeof g.seed !== 'string';
  if (bad || (rules.size ?? size) !== size || (rules.version ?? RULES_VERSION) !== RULES_VERSION) {
    throw { code: 'offline' } satisfies Refused;
  }
  return g;
}

export function claim(endpoint: string, id: string, moves: string): Promise<Claimed> {
  return post<Claimed>(`${endpoint.replace(/\/$/, '')}/${encodeURIComponent(id)}/claim`, { moves });
}
