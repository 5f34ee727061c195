import './define.js';

export { FanCardMaker } from './fan-card-maker.js';
export type { CardState, Sticker, Template } from './logic/card.js';
