// Turning what happened on the page into v1 wire events (DESIGN.md, "Beacon wire
// format"). Pure: the runtime passes in ids, times and URLs.

export type Value = string | number | boolean;

/**
 * The most one request carries. The server imports these same two constants
 * (`@fanfare/beacon/wire`), so the page and the collector cannot disagree on them.
 */
export const MAX_EVENTS = 50;
/** Bytes of UTF-8 body. Below 60 KB: the 64 KiB keepalive quota is shared with everything else the page sends. */
export const MAX_BYTES = 60_000;

export interface WireEvent {
  id: string;
  /** `share`, `game_start`, … `view`, `vital`. */
  n: string;
  /** The widget's tag, or `page`. */
  w: string;
  /** ms since navigation start. */
  t: number;
  /** Flat values, but for a page view's `utm` (`{source, medium, campaign}`). */
  p?: Record<string, Value | Record<string, string>>;
}

/** What every request repeats about the page view. */
export interface PageInfo {
  site?: string;
  sdk: string;
  pv: string;
  u: string;
  r?: string;
}

export interface Payload extends PageInfo {
  v: 1;
  e: WireEvent[];
}

/**
 * The detail fields the beacon forwards, whatever the event. Anything else a widget puts
 * in a detail stays on the page; above all a reward's `code`, a single-use secret.
 */
const FIELDS = ['network', 'url', 'ref', 'parent', 'campaign', 'score', 'maxTile', 'moves', 'title', 'tier', 'template', 'format', 'bytes', 'channel', 'id'];

/** A string that long is a bug or an attack, not analytics. */
const MAX_STRING = 200;

/** `fan-game-start` → `game_start`. */
export const wireName = (type: string): string => type.slice(4).replace(/-/g, '_');

/**
 * fan-* events the beacon reports: all but slide changes, which an autoplaying carousel
 * would send forever.
 */
export const isReported = (type: string): boolean => type.startsWith('fan-') && type !== 'fan-slide-change';

/** Page URLs as the server may see them: no query, no hash, no user:password. */
export function stripUrl(href: string): string {
  try {
    const url = new URL(href);
    return url.origin + url.pathname;
  } catch {
    return href.split(/[?#]/)[0]!;
  }
}

/** Only where a visitor came from, never the path (it can carry search terms or ids). */
export function referrerOrigin(referrer: string): string | undefined {
  try {
    const { origin } = new URL(referrer);
    if (origin !== 'null') return origin;
  } catch {
    // No referrer, or not a URL.
  }
  return undefined;
}

/** A page view's UTM parameters (`p.utm`). */
export type Utm = Partial<Record<'source' | 'medium' | 'campaign', string>>;

/** `{source, medium, campaign}` from a landing URL's utm_* parameters, or undefined when it has none (at most 200 characters each). */
export function utmOf(href: string): Utm | undefined {
  let q: URLSearchParams;
  try {
    q = new URL(href).searchParams;
  } catch {
    return undefined;
  }
  const utm: Utm = {};
  for (const k of ['source', 'medium', 'campaign'] as const) {
    const v = q.get(`utm_${k}`)?.trim();
    if (v) utm[k] = v.slice(0, 200);
  }
  return Object.keys(utm).length ? utm : undefined;
}

/**
 * A fan-* event as the server receives it. `widget` is the tag of the element the event
 * came from; events a page sends from elsewhere count as the page's.
 */
export function toWireEvent(type: string, detail: unknown, widget: string | undefined, t: number, id: string): WireEvent {
  const p: Record<string, Value> = {};
  for (const key of FIELDS) {
    const v = (detail as Record<string, unknown> | null)?.[key];
    if (typeof v === 'string') p[key] = (key === 'url' ? stripUrl(v) : v).slice(0, MAX_STRING);
    else if (typeof v === 'boolean' || Number.isFinite(v)) p[key] = v as Value;
  }
  return { id, n: wireName(type), w: widget?.startsWith('fan-') ? widget : 'page', t: Math.round(t), p };
}
