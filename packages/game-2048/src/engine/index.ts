// The 2048 engine: pure, deterministic, shared by <fan-2048> and the server that
// replays a game before it hands out a reward code.
export {
  RULES_VERSION,
  WIN_TILE,
  MIN_SIZE,
  MAX_SIZE,
  DIRECTIONS,
  newGame,
  move,
  type Direction,
  type GameState,
  type MoveResult,
} from './rules.js';
export { encodeMoves, decodeMoves, replay, MAX_LOG_MOVES, type ReplayState } from './log.js';
export { seedRng, next, type RngState } from './random.js';
