import { describe, expect, it } from 'vitest';
import { decide, sampledIn } from '../src/logic/consent.js';

const E = 'https://stats.example/e';

describe('decide', () => {
  it.each([
    [{ endpoint: E, consent: 'granted' }, undefined, 'send'],
    [{ endpoint: E, consent: 'granted' }, false, 'send'],
    [{ endpoint: E, consent: 'granted' }, true, 'drop'],
    [{ endpoint: E, consent: 'pending' }, true, 'drop'],
    [{ endpoint: E, consent: 'pending' }, undefined, 'hold'],
    [{ endpoint: E, consent: 'denied' }, undefined, 'drop'],
    [{ endpoint: E, consent: 'denied' }, false, 'drop'],
    [{ consent: 'granted' }, undefined, 'hold'],
    [{ consent: 'denied' }, undefined, 'drop'],
    // Only a real `true` is the GPC signal; a stray string is not.
    [{ endpoint: E, consent: 'granted' }, 'true', 'send'],
  ] as const)('%j, GPC %j → %s', (config, gpc, want) => {
    expect(decide(config, gpc)).toBe(want);
  });
});

describe('sampledIn', () => {
  it.each([
    [0, 0, false],
    [0.1, 0.05, true],
    [0.1, 0.1, false],
    [0.1, 0.5, false],
    [1, 0.999999, true],
  ])('rate %f, random %f → %s', (rate, random, want) => {
    expect(sampledIn(rate, random)).toBe(want);
  });
});
