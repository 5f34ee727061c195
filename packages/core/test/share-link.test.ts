import { describe, expect, it } from 'vitest';
import { isRef, takeRef, withRef } from '../src/logic/share-link.js';
import { uid } from '../src/ids.js';

describe('share tokens', () => {
  it('accepts 8 to 16 of A-Za-z0-9_- and nothing else', () => {
    for (const ok of ['abcdEFGH', 'a1_-b2_-c3', 'x'.repeat(16)]) expect(isRef(ok), ok).toBe(true);
    for (const bad of ['', 'short', 'x'.repeat(17), 'abc def12', 'abcdefg%', 'abcdefgh.', '<script>x', 12345678, undefined, null]) {
      expect(isRef(bad), String(bad)).toBe(false);
    }
  });

  it('the kit mints tokens that pass the rule, all different', () => {
    const tokens = Array.from({ length: 500 }, () => uid(12));
    for (const t of tokens) expect(isRef(t), t).toBe(true);
    expect(new Set(tokens).size).toBe(500);
  });
});

describe('withRef', () => {
  it('adds fanref last in the query, keeping UTM, other parameters and their encoding, and the hash', () => {
    expect(withRef('https://shop.example/p/42', 'tok_en-123')).toBe('https://shop.example/p/42?fanref=tok_en-123');
    expect(withRef('https://shop.example/p/42?utm_source=x&utm_medium=social&q=a%20b+c#reviews', 'abcdefgh')).toBe(
      'https://shop.example/p/42?utm_source=x&utm_medium=social&q=a%20b+c&fanref=abcdefgh#reviews',
    );
    // The card maker's link: its state lives in the hash, which stays last.
    expect(withRef('https://shop.example/card#fan-card=v1.abc?def', 'abcdefgh')).toBe('https://shop.example/card?fanref=abcdefgh#fan-card=v1.abc?def');
  });

  it('replaces a token the URL already had, so a re-share carries only its own', () => {
    expect(withRef('https://shop.example/?fanref=oldtoken1&a=1&fanref=another12', 'newtoken')).toBe('https://shop.example/?a=1&fanref=newtoken');
    // A parameter that only starts with the name is someone else's.
    expect(withRef('https://shop.example/?fanrefx=1', 'newtoken')).toBe('https://shop.example/?fanrefx=1&fanref=newtoken');
  });
});

describe('takeRef (landing)', () => {
  it('takes the token out and leaves the rest of the URL exactly as it was', () => {
    expect(takeRef('https://shop.example/p/42?utm_source=x&fanref=abcdefgh&q=a%20b+c#top')).toEqual({
      url: 'https://shop.example/p/42?utm_source=x&q=a%20b+c#top',
      ref: 'abcdefgh',
    });
    expect(takeRef('https://shop.example/p/42?fanref=abcdefgh')).toEqual({ url: 'https://shop.example/p/42', ref: 'abcdefgh' });
    expect(takeRef('https://shop.example/p/42?fanref=abcdefgh#x')).toEqual({ url: 'https://shop.example/p/42#x', ref: 'abcdefgh' });
  });

  it('returns the URL untouched when it has no token', () => {
    for (const href of ['https://shop.example/', 'https://shop.example/?', 'https://shop.example/?a=1&&b#c?fanref=abcdefgh', 'https://shop.example/?fanrefx=abcdefgh']) {
      expect(takeRef(href)).toEqual({ url: href });
    }
  });

  it('removes a forged, overlong or malformed token from the address, and credits nothing with it', () => {
    for (const bad of ['', 'short', 'x'.repeat(17), 'abc%20defgh', '%3Cscript%3E', 'abcdefgh.']) {
      expect(takeRef(`https://shop.example/?a=1&fanref=${bad}`)).toEqual({ url: 'https://shop.example/?a=1', ref: undefined });
    }
    expect(takeRef('https://shop.example/?fanref')).toEqual({ url: 'https://shop.example/', ref: undefined });
  });

  it('of several tokens, takes the first well-formed one', () => {
    expect(takeRef('https://shop.example/?fanref=bad&fanref=goodtoken&fanref=other123')).toEqual({ url: 'https://shop.example/', ref: 'goodtoken' });
  });
});
