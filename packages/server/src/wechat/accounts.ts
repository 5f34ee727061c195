import { ConfigError, type Config } from '../config.js';
import { WECHAT_API } from './api.js';

/** One Official Account as the service uses it: the secret resolved, the API host filled in. */
export interface WeChatAccount {
  appId: string;
  appSecret: string;
  apiBase: string;
}

/** `bloom-shop` → `FANFARE_WECHAT_SECRET_BLOOM_SHOP`: a shell cannot export a name with a dash. */
export const secretVariable = (site: string): string => `FANFARE_WECHAT_SECRET_${site.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;

const APP_SECRET = /^[0-9a-z]{32}$/i;

/**
 * Each site's WeChat account, with the AppSecret from the environment when it is set there
 * (it wins over the config file's, as FANFARE_ADMIN_TOKEN does), checked at start: a site
 * with `wechat` and no secret anywhere, or a malformed one, stops the server with a message
 * naming where to put it, rather than failing the first fan inside WeChat.
 */
export function wechatAccounts(config: Config, env: Record<string, string | undefined>): Map<string, WeChatAccount> {
  const accounts = new Map<string, WeChatAccount>();
  for (const [site, s] of Object.entries(config.sites ?? {})) {
    if (!s.wechat) continue;
    const name = secretVariable(site);
    const fromEnv = env[name] || undefined;
    if (fromEnv !== undefined && !APP_SECRET.test(fromEnv)) {
      throw new ConfigError(`the environment variable ${name} is not an AppSecret: it must be the 32 letters and digits that mp.weixin.qq.com shows`);
    }
    const appSecret = fromEnv ?? s.wechat.appSecret;
    if (!appSecret) throw new ConfigError(`sites.${site}.wechat has no appSecret: set ${name} (or "appSecret" in the config file)`);
    accounts.set(site, { appId: s.wechat.appId, appSecret, apiBase: s.wechat.apiBase ?? WECHAT_API });
  }
  return accounts;
}
