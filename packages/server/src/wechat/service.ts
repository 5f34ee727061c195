import { randomBytes } from 'node:crypto';
import type { Config } from '../config.js';
import { originAllowed } from '../cors.js';
import type { Outcome } from '../errors.js';
import type { Grants } from '../store/state.js';
import type { WeChatAccount } from './accounts.js';
import { fetchGrant, STALE_TOKEN, ticketUrl, tokenUrl, type Grant } from './api.js';
import { jsapiSignature, nonceFrom, signedUrl } from './sign.js';

// The rules of WeChat share-card signatures: which page URLs are signed for which site, and
// the access token and jsapi ticket behind them. WeChat allows few calls a day (45009 once
// spent) and a new access token voids the previous one, so both are kept in memory until
// shortly before they expire, one refresh at a time per account however many pages ask.
// With a shared state store (PostgreSQL) that holds across processes too: the one holding
// the account's lease asks WeChat and stores both, the others read them from the store.

/** What `wx.config` needs, besides the list of APIs the page itself names. */
export interface Signature {
  appId: string;
  timestamp: number;
  nonceStr: string;
  signature: string;
}

export interface WeChatServiceOptions {
  config: Config;
  accounts: Map<string, WeChatAccount>;
  now: () => number;
  /** Where a WeChat failure is written, with its errcode: once per failed refresh, not once per page. */
  log: (facts: object, text: string) => void;
  /** How long one call to WeChat may take. */
  timeoutMs?: number;
  /** The store's shared credentials, when several processes sign for one account. */
  grants?: Grants | undefined;
}

/** Refresh this long before WeChat's expiry (or at half the lifetime, for a short one). */
export const REFRESH_BEFORE_MS = 5 * 60_000;
/** After a failure, pages get the same answer this long without another call: a bad secret must not spend the day's quota. */
export const FAILURE_HOLD_MS = 10_000;

interface Held {
  value: string;
  /** When WeChat says it stops working. */
  expires: number;
  /** When to fetch the next one: a few minutes earlier. */
  due: number;
}

type Refusal = Extract<Outcome<never>, { ok: false }>;

/** What one account has: its credentials, the refresh under way, the last failure. */
interface Account {
  token?: Held;
  ticket?: Held;
  refresh?: Promise<Held | Refusal>;
  failed?: { until: number; refusal: Refusal };
}

export class WeChatService {
  /** Per AppID and API host: two sites on one Official Account share one token, as they must. */
  readonly #accounts = new Map<string, Account>();
  readonly #timeout: number;
  /** This process, as a lease holder. */
  readonly #me = randomBytes(9).toString('base64url');

  constructor(private readonly opts: WeChatServiceOptions) {
    this.#timeout = opts.timeoutMs ?? 5_000;
  }

  /** A signature for `url`, a page of `site` (the caller's Origin held to the site's origins too). */
  async sign(site: string, url: string, origin: string | undefined): Promise<Outcome<Signature>> {
    const account = this.opts.accounts.get(site);
    if (!account) return { ok: false, status: 404, error: 'not_found', message: `site "${site}" has no WeChat account in the config` };
    if (!originAllowed(this.opts.config, site, origin)) {
      return { ok: false, status: 403, error: 'forbidden', message: `this page may not ask for signatures of site "${site}"` };
    }
    const page = pageOrigin(url);
    const origins = this.opts.config.sites?.[site]?.origins ?? [];
    if (!page) return { ok: false, status: 400, error: 'bad_request', message: 'url: an absolute http(s) URL of the page' };
    if (!origins.includes('*') && !origins.includes(page)) {
      return { ok: false, status: 403, error: 'forbidden', message: `${page} is not one of site "${site}"'s origins` };
    }
    const ticket = await this.#ticket(account);
    if ('ok' in ticket) return ticket;
    const timestamp = Math.floor(this.opts.now() / 1000);
    const nonceStr = nonceFrom(randomBytes(16));
    const signature = jsapiSignature({ jsapi_ticket: ticket.value, noncestr: nonceStr, timestamp, url });
    return { ok: true, value: { appId: account.appId, timestamp, nonceStr, signature } };
  }

