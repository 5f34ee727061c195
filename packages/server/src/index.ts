export { createServer, type FanfareServer, type ServerOptions } from './server.js';
export { parseConfig, loadConfigFile, ConfigError, type Config, type ConfigInput, type Campaign } from './config.js';
export type { EventStore, RangeQuery, RawAggregates } from './store/types.js';
export { SqliteEventStore } from './store/sqlite.js';
export { buildStats, type Stats } from './stats.js';
export { parseBatch, type Batch, type StoredEvent } from './wire.js';
