import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { SITE_KEY, SITE_KEY_RULE } from '@fanfare/core/site-key';

/** The page's rule (core's), so a key the page accepts is never refused here. */
const siteKey = z.string().regex(SITE_KEY, SITE_KEY_RULE);

/**
 * A campaign's name travels inside its game ids, whose fields are joined by dots, and in
 * the claim URL's path: so no dot, whatever site keys allow, and at most 64 (see
 * `maxParamLength` in server.ts). The same alphabet as site keys today, for its own reason.
 */
export const CAMPAIGN_NAME = /^[a-z0-9][a-z0-9_-]{0,63}$/i;
const campaignName = z.string().regex(CAMPAIGN_NAME, 'letters, digits, "-" and "_" only, at most 64');

/** Spliced into ClickHouse's SQL as an identifier, so a strict alphabet. */
export const CLICKHOUSE_DATABASE = /^[a-z_][a-z0-9_]{0,63}$/i;

/** The shortest admin token or secret we accept, wherever it comes from. */
export const MIN_SECRET_LENGTH = 16;
const TOO_SHORT = `must be at least ${MIN_SECRET_LENGTH} characters (\`openssl rand -hex 24\` makes one)`;
const secret = z.string().min(MIN_SECRET_LENGTH, TOO_SHORT);

const origin = z.string().refine((s) => s === '*' || /^https?:\/\/[^/\s]+$/.test(s), {
  message: 'an origin is "*" or scheme://host[:port] with no path',
});

/**
 * A site's WeChat Official Account, for the JS-SDK signatures of its share cards
 * (src/wechat/). The AppSecret may come from FANFARE_WECHAT_SECRET_<SITE> instead, which
 * wins (src/wechat/accounts.ts); it is never in an answer of the API or the dashboard.
 */
