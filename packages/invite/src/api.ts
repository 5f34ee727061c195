// The client of the server's /referrals (DESIGN.md, "<fan-invite>"). Every failure throws
// `{code}`: the server's error code, or `offline` when no usable answer came in time.

export interface Refused {
  code: string;
}

export async function call(url: string, body: unknown, timeout: number, signal?: AbortSignal): Promise<unknown> {
  const wait = AbortSignal.timeout(timeout);
  let res: Response;
  try {
    res = await fetch(url, {
      method: body === undefined ? 'GET' : 'POST',
      headers: body === undefined ? undefined : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      // The ref's key travels in the query: no cache may keep it, and no Referer says where it came from.
      cache: 'no-store',
      referrerPolicy: 'no-referrer',
      signal: signal ? AbortSignal.any([signal, wait]) : wait,
    });
  } catch {
    throw { code: 'offline' } satisfies Refused;
  }
  const data = (await res.json().catch(() => ({}))) as { error?: unknown };
  if (!res.ok) throw { code: String(data.error ?? 'offline') } satisfies Refused;
  return data;
}
