import Database from 'better-sqlite3';

// One way to open an SQLite file, shared by the event store and the reward ledger, which
// may use the same file: both must agree on WAL and on how long to wait for a lock.

export interface SqliteOptions {
  /** "normal" survives a killed process (WAL pages are in the OS cache); "full" also a power cut. */
  synchronous?: 'normal' | 'full';
}

export function openSqlite(path: string, opts: SqliteOptions = {}): Database.Database {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${opts.synchronous === 'full' ? 'FULL' : 'NORMAL'}`);
  db.pragma('busy_timeout = 5000');
  // Event ids are random, so every insert touches a random page of the primary key: a
  // bigger cache than the default 2 MB keeps those pages in memory.
  db.pragma('cache_size = -65536');
  return db;
}