const wechat = z.object({
  appId: z.string().regex(/^wx[0-9a-f]{16}$/i, '"wx" and 16 hex digits, as the Official Account\'s Basic configuration page shows it'),
  appSecret: z.string().regex(/^[0-9a-z]{32}$/i, '32 letters and digits, from the same page').optional(),
  /** WeChat's API host (https://api.weixin.qq.com when absent); tests point it at a stand-in. */
  apiBase: z.string().url().refine((u) => /^https?:\/\//.test(u), 'an http(s) URL').optional(),
});

const site = z.object({
  /** Pages allowed to send for this site; "*" lets any page send. */
  origins: z.array(origin).min(1),
  /** The shop backend's bearer token for `POST /orders` of this site only (the admin token works for every site). */
  ordersToken: secret.optional(),
  /** Which share an order or a visitor is credited to when there were several: the first (default) or the last. */
  attribution: z.enum(['first', 'last']).default('first'),
  /** Key of the order tokens the shop's backend makes: hex HMAC-SHA256(reviewSecret, `site|order|product`) earns the verified badge. */
  reviewSecret: secret.optional(),
  /** Buyer shows: what is published without a moderator, the words that hold one back, the reward for one. */
  reviews: z
    .object({
      /** false: everything waits for a moderator. Otherwise every condition named must hold (and no link, no listed word). */
      autoPublish: z
        .union([
          z.literal(false),
          z.object({
            verified: z.boolean().default(true),
            minRating: z.number().int().min(1).max(5).default(4),
            photos: z.boolean().default(false),
          }),
        ])
        .default(false),
      /** The brand's own words that hold a review for a moderator, added to the built-in list. */
      words: z
        .array(
          z
            .string()
            .trim()
            .min(1)
            .max(60)
            // One Han character matches inside ordinary words (乳 in 乳液, lotion): src/reviews/words.ts.
            .refine((w) => !/\p{Script=Han}/u.test(w) || Array.from(w).length >= 2, 'a Chinese word needs at least two characters'),
        )
        .max(2000)
        .default([]),
      builtinWords: z.boolean().default(true),
      /** A code for a verified review with a photo, once per order, from the first reward of this campaign. */
      reward: z.object({ campaign: campaignName }).optional(),
    })
    .default({ autoPublish: false, words: [], builtinWords: true }),
  /** Share cards inside WeChat: the Official Account that signs `wx.config` for this site's pages. */
  wechat: wechat.optional(),
});

const reward = z
  .object({
    tile: z.number().int().min(4).optional(),
    score: z.number().int().min(1).optional(),
    title: z.string().min(1).max(200),
    /** Single-use codes handed out in order; ignored when `generate` is set. */
    codes: z.array(z.string().min(1).max(100)).optional(),
    /** Make a fresh random code at claim time instead of using a pool. */
    generate: z
      .object({ prefix: z.string().max(40).default(''), length: z.number().int().min(6).max(40).default(10) })
      .optional(),
  })
  .refine((r) => (r.tile === undefined) !== (r.score === undefined), {
    message: 'a reward has either "tile" or "score"',
  })
  .refine((r) => r.codes !== undefined || r.generate !== undefined, {
    message: 'a reward needs "codes" or "generate"',
  });

const campaign = z.object({
  /** Site key whose origins may start and claim games; any origin when absent. */
  site: siteKey.optional(),
  sizes: z.array(z.number().int().min(3).max(6)).min(1).default([4]),
  rewards: z.array(reward).min(1),
  /** Codes handed out per UTC day across all players. */
  dailyBudget: z.number().int().min(0).optional(),
  perPlayer: z
    .object({
      gamesPerDay: z.number().int().min(1).default(4),
      claimsPerDay: z.number().int().min(1).default(3),
    })
    .default({ gamesPerDay: 50, claimsPerDay: 3 }),
  /** How long a started game can be claimed. */
  ttlMinutes: z.number().min(1).max(7 * 24 * 60).default(120),
  /** Fewer milliseconds than this per move on average and a claim is refused as too fast. */
  minMsPerMove: z.number().min(0).default(60),
  startsAt: z.string().datetime({ offset: true }).optional(),
  endsAt: z.string().datetime({ offset: true }).optional(),
});

/** `referrals.<name>`: "bring N friends, get a code" for <fan-invite> (DESIGN.md, "<fan-invite>"). */
const referral = z
  .object({
    /** The site whose page views count as friends' visits; its origins may start and claim invites. */
    site: siteKey,
    /** Distinct friends who must come through the fan's link. */
    friends: z.number().int().min(1).max(100),
    /** The reward as the fan reads it ("15% off"). */
    title: z.string().min(1).max(200),
    /** Single-use codes handed out in order; ignored when `generate` is set. */
    codes: z.array(z.string().min(1).max(100)).optional(),
    /** Make a fresh random code at claim time instead of using a pool. */
    generate: z
      .object({ prefix: z.string().max(40).default(''), length: z.number().int().min(6).max(40).default(10) })
      .optional(),
    startsAt: z.string().datetime({ offset: true }).optional(),
    endsAt: z.string().datetime({ offset: true }).optional(),
    /** Days an invite collects friends and can be claimed (never past `endsAt`). */
    days: z.number().int().min(1).max(90).default(7),
    /**
     * Invites one player (IP, hashed) may start per UTC day. Each browser that shows the
     * widget starts one and keeps it, and phones behind a carrier's NAT share an IP: not 1.
     */
    invitesPerDay: z.number().int().min(1).default(20),
    /** Friends counted per invite per UTC day; more that day do not count. */
    friendsPerDay: z.number().int().min(1).default(10),
    /** Share of fans (0–0.5) who get the widget without the offer, to measure what the offer brings. */
    holdout: z.number().min(0).max(0.5).default(0),
  })
  .refine((r) => r.codes !== undefined || r.generate !== undefined, { message: 'a referral reward needs "codes" or "generate"' });

const rateLimit = z.object({
  /** Requests a second refilled per (site, IP). 0 turns the limiter off. */
  perSecond: z.number().min(0).default(20),
  burst: z.number().int().min(1).default(100),
});

export const configSchema = z.object({
  host: z.string().default('127.0.0.1'),
  port: z.number().int().min(0).max(65535).default(8787),
  db: z.string().default('./fanfare.db'),
  /**
   * "sqlite" (everything in `db`), "clickhouse" (events there, state in `db`), or each named:
   * DESIGN.md, "Server". `media`: where photos go, "disk" (the `media` folder) or "postgres"
   * (the state store's database); "postgres" when absent with `"state": "postgres"`.
   */
  store: z
    .union([
      z.enum(['sqlite', 'clickhouse']),
      z
        .object({
          events: z.enum(['sqlite', 'clickhouse']).default('sqlite'),
          state: z.enum(['sqlite', 'postgres']).default('sqlite'),
          media: z.enum(['disk', 'postgres']).optional(),
        })
        .strict(),
    ])
    .default('sqlite'),
  /** With `"state": "postgres"`; FANFARE_POSTGRES_URL wins over it. */
  postgres: z.object({ url: z.string().regex(/^postgres(ql)?:\/\//, 'a postgres://user:pass@host:5432/db URL') }).strict().optional(),
  clickhouse: z
    .object({
      url: z.string().url().default('http://127.0.0.1:8123'),
      database: z.string().regex(CLICKHOUSE_DATABASE, 'letters, digits and "_"').default('fanfare'),
      username: z.string().default('default'),
      password: z.string().default(''),
    })
    .optional(),
  /** Sent by the dashboard as `Authorization: Bearer …`; FANFARE_ADMIN_TOKEN wins over it. */
  adminToken: secret.optional(),
  /** HMAC key for game ids and player hashes; FANFARE_SECRET wins over it; random per start when absent. */
  secret: secret.optional(),
  /** Known sites; when absent any site key is accepted from any origin (fine on a laptop, not in production). */
  sites: z.record(siteKey, site).optional(),
  rateLimit: rateLimit.default({ perSecond: 20, burst: 100 }),
  /** SQLite `synchronous`: "normal" survives a killed process, "full" also survives a power cut. */
  sqliteSync: z.enum(['normal', 'full']).default('normal'),
  /** Longest wait before a batch of events is committed. */
  batchMs: z.number().min(0).max(1000).default(2),
  campaigns: z.record(campaignName, campaign).default({}),
  /** <fan-invite> campaigns by name. */
  referrals: z.record(campaignName, referral).default({}),
  /**
   * Behind a reverse proxy: its addresses ("127.0.0.1,10.0.0.0/8") or true, whose
   * X-Forwarded-For to believe; otherwise every fan would share the proxy's rate limit.
   */
  trustProxy: z.union([z.boolean(), z.string()]).default(false),
  /**
   * Days a share keeps its credit, as the page keeps its token (the loader's
   * `data-attribution-days`); also how long each day's visitor salt is kept before it is deleted.
   */
  attributionDays: z.number().int().min(1).max(90).default(7),
  /** Folder of buyer-show photos (`--media`). */
  media: z.string().default('./media'),
  /** Where feeds say the photos are (a CDN in front of /media/), ending in "/"; this server's /media/ when absent. */
  mediaUrl: z.string().url().refine((u) => /^https?:\/\//.test(u) && u.endsWith('/'), 'an http(s) URL ending in "/"').optional(),
  /** Token bucket per client IP on POST /reviews. */
  reviewRateLimit: rateLimit.default({ perSecond: 1 / 60, burst: 5 }),
  /** A photo file with no review this many minutes old is what a crash left: it is deleted. */
  orphanMinutes: z.number().min(0).max(24 * 60).default(10),
}).superRefine((c, ctx) => {
  if (typeof c.store === 'object' && c.store.media === 'postgres' && c.store.state !== 'postgres') {
    ctx.addIssue({
      code: 'custom',
      path: ['store', 'media'],
      message: '"postgres" keeps photos in the state store\'s PostgreSQL: it needs "state": "postgres" (or "media": "disk", the --media folder)',
    });
  }
  for (const [name, camp] of Object.entries(c.campaigns)) {
    if (camp.site !== undefined && c.sites !== undefined && !Object.hasOwn(c.sites, camp.site)) {
      ctx.addIssue({ code: 'custom', path: ['campaigns', name, 'site'], message: `no site "${camp.site}" in "sites"` });
    }
  }
  for (const [name, s] of Object.entries(c.sites ?? {})) {
    const reward = s.reviews.reward?.campaign;
    if (reward !== undefined && !Object.hasOwn(c.campaigns, reward)) {
      ctx.addIssue({ code: 'custom', path: ['sites', name, 'reviews', 'reward', 'campaign'], message: `no campaign "${reward}" in "campaigns"` });
    }
  }
  for (const [name, r] of Object.entries(c.referrals)) {
    if (c.sites !== undefined && !Object.hasOwn(c.sites, r.site)) {
      ctx.addIssue({ code: 'custom', path: ['referrals', name, 'site'], message: `no site "${r.site}" in "sites"` });
    }
  }
});

export type Config = z.output<typeof configSchema>;
export type ConfigInput = z.input<typeof configSchema>;
export type Campaign = z.output<typeof campaign>;
export type Reward = Campaign['rewards'][number];
export type Referral = z.output<typeof referral>;

export class ConfigError extends Error {}

/** Where events, state and photos go, whichever way the config says it. */
export function storesOf(config: Pick<Config, 'store'>): { events: 'sqlite' | 'clickhouse'; state: 'sqlite' | 'postgres'; media: 'disk' | 'postgres' } {
  if (typeof config.store === 'string') return { events: config.store, state: 'sqlite', media: 'disk' };
  const { events, state, media } = config.store;
  return { events, state, media: media ?? (state === 'postgres' ? 'postgres' : 'disk') };
}

type Issue = z.core.$ZodIssue;

/**
 * A union's own issue says only "Invalid input" (`"store": {"media": "s3"}`): the issues of
 * the branch the value fits say what is wrong, under the union's path. The branch it fits is
 * the one with no issue at its root (the value had its shape), or else the only one whose
 * root issue is not of type (`"store": "mysql"`: the names it may be).
 */
function explained(issue: Issue): Issue[] {
  if (issue.code !== 'invalid_union' || issue.errors.length === 0) return [issue];
  const rooted = (branch: Issue[]) => branch.some((i) => i.path.length === 0);
  const shaped = issue.errors.filter((b) => !rooted(b));
  const typed = issue.errors.filter((b) => !b.some((i) => i.path.length === 0 && i.code === 'invalid_type'));
  const branch = shaped.length === 1 ? shaped[0] : shaped.length === 0 && typed.length === 1 ? typed[0] : undefined;
  return branch ? branch.flatMap((i) => explained({ ...i, path: [...issue.path, ...i.path] } as Issue)) : [issue];
}

/** `source` names where the input came from (the config file's path), so the message can say where to look. */
export function parseConfig(input: unknown, source?: string): Config {
  const result = configSchema.safeParse(input ?? {});
  if (!result.success) {
    const lines = result.error.issues.flatMap(explained).map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new ConfigError(`invalid config${source ? ` in ${source}` : ''}:\n${lines.join('\n')}`);
  }
  return result.data;
}

/**
 * The secrets given in the environment, which win over the config file's. Checked here
 * rather than after the merge, so that a bad value is blamed on the variable it came from
 * and not on the config file, which may not even hold that key.
 */
export function secretsFromEnv(env: Record<string, string | undefined>): Pick<Config, 'adminToken' | 'secret'> {
  const out: Pick<Config, 'adminToken' | 'secret'> = {};
  for (const [name, key] of [['FANFARE_ADMIN_TOKEN', 'adminToken'], ['FANFARE_SECRET', 'secret']] as const) {
    const value = env[name];
    // Set but empty counts as unset, as shells make it easy to export an empty variable.
    if (!value) continue;
    if (value.length < MIN_SECRET_LENGTH) {
      throw new ConfigError(`the environment variable ${name} is ${value.length} characters long; it ${TOO_SHORT}`);
    }
    out[key] = value;
  }
  return out;
}

export function loadConfigFile(path: string): Config {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new ConfigError(`cannot read config ${path}: ${(err as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new ConfigError(`config ${path} is not JSON: ${(err as Error).message}`);
  }
  return parseConfig(json, path);
}
