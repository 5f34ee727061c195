import type { Direction } from '../engine/index.js';

const KEYS: Record<string, Direction> = {
  arrowup: 'up', w: 'up', k: 'up',
  arrowright: 'right', d: 'right', l: 'right',
  arrowdown: 'down', s: 'down', j: 'down',
  arrowleft: 'left', a: 'left', h: 'left',
};

/** How far a finger must travel, in CSS pixels, before a touch counts as a swipe. */
export const SWIPE_MIN = 30;

/**
 * Turns keys and swipes on the board into directions. The host binds `key`, `down`
 * and `up` on the board only, so keys act while the board has focus and never
 * page-wide; the board's `touch-action: none` stops the page scrolling under a swipe.
 */
export class InputController {
  private start?: { x: number; y: number; id: number };

  constructor(private readonly onMove: (dir: Direction) => void) {}

  key = (e: KeyboardEvent): void => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const dir = KEYS[e.key.toLowerCase()];
    if (!dir) return;
    e.preventDefault();
    this.onMove(dir);
  };

  down = (e: PointerEvent): void => {
    if (e.isPrimary) this.start = { x: e.clientX, y: e.clientY, id: e.pointerId };
  };

  up = (e: PointerEvent): void => {
    const s = this.start;
    if (!s || s.id !== e.pointerId) return;
    this.start = undefined;
    const dx = e.clientX - s.x;
    const dy = e.clientY - s.y;
    if (Math.max(Math.abs(dx), Math.abs(dy)) < SWIPE_MIN) return;
    this.onMove(Math.abs(dx) > Math.abs(dy) ? (dx > 0 ? 'right' : 'left') : dy > 0 ? 'down' : 'up');
  };

  cancel = (): void => {
    this.start = undefined;
  };
}
