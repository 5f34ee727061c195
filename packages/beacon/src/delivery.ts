// Getting batches to the endpoint: keepalive fetch while the page lives, sendBeacon as it
// goes away. What does not make it goes to a localStorage outbox; the code that retries it
// (./retry.ts) loads only when there is something to retry.
import type { Batch, Outbox } from './logic/outbox.js';
import type { Payload } from './logic/wire.js';
import { getItem, setItem } from '@fanfare/core/storage';
import { shouldRetry } from './logic/status.js';
import type { Retry } from './retry.js';

/** Shared by every page of the origin, so the next page view retries what this one could not send. */
export const OUTBOX_KEY = 'fanfare.outbox';

// Without localStorage (private mode, a sandboxed frame) the outbox lives in memory: it
// is retried while this page lives, but not by the next one.
const stored = (): boolean => !!getItem(OUTBOX_KEY);

/**
 * Append to the outbox, now, without loading anything: the page may be going away. The
 * retry code removes duplicates and enforces the bounds when it next reads it.
 */
function stash(batches: Batch[]) {
  let box: Outbox;
  try {
    box = JSON.parse(getItem(OUTBOX_KEY)!) as Outbox;
    box.b.push(...batches);
  } catch {
    box = { n: 0, next: 0, b: batches };
  }
  setItem(OUTBOX_KEY, JSON.stringify(box));
}

export function createDelivery(endpoint: () => string | undefined, allowed: () => boolean) {
  const inflight = new Set<Batch>();
  // Loaded on each need (the module system keeps it once it has arrived): offline, the
  // retry code itself may be out of reach, and a later call must try again.
  const retrier = (): Promise<Retry> => import('./retry.js').then((m) => m.retryFor(OUTBOX_KEY, post, allowed));

  /** Resolves true when the server took the batch, or refused it for good. */
  async function post(b: Batch): Promise<boolean> {
    inflight.add(b);
    let res: Response | undefined;
    try {
      // A string body goes as text/plain;charset=UTF-8: with no other header and no
      // credentials, a CORS-simple request that is never preflighted.
      res = await fetch(endpoint()!, { method: 'POST', body: JSON.stringify(b.p), keepalive: true, credentials: 'omit' });
    } catch {
      // Offline, blocked, or over the keepalive quota (no answer, status 0): all worth another try.
    }
    inflight.delete(b);
    const failed = shouldRetry(res?.status ?? 0);
    // Kept at once, before any code loads: the retry code may be out of reach too.
    if (failed) stash([b]);
    if (failed || stored()) (await retrier()).settle(b, failed, res?.headers.get('Retry-After') ?? null);
    return !failed;
  }

  return {
    /** POST while the page lives; as it goes away (`leaving`), hand the batch to the browser. */
    send(p: Payload, leaving?: boolean) {
      const b = { at: Date.now(), p };
      const queued = leaving && navigator.sendBeacon?.(endpoint()!, JSON.stringify(p));
      // Not queued (the browser's beacon quota is used up): keep the batch for the next page
      // view. Queued: a beacon's answer is never known, so while the endpoint has been
      // failing (the outbox is not empty) keep a copy too; the server drops duplicates.
      if (leaving && (!queued || stored())) stash([b]);
      // While the page lives, or in case it lives on after all.
      if (!queued) void post(b).catch(() => {});
    },
    /** The page may be gone before answers come back: store what is still on its way. */
    keepUnfinished: () => inflight.size && stash([...inflight]),
    /** Retry the outbox, unless the backoff says not yet. */
    drain: () => stored() && allowed() && void retrier().then((r) => r.drain()).catch(() => {}),
  };
}
