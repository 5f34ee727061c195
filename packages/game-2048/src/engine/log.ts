import { DIRECTIONS, MAX_SIZE, MIN_SIZE, move, newGame, type Direction, type GameState } from './rules.js';

// Move log: "<count>.<base64url>". Each move is 2 bits (up=0, right=1, down=2,
// left=3), packed four to a byte, the first move in the byte's two highest bits.
// The bytes are written in base64url without padding. Unused bits are zero, so every
// list of moves has exactly one log and anything else is refused.

/** Longer logs are refused unread: a won 4×4 game takes about 1,000 moves, and the
 * bytes must fit in one String.fromCharCode call. */
export const MAX_LOG_MOVES = 100_000;

export function encodeMoves(dirs: readonly Direction[]): string {
  const bytes = new Uint8Array(Math.ceil(dirs.length / 4));
  dirs.forEach((d, i) => (bytes[i >> 2] |= DIRECTIONS.indexOf(d) << (6 - 2 * (i & 3))));
  // btoa and atob are globals in every browser and in Node 16+.
  const b64 = btoa(String.fromCharCode(...bytes));
  return `${dirs.length}.${b64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`;
}

/** The moves in a log, or null for anything malformed. Never throws. */
export function decodeMoves(log: string): Direction[] | null {
  const m = /^(0|[1-9]\d{0,6})\.([\w-]*)$/.exec(typeof log === 'string' ? log : '');
  const count = Number(m?.[1]);
  if (!m || count > MAX_LOG_MOVES) return null;
  let bin: string;
  try {
    bin = atob(m[2].replace(/-/g, '+').replace(/_/g, '/'));
  } catch {
    return null;
  }
  const dirs: Direction[] = [];
  for (let i = 0; i < count; i++) dirs.push(DIRECTIONS[(bin.charCodeAt(i >> 2) >> (6 - 2 * (i & 3))) & 3]);
  // Only the one canonical spelling is accepted: right length, zero padding bits.
  return encodeMoves(dirs) === log ? dirs : null;
}

/** A replayed game; `invalidMove` is set when the log holds a move that changes nothing. */
export type ReplayState = GameState & { invalidMove?: true };

/**
 * Play `log` from a new game of `size` and `seed`. Returns null when the log is
 * malformed or the size is not 3–6. A client only logs moves that changed the board,
 * so a log with a move that changes nothing cannot come from a real game: replay
 * stops there and returns the state before that move with `invalidMove: true`.
 * Never throws.
 */
export function replay(size: number, seed: string, log: string): ReplayState | null {
  if (!Number.isInteger(size) || size < MIN_SIZE || size > MAX_SIZE || typeof seed !== 'string') return null;
  const dirs = decodeMoves(log);
  if (!dirs) return null;
  let state = newGame(size, seed);
  for (const d of dirs) {
    const r = move(state, d);
    if (!r.changed) return { ...state, invalidMove: true };
    state = r.state;
  }
  return state;
}
