export interface Postgres {
  /** postgres://fanfare@127.0.0.1:<port>/postgres */
  url: string;
  port: number;
  /** Makes a database and returns its URL. */
  createDatabase(name: string): Promise<string>;
  /** Kills the server at once (as a crash would), runs `whileDown`, and starts it again on the same port and data. */
  restart(whileDown?: () => Promise<unknown>): Promise<void>;
  stop(): Promise<void>;
}
/** The folder with initdb and postgres: Debian's newest /usr/lib/postgresql/<n>/bin, or one on PATH. */
export function postgresBinDir(): string | undefined;
/** A throwaway PostgreSQL on loopback: superuser `fanfare`, no password, data in a temp dir. */
export function startPostgres(bin: string): Promise<Postgres>;
