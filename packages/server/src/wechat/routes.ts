import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { SITE_KEY, SITE_KEY_RULE } from '@fanfare/core/site-key';
import { queryOf } from '../body.js';
import { pageCors } from '../cors.js';
import { refuse } from '../errors.js';
import type { TokenBuckets } from '../ratelimit.js';
import type { WeChatService } from './service.js';

export interface WeChatRoutesOptions {
  wechat: WeChatService;
  buckets: TokenBuckets;
}

// Browsers cap a URL near 8 KB, WeChat's pages are far shorter: a longer one is not a page.
const query = z.object({ site: z.string().regex(SITE_KEY, SITE_KEY_RULE), url: z.string().min(1).max(4096) });

/** `GET /wechat/signature?site=&url=`: HTTP in and out; the rules are in service.ts. */
export async function wechatRoutes(app: FastifyInstance, { wechat, buckets }: WeChatRoutesOptions): Promise<void> {
  // A GET with no custom header: a simple request, so no preflight, only the answer's headers.
  pageCors(app, []);
  app.get<{ Querystring: z.output<typeof query> }>(
    '/wechat/signature',
    { preValidation: queryOf(query, 'expected ?site=<site key>&url=<the page URL>') },
    async (request, reply) => {
      const { site, url } = request.query;
      const wait = buckets.take(`wechat ${site} ${request.ip}`);
      if (wait > 0) {
        reply.header('retry-after', String(wait));
        return refuse(reply, 429, 'rate_limited', 'too many requests; retry later');
      }
      const r = await wechat.sign(site, url, request.headers.origin);
      // A signature is tied to its timestamp and nonce: nothing on the way may keep it.
      reply.header('cache-control', 'no-store');
      return r.ok ? reply.send(r.value) : refuse(reply, r.status, r.error, r.message);
    },
  );
}
