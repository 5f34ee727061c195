const HOST = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

/**
 * Mastodon has no central site: the fan names their server, which has a /share page.
 * Returns that page's share URL format (see shareUrl), or undefined if `server` is not
 * a server name; `@user@server` and pasted URLs are accepted.
 */
export function mastodonFormat(server: string): string | undefined {
  const host = server.trim().replace(/^https?:\/\//i, '').replace(/^@?[^@]*@/, '').replace(/\/.*$/, '');
  return HOST.test(host) ? `https://${host.toLowerCase()}/share?text=s` : undefined;
}
