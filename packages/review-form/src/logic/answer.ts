// What the server's answer to `POST /reviews` means. Pure: the upload hands in the status and body.

export type Answer =
  | { ok: true; id: string; status: 'pending' | 'published'; code?: string; reward?: string }
  | { ok: false; error: string };

/**
 * What the server's answer to `POST /reviews` means: a 201 with its id and status (and a
 * coupon, `reward: {code, title}`, when the shop gives one), or an error code (`{error}`
 * as the server writes it, else one from the HTTP status). A 409 `duplicate_review`
 * that names the earlier review is that review: a retry after a lost answer was sent.
 */
export function readAnswer(status: number, body: unknown): Answer {
  const o = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const sent = (status >= 200 && status < 300) || (status === 409 && o.error === 'duplicate_review');
  if (sent && typeof o.id === 'string' && (o.status === 'pending' || o.status === 'published')) {
    const a: Answer = { ok: true, id: o.id, status: o.status };
    const r = (o.reward ?? {}) as Record<string, unknown>;
    if (typeof r.code === 'string' && r.code) {
      a.code = r.code;
      if (typeof r.title === 'string') a.reward = r.title;
    }
    return a;
  }
  if (typeof o.error === 'string' && o.error) return { ok: false, error: o.error };
  return { ok: false, error: status === 413 ? 'too_large' : status === 429 ? 'rate_limited' : status >= 500 ? 'internal' : 'bad_request' };
}
