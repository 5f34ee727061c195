import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeState, encodeState, type CardState } from '../src/logic/state.js';

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64url');
const v1 = (json: unknown) => `1.${b64(JSON.stringify(json))}`;

describe('card state in the URL', () => {
  it.each<[string, CardState]>([
    ['plain English', { template: 'birthday', message: 'Happy birthday!', stickers: [] }],
    ['Chinese with a newline', { template: 'spring-festival', message: '新春快乐！\n万事如意', stickers: [] }],
    [
      'emoji and stickers',
      {
        template: 'love',
        message: '❤️ 👨‍👩‍👧',
        stickers: [
          { emoji: '🇨🇳', x: 10, y: 20, scale: 150, rotation: -45 },
          { emoji: '👍🏽', x: 1080, y: 1350, scale: 40, rotation: 180 },
        ],
      },
    ],
    ['a colour', { template: 'thanks', message: '', stickers: [], color: '#ff00aa' }],
  ])('round-trips %s', (_n, state) => {
    const enc = encodeState(state);
    expect(enc).toMatch(/^1\.[A-Za-z0-9_-]+$/);
    expect(decodeState(enc)).toEqual({ ok: true, value: state });
  });

  // Made by the widget before CardState had readable field names (commit bfe7667): the
  // link format must not change with the names, or cards already sent stop opening.
  it.each<[string, string, CardState]>([
    [
      'a card with stickers and a colour',
      '1.WyJzcHJpbmctZmVzdGl2YWwiLCLmlrDmmKXlv6vkuZDvvIFcbuS4h-S6i-WmguaEjyDwn46JIixbWyLwn4-uIiwxMjAsMzAwLDE1MCwtNDVdLFsi8J-RqOKAjfCfkanigI3wn5GnIiwxMDgwLDAsNDAsMTgwXV0sIiNmZmQ4NmIiXQ',
      {
        template: 'spring-festival',
        message: '新春快乐！\n万事如意 🎉',
        stickers: [
          { emoji: '🏮', x: 120, y: 300, scale: 150, rotation: -45 },
          { emoji: '👨‍👩‍👧', x: 1080, y: 0, scale: 40, rotation: 180 },
        ],
        color: '#ffd86b',
      },
    ],
    ['a plain card', '1.WyJiaXJ0aGRheSIsIkhhcHB5IGJpcnRoZGF5ISIsW11d', { template: 'birthday', message: 'Happy birthday!', stickers: [] }],
  ])('still opens a link made before the names changed: %s', (_n, link, state) => {
    expect(decodeState(link)).toEqual({ ok: true, value: state });
    expect(encodeState(state)).toBe(link);
  });

  it('round-trips any valid state and stays URL-safe', () => {
    const sticker = fc.record({
      emoji: fc.constantFrom('🎉', '🎂', '🇯🇵', '👩‍❤️‍👨', '🌸'),
      x: fc.integer({ min: 0, max: 1080 }),
      y: fc.integer({ min: 0, max: 1350 }),
      scale: fc.integer({ min: 40, max: 300 }),
      rotation: fc.integer({ min: -180, max: 180 }),
    });
    const msg = fc.string({ unit: fc.constantFrom('a', ' ', '\n', '好', '。', '🎉', 'é', '"', '\\', '<'), maxLength: 120 });
    fc.assert(
      fc.property(fc.record({ template: fc.constantFrom('a', 'birthday', 'x-1'), message: msg, stickers: fc.array(sticker, { maxLength: 12 }) }), (s) => {
        const enc = encodeState(s);
        expect(encodeURIComponent(enc)).toBe(enc);
        expect(decodeState(enc)).toEqual({ ok: true, value: s });
      }),
    );
  });

  it('is compact: a full card with stickers fits well inside a URL', () => {
    const s: CardState = {
      template: 'birthday',
      message: 'Happy birthday! May all your wishes come true.',
      stickers: Array(5).fill({ emoji: '🎉', x: 500, y: 600, scale: 100, rotation: 0 }),
    };
    expect(encodeState(s).length).toBeLessThan(250);
  });

  it('never throws on arbitrary input, and whatever it accepts re-encodes to the same text', () => {
    const tail = fc.oneof(fc.string(), fc.base64String().map((b) => b.replace(/\+/g, '-').replace(/\//g, '_').replace(/=/g, '')));
    fc.assert(
      fc.property(fc.constantFrom('', '1.', '2.', '1'), tail, (head, rest) => {
        const r = decodeState(head + rest);
        if (r.ok) expect(encodeState(r.value)).toBe(head + rest);
      }),
      { numRuns: 500 },
    );
  });

  it.each([
    ['empty', ''],
    ['no version', 'abc'],
    ['a future version', `2.${b64('[]')}`],
    ['characters outside base64url', `1.${b64('["a","b",[]]')}+/=`],
    ['an HTML payload', '1.<script>alert(1)</script>'],
    ['too long', `1.${'A'.repeat(5000)}`],
    ['not JSON', `1.${b64('hello')}`],
    ['broken UTF-8', `1.${Buffer.from([0x5b, 0x22, 0xff, 0xfe, 0x22, 0x5d]).toString('base64url')}`],
    ['an object instead of an array', v1({ t: 'a', m: 'b', k: [] })],
    ['an object with the readable names', v1({ template: 'a', message: 'b', stickers: [] })],
    ['too many fields', v1(['a', 'b', [], '#ffffff', 1])],
    ['a template id with markup', v1(['<img src=x>', 'b', []])],
    ['a template id with path tricks', v1(['../x', 'b', []])],
    ['a message that is not text', v1(['a', { toString: 1 }, []])],
    ['a message over 120 characters', v1(['a', 'x'.repeat(121), []])],
    ['a message with a bidi override', v1(['a', 'abc\u202Edef', []])],
    ['a message with control characters', v1(['a', 'a\u0000b', []])],
    ['too many stickers', v1(['a', 'b', Array(13).fill(['🎉', 1, 1, 100, 0])])],
    ['a sticker that is text', v1(['a', 'b', [['hello', 1, 1, 100, 0]]])],
    ['a sticker of two emoji', v1(['a', 'b', [['🎉🎉', 1, 1, 100, 0]]])],
    ['a sticker off the card', v1(['a', 'b', [['🎉', 2000, 1, 100, 0]]])],
    ['a sticker with a fractional position', v1(['a', 'b', [['🎉', 1.5, 1, 100, 0]]])],
    ['a sticker scaled to nothing', v1(['a', 'b', [['🎉', 1, 1, 0, 0]]])],
    ['a sticker with a missing field', v1(['a', 'b', [['🎉', 1, 1, 100]]])],
    ['a colour that is CSS', v1(['a', 'b', [], 'red;background:url(x)'])],
    ['JSON spelled differently (spaces)', `1.${b64('["a", "b", []]')}`],
    ['a number spelled differently', `1.${b64('["a","b",[["🎉",1,1,1e2,0]]]')}`],
    ['a prototype key', `1.${b64('{"__proto__":{"x":1}}')}`],
  ])('refuses %s', (_n, raw) => {
    const r = decodeState(raw);
    expect(r.ok).toBe(false);
  });
});
