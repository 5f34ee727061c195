import './define.js';

export { FanShare } from './fan-share.js';
export type { Network } from './logic/networks.js';
