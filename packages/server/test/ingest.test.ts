import { describe, expect, it } from 'vitest';
import { batch, send, share, start } from './helpers.js';
import { ingestSuite } from './ingest-suite.js';

ingestSuite('sqlite', async () => ({ config: {}, done: async () => {} }));

describe('when the store fails', () => {
  it('answers 500 without details, so the beacon keeps the events and retries, and keeps serving', async () => {
    const s = await start();
    try {
      await s.server.store.close();
      const res = await send(s.url, batch('broken', [share()]));
      expect(res.status).toBe(500);
      const body = await res.text();
      expect(JSON.parse(body)).toEqual({ error: 'internal', message: 'something went wrong on our side' });
      expect((await fetch(`${s.url}/healthz`)).status).toBe(200);
    } finally {
      await s.stop();
    }
  });
});
