import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { SITE_KEY, SITE_KEY_RULE } from '@fanfare/core/site-key';
import { adminOnly } from '../auth.js';
import { bodyOf, check, queryOf } from '../body.js';
import { pageCors } from '../cors.js';
import { refuse } from '../errors.js';
import type { TokenBuckets } from '../ratelimit.js';
import { PHOTO_BYTES, PHOTOS_MAX, TEXT_MAX, type ReviewForm, type ReviewService } from './service.js';

export interface ReviewRoutesOptions {
  reviews: ReviewService;
  buckets: TokenBuckets;
  adminToken: string | undefined;
}

export const PRODUCT_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
const site = z.string().regex(SITE_KEY, SITE_KEY_RULE);
const product = z.string().regex(PRODUCT_ID, '1-128 of letters, digits, ".", "_", "-", starting with a letter or digit');

// Every multipart limit, explicitly: busboy's defaults are generous (Infinity files, 1 MB fields).
const LIMITS = {
  fieldNameSize: 100,
  // 2,000 characters of text are at most 8,000 bytes of UTF-8.
  fieldSize: 8 * 1024,
  fields: 12,
  fileSize: PHOTO_BYTES,
  files: PHOTOS_MAX,
  parts: 20,
  headerPairs: 20,
};

const FIELDS = ['site', 'product', 'rating', 'text', 'author', 'order', 'orderToken', 'website'] as const;

const form = z
  .object({
    site,
    product,
    rating: z.string().regex(/^[1-5]$/, 'a whole number from 1 to 5').transform(Number),
    // Length in characters is the service's rule (413 past it); here only presence.
    text: z.string({ error: 'required' }),
    author: z.string().default(''),
    order: z.string().max(128).optional(),
    orderToken: z.string().max(200).optional(),
    website: z.string().optional(),
  })
  .refine((f) => !f.orderToken || f.order, { message: 'an orderToken needs its order', path: ['orderToken'] });

