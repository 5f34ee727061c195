import type { ServerResponse } from 'node:http';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorCode } from '@fanfare/core/errors';

// Every refusal is `{error, message}`. `error` is one of core's codes, so each widget can
// show the fan a translated text for it (an unknown code does not compile); `message` is
// English for developers and logs, never shown to a fan.

/** A refusal a service returns; the route turns it into an answer. */
export interface Refusal {
  status: number;
  error: ErrorCode;
  message: string;
}

/** A service's answer: the value, or why not. */
export type Outcome<T> = { ok: true; value: T } | ({ ok: false } & Refusal);

export function refuse(reply: FastifyReply, status: number, error: ErrorCode, message: string): FastifyReply {
  return reply.code(status).type('application/json; charset=utf-8').send({ error, message });
}

/** The same answer on Node's raw response, for the router's hooks, which run before fastify's reply exists. */
export function refuseRaw(res: ServerResponse, status: number, error: ErrorCode, message: string): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify({ error, message }));
}

/** fastify's `frameworkErrors` option: a request it cannot even route. */
export function frameworkError(_err: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  void refuse(reply, 400, 'bad_request', 'malformed request');
}

/** The one error handler: 5xx details stay in the log, never in the answer. */
export function handleErrors(app: FastifyInstance): void {
  app.setErrorHandler((err: Error & { statusCode?: number; code?: string }, request, reply) => {
    const status = err.statusCode ?? 500;
    if (status === 503) {
      // A store out of reach (store/state.ts): worth sending again soon, unlike a bug.
      request.log.warn({ err }, 'store unavailable');
      return refuse(reply.header('retry-after', '1'), 503, 'internal', 'a database is out of reach; try again shortly');
    }
    if (status >= 500) {
      request.log.error({ err }, 'request failed');
      return refuse(reply, 500, 'internal', 'something went wrong on our side');
    }
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return refuse(reply, 413, 'bad_request', 'body too large');
    return refuse(reply, status, 'bad_request', err.message);
  });
  app.setNotFoundHandler((_request, reply) => refuse(reply, 404, 'not_found', 'no such endpoint'));
}
