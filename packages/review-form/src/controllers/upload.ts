// POST /reviews with XMLHttpRequest, the one browser API that reports how much of a
// request body has left (fetch cannot, for an ordinary multipart body), so the progress
// bar shows bytes really sent, not a guess.
import { readAnswer, type Answer } from '../logic/answer.js';

export interface Progress {
  /** Bytes of the body sent so far, and in all. */
  sent: number;
  total: number;
}

/**
 * Send `body` to `url`. Resolves with the server's answer (an error answer included);
 * rejects when no answer came: offline, refused by CORS, aborted through `signal`, or
 * `idle` ms passed with neither a byte sent nor an answer (a server that never answers
 * must not keep the fan waiting for ever; a slow phone still sending is not idle).
 */
export function upload(url: string, body: FormData, onProgress: (p: Progress) => void, signal: AbortSignal, idle: number): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    let timer = 0;
    const fail = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', stop);
      reject(new Error('no answer'));
    };
    const stop = () => xhr.abort();
    const wait = () => {
      clearTimeout(timer);
      timer = setTimeout(stop, idle) as unknown as number;
    };
    xhr.open('POST', url);
    xhr.responseType = 'json';
    xhr.upload.onprogress = (e) => {
      wait();
      if (e.lengthComputable) onProgress({ sent: e.loaded, total: e.total });
    };
    xhr.onload = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', stop);
      resolve(readAnswer(xhr.status, xhr.response));
    };
    xhr.onerror = xhr.onabort = fail;
    signal.addEventListener('abort', stop);
    wait();
    xhr.send(body);
  });
}
