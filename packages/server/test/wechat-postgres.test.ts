import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_TICKET, startWeChatStandIn, type StandIn } from './fixtures/wechat/api.js';
import { start, type Running } from './helpers.js';
import { NO_POSTGRES, postgresBinDir, startPostgres, type Postgres } from './postgres.js';

// WeChat's token and ticket shared by the processes of one PostgreSQL: a new access token
// voids the one before, so two processes must not each fetch their own.

const APP_ID = 'wx0123456789abcdef';
const APP_SECRET = '0123456789abcdef0123456789abcdef';
const SHOP = 'https://shop.example';
const T0 = Date.UTC(2026, 11, 1, 9, 0, 0);
const bin = postgresBinDir();

function expected(ticket: string, s: { nonceStr: string; timestamp: number }, url: string): string {
  return createHash('sha1').update(`jsapi_ticket=${ticket}&noncestr=${s.nonceStr}&timestamp=${s.timestamp}&url=${url}`).digest('hex');
}

describe('WeChat credentials shared through PostgreSQL', () => {
  if (!bin) {
    it('finds PostgreSQL', () => {
      throw new Error(NO_POSTGRES);
    });
    return;
  }
  let pg: Postgres;
  let wx: StandIn;
  const servers: Running[] = [];
  let clock = T0;

  beforeAll(async () => {
    pg = await startPostgres(bin);
    wx = await startWeChatStandIn({ appId: APP_ID, appSecret: APP_SECRET, delayMs: 80 });
    const url = await pg.createDatabase('fanfare_wechat');
    const config = {
      store: { events: 'sqlite' as const, state: 'postgres' as const },
      postgres: { url },
      sites: { 'bloom-shop': { origins: [SHOP], wechat: { appId: APP_ID, appSecret: APP_SECRET, apiBase: wx.url } } },
    };
    // Two servers, as two processes would be (each its own SQLite event file, one PostgreSQL).
    for (let i = 0; i < 2; i++) servers.push(await start(config, { now: () => clock, env: {} }));
  }, 60_000);
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await wx?.close();
    await pg?.stop();
  });

  const ask = (s: Running, page: string) => fetch(`${s.url}/wechat/signature?site=bloom-shop&url=${encodeURIComponent(page)}`, { headers: { origin: SHOP } });

  async function burst(ticket = EXAMPLE_TICKET): Promise<void> {
    const pages = Array.from({ length: 40 }, (_, i) => `${SHOP}/p/${i}`);
    const answers = await Promise.all(pages.map((p, i) => ask(servers[i % 2]!, p)));
    expect(answers.map((r) => r.status)).toEqual(Array(40).fill(200));
    const bodies = (await Promise.all(answers.map((r) => r.json()))) as { nonceStr: string; timestamp: number; signature: string }[];
    bodies.forEach((b, i) => expect(b.signature).toBe(expected(ticket, b, pages[i]!)));
  }

  it('fetches one token and one ticket for 40 requests arriving at two processes together', async () => {
    await burst();
    expect(wx.count('/cgi-bin/token')).toBe(1);
    expect(wx.count('/cgi-bin/ticket/getticket')).toBe(1);
  });

  it('refreshes them once, for both, when they fall due', async () => {
    clock = T0 + 7200_000 - 60_000;
    await burst();
    // Held ones still valid are served while the one refresh runs behind them.
    await new Promise((r) => setTimeout(r, 500));
    expect(wx.count('/cgi-bin/token')).toBe(2);
    expect(wx.count('/cgi-bin/ticket/getticket')).toBe(2);
    // Both processes now sign with the second ticket the stand-in issued.
    await burst(`${EXAMPLE_TICKET.slice(0, 60)}-2`);
    expect(wx.count('/cgi-bin/token')).toBe(2);
  });
});
