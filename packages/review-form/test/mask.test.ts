// The form previews the name as the carousel will show it (core's one rule): what a fan sees.
import { describe, expect, it } from 'vitest';
import { maskName as carousel } from '../../buyer-show/src/logic/reviews.js';
import { maskName } from '../src/logic/mask.js';

describe('maskName', () => {
  it.each([
    ['Lisa Wong', 'L. W.'],
    ['Sam', 'S.'],
    ['  sam de carter ', 's. c.'],
    ['王小明', '王**明'],
    ['欧阳娜娜', '欧**娜'],
    ['王明', '王*'],
    ['王', '王*'],
    ['', ''],
    ['   ', ''],
    ['🌷 Fan', '🌷. F.'],
    ['𠮷野家', '𠮷**家'],
    ['<b>Bob</b>', '<.'],
  ])('%j is shown as %j, as the carousel shows it', (name, want) => {
    expect(maskName(name)).toBe(want);
    expect(carousel(name)).toBe(want);
  });
});
