import { describe, expect, it } from 'vitest';
import { credit as creditWith, DAY, touches } from '../src/logic/attribution.js';
import { isRef } from '../../core/src/logic/share-link.js';
import { goalName } from '../src/logic/goal.js';
import { markSent, toOrder, wasSent } from '../src/logic/orders.js';
import { toWireEvent, utmOf } from '../src/logic/wire.js';

const now = 1_750_000_000_000;
const credit = (stored: unknown, arrived: string | undefined, at: number, days: number) => creditWith(stored, arrived, at, days, isRef);

describe('credit: the tokens kept on the device', () => {
  it('keeps the token a page view arrived with when none is kept', () => {
    expect(credit(undefined, 'tokenAAA', now, 7)).toEqual({ r: 'tokenAAA', at: now });
    expect(credit(undefined, undefined, now, 7)).toBeUndefined();
  });

  it('keeps the first touch within the window and the newest as the last touch, whatever the page model', () => {
    const kept = { r: 'tokenAAA', at: now - 6 * DAY };
    const both = { r: 'tokenAAA', at: now - 6 * DAY, l: 'tokenBBB', lt: now };
    expect(credit(kept, 'tokenBBB', now, 7)).toEqual(both);
    // No new token: both stay; the first token again: it is both touches again.
    expect(credit(both, undefined, now + 1, 7)).toEqual(both);
    expect(credit(both, 'tokenAAA', now + 1, 7)).toEqual({ r: 'tokenAAA', at: now - 6 * DAY });
    expect(touches(both, undefined)).toEqual({ first: 'tokenAAA', last: 'tokenBBB' });
    expect(touches(kept, 'tokenCCC')).toEqual({ first: 'tokenAAA', last: 'tokenAAA' });
    // Nothing kept (consent not given): this page view's token is both.
    expect(touches(undefined, 'tokenCCC')).toEqual({ first: 'tokenCCC', last: 'tokenCCC' });
  });

  it('expires after attributionDays, and then the new token wins; an expired first gives way to a live last', () => {
    const old = { r: 'tokenAAA', at: now - 7 * DAY };
    expect(credit(old, undefined, now, 7)).toBeUndefined();
    expect(credit(old, 'tokenBBB', now, 7)).toEqual({ r: 'tokenBBB', at: now });
    expect(credit(old, undefined, now, 30)).toEqual(old);
    expect(credit({ ...old, l: 'tokenBBB', lt: now - DAY }, undefined, now, 7)).toEqual({ r: 'tokenBBB', at: now - DAY });
  });

  it('ignores whatever else is stored: a forged token, a time in the future, garbage', () => {
    for (const junk of [{ r: 'bad token', at: now }, { r: 'tokenAAA', at: now + DAY }, { r: 'tokenAAA' }, 'tokenAAA', 42, null, { r: 'tokenAAA', at: now, l: 'bad token', lt: now }]) {
      const c = credit(junk, undefined, now, 7);
      if (c) expect(c).toEqual({ r: 'tokenAAA', at: now });
      expect(credit(junk, 'tokenBBB', now, 7)).toEqual(c ? { r: 'tokenAAA', at: now, l: 'tokenBBB', lt: now } : { r: 'tokenBBB', at: now });
    }
  });
});

describe('utmOf', () => {
  it('reads source, medium and campaign from the landing URL', () => {
    expect(utmOf('https://shop.example/p?utm_source=weibo&utm_medium=social&utm_campaign=spring&utm_term=x&a=1')).toEqual({
      source: 'weibo',
      medium: 'social',
      campaign: 'spring',
    });
    expect(utmOf('https://shop.example/p?utm_campaign=%E6%98%A5%E5%AD%A3')).toEqual({ campaign: '春季' });
  });

  it('is undefined without them, and cuts overlong values', () => {
    expect(utmOf('https://shop.example/p?a=1')).toBeUndefined();
    expect(utmOf('https://shop.example/p?utm_source=%20%20')).toBeUndefined();
    expect(utmOf('not a url')).toBeUndefined();
    expect(utmOf(`https://shop.example/?utm_source=${'x'.repeat(300)}`)!.source).toHaveLength(200);
  });
});

