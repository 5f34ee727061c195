import { fill, type ShareData } from './networks.js';

const HOST = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

/** Mastodon has no central site: the fan names their server, which has a /share page. */
export function mastodonUrl(server: string, d: ShareData): string | undefined {
  const host = server.trim().replace(/^https?:\/\//i, '').replace(/^@?[^@]*@/, '').replace(/\/.*$/, '');
  if (!HOST.test(host)) return undefined;
  return `https://${host.toLowerCase()}/share?${fill('text=s', d)}`;
}
