// Share links with their token, for every widget that shares one (DESIGN.md, "Attribution").
// A subpath of its own: the beacon and the loader use it without Lit, and widgets pay for
// it once per page (scripts/size.mjs counts it with the kit).
import { uid } from '@fanfare/core/ids';
import { arrival } from './landing.js';
import { withRef, withUtm } from './logic/share-link.js';

export { isRef, withUtm } from './logic/share-link.js';
export { arrival } from './landing.js';

/** What one share action sends: the URL with its own fresh token, the token, and the token this page view came with. */
export interface ShareLink {
  url: string;
  ref: string;
  parent?: string;
}

/**
 * A fresh token for one share action, put into `url` (see withRef); with a `campaign`, the
 * UTM parameters for `network` too (see withUtm). Call it once per action: each gets its own,
 * unless `ref` names the token to use (an invite's, which the server counts its friends by).
 */
export function shareLink(url: string, network = '', campaign = '', ref = uid(12)): ShareLink {
  const parent = arrival();
  return { url: withRef(withUtm(url, network, campaign), ref), ref, ...(parent && { parent }) };
}
