import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

// Runs in a worker thread with its own connection to the same file. Every tick a PASSIVE
// checkpoint copies new WAL pages into the database without ever making the writer wait.
// Under steady load that never fully catches up, so the WAL could not start over and
// would grow; past a size, a RESTART holds writers off for the moment it takes to copy
// the last few pages, and the next commit writes from the start of the file again.
const SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const fs = require('node:fs');
const db = new Database(workerData.path);
db.pragma('busy_timeout = 2000');
const wal = workerData.path + '-wal';
const tick = () => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
    if (fs.statSync(wal, { throwIfNoEntry: false })?.size > workerData.restartBytes) db.pragma('wal_checkpoint(RESTART)');
  } catch {}
};
const timer = setInterval(tick, workerData.everyMs);
parentPort.on('message', () => { clearInterval(timer); tick(); db.close(); parentPort.close(); });
`;

/** Moves SQLite's checkpoints off the event loop; `stop` runs a last one and ends the thread. */
export class Checkpointer {
  readonly #worker: Worker;
  readonly #done: Promise<void>;

  constructor(path: string, everyMs = 1000) {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    this.#worker = new Worker(SOURCE, { eval: true, workerData: { path, driver, everyMs, restartBytes: 32 * 1024 * 1024 } });
    this.#worker.unref();
    this.#done = new Promise((resolve) => this.#worker.once('exit', () => resolve()));
  }

  async stop(): Promise<void> {
    this.#worker.postMessage('stop');
    await this.#done;
  }
}
