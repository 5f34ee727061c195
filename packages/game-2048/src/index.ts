import './define.js';

export { Fan2048 } from './fan-2048.js';
export type { Reward, Skin, SkinTile } from './logic/config.js';
export * from './engine/index.js';
