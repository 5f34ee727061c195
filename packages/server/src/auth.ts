import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { refuse } from './errors.js';

export function sameSecret(given: string, expected: string): boolean {
  // Hash first so lengths match and the comparison time says nothing about the token.
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/** The token of `Authorization: Bearer <token>`, if the header has that form. */
export function bearer(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice(7) : undefined;
}

export function unauthorized(reply: FastifyReply, message = 'send the admin token as "Authorization: Bearer <token>"'): FastifyReply {
  reply.header('www-authenticate', 'Bearer');
  return refuse(reply, 401, 'unauthorized', message);
}

/** An `onRequest` hook: the admin token or a 401. No token configured means nobody gets in, rather than everybody. */
export function adminOnly(token: string | undefined) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const given = bearer(request);
    if (token !== undefined && given !== undefined && sameSecret(given, token)) return;
    return unauthorized(reply);
  };
}
