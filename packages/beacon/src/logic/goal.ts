// A goal's name, apart from ./orders.ts: the beacon reports a goal at once (a click that
// leaves the page must not lose it), while the orders' code loads on the first order.

/** A custom goal's name: 1–100 characters, or undefined. */
export const goalName = (name: unknown): string | undefined =>
  typeof name === 'string' && name.trim() && name.length <= 100 ? name.trim() : undefined;
