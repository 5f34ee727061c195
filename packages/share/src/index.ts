import './define.js';

export { FanShare } from './fan-share.js';
export { mastodonUrl } from './logic/mastodon.js';
export { NETWORKS, shareUrl, withUtm, defaultNetworks, type Network, type ShareData } from './logic/networks.js';
