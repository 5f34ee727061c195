import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { amount, isShareToken, Revenue } from '../src/attribution/rules.js';
import { orderState } from '../src/attribution/orders.js';
import { visitorHash } from '../src/attribution/visitors.js';
import { attribution, batch, browser, conversion, pageview, postOrder, send, shareWith, start, TOKEN, type Running } from './helpers.js';

const ORDERS_TOKEN = 'bloom-orders-token-0123456789';

describe('which touch an order is credited to', () => {
  let s: Running;
  beforeAll(async () => {
    s = await start({ sites: { firsts: { origins: ['*'] }, lasts: { origins: ['*'], attribution: 'last' } } });
  });
  afterAll(() => s?.stop());

  // The device names both touches; the page's own data-attribution only chose `ref`.
  const both = (order: string, ref: string) => ({ ...(conversion(order, '10.00', 'CNY', ref) as { p: object }), p: { order, value: '10.00', currency: 'CNY', ref, first: 'tokenFIRST', last: 'tokenLAST1' } });
  const credited = async (site: string) =>
    Object.fromEntries((await s.server.store.attribution({ site, from: 0, to: Date.now() + 1000 })).orders.map((o) => [o.order, o.ref]));

  it('is the site\'s setting on the server, whichever the page was set to', async () => {
    for (const site of ['firsts', 'lasts']) {
      expect((await send(s.url, batch(site, [both('page-first', 'tokenFIRST'), both('page-last', 'tokenLAST1')]))).status).toBe(204);
    }
    expect(await credited('firsts')).toEqual({ 'page-first': 'tokenFIRST', 'page-last': 'tokenFIRST' });
    expect(await credited('lasts')).toEqual({ 'page-first': 'tokenLAST1', 'page-last': 'tokenLAST1' });
  });

  it('is the page\'s ref when the device named one touch, or a touch is not a token', async () => {
    const odd = { ...(both('odd', 'tokenFIRST') as { p: object }) };
    (odd.p as Record<string, string>).last = 'not a token!';
    expect((await send(s.url, batch('lasts', [conversion('one', '5', 'CNY', 'tokenONLY1'), odd]))).status).toBe(204);
    expect(await credited('lasts')).toMatchObject({ one: 'tokenONLY1', odd: 'tokenFIRST' });
  });
});

describe('POST /orders', () => {
  let s: Running;
  beforeAll(async () => {
    s = await start({
      sites: {
        'bloom-shop': { origins: ['https://shop.example'], ordersToken: ORDERS_TOKEN },
        other: { origins: ['*'] },
      },
    });
  });
  afterAll(() => s?.stop());
  const order = { site: 'bloom-shop', order: '1001', value: '49.00', currency: 'CNY', status: 'paid' };

  it('takes the admin token, and a site\'s ordersToken for that site only', async () => {
    expect((await postOrder(s.url, order)).status).toBe(200);
    const own = await postOrder(s.url, order, ORDERS_TOKEN);
    expect(own.status).toBe(200);
    expect(await own.json()).toEqual({ site: 'bloom-shop', order: '1001', status: 'paid', value: '49.00', currency: 'CNY' });
    expect((await postOrder(s.url, { ...order, site: 'other' }, ORDERS_TOKEN)).status).toBe(401);
  });

  it('refuses a caller without the right token before reading the body', async () => {
    for (const token of [null, 'wrong-token-0123456789abc']) {
      const res = await postOrder(s.url, 'not even JSON', token);
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Bearer');
      expect(((await res.json()) as { error: string }).error).toBe('unauthorized');
    }
  });

  it('answers 404 for a site it does not know', async () => {
    const res = await postOrder(s.url, { ...order, site: 'nobody' });
    expect(res.status).toBe(404);
  });

  const bad: [string, object][] = [
    ['a negative value', { value: '-1' }],
    ['a negative number', { value: -1 }],
    ['a value that is not a number', { value: 'forty' }],
    ['a value with a comma', { value: '49,00' }],
    ['an unknown currency', { currency: 'XYZ' }],
    ['an unknown currency in lower case', { currency: 'xyz' }],
    ['an order id over 128 characters', { order: 'x'.repeat(129) }],
    ['an empty order id', { order: '' }],
    ['an unknown status', { status: 'shipped' }],
    ['no value', { value: undefined }],
  ];
  it.each(bad)('refuses %s with 400 and stores nothing', async (_name, change) => {
    const res = await postOrder(s.url, { ...order, order: 'bad-1', ...change });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: string; message: string };
    expect(body.error).toBe('bad_request');
    expect(body.message).toBeTruthy();
    const raw = await s.server.store.attribution({ site: 'bloom-shop', from: 0, to: Date.now() + 1000 });
    expect(raw.orders.filter((o) => o.order === 'bad-1' || o.order.startsWith('xxx'))).toEqual([]);
  });

  it('takes an order id of exactly 128 characters, and ignores a malformed token rather than refuse the order', async () => {
    const res = await postOrder(s.url, { ...order, order: 'y'.repeat(128), ref: 'not a token!' });
    expect(res.status).toBe(200);
    const raw = await s.server.store.attribution({ site: 'bloom-shop', from: 0, to: Date.now() + 1000 });
    expect(raw.orders.find((o) => o.order === 'y'.repeat(128))?.ref).toBe('');
  });
});

