import { z } from 'zod';
// The beacon's own limit (and MAX_BYTES, checked in ingest.ts): it never sends more, so
// anything bigger is not ours. One constant, so the page and the server cannot disagree.
import { MAX_EVENTS } from '@fanfare/beacon/wire';
import type { ErrorCode } from '@fanfare/core/errors';
import { SITE_KEY, SITE_KEY_RULE } from '@fanfare/core/site-key';
import { amount, isCurrency, isOrderId, isShareToken } from './attribution/rules.js';
import { decodeBody } from './body.js';

const MAX_PROPS = 32;

const id = z.string().min(1).max(64);
const prop = z.union([z.string().max(512), z.number(), z.boolean(), z.null()]);
/**
 * The one nested value the wire has: a page view's `p.utm`, `{source, medium, campaign}`
 * (and `term`, `content`) from the landing URL. Every other property stays flat.
 */
const utmField = z.string().max(512).optional();
const utm = z.object({ source: utmField, medium: utmField, campaign: utmField, term: utmField, content: utmField });

const event = z.object({
  id,
  // New names from a newer beacon are kept rather than failing the whole batch.
  n: z.string().regex(/^[a-z][a-z0-9_]{0,31}$/),
  w: z.string().max(64).default(''),
  t: z.number().min(0).max(1e10),
  p: z
    .record(z.string().max(64), z.union([prop, utm]))
    .refine((p) => Object.keys(p).length <= MAX_PROPS, { message: `at most ${MAX_PROPS} properties` })
    .refine((p) => Object.entries(p).every(([k, v]) => k === 'utm' || v === null || typeof v !== 'object'), {
      message: 'only "utm" may hold an object',
    })
    .default({}),
});

export const batchSchema = z.object({
  v: z.literal(1),
  // The page's rule (core's configure()), so a key the page accepts is never refused here.
  site: z.string().regex(SITE_KEY, SITE_KEY_RULE),
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
  /**
   * Visitor hash (attribution/visitors.ts) on shares and on page views and orders that came
   * with a share token; '' on everything else. Never the IP or the user agent themselves.
   */
  vh: string;
}

/** The beacon already drops the query; a page we do not control might not, so drop it again. */
export function stripQuery(url: string): string {
  const cut = url.search(/[?#]/);
  return cut === -1 ? url : url.slice(0, cut);
}

export type ParseResult = { ok: true; batch: Batch } | { ok: false; error: ErrorCode; message: string };

/** Bytes → a validated batch, or the reason it is not one. Never throws. */
export function parseBatch(body: Buffer | string | undefined): ParseResult {
  const parsed = decodeBody(batchSchema, body);
  return parsed.ok ? { ok: true, batch: parsed.value } : { ok: false, error: 'bad_request', message: parsed.reason };
}

/**
 * The attribution fields of one event held to their rules (DESIGN.md, "Attribution"): a
 * token that is not one is dropped from the event (it credits nothing, and says nothing
 * back to whoever forged it); an order that is not one drops the event, and only that event.
 */
export function checkAttribution(e: WireEvent, model: 'first' | 'last' = 'first'): WireEvent | null {
  const p = e.p;
  if (e.n === 'pageview' || e.n === 'share' || e.n === 'card_share' || e.n === 'conversion') {
    if ('ref' in p && !isShareToken(p.ref)) delete p.ref;
    if ('parent' in p && !isShareToken(p.parent)) delete p.parent;
  }
  if (e.n === 'conversion' && isShareToken(p.first) && isShareToken(p.last)) {
    // The device names both touches when they differ: the site's own setting picks the one
    // credited, whatever the page's data-attribution chose for `ref` (which older servers read).
    p.ref = model === 'last' ? p.last : p.first;
  } else {
    delete p.first;
    delete p.last;
  }
  if (e.n !== 'pageview') delete p.utm;
  if (e.n === 'conversion') {
    const value = amount(p.value);
    if (!isOrderId(p.order) || value === null || !isCurrency(p.currency)) return null;
    p.value = value;
  }
  return e;
}

/** The share token of a stored event, kept beside it so the visitor hash need not parse `p` again. */
const refs = new WeakMap<StoredEvent, string>();

export function refOf(e: StoredEvent): string | undefined {
  return refs.get(e);
}

/** `model`: the site's `attribution` setting, which picks the token an order is credited to. */
export function toStored(batch: Batch, now: number, model: 'first' | 'last' = 'first'): StoredEvent[] {
  const u = stripQuery(batch.u);
  const r = stripQuery(batch.r);
  const out: StoredEvent[] = [];
  for (const event of batch.e) {
    const e = checkAttribution(event, model);
    if (!e) continue;
    const stored: StoredEvent = {
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
      vh: '',
    };
    if (typeof e.p.ref === 'string') refs.set(stored, e.p.ref);
    out.push(stored);
  }
  return out;
}

/** A vital's `p.fan` marks one caused inside one of our widgets: `true`, 1 or the widget's tag. */
export function isFan(value: unknown): boolean {
  return value === true || value === 1 || (typeof value === 'string' && value.length > 0);
}