/** A multipart parser's refusal as ours. */
function multipartRefusal(reply: FastifyReply, err: unknown): FastifyReply {
  const code = (err as { code?: string }).code;
  if (code === 'FST_REQ_FILE_TOO_LARGE') return refuse(reply, 413, 'photo_too_large', `a photo is over ${PHOTO_BYTES} bytes`);
  if (code === 'FST_FILES_LIMIT') return refuse(reply, 413, 'too_many_photos', `at most ${PHOTOS_MAX} photos`);
  if (code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') return refuse(reply, 413, 'too_large', 'too many fields or parts');
  return refuse(reply, 400, 'bad_request', 'malformed multipart body');
}

/** `POST /reviews`, the moderation API and the feed: HTTP in and out; the rules are in service.ts. */
export async function reviewRoutes(app: FastifyInstance, { reviews, buckets, adminToken }: ReviewRoutesOptions): Promise<void> {
  // Only this context parses multipart: every other route keeps the server's raw-bytes parser.
  await app.register(async (fans) => {
    await fans.register(multipart, { limits: LIMITS, throwFileSizeLimit: true });
    pageCors(fans, ['/reviews']);
    fans.post(
      '/reviews',
      {
        onRequest: async (request, reply) => {
          const wait = buckets.take(request.ip);
          if (wait > 0) return refuse(reply.header('retry-after', String(wait)), 429, 'rate_limited', 'too many reviews from here; wait a little');
        },
      },
      async (request, reply) => {
        if (!request.isMultipart()) return refuse(reply, 400, 'bad_request', 'send multipart/form-data');
        const fields: Record<string, string> = {};
        const photos: Buffer[] = [];
        try {
          for await (const part of request.parts()) {
            if (part.type === 'file') {
              const bytes = await part.toBuffer();
              // An empty file input still sends a part; it is no photo.
              if (part.fieldname === 'photos' && (bytes.length > 0 || part.filename)) photos.push(bytes);
              continue;
            }
            const name = part.fieldname as (typeof FIELDS)[number];
            if (!FIELDS.includes(name)) continue;
            if (part.valueTruncated) {
              return name === 'text'
                ? refuse(reply, 413, 'text_too_long', `text: at most ${TEXT_MAX} characters`)
                : refuse(reply, 413, 'too_large', `${name}: too long`);
            }
            if (Object.hasOwn(fields, name)) return refuse(reply, 400, 'bad_request', `${name}: sent twice`);
            fields[name] = typeof part.value === 'string' ? part.value : String(part.value);
          }
        } catch (err) {
          return multipartRefusal(reply, err);
        }
        const parsed = check(form, fields, undefined, 'form');
        if (!parsed.ok) return refuse(reply, 400, 'bad_request', parsed.reason);
        const r = await reviews.submit(parsed.value satisfies ReviewForm, photos, { ip: request.ip, origin: request.headers.origin });
        if (!r.ok) return reply.code(r.status).type('application/json; charset=utf-8').send({ error: r.error, message: r.message, ...r.extra });
        return reply.code(201).send(r.value);
      },
    );
  });

  app.get<{ Params: { site: string; file: string }; Querystring: { lang?: string } }>('/feeds/:site/:file', async (request, reply) => {
    reply.header('access-control-allow-origin', '*');
    const { site: s, file } = request.params;
    const p = file.endsWith('.json') ? file.slice(0, -5) : '';
    if (!SITE_KEY.test(s) || !PRODUCT_ID.test(p)) return refuse(reply, 404, 'not_found', 'no such feed: /feeds/<site>/<product>.json');
    const lang = request.query.lang;
    if (lang !== undefined && lang !== 'en' && lang !== 'zh-CN') return refuse(reply, 400, 'bad_request', 'lang: en or zh-CN');
    const allowed = reviews.mayReview(s, undefined);
    if (!allowed.ok) return refuse(reply, allowed.status, allowed.error, allowed.message);
    const { body, etag } = await reviews.feed(s, p, lang);
    reply.header('etag', etag).header('cache-control', 'public, max-age=30').header('vary', 'Accept-Encoding');
    const match = request.headers['if-none-match'];
    if (match && match.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) return reply.code(304).send();
    return reply.type('application/json; charset=utf-8').send(body);
  });

  await app.register(async (admin) => {
    admin.addHook('onRequest', adminOnly(adminToken));

    const listQuery = z.object({
      site,
      status: z.enum(['pending', 'published', 'rejected']).optional(),
      product: product.optional(),
      verified: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
      photos: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
      rating: z.string().regex(/^[1-5]$/).transform(Number).optional(),
      before: z
        .string()
        .regex(/^\d{1,15}\.r_[A-Za-z0-9_-]{1,40}$/, 'the "next" of the previous page')
        .transform((c) => ({ createdAt: Number(c.slice(0, c.indexOf('.'))), id: c.slice(c.indexOf('.') + 1) }))
        .optional(),
      limit: z.string().regex(/^\d{1,3}$/).transform(Number).pipe(z.number().min(1).max(100)).default(50),
    });
    admin.get<{ Querystring: z.output<typeof listQuery> }>('/api/reviews', { preValidation: queryOf(listQuery) }, async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return reviews.list(request.query);
    });

    const historyQuery = z.object({ site, review: z.string().max(40).optional() });
    admin.get<{ Querystring: z.output<typeof historyQuery> }>('/api/reviews/history', { preValidation: queryOf(historyQuery) }, async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return { history: await reviews.history(request.query.site, request.query.review) };
    });

    const by = z.string().trim().min(1).max(60).optional();
    const reason = z.string().trim().min(1, 'a reason is required').max(500);
    const approveBody = z.object({ by }).default({});
    const rejectBody = z.object({ reason, by });
    const bulkBody = z
      .object({ ids: z.array(z.string().max(40)).min(1).max(100), action: z.enum(['approve', 'reject']), reason: reason.optional(), by })
      .refine((b) => b.action === 'approve' || b.reason !== undefined, { message: 'a reason is required to reject', path: ['reason'] });

    const one = async (request: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply, action: 'approve' | 'reject', body: { by?: string | undefined; reason?: string | undefined }) => {
      if (!(await reviews.get(request.params.id))) return refuse(reply, 404, 'not_found', 'no such review');
      return reply.send((await reviews.decide([request.params.id], action, body.by ?? 'admin', body.reason ?? null)).reviews[0]);
    };
    // An empty body is `{}`: approving needs nothing but the id.
    const emptyIsObject = async (request: FastifyRequest) => {
      if (!request.body || (Buffer.isBuffer(request.body) && request.body.length === 0)) request.body = Buffer.from('{}');
    };
    admin.post<{ Params: { id: string }; Body: z.output<typeof approveBody> }>(
      '/api/reviews/:id/approve',
      { preValidation: [emptyIsObject, bodyOf(approveBody)] },
      async (request, reply) => one(request, reply, 'approve', request.body),
    );
    admin.post<{ Params: { id: string }; Body: z.output<typeof rejectBody> }>(
      '/api/reviews/:id/reject',
      { preValidation: bodyOf(rejectBody, 'expected {"reason": "<why>"}') },
      async (request, reply) => one(request, reply, 'reject', request.body),
    );
    admin.post<{ Body: z.output<typeof bulkBody> }>('/api/reviews/bulk', { preValidation: bodyOf(bulkBody) }, async (request, reply) => {
      const b = request.body;
      return reply.send(await reviews.decide(b.ids, b.action, b.by ?? 'admin', b.reason ?? null));
    });

    admin.get<{ Params: { id: string; n: string } }>('/api/reviews/:id/photos/:n', async (request, reply) => {
      const photo = /^[0-4]$/.test(request.params.n) ? await reviews.photo(request.params.id, Number(request.params.n)) : undefined;
      if (!photo) return refuse(reply, 404, 'not_found', 'no such photo');
      return reply
        .type('image/jpeg')
        .header('content-length', photo.size)
        .header('cache-control', 'private, max-age=3600')
        .header('x-content-type-options', 'nosniff')
        .send(photo.body);
    });
  });
}
