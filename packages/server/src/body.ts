const utf8 = new TextDecoder('utf-8', { fatal: true });

/** A raw body as JSON, or undefined for anything that is not UTF-8 JSON. Never throws. */
export function readJson(body: unknown): unknown {
  if (!Buffer.isBuffer(body) || body.length === 0) return undefined;
  try {
    return JSON.parse(utf8.decode(body));
  } catch {
    return undefined;
  }
}
