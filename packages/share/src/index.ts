import './define.js';

export { FanShare } from './fan-share.js';
export { NETWORKS, shareUrl, withUtm, mastodonUrl, defaultNetworks, type Network, type ShareData } from './logic/networks.js';
