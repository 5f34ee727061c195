import { move, newGame, type Direction } from '@fanfare/game-2048/engine';

/**
 * Plays like a patient human until `goal` is on the board: of the moves that change
 * something, the one leaving the most empty cells, ties going to down, left, right, up.
 * Undefined when the deal beats it.
 */
export function playUntil(size: number, seed: string, goal: number): Direction[] | undefined {
  let state = newGame(size, seed);
  const log: Direction[] = [];
  while (state.maxTile < goal && !state.over) {
    let best: { d: Direction; next: typeof state; empty: number } | undefined;
    for (const d of ['down', 'left', 'right', 'up'] as const) {
      const r = move(state, d);
      if (!r.changed) continue;
      const empty = r.state.cells.filter((c) => c === 0).length;
      if (!best || empty > best.empty) best = { d, next: r.state, empty };
    }
    if (!best) break;
    state = best.next;
    log.push(best.d);
  }
  return state.maxTile >= goal ? log : undefined;
}
