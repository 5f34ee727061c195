// Retrying the outbox, with backoff. Loaded only once a request has failed, or when a
// previous page view left something in the outbox.
import { getItem, setItem } from '@fanfare/core/storage';
import { addBatches, parseOutbox, removeBatch, type Batch, type Outbox } from './logic/outbox.js';
import { backoff, retryAfterMs } from './logic/backoff.js';

export interface Retry {
  /** Record how a POST of `b` ended. */
  settle(b: Batch, failed: boolean, retryAfter: string | null): void;
  /** Send what the outbox holds, one batch at a time, unless the backoff says not yet. */
  drain(): Promise<void>;
}

let made: Retry | undefined;

/** The page's one Retry, made on first use. */
export const retryFor = (...args: Parameters<typeof createRetry>): Retry => (made ??= createRetry(...args));

function createRetry(key: string, post: (b: Batch) => Promise<boolean>, allowed: () => boolean): Retry {
  let draining = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const update = (change: (box: Outbox) => Outbox = (box) => box): Outbox => {
    const box = change(parseOutbox(getItem(key), Date.now()));
    setItem(key, box.b.length ? JSON.stringify(box) : '');
    return box;
  };

  const wait = (until: number) => {
    clearTimeout(timer);
    timer = setTimeout(() => void drain().catch(() => {}), until - Date.now());
  };

  // Failures while the browser knew it was offline say nothing about the endpoint: once
  // it is back online, what waits goes at once rather than after the backoff.
  let offline = false;
  addEventListener('online', () => {
    if (!offline) return;
    offline = false;
    update((box) => ({ ...box, next: 0 }));
    void drain().catch(() => {});
  });

  async function drain() {
    if (draining || !allowed()) return;
    const box = update();
    if (box.next > Date.now()) return wait(box.next);
    draining = true;
    try {
      for (const b of box.b) {
        // Another tab, or a late answer, may have delivered it meanwhile.
        if (!update().b.some((x) => x.p.e[0]!.id === b.p.e[0]!.id)) continue;
        if (!(await post(b))) break;
      }
    } finally {
      draining = false;
    }
  }

  return {
    settle(b, failed, retryAfter) {
      const now = Date.now();
      if (failed) {
        offline ||= !navigator.onLine;
        const box = update((box) => ({
          ...addBatches(box, [b], now),
          n: box.n + 1,
          next: now + backoff(box.n, Math.random(), retryAfterMs(retryAfter, now)),
        }));
        if (box.b.length) wait(box.next);
      } else if (update((box) => ({ ...removeBatch(box, b), n: 0, next: 0 })).b.length) {
        // The endpoint answers again: whatever waits in the outbox can go now.
        void drain().catch(() => {});
      }
    },
    drain,
  };
}
