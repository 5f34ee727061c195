import type { WireEvent } from './wire.js';

export interface Metric {
  name: string;
  value: number;
  rating: string;
}

/**
 * A Core Web Vital. `sr` is the sample rate, so the server can weigh the value; `fan` names
 * the widget the element or interaction behind it was inside, when it was one of ours, and
 * `it` the interaction behind an INP there: the event and what in the widget took it
 * (`"keydown board"`), so a slow widget can be traced to what the fan did.
 */
export function vitalEvent(m: Metric, sr: number, fan: string | undefined, t: number, id: string, it?: string): WireEvent {
  const v = m.name === 'CLS' ? Math.round(m.value * 1e4) / 1e4 : Math.round(m.value);
  return { id, n: 'vital', w: 'page', t: Math.round(t), p: { m: m.name, v, r: m.rating, sr, ...(fan && { fan }), ...(fan && it && { it: it.slice(0, 64) }) } };
}
