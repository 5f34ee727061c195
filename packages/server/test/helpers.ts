import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type FanfareServer, type ServerOptions } from '../src/server.js';
import type { ConfigInput } from '../src/config.js';

export const TOKEN = 'test-admin-token-0123456789';
export const SECRET = 'test-secret-0123456789abcdef';
export const UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36';

export interface Running {
  server: FanfareServer;
  url: string;
  dir: string;
  stop(): Promise<void>;
}

/** The real server on loopback, a random port, and a SQLite file in a fresh temp dir. */
export async function start(config: ConfigInput = {}, opts: ServerOptions = {}): Promise<Running> {
  const dir = mkdtempSync(join(tmpdir(), 'fanfare-server-'));
  const server = await createServer(
    { db: join(dir, 'fanfare.db'), adminToken: TOKEN, secret: SECRET, rateLimit: { perSecond: 0, burst: 1 }, ...config },
    opts,
  );
  const url = await server.app.listen({ host: '127.0.0.1', port: 0 });
  return {
    server,
    url,
    dir,
    async stop() {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

let n = 0;
export function eventId(): string {
  return `ev-${process.pid}-${Date.now().toString(36)}-${(n++).toString(36)}`;
}

export function batch(site: string, events: object[], extra: object = {}): string {
  return JSON.stringify({ v: 1, site, sdk: '0.1.0', pv: 'pv-1', u: 'https://shop.example/p/42?utm=x', r: '', e: events, ...extra });
}

export function share(network = 'weibo', id = eventId()): object {
  return { id, n: 'share', w: 'fan-share', t: 1234, p: { network } };
}

export function send(url: string, body: string | Uint8Array<ArrayBuffer>, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${url}/e`, {
    method: 'POST',
    body,
    headers: { 'content-type': 'text/plain;charset=UTF-8', 'user-agent': UA, ...headers },
  });
}

export async function stats(url: string, site: string, query = ''): Promise<Response> {
  return fetch(`${url}/api/stats?site=${site}${query}`, { headers: { authorization: `Bearer ${TOKEN}` } });
}

export async function attribution(url: string, site: string, query = ''): Promise<Response> {
  return fetch(`${url}/api/attribution?site=${site}${query}`, { headers: { authorization: `Bearer ${TOKEN}` } });
}

/** `token: null` sends no Authorization header. */
export function postOrder(url: string, body: object | string, token: string | null = TOKEN): Promise<Response> {
  return fetch(`${url}/orders`, {
    method: 'POST',
    body: typeof body === 'string' ? body : JSON.stringify(body),
    headers: { 'content-type': 'application/json', ...(token === null ? {} : { authorization: `Bearer ${token}` }) },
  });
}

/** A browser of its own: each user agent is one person to the visitor hash (all tests come from 127.0.0.1). */
export function browser(name: string): string {
  return `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36 ${name}`;
}

export function pageview(p: object = {}): object {
  return { id: eventId(), n: 'pageview', w: 'page', t: 5, p };
}

export function conversion(order: string, value: unknown, currency: unknown, ref?: string): object {
  return { id: eventId(), n: 'conversion', w: 'page', t: 9, p: { order, value, currency, ...(ref ? { ref } : {}) } };
}

export function shareWith(network: string, ref: string, parent?: string): object {
  return { id: eventId(), n: 'share', w: 'fan-share', t: 1234, p: { network, url: 'https://shop.example/p/42', ref, ...(parent ? { parent } : {}) } };
}
