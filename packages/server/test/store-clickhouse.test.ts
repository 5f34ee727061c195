import { describe, it } from 'vitest';
import { clickhouseBinary, startClickHouse } from './clickhouse.js';
import { ingestSuite } from './ingest-suite.js';
import { storeSuite, type Backend } from './store-suite.js';

const binary = clickhouseBinary();

// Each suite gets a throwaway ClickHouse of its own on loopback.
async function clickhouse(): Promise<Backend> {
  const ch = await startClickHouse(binary!);
  return { config: { store: 'clickhouse', clickhouse: { url: ch.url, database: 'fanfare_test' } }, done: () => ch.stop() };
}

if (binary) {
  storeSuite('clickhouse', clickhouse);
  ingestSuite('clickhouse', clickhouse);
} else {
  // Not skipped: a missing binary would hide the whole ClickHouse store. Like the browser
  // tests without Chromium, this fails with one line saying how to get it.
  describe('event store: clickhouse', () => {
    it('finds clickhouse-server', () => {
      throw new Error('clickhouse-server not found in /usr/sbin, /usr/bin or PATH. On Debian or Ubuntu: sudo apt-get install clickhouse-server');
    });
  });
}
