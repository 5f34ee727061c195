// The one rule for a site key, shared by the page (configure()), the server (its config
// and every request) and the docs configurator. A key the server would refuse must never
// be accepted on the page: the beacon does not retry a 400, so that site's events would
// be dropped without a word.

import { fail, ok, type Parsed } from './parse-scalar.js';

/** Letters and digits, then also `-` and `_`; at most 64. No dots: keys end up in signed ids and table names' neighbourhood. */
export const SITE_KEY = /^[a-z0-9][a-z0-9_-]{0,63}$/i;

export const SITE_KEY_RULE = 'letters, digits, - and _ only (not first), at most 64';

export function parseSiteKey(raw: string): Parsed<string> {
  const s = raw.trim();
  return SITE_KEY.test(s) ? ok(s) : fail(SITE_KEY_RULE);
}
