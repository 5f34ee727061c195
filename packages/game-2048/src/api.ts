
// The client half of the reward protocol (see the engine contract): the server hands
// out a signed game id, a seed and its own list of rewards, then replays the move log
// before it gives a code.

export interface ServerGame {
  id: string;
  seed: string;
  /** The campaign's rewards as the server will judge them; absent from an older server. */
  rewards?: unknown;
}
export interface Claimed {
  code: string;
  title: string;
  tier: number;
}
/** What a failed call throws: the server's error code, or `offline` when no usable answer came. */
export interface Refused {
  code: string;
}

async function post<T>(url: string, body: unknown, signal?: AbortSignal): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal });
  } catch {
    throw { code: 'offline' } satisfies Refused;
  }
  const data = await res.json().catch(() => ({}));
  // The server's `message` is for developers; a fan reads the text for `error` (see core's errors).
  if (!res.ok) throw { code: String(data.error) } satisfies Refused;
  return data as T;
}

/**
 * A new server game of `size` under the engine's rules `version` (passed in, so that
 * this client, loaded only in server mode, carries none of the engine). Its `rewards`
 * are as the server sent them, unchecked.
 */
export async function startGame(endpoint: string, campaign: string, size: number, version: number, signal?: AbortSignal): Promise<ServerGame> {
  const g = await post<ServerGame & { rules?: { size?: number; version?: number } }>(endpoint, { campaign, size }, signal);
  const rules = g.rules ?? {};
  // A game under other rules would never replay the same on the server.
  const bad = typeof g.id !== 'string' || typeof g.seed !== 'string';
  if (bad || (rules.size ?? size) !== size || (rules.version ?? version) !== version) throw { code: 'offline' } satisfies Refused;
  return g;
}

// What a fan reads for a refusal (never the server's own message), loaded with this
// client: only server mode ever hears one.
export { errorText } from '@fanfare/core/errors';

/** Waits before each claim sent again: no answer came, or the server could not reach its database. */
export const CLAIM_RETRIES_MS = [1000, 3000];

/**
 * Claims the tiers the game's moves reached. A claim whose answer was lost (the connection
 * dropped, the server's process or database went away) may have spent its code already:
 * it is sent again, and the server answers the same code to the same player.
 */
export async function claim(endpoint: string, id: string, moves: string, waits = CLAIM_RETRIES_MS): Promise<Claimed> {
  const url = `${endpoint.replace(/\/$/, '')}/${encodeURIComponent(id)}/claim`;
  for (let i = 0; ; i++) {
    try {
      const c = await post<Claimed>(url, { moves });
      return { tier: Number(c.tier), title: String(c.title), code: String(c.code) };
    } catch (e) {
      const { code } = e as Refused;
      if ((code !== 'offline' && code !== 'internal') || i >= waits.length) throw e;
      await new Promise((r) => setTimeout(r, waits[i]));
    }
  }
}