describe('toOrder: track("conversion") props', () => {
  it('takes an id, a non-negative decimal (string or number) and an ISO 4217 code', () => {
    expect(toOrder({ order: '1001', value: '49.00', currency: 'CNY' })).toEqual({ order: '1001', value: '49.00', currency: 'CNY' });
    expect(toOrder({ order: 1001, value: 12.5, currency: ' usd ' })).toEqual({ order: '1001', value: '12.5', currency: 'USD' });
    expect(toOrder({ order: 'A-7', value: 0, currency: 'JPY' })).toEqual({ order: 'A-7', value: '0', currency: 'JPY' });
  });

  it('gives the reason for anything else', () => {
    for (const bad of [
      { order: '', value: '1', currency: 'CNY' },
      { order: 'x'.repeat(129), value: '1', currency: 'CNY' },
      { order: 'a\nb', value: '1', currency: 'CNY' },
      { value: '1', currency: 'CNY' },
    ]) expect(toOrder(bad)).toMatch(/^order/);
    for (const value of ['-5', -5, 'abc', '1e3', '1,000', '', NaN, Infinity, '01', '1.123456789', null]) {
      expect(toOrder({ order: '1', value, currency: 'CNY' }), String(value)).toMatch(/^value/);
    }
    for (const currency of ['RMB', 'XYZ', 'CN', '', 7, undefined]) expect(toOrder({ order: '1', value: '1', currency }), String(currency)).toMatch(/^currency/);
    expect(toOrder(undefined)).toMatch(/^order/);
  });

  it('names a goal by 1 to 100 characters', () => {
    expect(goalName(' newsletter ')).toBe('newsletter');
    for (const bad of ['', '   ', 'x'.repeat(101), 7, undefined]) expect(goalName(bad)).toBeUndefined();
  });
});

describe('sent orders, per site, for the attribution window', () => {
  it('remembers an order so a reload does not report it again, per site', () => {
    const sent = markSent(undefined, 'bloom', 'A-1', now, 7);
    expect(wasSent(sent, 'bloom', 'A-1', now + DAY, 7)).toBe(true);
    expect(wasSent(sent, 'other', 'A-1', now, 7)).toBe(false);
    expect(wasSent(sent, 'bloom', 'A-2', now, 7)).toBe(false);
    expect(wasSent(undefined, 'bloom', 'A-1', now, 7)).toBe(false);
  });

  it('forgets orders past the window, and keeps the 50 newest per site', () => {
    const sent = markSent({ bloom: { old: now - 8 * DAY, bad: 'x' as unknown as number } }, 'bloom', 'new', now, 7);
    expect(sent).toEqual({ bloom: { new: now } });
    expect(wasSent(sent, 'bloom', 'new', now + 7 * DAY, 7)).toBe(false);
    let many = markSent(undefined, 'bloom', 'o0', now, 7);
    for (let i = 1; i < 60; i++) many = markSent(many, 'bloom', `o${i}`, now + i, 7);
    expect(Object.keys(many.bloom!)).toHaveLength(50);
    expect(wasSent(many, 'bloom', 'o59', now + 60, 7)).toBe(true);
    expect(wasSent(many, 'bloom', 'o0', now + 60, 7)).toBe(false);
  });
});

describe('share events on the wire', () => {
  it('forward ref and parent, and the shared URL without its query (so without its token)', () => {
    const detail = { network: 'x', url: 'https://shop.example/p?utm_source=x&fanref=tokenAAA', ref: 'tokenAAA', parent: 'tokenPPP' };
    expect(toWireEvent('fan-share', detail, 'fan-share', 1, 'id1').p).toEqual({
      network: 'x',
      url: 'https://shop.example/p',
      ref: 'tokenAAA',
      parent: 'tokenPPP',
    });
    expect(toWireEvent('fan-card-share', { channel: 'copy', ref: 'tokenAAA' }, 'fan-card-maker', 1, 'id2').p).toEqual({ channel: 'copy', ref: 'tokenAAA' });
  });
});
