import { describe, expect, it } from 'vitest';
import { eventId } from '../src/logic/ids.js';

describe('eventId', () => {
  it('sorts as text in time order, whatever the random part', () => {
    // 1972 to 2059: every time in that span has 8 base-36 digits.
    const times = [78_364_164_096, 946_684_800_000, 1_700_000_000_000, 1_700_000_000_001, 1_795_000_000_000, 2_821_109_907_455];
    const ids = times.map((t, i) => eventId(t, i % 2 ? 'zzzzzzzzzzzz' : '000000000000'));
    expect([...ids].sort()).toEqual(ids);
  });
  it('keeps the random part whole and stays within the server limit of 64 characters', () => {
    const id = eventId(1_795_000_000_000, 'Ab_-09xyZ123');
    expect(id.endsWith('Ab_-09xyZ123')).toBe(true);
    expect(id).toHaveLength(20);
  });
});
