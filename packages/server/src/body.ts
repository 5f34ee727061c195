import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Parsed } from '@fanfare/core/parse';
import { refuse } from './errors.js';

// The one decoder for request bodies. Every route reads raw bytes (server.ts installs no
// body parser), so nothing that might throw on odd input runs before these checks.

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Raw bytes → JSON, or why not. Never throws. */
export function decodeJson(body: unknown): Parsed<unknown> {
  if ((typeof body !== 'string' && !Buffer.isBuffer(body)) || body.length === 0) return { ok: false, reason: 'empty body' };
  let text: string;
  if (typeof body === 'string') {
    text = body;
  } else {
    try {
      text = utf8.decode(body);
    } catch {
      return { ok: false, reason: 'body is not UTF-8' };
    }
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, reason: 'body is not JSON' };
  }
}

/** A value checked against `schema`; the reason names the first field at fault, or is `hint` when given. */
export function check<S extends z.ZodType>(schema: S, value: unknown, hint?: string, what = 'body'): Parsed<z.output<S>> {
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, value: result.data };
  const first = result.error.issues[0];
  return { ok: false, reason: hint ?? `${first?.path.join('.') || what}: ${first?.message ?? 'invalid'}` };
}

/** Raw bytes → a value of `schema`, or why not. Never throws. */
export function decodeBody<S extends z.ZodType>(schema: S, body: unknown, hint?: string): Parsed<z.output<S>> {
  const json = decodeJson(body);
  return json.ok ? check(schema, json.value, hint) : { ok: false, reason: hint ?? json.reason };
}

/**
 * A route's `preValidation` hook: the raw body becomes a value of `schema`, or the request
 * is refused with 400. Declared on the route, so the handler gets `request.body` typed and checked.
 */
export function bodyOf<S extends z.ZodType>(schema: S, hint?: string) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const parsed = decodeBody(schema, request.body, hint);
    if (!parsed.ok) return refuse(reply, 400, 'bad_request', parsed.reason);
    request.body = parsed.value;
  };
}

/** The same for the query string. */
export function queryOf<S extends z.ZodType>(schema: S, hint?: string) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const parsed = check(schema, request.query, hint, 'query');
    if (!parsed.ok) return refuse(reply, 400, 'bad_request', parsed.reason);
    request.query = parsed.value;
  };
}
