// What the brand reads, for the end-to-end tests: the fanfare-server's admin API, and a
// wait for the figures a page's beacon is still on its way to.
import assert from 'node:assert/strict';

/** GET `path` (`/api/stats`, `/api/attribution`) of `api` (a started fanfare-server) for `site`. */
export async function dashboard(api, path, site = 'petal-and-stem') {
  const res = await fetch(`${api.url}${path}?site=${site}`, { headers: { authorization: `Bearer ${api.token}` } });
  assert.equal(res.status, 200);
  return res.json();
}

/** What `get` answers once `check` holds it true; fails after `ms` with `what` and the last answer (`show` picks what to print of it). */
export async function until(get, check, what, { ms = 15000, show = (v) => v } = {}) {
  const end = Date.now() + ms;
  let last;
  while (Date.now() < end) {
    last = await get();
    if (check(last)) return last;
    await new Promise((r) => setTimeout(r, 250));
  }
  assert.fail(`${what}; the server reports ${JSON.stringify(show(last))}`);
}
