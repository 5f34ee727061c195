import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from './config.js';

export function refuse(reply: FastifyReply, status: number, error: string, message: string): FastifyReply {
  return reply.code(status).type('application/json; charset=utf-8').send({ error, message });
}

/**
 * May a page at `origin` send for `site`? No configured sites means an open dev setup.
 * A browser always sends Origin on a cross-site POST; its absence means a non-browser
 * client, which could forge the header anyway, so only pages are held to the list.
 */
export function originAllowed(config: Config, site: string | undefined, origin: string | undefined): boolean {
  if (!config.sites) return true;
  if (site === undefined) {
    // Not tied to one site: any configured site's page may call.
    return Object.values(config.sites).some((s) => matches(s.origins, origin));
  }
  const entry = config.sites[site];
  return entry !== undefined && matches(entry.origins, origin);
}

function matches(origins: string[], origin: string | undefined): boolean {
  return origins.includes('*') || origin === undefined || origins.includes(origin);
}

/** CORS for simple requests: echo an allowed origin, never credentials. */
export function allowOrigin(reply: FastifyReply, request: FastifyRequest): void {
  const origin = request.headers.origin;
  reply.header('access-control-allow-origin', origin ?? '*');
  // Without this the browser hides Retry-After from the beacon, which then guesses.
  reply.header('access-control-expose-headers', 'Retry-After');
  reply.header('vary', 'Origin');
}

/** Answers a preflight (a page sending application/json) without any state. */
export function preflight(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  allowOrigin(reply, request);
  reply.header('access-control-allow-methods', 'POST, OPTIONS');
  reply.header('access-control-allow-headers', 'content-type');
  reply.header('access-control-max-age', '86400');
  return reply.code(204).send();
}

export function utcDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
