// The tests' throwaway ClickHouse lives in scripts/, shared with the end-to-end tests.
export { clickhouseBinary, startClickHouse, type ClickHouse } from '../../../scripts/clickhouse.mjs';
