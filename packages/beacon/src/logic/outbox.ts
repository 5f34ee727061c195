// The failed-requests outbox, as a value. The runtime keeps it in localStorage; these
// functions decide what stays in it. A batch is sent, stored and removed whole, so its
// first event's id names it.
import type { Payload } from './wire.js';

/** A request that failed, with the time it was first made (ms since epoch). */
export interface Batch {
  at: number;
  p: Payload;
}

export interface Outbox {
  /** Failed attempts in a row; drives the backoff. */
  n: number;
  /** Not before this time (ms since epoch), so a Retry-After outlives the page that heard it. */
  next: number;
  b: Batch[];
}

export const MAX_OUTBOX_EVENTS = 200;
export const MAX_OUTBOX_AGE = 24 * 60 * 60 * 1000;

export const emptyOutbox = (): Outbox => ({ n: 0, next: 0, b: [] });

const key = (b: Batch) => b.p.e[0]?.id;

/**
 * Whatever is in storage, even if another version or a person wrote it, deduplicated and
 * within bounds: pages that close append to it without either.
 */
export function parseOutbox(raw: string | null | undefined, now: number): Outbox {
  try {
    const o = JSON.parse(raw!) as Outbox;
    // A batch with no events or no time cannot be sent or aged: it goes.
    const valid = o.b.filter((x) => x.at > 0 && x.p.e.length);
    return addBatches({ n: +o.n || 0, next: +o.next || 0, b: [] }, valid, now);
  } catch {
    return emptyOutbox();
  }
}

/** Forget a batch the server has taken (or refused for good). */
export const removeBatch = (box: Outbox, batch: Batch): Outbox => ({ ...box, b: box.b.filter((x) => key(x) !== key(batch)) });

/**
 * Add the batches not there yet, then drop what is more than a day old, then the oldest
 * batches until at most `max` events are left.
 */
export function addBatches(box: Outbox, batches: readonly Batch[], now: number, max = MAX_OUTBOX_EVENTS): Outbox {
  const b = [...box.b];
  for (const x of batches) if (!b.some((y) => key(y) === key(x))) b.push(x);
  const kept = b.filter((x) => now - x.at <= MAX_OUTBOX_AGE).sort((x, y) => x.at - y.at);
  for (let count = kept.reduce((sum, x) => sum + x.p.e.length, 0); count > max; ) count -= kept.shift()!.p.e.length;
  return { ...box, b: kept };
}
