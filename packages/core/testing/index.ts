// Helpers for every package's browser tests, in one place. Not part of what ships.

/** Every console.warn from now on, as one string each, until `restore()`. */
export function captureWarnings(): { warnings: string[]; restore: () => void } {
  const warnings: string[] = [];
  const orig = console.warn;
  console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
  return { warnings, restore: () => (console.warn = orig) };
}

/** The warnings logged while `fn` runs. */
export async function warningsDuring(fn: () => unknown): Promise<string[]> {
  const { warnings, restore } = captureWarnings();
  try {
    await fn();
  } finally {
    restore();
  }
  return warnings;
}

/**
 * Wait until `fn` returns something truthy (and return it), or fail after `timeout` ms
 * saying what never happened. It leaves no timer behind once it resolves, so it can run
 * inside a trackTimers() window.
 */
export async function waitFor<T>(fn: () => T | Promise<T>, message = 'condition never held', timeout = 3000): Promise<NonNullable<T>> {
  const end = performance.now() + timeout;
  for (;;) {
    const value = await fn();
    if (value) return value as NonNullable<T>;
    if (performance.now() > end) throw new Error(`${message} within ${timeout} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The next `name` event on `target`, or a failure after `timeout` ms. */
export const nextEvent = <T = unknown>(target: EventTarget, name: string, timeout = 4000) =>
  new Promise<CustomEvent<T>>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${name} within ${timeout} ms`)), timeout);
    target.addEventListener(name, (e) => (clearTimeout(timer), resolve(e as CustomEvent<T>)), { once: true });
  });

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Count the timers a piece of code leaves pending: wraps setTimeout/clearTimeout (and
 * the interval pair) so a test can assert that a disconnected widget cleared its own.
 */
export function trackTimers(): { pending: () => number; restore: () => void } {
  const live = new Set<number>();
  const { setTimeout: st, clearTimeout: ct, setInterval: si, clearInterval: ci } = window;
  window.setTimeout = ((fn: TimerHandler, ms?: number, ...rest: unknown[]) => {
    const id = st(() => {
      live.delete(id);
      if (typeof fn === 'function') (fn as (...a: unknown[]) => void)(...rest);
    }, ms);
    live.add(id);
    return id;
  }) as typeof window.setTimeout;
  window.clearTimeout = ((id?: number) => {
    if (id !== undefined) live.delete(id);
    ct(id);
  }) as typeof window.clearTimeout;
  window.setInterval = ((fn: TimerHandler, ms?: number, ...rest: unknown[]) => {
    const id = si(fn, ms, ...rest);
    live.add(id);
    return id;
  }) as typeof window.setInterval;
  window.clearInterval = ((id?: number) => {
    if (id !== undefined) live.delete(id);
    ci(id);
  }) as typeof window.clearInterval;
  return {
    pending: () => live.size,
    restore: () => Object.assign(window, { setTimeout: st, clearTimeout: ct, setInterval: si, clearInterval: ci }),
  };
}
