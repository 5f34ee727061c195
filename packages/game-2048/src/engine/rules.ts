import { next, seedRng, type RngState } from './random.js';

/** Bump when anything that changes how a log replays changes (rules, PRNG, draw order). */
export const RULES_VERSION = 1;
export const WIN_TILE = 2048;
export const MIN_SIZE = 3;
export const MAX_SIZE = 6;

export type Direction = 'up' | 'right' | 'down' | 'left';
export const DIRECTIONS: readonly Direction[] = ['up', 'right', 'down', 'left'];

export interface GameState {
  readonly size: number;
  /** Row-major tile values, 0 for an empty cell. */
  readonly cells: readonly number[];
  readonly score: number;
  /** Moves that changed the board; a move that changes nothing does not count. */
  readonly moves: number;
  readonly maxTile: number;
  /** 2048 was reached; play may go on ("keep going"). */
  readonly won: boolean;
  /** No empty cell and no two equal neighbours. */
  readonly over: boolean;
  /** The generator after the last spawn, so a saved state plays on identically. */
  readonly rng: RngState;
}

export interface MoveResult {
  state: GameState;
  changed: boolean;
  /** Points this move scored (the sum of the merged values). */
  gained: number;
  /** Cells where two tiles merged this move. */
  merged: number[];
  /** For each cell before the move, the cell its tile slid to; -1 where it was empty. */
  to: number[];
  spawned: { index: number; value: number } | null;
}

function checkSize(size: number): void {
  if (!Number.isInteger(size) || size < MIN_SIZE || size > MAX_SIZE) {
    throw new RangeError(`2048: size ${size} is not 3–6`);
  }
}

/** Put a 2 (90%) or a 4 (10%) in a random empty cell; see random.ts for the draw order. */
function spawn(cells: number[], rng: RngState): [{ index: number; value: number } | null, RngState] {
  const empty: number[] = [];
  for (let i = 0; i < cells.length; i++) if (!cells[i]) empty.push(i);
  if (!empty.length) return [null, rng];
  const [c, r1] = next(rng);
  const [v, r2] = next(r1);
  const index = empty[Math.floor((c * empty.length) / 2 ** 32)];
  const value = v / 2 ** 32 >= 0.9 ? 4 : 2;
  cells[index] = value;
  return [{ index, value }, r2];
}

function isOver(cells: readonly number[], size: number): boolean {
  for (let i = 0; i < cells.length; i++) {
    const v = cells[i];
    if (!v) return false;
    if (i % size < size - 1 && cells[i + 1] === v) return false;
    if (i + size < cells.length && cells[i + size] === v) return false;
  }
  return true;
}

function finish(cells: number[], size: number, score: number, moves: number, rng: RngState): GameState {
  const maxTile = Math.max(...cells);
  return { size, cells, score, moves, maxTile, won: maxTile >= WIN_TILE, over: isOver(cells, size), rng };
}

/** A fresh board with two start tiles. Throws a RangeError for a size outside 3–6. */
export function newGame(size: number, seed: string): GameState {
  checkSize(size);
  const cells: number[] = new Array(size * size).fill(0);
  let rng = seedRng(seed);
  [, rng] = spawn(cells, rng);
  [, rng] = spawn(cells, rng);
  return finish(cells, size, 0, 0, rng);
}

/**
 * Slide every tile toward `dir`. Each tile merges at most once, and merging starts
 * at the edge the tiles move toward: [2,2,2,2] left gives [4,4,0,0], [2,2,4,0] gives
 * [4,4,0,0]. Pure: `state` is never changed.
 */
export function move(state: GameState, dir: Direction): MoveResult {
  const { size } = state;
  const cells: number[] = new Array(size * size).fill(0);
  const to: number[] = new Array(size * size).fill(-1);
  const merged: number[] = [];
  let gained = 0;
  let changed = false;
  for (let a = 0; a < size; a++) {
    // Cells of line `a`, walked from the edge the tiles move toward, so the first tile
    // of a line is the first to settle and merge.
    const at = (b: number) => {
      const far = size - 1 - b;
      return dir === 'left' ? a * size + b : dir === 'right' ? a * size + far : dir === 'up' ? b * size + a : far * size + a;
    };
    let w = 0;
    let open = 0; // value of the last settled tile, while it may still take a merge
    for (let b = 0; b < size; b++) {
      const i = at(b);
      const v = state.cells[i];
      if (!v) continue;
      let dest: number;
      if (v === open) {
        dest = at(w - 1);
        cells[dest] = v * 2;
        gained += v * 2;
        merged.push(dest);
        open = 0;
      } else {
        dest = at(w++);
        cells[dest] = open = v;
      }
      to[i] = dest;
      if (dest !== i) changed = true;
    }
  }
  if (!changed) return { state, changed, gained: 0, merged: [], to, spawned: null };
  const [spawned, rng] = spawn(cells, state.rng);
  return {
    state: finish(cells, size, state.score + gained, state.moves + 1, rng),
    changed,
    gained,
    merged,
    to,
    spawned,
  };
}
