// Share links with their token, for every widget that shares one (DESIGN.md, "Attribution").
// A subpath of its own: the beacon and the loader use it without Lit, and widgets pay for
// it once per page (scripts/size.mjs counts it with the kit).
import { uid } from '@fanfare/core/ids';
import { takeRef, withRef, withUtm } from './logic/share-link.js';

export { isRef, withUtm } from './logic/share-link.js';

/** Symbol.for, so every copy of the SDK on the page (the loader's and a bundled one) sees one landing. */
const LANDING = Symbol.for('fanfare.landing');

/**
 * The share token this page view arrived with, if any. The first call (the loader makes
 * it before anything else) reads `fanref` from the address and removes it with
 * history.replaceState, leaving the rest of the URL as it was, so the token never reaches
 * other analytics, Referer headers or the visitor's own re-shares. A malformed value is
 * removed too, and ignored.
 */
export function arrival(): string | undefined {
  const g = globalThis as { [LANDING]?: { ref?: string } };
  if (!g[LANDING]) {
    const { url, ref } = takeRef(location.href);
    g[LANDING] = { ref };
    try {
      if (url !== location.href) history.replaceState(history.state, '', url);
    } catch {
      // A sandboxed or opaque-origin frame: the token is still read, only the address keeps it.
    }
  }
  return g[LANDING].ref;
}

/** What one share action sends: the URL with its own fresh token, the token, and the token this page view came with. */
export interface ShareLink {
  url: string;
  ref: string;
  parent?: string;
}

/**
 * A fresh token for one share action, put into `url` (see withRef); with a `campaign`, the
 * UTM parameters for `network` too (see withUtm). Call it once per action: each gets its own.
 */
export function shareLink(url: string, network = '', campaign = ''): ShareLink {
  const ref = uid(12);
  const parent = arrival();
  return { url: withRef(withUtm(url, network, campaign), ref), ref, ...(parent && { parent }) };
}
