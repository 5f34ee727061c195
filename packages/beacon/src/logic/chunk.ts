import { MAX_BYTES, MAX_EVENTS, type PageInfo, type Payload, type WireEvent } from './wire.js';

const encoder = new TextEncoder();
const bytes = (s: string): number => encoder.encode(s).length;

/**
 * Split events into requests of at most `maxEvents` events and `maxBytes` bytes of body,
 * keeping their order. An event too large to fit any request on its own is dropped.
 */
export function chunk(page: PageInfo, events: readonly WireEvent[], maxEvents = MAX_EVENTS, maxBytes = MAX_BYTES): Payload[] {
  const empty = (): Payload => ({ v: 1, ...page, e: [] });
  const base = bytes(JSON.stringify(empty()));
  const out: Payload[] = [];
  let cur = empty();
  let size = base;
  for (const e of events) {
    // +1 for the comma between events.
    const len = bytes(JSON.stringify(e)) + 1;
    if (base + len > maxBytes) continue;
    if (cur.e.length >= maxEvents || size + len > maxBytes) {
      out.push(cur);
      cur = empty();
      size = base;
    }
    cur.e.push(e);
    size += len;
  }
  if (cur.e.length) out.push(cur);
  return out;
}
