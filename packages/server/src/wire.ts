import { z } from 'zod';
import { KEY_PATTERN } from './config.js';

/** Wire format v1 limits, from DESIGN.md: the beacon never sends more, so anything bigger is not ours. */
export const MAX_EVENTS = 50;
export const MAX_BODY_BYTES = 60 * 1024;
const MAX_PROPS = 32;

const id = z.string().min(1).max(64);
const prop = z.union([z.string().max(512), z.number(), z.boolean(), z.null()]);

const event = z.object({
  id,
  // New names from a newer beacon are kept rather than failing the whole batch.
  n: z.string().regex(/^[a-z][a-z0-9_]{0,31}$/),
  w: z.string().max(64).default(''),
  t: z.number().min(0).max(1e10),
  p: z
    .record(z.string().max(64), prop)
    .refine((p) => Object.keys(p).length <= MAX_PROPS, { message: `at most ${MAX_PROPS} properties` })
    .default({}),
});

export const batchSchema = z.object({
  v: z.literal(1),
  site: z.string().regex(KEY_PATTERN),
  sdk: z.string().max(32).default(''),
  pv: z.string().max(64).default(''),
  u: z.string().max(2048).default(''),
  r: z.string().max(2048).default(''),
  e: z.array(event).min(1).max(MAX_EVENTS),
});

export type Batch = z.output<typeof batchSchema>;
export type WireEvent = Batch['e'][number];

/** One event as stored: the batch's page fields copied onto it, plus the server's clock. */
export interface StoredEvent {
  site: string;
  id: string;
  /** Server receive time, epoch ms: the client's `t` is relative to its own navigation start. */
  ts: number;
  n: string;
  w: string;
  t: number;
  pv: string;
  u: string;
  r: string;
  sdk: string;
  /** `p` as JSON text. */
  p: string;
}

/** The beacon already drops the query; a page we do not control might not, so drop it again. */
export function stripQuery(url: string): string {
  const cut = url.search(/[?#]/);
  return cut === -1 ? url : url.slice(0, cut);
}

export type ParseResult = { ok: true; batch: Batch } | { ok: false; error: string; message: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Bytes → a validated batch, or the reason it is not one. Never throws. */
export function parseBatch(body: Buffer | string | undefined): ParseResult {
  if (body === undefined || body.length === 0) return { ok: false, error: 'bad_request', message: 'empty body' };
  let text: string;
  if (typeof body === 'string') {
    text = body;
  } else {
    try {
      text = utf8.decode(body);
    } catch {
      return { ok: false, error: 'bad_request', message: 'body is not UTF-8' };
    }
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, error: 'bad_request', message: 'body is not JSON' };
  }
  const result = batchSchema.safeParse(json);
  if (!result.success) {
    const first = result.error.issues[0];
    const where = first?.path.join('.') || 'body';
    return { ok: false, error: 'bad_request', message: `${where}: ${first?.message ?? 'invalid'}` };
  }
  return { ok: true, batch: result.data };
}

export function toStored(batch: Batch, now: number): StoredEvent[] {
  const u = stripQuery(batch.u);
  const r = stripQuery(batch.r);
  return batch.e.map((e) => ({
    site: batch.site,
    id: e.id,
    ts: now,
    n: e.n,
    w: e.w,
    t: Math.round(e.t),
    pv: batch.pv,
    u,
    r,
    sdk: batch.sdk,
    p: JSON.stringify(e.p),
  }));
}
