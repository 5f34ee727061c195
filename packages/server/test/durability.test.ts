import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@clickhouse/client';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnServer } from './child.js';
import { clickhouseBinary, startClickHouse, type ClickHouse } from './clickhouse.js';
import { batch, send, share } from './helpers.js';

/** Clients sending 5-event batches in a loop until `until` says stop; returns the ids acknowledged with 204. */
async function load(url: string, site: string, clients: number, until: () => boolean): Promise<{ acked: string[]; failed: number }> {
  const acked: string[] = [];
  let failed = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (!until()) {
        const events = Array.from({ length: 5 }, () => share()) as { id: string }[];
        try {
          const res = await send(url, batch(site, events));
          if (res.status === 204) acked.push(...events.map((e) => e.id));
          else failed++;
        } catch {
          failed++;
          await new Promise((r) => setTimeout(r, 5));
        }
      }
    }),
  );
  return { acked, failed };
}

interface Backend {
  /** Server config for a run named `name`. */
  config(name: string): object;
  /** Ids stored for `site` after the server is gone, read straight from the database. */
  stored(db: string, name: string, site: string): Promise<Set<string>>;
}

function durability(label: string, setup: () => Promise<{ backend: Backend; done(): Promise<void> }>): void {
  describe(`durability (${label})`, () => {
    let dir: string;
    let backend: Backend;
    let done: () => Promise<void>;
    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'fanfare-kill-'));
      ({ backend, done } = await setup());
    }, 60_000);
    afterAll(async () => {
      await done?.();
      rmSync(dir, { recursive: true, force: true });
    });

    async function run(name: string) {
      const config = join(dir, `${name}.json`);
      writeFileSync(config, JSON.stringify({ rateLimit: { perSecond: 0, burst: 1 }, db: join(dir, `${name}.db`), ...backend.config(name) }));
      return spawnServer(['--config', config]);
    }

    it('loses no acknowledged event when the server is killed with SIGKILL under load', async () => {
      const child = await run('kill');
      let killedAt = 0;
      const running = load(child.url, 'kill', 24, () => killedAt > 0 && Date.now() > killedAt + 300);
      // Kill while requests are surely in flight: after a while of steady load, not at a quiet moment.
      await new Promise((r) => setTimeout(r, 1500));
      child.proc.kill('SIGKILL');
      killedAt = Date.now();
      const { acked, failed } = await running;
      await child.exited;

      expect(acked.length).toBeGreaterThan(200);
      expect(failed).toBeGreaterThan(0); // the kill did catch requests mid-flight
      const stored = await backend.stored(join(dir, 'kill.db'), 'kill', 'kill');
      expect(acked.filter((id) => !stored.has(id))).toEqual([]);
    }, 60_000);

    it('commits what it holds and exits 0 on SIGTERM', async () => {
      const child = await run('term');
      let stop = false;
      const running = load(child.url, 'term', 16, () => stop);
      await new Promise((r) => setTimeout(r, 800));
      child.proc.kill('SIGTERM');
      const code = await child.exited;
      stop = true;
      const { acked } = await running;
      expect(code).toBe(0);
      expect(child.output()).toMatch(/shutting down/);
      const stored = await backend.stored(join(dir, 'term.db'), 'term', 'term');
      expect(acked.length).toBeGreaterThan(50);
      expect(acked.filter((id) => !stored.has(id))).toEqual([]);
    }, 60_000);
  });
}

durability('sqlite', async () => ({
  backend: {
    config: () => ({}),
    async stored(db, _name, site) {
      const conn = new Database(db);
      try {
        return new Set((conn.prepare('SELECT id FROM events WHERE site = ?').all(site) as { id: string }[]).map((r) => r.id));
      } finally {
        conn.close();
      }
    },
  },
  done: async () => {},
}));

const binary = clickhouseBinary();
if (binary) {
  durability('clickhouse', async () => {
    const ch: ClickHouse = await startClickHouse(binary);
    const client = createClient({ url: ch.url });
    return {
      backend: {
        config: (name) => ({ store: 'clickhouse', clickhouse: { url: ch.url, database: `kill_${name}` } }),
        async stored(_db, name, site) {
          const rows = await (await client.query({ query: `SELECT id FROM kill_${name}.events WHERE site = '${site}'`, format: 'JSONEachRow' })).json<{ id: string }>();
          return new Set(rows.map((r) => r.id));
        },
      },
      async done() {
        await client.close();
        await ch.stop();
      },
    };
  });
}
