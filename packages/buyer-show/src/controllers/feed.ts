import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { readFeed, summarize, type Review } from '../logic/feed.js';

export type FeedState = { status: 'loading' | 'error'; reviews?: undefined } | { status: 'ready'; reviews: Review[] };

type Host = ReactiveControllerHost & HTMLElement;

// A feed that has not answered by then is treated as failed; the placeholder has
// been showing all along, so a fan sees no difference between slow and failed.
const TIMEOUT_MS = 8000;
const RETRY_MS = 1500;

/**
 * Loads the feed from a URL or from an inline `<script type="application/json">` child,
 * retries a failed fetch once, validates it and warns once about what it had to fix.
 */
export class FeedController implements ReactiveController {
  state: FeedState = { status: 'loading' };
  private run = 0;
  private source: string | undefined;
  private host: Host;

  constructor(host: Host) {
    (this.host = host).addController(this);
  }

  hostConnected(): void {
    // Back on the page after a move: willUpdate loads again.
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    // A late answer must not land in an element that has left the page.
    this.run++;
    this.source = undefined;
  }

  /** Load from `src`, or from the inline child when `src` is empty. The same source twice is a no-op. */
  async load(src: string): Promise<void> {
    if (src === this.source) return;
    this.source = src;
    const run = ++this.run;
    this.set({ status: 'loading' });
    let state: FeedState = { status: 'error' };
    try {
      const [text, base] = src ? await fetchText(src) : await this.inline();
      let raw: unknown;
      try {
        raw = JSON.parse(text);
      } catch {
        throw 'the feed is not valid JSON';
      }
      const feed = readFeed(raw, base);
      if (!feed.ok) throw feed.reason;
      if (feed.problems.length && run === this.run) this.warn(`repaired or dropped parts of its feed: ${summarize(feed.problems)}`);
      state = { status: 'ready', reviews: feed.reviews };
      // Validating 1,000 reviews and rendering the first slides are two tasks, not one long one.
      await new Promise((r) => setTimeout(r));
    } catch (e) {
      if (run === this.run) this.warn(`could not show its feed: ${e}`);
    }
    if (run === this.run) this.set(state);
  }

  private async inline(): Promise<[string, string]> {
    const find = () => this.host.querySelector(':scope > script[type="application/json"]');
    // Defined early (a script in <head>), the element can upgrade before its children are parsed.
    if (!find() && document.readyState === 'loading') {
      await new Promise((r) => document.addEventListener('DOMContentLoaded', r, { once: true }));
    }
    const script = find();
    if (!script) throw 'no src and no <script type="application/json"> child';
    return [script.textContent ?? '', document.baseURI];
  }

  private set(state: FeedState): void {
    this.state = state;
    this.host.requestUpdate();
  }

  private warn(what: string): void {
    const h = this.host;
    console.warn(`<${h.localName}${h.id ? `#${h.id}` : ''}> ${what}.`);
  }
}

/** The feed's text and its absolute URL. A timeout or a 5xx is retried once; a 4xx will not mend itself. */
async function fetchText(src: string, retry = true): Promise<[string, string]> {
  let status = 0;
  try {
    const res = await fetch(src, { signal: AbortSignal.timeout(TIMEOUT_MS) });
    if (res.ok) return [await res.text(), res.url || src];
    status = res.status;
  } catch {
    // Offline, blocked or timed out: worth the one retry.
  }
  if (retry && (status === 0 || status >= 500)) {
    await new Promise((r) => setTimeout(r, RETRY_MS));
    return fetchText(src, false);
  }
  throw `${src} ${status ? `answered ${status}` : 'did not answer'}`;
}
