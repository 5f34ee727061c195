// WeChat's server API, the two calls the JS-SDK needs: an access token from the AppID and
// AppSecret (`/cgi-bin/token`), and with it a jsapi ticket (`/cgi-bin/ticket/getticket`).
// WeChat answers 200 to nearly everything; a failure is `{"errcode": n, "errmsg": "…"}`.

/** WeChat's own host; a site's `apiBase` replaces it (tests point it at a stand-in on loopback). */
export const WECHAT_API = 'https://api.weixin.qq.com';

/** What one call gave: a credential and its lifetime, or why not. */
export type Grant =
  | { ok: true; value: string; expiresIn: number }
  | { ok: false; errcode?: number; errmsg: string };

/** errcodes that mean "this access token is no longer good": fetch a new one and ask again, once. */
export const STALE_TOKEN = new Set([40001, 40014, 42001]);

/** The request for an access token. The secret is a query parameter, as WeChat documents: never log this URL. */
export function tokenUrl(apiBase: string, appId: string, secret: string): URL {
  const url = new URL('/cgi-bin/token', apiBase);
  url.search = new URLSearchParams({ grant_type: 'client_credential', appid: appId, secret }).toString();
  return url;
}

export function ticketUrl(apiBase: string, accessToken: string): URL {
  const url = new URL('/cgi-bin/ticket/getticket', apiBase);
  url.search = new URLSearchParams({ access_token: accessToken, type: 'jsapi' }).toString();
  return url;
}

/** An answer's JSON as a grant: `key` holds the credential (`access_token` or `ticket`). */
export function readGrant(json: unknown, key: 'access_token' | 'ticket'): Grant {
  const a = (json ?? {}) as Record<string, unknown>;
  const errcode = typeof a.errcode === 'number' ? a.errcode : 0;
  if (errcode !== 0) return { ok: false, errcode, errmsg: typeof a.errmsg === 'string' ? a.errmsg.slice(0, 300) : '' };
  const value = a[key];
  const expiresIn = a.expires_in;
  if (typeof value !== 'string' || !value || typeof expiresIn !== 'number' || !(expiresIn > 0)) {
    return { ok: false, errmsg: `the answer has no ${key} and expires_in` };
  }
  return { ok: true, value, expiresIn };
}

/** One GET to WeChat, never throwing: a network failure, a timeout or a non-JSON answer is a grant refused. */
export async function fetchGrant(url: URL, key: 'access_token' | 'ticket', timeoutMs: number): Promise<Grant> {
  let res: Response;
  try {
    res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'error' });
  } catch (err) {
    const e = err as Error;
    return { ok: false, errmsg: e.name === 'TimeoutError' ? `no answer in ${timeoutMs} ms` : `cannot reach ${url.host}: ${e.message}` };
  }
  // WeChat labels its JSON `application/json; encoding=utf-8` (or text/plain): read the text, whatever the type.
  const text = await res.text().catch(() => '');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, errmsg: `HTTP ${res.status} with a body that is not JSON` };
  }
  return readGrant(json, key);
}
