import './define.js';

export { Fan2048 } from './fan-2048.js';
export type { Reward, Skin, SkinTile } from './logic/config.js';
// The engine (pure, also what the server replays) is @fanfare/game-2048/engine.
