import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from './config.js';

// Which pages may call us, and the headers that let those pages read the answer.

/**
 * May a page at `origin` act for `site`? No configured sites means an open dev setup.
 * A browser always sends Origin on a cross-site POST; its absence means a non-browser
 * client, which could forge the header anyway, so only pages are held to the list.
 */
export function originAllowed(config: Config, site: string | undefined, origin: string | undefined): boolean {
  if (!config.sites) return true;
  if (site === undefined) {
    // Not tied to one site: any configured site's page may call.
    return Object.values(config.sites).some((s) => matches(s.origins, origin));
  }
  const entry = Object.hasOwn(config.sites, site) ? config.sites[site] : undefined;
  return entry !== undefined && matches(entry.origins, origin);
}

function matches(origins: string[], origin: string | undefined): boolean {
  return origins.includes('*') || origin === undefined || origins.includes(origin);
}

/** CORS for simple requests: echo the origin, never credentials. */
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

/**
 * CORS for every route of one plugin: the headers go on every answer, refusals and
 * validation failures included, so the page can read why; and each path answers its preflight.
 */
export function pageCors(app: FastifyInstance, paths: string[]): void {
  app.addHook('onRequest', async (request, reply) => allowOrigin(reply, request));
  for (const path of paths) app.options(path, preflight);
}
