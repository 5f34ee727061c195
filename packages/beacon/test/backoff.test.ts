import { describe, expect, it } from 'vitest';
import { backoff, BASE_DELAY, MAX_DELAY, retryAfterMs } from '../src/logic/backoff.js';
import { shouldRetry } from '../src/logic/status.js';

describe('shouldRetry', () => {
  it.each([
    [200, false], [202, false], [204, false],
    [400, false], [413, false], [422, false], [404, false], [403, false],
    [0, true], [408, true], [429, true], [500, true], [502, true], [503, true], [504, true],
  ])('%i → %s', (status, want) => {
    expect(shouldRetry(status)).toBe(want);
  });
});

describe('retryAfterMs', () => {
  const now = Date.parse('2026-11-22T12:00:00Z');
  it.each([
    [null, 0],
    ['', 0],
    ['soon', 0],
    ['-5', 0],
    ['0', 0],
    ['120', 120_000],
    ['Sun, 22 Nov 2026 12:00:30 GMT', 30_000],
    ['Sun, 22 Nov 2026 11:00:00 GMT', 0],
    ['999999999', 24 * 3_600_000],
  ])('%j → %j', (header, want) => {
    expect(retryAfterMs(header, now)).toBe(want);
  });
});

describe('backoff', () => {
  it.each([
    [0, 0, undefined, BASE_DELAY / 2],
    [0, 0.999999, undefined, BASE_DELAY],
    [1, 0, undefined, BASE_DELAY],
    [3, 0.5, undefined, BASE_DELAY * 8 * 0.75],
    [30, 0, undefined, MAX_DELAY / 2],
    [30, 0.999999, undefined, MAX_DELAY],
    [0, 0, 60_000, 60_000],
    [10, 0.999999, 1_000, MAX_DELAY],
  ])('after %i failures, random %f, Retry-After %j → %i ms', (failures, random, after, want) => {
    expect(backoff(failures, random, after)).toBe(want);
  });

  it('spreads pages that failed together', () => {
    const delays = new Set([0, 0.25, 0.5, 0.75].map((r) => backoff(2, r)));
    expect(delays.size).toBe(4);
  });
});
