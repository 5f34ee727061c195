import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { prefersReducedMotion } from '@fanfare/core/env';
import type { Direction, GameState, MoveResult } from '../engine/index.js';

/** How long a slide lasts. Written only here: the styles read it as --_fan-2048-slide. */
export const SLIDE_MS = 100;
/** Moves typed during a slide wait; more than this many is a held-down key. */
const QUEUE_MAX = 8;

/** A tile as drawn: a key that follows it from cell to cell, its value, the cell it is in, and what it is doing. */
export interface Tile {
  key: number;
  value: number;
  cell: number;
  /**
   * `spawned`: new after the move, it appears once the slide is over. `merged`: the tile
   * two others made, popping in on top of them. `leaving`: one of those two, sliding in
   * under it, removed when the slide settles.
   */
  effect?: 'spawned' | 'merged' | 'leaving';
}

/**
 * The tiles on the board and their slide: a move plays as soon as the board is still,
 * and moves typed during a slide wait their turn, so a quick fan loses none. With
 * reduced motion nothing slides and every move lands at once.
 */
export class SlideQueue implements ReactiveController {
  tiles: Tile[] = [];
  private waiting: Direction[] = [];
  private timer = 0;
  private lastKey = 0;

  /** `play` makes the move in the game: its result when the board changed. */
  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly play: (dir: Direction) => MoveResult | undefined,
  ) {
    host.addController(this);
  }

  /** A slide is under way (the board is not still). */
  get sliding(): boolean {
    return this.timer !== 0;
  }

  /** The tiles of a board at rest: a new game, a restored one, or none while it starts. */
  show(state?: GameState): void {
    this.stop();
    this.tiles = (state?.cells ?? []).flatMap((value, cell) => (value ? [{ key: ++this.lastKey, value, cell }] : []));
    this.host.requestUpdate();
  }

  push(dir: Direction): void {
    if (!this.timer) this.slide(dir);
    else if (this.waiting.length < QUEUE_MAX) this.waiting.push(dir);
  }

  hostDisconnected(): void {
    this.stop();
    this.settleTiles();
  }

  private slide(dir: Direction): void {
    const r = this.play(dir);
    if (!r) return;
    const { cells } = r.state;
    const tiles: Tile[] = this.tiles
      .filter((t) => t.effect !== 'leaving')
      .map((t) => ({ key: t.key, value: t.value, cell: r.to[t.cell], effect: r.merged.includes(r.to[t.cell]) ? 'leaving' : undefined }));
    for (const cell of r.merged) tiles.push({ key: ++this.lastKey, value: cells[cell], cell, effect: 'merged' });
    if (r.spawned) tiles.push({ key: ++this.lastKey, value: r.spawned.value, cell: r.spawned.index, effect: 'spawned' });
    this.tiles = tiles;
    if (prefersReducedMotion()) this.settleTiles();
    else this.timer = window.setTimeout(() => this.settle(), SLIDE_MS);
    this.host.requestUpdate();
  }

  private settle(): void {
    this.timer = 0;
    this.settleTiles();
    this.host.requestUpdate();
    while (this.waiting.length && !this.timer) this.slide(this.waiting.shift()!);
  }

  private settleTiles(): void {
    this.tiles = this.tiles.filter((t) => t.effect !== 'leaving');
  }

  private stop(): void {
    clearTimeout(this.timer);
    this.timer = 0;
    this.waiting = [];
  }
}
