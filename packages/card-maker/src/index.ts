import './define.js';

export { FanCardMaker } from './fan-card-maker.js';
export type { Sticker } from './logic/layout.js';
export type { CardState } from './logic/state.js';
export type { Template } from './logic/templates.js';
