// Apart from ./retry.ts: every page needs this, the retry code only after a failure.

/**
 * Whether a request is worth sending again. `status` 0 means it never got an answer
 * (offline, blocked, over the keepalive quota). 400, 413, 422 and other client errors:
 * sending the same bytes again cannot help.
 */
export const shouldRetry = (status: number): boolean =>
  status < 200 || status === 408 || status === 425 || status === 429 || status > 499;
