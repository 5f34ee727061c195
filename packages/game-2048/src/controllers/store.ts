// Saved progress per storage key. localStorage can throw (private mode, quota, a
// sandboxed iframe); then the game keeps its progress in memory for this page view.
const memory = new Map<string, string>();

export function load<T>(key: string): T | undefined {
  let raw: string | null | undefined;
  try {
    raw = localStorage.getItem(key);
  } catch {
    /* fall through to memory */
  }
  raw ??= memory.get(key);
  try {
    return raw ? (JSON.parse(raw) as T) : undefined;
  } catch {
    return undefined;
  }
}

export function save(key: string, value: unknown): void {
  const raw = JSON.stringify(value);
  memory.set(key, raw);
  try {
    localStorage.setItem(key, raw);
  } catch {
    /* memory holds it */
  }
}
