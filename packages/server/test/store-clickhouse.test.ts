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
  describe('event store: clickhouse', () => {
    it.skip('needs clickhouse-server (Debian: apt-get install clickhouse-server); not found in /usr/sbin, /usr/bin or PATH', () => {});
  });
}
