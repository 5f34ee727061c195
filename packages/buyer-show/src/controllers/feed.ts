import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { warn } from '@fanfare/core';
import { parseJson } from '@fanfare/core/parse';
import { Task } from '@fanfare/core/task';
import { readFeed, summarize, type Review } from '../logic/feed.js';

export type FeedStatus = 'loading' | 'ready' | 'error';

type Host = ReactiveControllerHost & HTMLElement;

// A feed that has not answered by then is treated as failed; the placeholder has
// been showing all along, so a fan sees no difference between slow and failed.
const TIMEOUT_MS = 8000;
const RETRY_MS = 1500;

/**
 * Loads the feed from a URL or from an inline `<script type="application/json">` child,
 * retries a failed fetch once, validates it and warns once about what it had to fix.
 * A `Task` runs each load: a new source aborts the one before, and an answer that comes
 * after the element left the page, or after another source was asked for, is dropped.
 */
export class FeedController implements ReactiveController {
  private task: Task<[string], Review[]>;
  private source: string | undefined;

  constructor(private readonly host: Host) {
    this.task = new Task(host, ([src], signal) => this.read(src, signal));
    host.addController(this);
  }

  get status(): FeedStatus {
    const { status } = this.task;
    return status === 'complete' ? 'ready' : status === 'error' ? 'error' : 'loading';
  }

  /** The valid reviews once the feed is ready. */
  get reviews(): Review[] | undefined {
    return this.task.status === 'complete' ? this.task.value : undefined;
  }

  hostConnected(): void {
    // Back on the page after a move: willUpdate loads again.
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.source = undefined;
  }

  /** Load from `src`, or from the inline child when `src` is empty. The same source twice is a no-op. */
  load(src: string): void {
    if (src === this.source) return;
    this.source = src;
    void this.task.run(src);
  }

  private async read(src: string, signal: AbortSignal): Promise<Review[]> {
    // Only the load still wanted may speak: one warning per feed, none from a dropped one.
    const note = (what: string) => signal.aborted || warn(this.host, `${what}.`);
    try {
      const [text, base] = src ? await fetchText(src, signal) : await this.inline();
      const json = parseJson(text);
      if (!json.ok) throw new Error(`the feed is ${json.reason}`);
      const feed = readFeed(json.value, base);
      if (!feed.ok) throw new Error(feed.reason);
      if (feed.problems.length) note(`repaired or dropped parts of its feed: ${summarize(feed.problems)}`);
      // Validating 1,000 reviews and rendering the first slides are two tasks, not one long one.
      await new Promise<void>((r) => setTimeout(() => r()));
      return feed.reviews;
    } catch (e) {
      note(`could not show its feed: ${(e as Error).message}`);
      throw e;
    }
  }

  private async inline(): Promise<[string, string]> {
    const find = () => this.host.querySelector(':scope > script[type="application/json"]');
    // Defined early (a script in <head>), the element can upgrade before its children are parsed.
    if (!find() && document.readyState === 'loading') {
      await new Promise((r) => document.addEventListener('DOMContentLoaded', r, { once: true }));
    }
    const script = find();
    if (!script) throw new Error('no src and no <script type="application/json"> child');
    return [script.textContent ?? '', document.baseURI];
  }
}

/** The feed's text and its absolute URL. A timeout or a 5xx is retried once; a 4xx will not mend itself. */
async function fetchText(src: string, signal: AbortSignal, retry = true): Promise<[string, string]> {
  let status = 0;
  try {
    const timeout = AbortSignal.timeout(TIMEOUT_MS);
    // A browser without AbortSignal.any (before 2024) lets a superseded request run on; the Task drops its answer.
    const res = await fetch(src, { signal: AbortSignal.any?.([signal, timeout]) ?? timeout });
    if (res.ok) return [await res.text(), res.url || src];
    status = res.status;
  } catch {
    // Offline, blocked or timed out: worth the one retry.
  }
  if (retry && !signal.aborted && (status === 0 || status >= 500)) {
    await new Promise((r) => setTimeout(r, RETRY_MS));
    return fetchText(src, signal, false);
  }
  throw new Error(`${src} ${status ? `answered ${status}` : 'did not answer'}`);
}
