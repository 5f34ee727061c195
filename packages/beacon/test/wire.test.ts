import { describe, expect, it } from 'vitest';
import { FAN_EVENTS } from '../../core/src/events.js';
import { vitalEvent } from '../src/logic/vital.js';
import { isReported, referrerOrigin, stripUrl, toWireEvent, wireName } from '../src/logic/wire.js';

describe('wireName', () => {
  it.each([
    ['fan-share', 'share'],
    ['fan-game-start', 'game_start'],
    ['fan-game-over', 'game_over'],
    ['fan-reward', 'reward'],
    ['fan-card-create', 'card_create'],
    ['fan-card-export', 'card_export'],
    ['fan-card-share', 'card_share'],
    ['fan-review-open', 'review_open'],
    ['fan-review-click', 'review_click'],
  ])('%s → %s', (type, name) => {
    expect(wireName(type)).toBe(name);
  });
});

describe('isReported', () => {
  it('covers every public fan-* event except slide changes', () => {
    expect(FAN_EVENTS.filter(isReported)).toEqual(FAN_EVENTS.filter((n) => n !== 'fan-slide-change'));
    expect(isReported('click')).toBe(false);
  });
});

describe('toWireEvent', () => {
  const cases: [string, string, unknown, string | undefined, object][] = [
    ['share keeps the network and the URL without its query', 'fan-share', { network: 'weibo', url: 'https://a.example/p?utm_source=weibo' }, 'fan-share',
      { n: 'share', w: 'fan-share', p: { network: 'weibo', url: 'https://a.example/p' } }],
    ['game over keeps its numbers', 'fan-game-over', { score: 5120, maxTile: 512, moves: 301 }, 'fan-2048',
      { n: 'game_over', w: 'fan-2048', p: { score: 5120, maxTile: 512, moves: 301 } }],
    ['a reward never carries its code', 'fan-reward', { title: '10% off', tier: 2, code: 'SECRET-1' }, 'fan-2048',
      { n: 'reward', w: 'fan-2048', p: { title: '10% off', tier: 2 } }],
    ['a review click loses the query of its product URL', 'fan-review-click', { id: 'r1', url: 'https://shop.example/p/9?ref=me#x' }, 'fan-buyer-show',
      { n: 'review_click', w: 'fan-buyer-show', p: { id: 'r1', url: 'https://shop.example/p/9' } }],
    ['non-finite numbers and objects are left out', 'fan-card-export', { format: { x: 1 }, bytes: NaN }, 'fan-card-maker',
      { n: 'card_export', w: 'fan-card-maker', p: {} }],
    ['a missing detail gives an empty p', 'fan-game-start', null, 'fan-2048',
      { n: 'game_start', w: 'fan-2048', p: {} }],
    ['an event sent by the page itself is from the page', 'fan-card-share', { channel: 'wechat' }, 'div',
      { n: 'card_share', w: 'page', p: { channel: 'wechat' } }],
    ['no widget at all is the page', 'fan-review-open', { id: 'r2' }, undefined,
      { n: 'review_open', w: 'page', p: { id: 'r2' } }],
    ['fields no event declares stay on the page', 'fan-card-create', { template: 'spring', email: 'a@b.c', name: 'Ann' }, 'fan-card-maker',
      { n: 'card_create', w: 'fan-card-maker', p: { template: 'spring' } }],
  ];
  it.each(cases)('%s', (_label, type, detail, widget, expected) => {
    const got = toWireEvent(type, detail, widget, 1234.6, 'id1');
    expect(got).toEqual({ id: 'id1', t: 1235, ...expected });
  });

  it('cuts long strings to 200 characters', () => {
    const got = toWireEvent('fan-card-create', { template: 'x'.repeat(5000) }, 'fan-card-maker', 0, 'i');
    expect(String(got?.p?.template)).toHaveLength(200);
  });
});

describe('stripUrl', () => {
  it.each([
    ['https://shop.example/p/42?utm_source=x&email=a@b.c#top', 'https://shop.example/p/42'],
    ['https://shop.example/', 'https://shop.example/'],
    ['https://user:pw@shop.example/a?b', 'https://shop.example/a'],
    ['not a url?q=1', 'not a url'],
  ])('%s → %s', (href, want) => {
    expect(stripUrl(href)).toBe(want);
  });
});

describe('referrerOrigin', () => {
  it.each([
    ['https://t.co/abc?x=1', 'https://t.co'],
    ['', undefined],
    ['about:blank', undefined],
  ])('%j → %j', (ref, want) => {
    expect(referrerOrigin(ref)).toBe(want);
  });
});

describe('vitalEvent', () => {
  it.each([
    [{ name: 'INP', value: 184.4, rating: 'good' }, 0.1, undefined, { m: 'INP', v: 184, r: 'good', sr: 0.1 }],
    [{ name: 'CLS', value: 0.123456, rating: 'needs-improvement' }, 1, 'fan-2048', { m: 'CLS', v: 0.1235, r: 'needs-improvement', sr: 1, fan: 'fan-2048' }],
    [{ name: 'LCP', value: 2500.5, rating: 'poor' }, 0.5, 'fan-buyer-show', { m: 'LCP', v: 2501, r: 'poor', sr: 0.5, fan: 'fan-buyer-show' }],
  ])('%j', (metric, sr, fan, p) => {
    expect(vitalEvent(metric, sr, fan, 5310.2, 'v1')).toEqual({ id: 'v1', n: 'vital', w: 'page', t: 5310, p });
  });

  it('names the interaction behind a slow INP inside a widget, and only there', () => {
    const inp = { name: 'INP', value: 420, rating: 'poor' };
    expect(vitalEvent(inp, 1, 'fan-2048', 1, 'v2', 'keydown board').p).toEqual({ m: 'INP', v: 420, r: 'poor', sr: 1, fan: 'fan-2048', it: 'keydown board' });
    expect(vitalEvent(inp, 1, undefined, 1, 'v3', 'keydown board').p).not.toHaveProperty('it');
    expect(String(vitalEvent(inp, 1, 'fan-x', 1, 'v4', `click ${'x'.repeat(100)}`).p!.it)).toHaveLength(64);
  });
});
