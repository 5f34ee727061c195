import type { ReactiveController, ReactiveControllerHost } from 'lit';

export type TaskStatus = 'initial' | 'pending' | 'complete' | 'error';

/**
 * One async source of a widget (a fetch, a decode, a server call), in the shape of Lit's
 * `@lit/task`, at a fraction of its bytes: it owns `status`, `value` and `error`, aborts
 * and ignores every answer but the latest call's, and drops answers that arrive after
 * the host left the page. The host only supplies templates through `render()`.
 */
export class Task<A extends unknown[], R> implements ReactiveController {
  status: TaskStatus = 'initial';
  value?: R;
  error?: unknown;
  private call = 0;
  private abort?: AbortController;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly work: (args: A, signal: AbortSignal) => Promise<R>,
  ) {
    host.addController(this);
  }

  /** Start the work with `args`; an earlier call still running is aborted and its answer ignored. Resolves with this call's value, or undefined when it failed or was superseded. */
  async run(...args: A): Promise<R | undefined> {
    const call = ++this.call;
    this.abort?.abort();
    const abort = (this.abort = new AbortController());
    this.status = 'pending';
    this.host.requestUpdate();
    try {
      const value = await this.work(args, abort.signal);
      if (call !== this.call) return undefined;
      this.value = value;
      this.status = 'complete';
      return value;
    } catch (e) {
      if (call === this.call) {
        this.error = e;
        this.status = 'error';
      }
      return undefined;
    } finally {
      if (call === this.call) this.host.requestUpdate();
    }
  }

  /** Forget any call in flight (its answer will be ignored) and go back to `initial`. */
  reset(): void {
    this.call++;
    this.abort?.abort();
    this.status = 'initial';
    this.value = this.error = undefined;
  }

  render<T>(views: { initial?: () => T; pending?: () => T; complete?: (value: R) => T; error?: (error: unknown) => T }): T | undefined {
    if (this.status === 'complete') return views.complete?.(this.value as R);
    if (this.status === 'error') return views.error?.(this.error);
    return views[this.status]?.();
  }

  hostDisconnected(): void {
    // A late answer must not land in an element that has left the page.
    if (this.status === 'pending') this.reset();
  }
}
