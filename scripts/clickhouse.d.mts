export interface ClickHouse {
  url: string;
  stop(): Promise<void>;
}
/** Where Debian's clickhouse-server package puts the binary, or one on PATH. */
export function clickhouseBinary(): string | undefined;
/** A throwaway ClickHouse on loopback with a config of our own, data in a temp dir. */
export function startClickHouse(binary: string): Promise<ClickHouse>;
