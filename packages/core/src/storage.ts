// localStorage that never throws. It can (private mode, a full quota, a sandboxed iframe,
// storage blocked by the fan); then values live in memory for this page view, so the
// widget still behaves the same until the tab closes. One memory for every copy of this
// module on the page (fanfare-beacon.js and its lazy chunks each carry one; so does a
// bundled widget beside the script tag), so what one stored the others read.

const MEMORY = Symbol.for('fanfare.memory');
const memory: Map<string, string> = ((globalThis as { [MEMORY]?: Map<string, string> })[MEMORY] ??= new Map());

export function getItem(key: string): string | null {
  let v: string | null = null;
  try {
    v = localStorage.getItem(key);
  } catch {
    /* memory below */
  }
  // Memory also holds what a full quota refused.
  return v ?? memory.get(key) ?? null;
}

/** Store `value`; an empty string removes the key. */
export function setItem(key: string, value: string): void {
  memory.set(key, value);
  try {
    if (value) localStorage.setItem(key, value);
    else localStorage.removeItem(key);
  } catch {
    /* memory holds it */
  }
}

/** A stored JSON value, or undefined for nothing stored or anything unreadable. */
export function getJson<T>(key: string): T | undefined {
  const raw = getItem(key);
  try {
    return raw ? (JSON.parse(raw) as T) : undefined;
  } catch {
    return undefined;
  }
}

export const setJson = (key: string, value: unknown): void => setItem(key, JSON.stringify(value));