describe('GET /api/attribution', () => {
  let s: Running;
  beforeAll(async () => {
    s = await start();
  });
  afterAll(() => s?.stop());

  it('wants the admin token and a valid range', async () => {
    expect((await fetch(`${s.url}/api/attribution?site=a`)).status).toBe(401);
    expect((await attribution(s.url, 'a', '&from=2026-02-01&to=2026-01-01')).status).toBe(400);
    const empty = await attribution(s.url, 'a');
    expect(empty.status).toBe(200);
    expect(await empty.json()).toMatchObject({ shares: 0, visits: 0, visitors: 0, orders: 0, revenue: [], byNetwork: [], generations: [], coverage: { orders: 0, attributed: 0 } });
  });

  it('never writes the IP or the user agent, only their hash', async () => {
    const ua = browser('NeverStoredMarker');
    await send(s.url, batch('private', [shareWith('x', 'tokenPRIV'), pageview({ ref: 'tokenPRIV' }), conversion('9', '1', 'EUR', 'tokenPRIV')]), { 'user-agent': ua });
    await s.server.close();
    for (const file of readdirSync(s.dir)) {
      const bytes = readFileSync(join(s.dir, file));
      expect(bytes.includes('NeverStoredMarker'), file).toBe(false);
      expect(bytes.includes('127.0.0.1'), file).toBe(false);
    }
    expect(TOKEN).toBeTruthy();
  });
});

describe('attribution rules', () => {
  it('knows a share token: 8 to 16 of A-Za-z0-9_-', () => {
    expect(['abcdEFGH', 'a_b-c_d-e_f-g_h1', '12345678'].every(isShareToken)).toBe(true);
    expect(['abcdefg', 'x'.repeat(17), 'abc defgh', 'abcdefgh!', '', 12345678, null].some(isShareToken)).toBe(false);
  });

  it('reads an amount exactly, as text or number, and refuses anything else', () => {
    expect(amount('49.00')).toBe('49.00');
    expect(amount(49)).toBe('49');
    expect(amount(0.1)).toBe('0.1');
    for (const v of ['-1', -1, '1e3', 1e21, 'NaN', Infinity, '', ' ', '01', '1.', '.5', '1.123456789', null, true]) expect(amount(v), String(v)).toBeNull();
  });

  it('sums per currency without floating point, with each currency\'s digits', () => {
    const r = new Revenue();
    r.add('USD', '0.1');
    r.add('USD', '0.2');
    r.add('JPY', '1000');
    r.add('CNY', '49');
    expect(r.list()).toEqual([
      { currency: 'JPY', amount: '1000' },
      { currency: 'CNY', amount: '49.00' },
      { currency: 'USD', amount: '0.30' },
    ]);
  });

  it('lets the shop\'s latest report win, keeps the page\'s first time and credit', () => {
    const page = { source: 'page' as const, order: '1', status: 'paid' as const, currency: 'CNY', vh: 'h', seq: 0 };
    const server = { source: 'server' as const, order: '1', currency: 'CNY', ref: '', vh: '', ts: 50 };
    const state = orderState([
      { ...page, value: '49', ref: 'tokenAAAA', ts: 10 },
      { ...page, value: '1', ref: 'tokenBBBB', ts: 20 },
      { ...server, status: 'paid', value: '59', seq: 1 },
      { ...server, status: 'refunded', value: '59', seq: 2 },
    ]);
    expect(state).toEqual({ order: '1', status: 'refunded', value: '59', currency: 'CNY', ref: 'tokenAAAA', vh: 'h', ts: 10 });
  });

  it('hashes a visitor under a salt: another salt, site, IP or browser is another hash', () => {
    const h = visitorHash('salt-1', 'site', '1.2.3.4', 'UA');
    expect(h).toMatch(/^[\w-]{22}$/);
    expect(visitorHash('salt-1', 'site', '1.2.3.4', 'UA')).toBe(h);
    for (const other of [
      visitorHash('salt-2', 'site', '1.2.3.4', 'UA'),
      visitorHash('salt-1', 'site2', '1.2.3.4', 'UA'),
      visitorHash('salt-1', 'site', '1.2.3.5', 'UA'),
      visitorHash('salt-1', 'site', '1.2.3.4', 'UA2'),
    ]) expect(other).not.toBe(h);
  });
});
