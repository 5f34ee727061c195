// The share URL builders on their own, for code that makes share links without the
// element (a server rendering them, say). The element's chunk does not carry them.
import { mastodonFormat } from './logic/mastodon.js';
import { shareUrl, type ShareData } from './logic/networks.js';

export { NETWORKS, shareUrl, defaultNetworks, type Network, type Pack, type ShareData } from './logic/networks.js';
export { isWeChat } from '@fanfare/core/env';
// UTM tagging lives with the share token in core's share-link, which every widget that shares a link uses.
export { withUtm } from '@fanfare/core/share-link';
export { mastodonFormat };
export { packs } from './networks/index.js';

/** The share URL on the Mastodon server a fan named, or undefined if it is not a server name. */
export function mastodonUrl(server: string, d: ShareData): string | undefined {
  const format = mastodonFormat(server);
  return format && shareUrl(format, d);
}
