// The landing side of share tokens (DESIGN.md, "Attribution"). The loader runs this before
// anything else (scripts/esbuild-options.mjs pastes it into fanfare.js, so it costs no
// request); the kit's share-link runs it too, for pages that bundle Fanfare instead.
import { takeRef } from './logic/share-link.js';

/** Symbol.for, so every copy of the SDK on the page (the loader's and a bundled one) sees one landing. */
const LANDING = Symbol.for('fanfare.landing');

/**
 * The share token this page view arrived with, if any. The first call reads `fanref` from
 * the address and removes it with history.replaceState, leaving the rest of the URL as it
 * was, so the token never reaches other analytics, Referer headers or the visitor's own
 * re-shares. A malformed value is removed too, and ignored.
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