  /** The account's jsapi ticket: the held one while it is not due, else the one refresh under way. */
  async #ticket(a: WeChatAccount): Promise<Held | Refusal> {
    const key = `${a.apiBase} ${a.appId}`;
    let s = this.#accounts.get(key);
    if (!s) this.#accounts.set(key, (s = {}));
    const now = this.opts.now();
    const held = s.ticket;
    if (held && now < held.due) return held;
    if (s.failed && now < s.failed.until) return held && now < held.expires ? held : s.failed.refusal;
    const state = s;
    state.refresh ??= this.#refresh(a, state).finally(() => (state.refresh = undefined));
    // Due but still valid: this page gets it at once, the refresh runs behind it.
    if (held && now < held.expires) return held;
    return state.refresh;
  }

  async #refresh(a: WeChatAccount, s: Account): Promise<Held | Refusal> {
    const grants = this.opts.grants;
    if (!grants) return this.#ask(a, s);
    const key = `${a.apiBase} ${a.appId}`;
    // Long enough for both of WeChat's calls; a holder that dies mid-call loses it after that.
    const leaseMs = 2 * this.#timeout + 1000;
    try {
      // Another process may be asking WeChat: wait for what it stores rather than void its token,
      // until it stores it or lets go of the lease (it failed, or died and the lease ran out).
      for (const until = Date.now() + leaseMs + 1000; ; ) {
        const shared = await this.#adopt(grants, key, s);
        if (shared) return shared;
        if (await grants.lease(key, this.#me, this.opts.now(), leaseMs)) break;
        if (Date.now() > until) return this.#failure(a, { ok: false, errmsg: 'another process holds the refresh and stored nothing' });
        await new Promise((r) => setTimeout(r, 100));
      }
      try {
        return await this.#ask(a, s, grants, key);
      } finally {
        await grants.release(key, this.#me);
      }
    } catch (err) {
      // The store out of reach: this refresh fails (a page may still have the held ticket); the next may not.
      this.opts.log({ err }, 'WeChat credentials: the state store is out of reach');
      return { ok: false, status: 503, error: 'wechat_unavailable', message: 'the state store is out of reach; try again shortly' };
    }
  }

  /** The shared ticket (and token) when another process stored fresh ones. */
  async #adopt(grants: Grants, key: string, s: Account): Promise<Held | undefined> {
    const now = this.opts.now();
    const [ticket, token] = await Promise.all([grants.get(`${key} ticket`), grants.get(`${key} token`)]);
    if (token && now < token.due) s.token = token;
    if (!ticket || now >= ticket.due) return undefined;
    s.failed = undefined;
    return (s.ticket = ticket);
  }

  async #ask(a: WeChatAccount, s: Account, grants?: Grants, key?: string): Promise<Held | Refusal> {
    let answer = await this.#fetchTicket(a, s, grants, key);
    // Our token was voided early (another program on the same AppID fetched a new one): one more try with a fresh token.
    if (!answer.ok && answer.errcode !== undefined && STALE_TOKEN.has(answer.errcode) && s.token) {
      s.token = undefined;
      answer = await this.#fetchTicket(a, s, grants, key, false);
    }
    if (!answer.ok) {
      const refusal = this.#failure(a, answer);
      s.failed = { until: this.opts.now() + FAILURE_HOLD_MS, refusal };
      return refusal;
    }
    s.failed = undefined;
    s.ticket = this.#held(answer);
    if (grants) await grants.put(`${key} ticket`, s.ticket);
    return s.ticket;
  }

  /** `shared`: a token another process stored may do; false after WeChat called ours stale. */
  async #fetchTicket(a: WeChatAccount, s: Account, grants?: Grants, key?: string, shared = true): Promise<Grant & { step?: string }> {
    if (grants && shared && (!s.token || this.opts.now() >= s.token.due)) {
      const stored = await grants.get(`${key} token`);
      if (stored && this.opts.now() < stored.due) s.token = stored;
    }
    if (!s.token || this.opts.now() >= s.token.due) {
      const token = await fetchGrant(tokenUrl(a.apiBase, a.appId, a.appSecret), 'access_token', this.#timeout);
      if (!token.ok) return { ...token, step: 'access token' };
      s.token = this.#held(token);
      if (grants) await grants.put(`${key} token`, s.token);
    }
    const ticket = await fetchGrant(ticketUrl(a.apiBase, s.token.value), 'ticket', this.#timeout);
    return ticket.ok ? ticket : { ...ticket, step: 'jsapi ticket' };
  }

  #held(g: { value: string; expiresIn: number }): Held {
    const now = this.opts.now();
    const life = g.expiresIn * 1000;
    return { value: g.value, expires: now + life, due: now + life - Math.min(REFRESH_BEFORE_MS, life / 2) };
  }

  /**
   * A 502 with WeChat's errcode; the log gets its errmsg too, which the page does not (it can
   * name this server's IP address). Neither ever holds the secret or the token.
   */
  #failure(a: WeChatAccount, g: Extract<Grant, { ok: false }> & { step?: string }): Refusal {
    const step = g.step ?? 'request';
    const message =
      g.errcode !== undefined
        ? `WeChat refused the ${step} for ${a.appId}: errcode ${g.errcode}${hint(g.errcode)}`
        : `WeChat gave no ${step} for ${a.appId}: ${g.errmsg}`;
    this.opts.log({ wechat: { appId: a.appId, step, errcode: g.errcode ?? null, errmsg: g.errmsg } }, message);
    return { ok: false, status: 502, error: 'wechat_unavailable', message };
  }
}

/** `https://shop.example` for a page URL on it; undefined for anything that is not an absolute http(s) URL. */
function pageOrigin(url: string): string | undefined {
  try {
    const u = new URL(signedUrl(url));
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.origin : undefined;
  } catch {
    return undefined;
  }
}

/** What the brand can do about the errcodes a setup meets first. */
function hint(errcode: number | undefined): string {
  switch (errcode) {
    case 40001:
    case 40125:
      return '; check the AppSecret (mp.weixin.qq.com, Basic configuration)';
    case 40013:
      return '; check the AppID';
    case 40164:
    case 61004:
      return "; add this server's IP address to the Official Account's IP whitelist";
    case 45009:
      return "; the day's quota of calls is spent";
    case -1:
      return '; WeChat is busy, it will be asked again shortly';
    default:
      return '';
  }
}
