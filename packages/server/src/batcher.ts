import type { EventStore } from './store/types.js';
import type { StoredEvent } from './wire.js';

interface Waiter {
  resolve: () => void;
  reject: (err: unknown) => void;
}

/**
 * Group commit: requests that arrive within `windowMs` of each other share one
 * transaction, and each request's promise settles only after that transaction is
 * durable. One flush runs at a time; rows arriving meanwhile wait for the next.
 */
export class GroupCommit {
  #rows: StoredEvent[] = [];
  #waiters: Waiter[] = [];
  #timer: ReturnType<typeof setTimeout> | undefined;
  #immediate: ReturnType<typeof setImmediate> | undefined;
  #running: Promise<void> | undefined;
  #closed = false;

  constructor(
    private readonly store: EventStore,
    private readonly windowMs: number,
    private readonly maxRows = 10_000,
  ) {}

  get pending(): number {
    return this.#rows.length;
  }

  add(rows: StoredEvent[]): Promise<void> {
    if (this.#closed) return Promise.reject(new Error('closed'));
    return new Promise<void>((resolve, reject) => {
      for (const row of rows) this.#rows.push(row);
      this.#waiters.push({ resolve, reject });
      if (this.#rows.length >= this.maxRows) this.#kick(0);
      else this.#kick(this.windowMs);
    });
  }

  #kick(delay: number): void {
    if (this.#running) return; // the running flush picks up what is pending when it ends
    if (delay === 0) {
      // setImmediate runs right after the requests already read in this loop turn: the
      // batch a zero window means. setTimeout(0) would wait for a timer tick.
      clearTimeout(this.#timer);
      this.#timer = undefined;
      this.#immediate ??= setImmediate(() => {
        this.#immediate = undefined;
        void this.#run();
      });
      return;
    }
    if (this.#timer !== undefined || this.#immediate !== undefined) return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      void this.#run();
    }, delay);
  }

  async #run(): Promise<void> {
    if (this.#running || this.#rows.length === 0) return;
    const rows = this.#rows;
    const waiters = this.#waiters;
    this.#rows = [];
    this.#waiters = [];
    this.#running = (async () => {
      try {
        await this.store.insert(rows);
        for (const w of waiters) w.resolve();
      } catch (err) {
        for (const w of waiters) w.reject(err);
      }
    })();
    await this.#running;
    this.#running = undefined;
    if (this.#rows.length > 0) this.#kick(this.#closed ? 0 : this.windowMs);
  }

  /** Commit everything held now and wait for it; later `add` calls are refused. */
  async close(): Promise<void> {
    this.#closed = true;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    if (this.#immediate) clearImmediate(this.#immediate);
    this.#immediate = undefined;
    while (this.#running || this.#rows.length > 0) {
      if (this.#running) await this.#running;
      else await this.#run();
    }
  }
}
