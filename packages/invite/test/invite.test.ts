import { describe, expect, it } from 'vitest';
import { afterHan, isLive, phaseOf, readInvite, storageKey, withClaim, withProgress, type Invite } from '../src/logic/invite.js';

const base = { ref: 'AbCdEfGh12345678', key: 'k'.repeat(22), needed: 3, title: '15% off', expires: 2_000 };

describe('readInvite', () => {
  it.each([
    ['a started invite', base, base],
    ['a holdout one, whatever else it says', { holdout: true, ref: base.ref, expires: 5, key: 'x', needed: 3 }, { holdout: true, ref: base.ref, expires: 5 }],
    ['a kept one with progress and code', { ...base, friends: 2, code: 'C-1' }, { ...base, friends: 2, code: 'C-1' }],
    ['a ref that is no share token', { ...base, ref: 'has space 12345' }, undefined],
    ['a ref too short', { ...base, ref: 'short' }, undefined],
    ['no key', { ...base, key: undefined }, undefined],
    ['needed 0', { ...base, needed: 0 }, undefined],
    ['needed as text', { ...base, needed: '3' }, undefined],
    ['no title', { ...base, title: '' }, undefined],
    ['no expiry', { ...base, expires: undefined }, undefined],
    ['friends negative are dropped', { ...base, friends: -1 }, base],
    ['null', null, undefined],
    ['a string', 'ref', undefined],
  ])('%s', (_name, input, want) => {
    expect(readInvite(input)).toEqual(want);
  });
});

describe('server answers', () => {
  const inv: Invite = { ...base };
  it('merges progress, and refuses an answer that is not one', () => {
    expect(withProgress(inv, { friends: 2, needed: 3 })).toEqual({ ...base, friends: 2 });
    expect(withProgress(inv, { friends: 3, needed: 3, code: 'C-9' })).toEqual({ ...base, friends: 3, code: 'C-9' });
    expect(withProgress(inv, { friends: '2', needed: 3 })).toBeUndefined();
    expect(withProgress(inv, null)).toBeUndefined();
    expect(withProgress(inv, { friends: 1.5, needed: 3 })).toBeUndefined();
  });

  it('merges a claim', () => {
    expect(withClaim(inv, { code: 'C-1', title: '20% off' })).toEqual({ ...base, code: 'C-1', title: '20% off' });
    expect(withClaim(inv, { code: 'C-1' })).toEqual({ ...base, code: 'C-1' });
    expect(withClaim(inv, { code: '' })).toBeUndefined();
    expect(withClaim(inv, 'C-1')).toBeUndefined();
  });
});

describe('phases', () => {
  it.each([
    [{ ...base }, 'inviting'],
    [{ ...base, friends: 2 }, 'inviting'],
    [{ ...base, friends: 3 }, 'ready'],
    [{ ...base, friends: 5 }, 'ready'],
    [{ ...base, friends: 3, code: 'C' }, 'won'],
    [{ ref: base.ref, expires: 1, holdout: true as const }, 'holdout'],
  ])('%j is %s', (inv, phase) => {
    expect(phaseOf(inv)).toBe(phase);
  });

  it('keeps an invite until it expires, and a won code for good', () => {
    expect(isLive({ ...base }, 1_999)).toBe(true);
    expect(isLive({ ...base }, 2_000)).toBe(false);
    expect(isLive({ ...base, code: 'C' }, 9_999_999)).toBe(true);
    expect(isLive(undefined, 0)).toBe(false);
  });

  it('keys the device storage by campaign and server', () => {
    expect(storageKey('https://a.example/referrals', 'spring')).not.toBe(storageKey('https://b.example/referrals', 'spring'));
    expect(storageKey('https://a.example/referrals', 'spring')).not.toBe(storageKey('https://a.example/referrals', 'summer'));
  });
});

describe('afterHan', () => {
  it.each([
    ['85 折优惠券', ' 85 折优惠券'],
    ['15% off', ' 15% off'],
    ['免运费', '免运费'],
    ['“春日”礼盒', '“春日”礼盒'],
  ])('%s', (title, want) => expect(afterHan(title)).toBe(want));
});
