import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { mkdir, open, readdir, rename, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';

// The photo folder. A photo is written durably before the review that names it is
// committed (write, fsync, rename, fsync the folder), so a committed review always has its
// photo. A crash in between leaves a file that no review names: the sweep deletes such
// files once they are old enough that no request can still be about to commit them.

/** 22 base64url characters (128 random bits) and `.jpg`: unguessable, never reused. */
export const MEDIA_NAME = /^[A-Za-z0-9_-]{22}\.jpg$/;

export function newMediaName(): string {
  return `${randomBytes(16).toString('base64url')}.jpg`;
}

export class MediaStore {
  readonly dir: string;
  #made: Promise<unknown> | undefined;

  constructor(dir: string) {
    this.dir = dir;
  }

  path(name: string): string {
    if (!MEDIA_NAME.test(name)) throw new Error(`not a media name: ${name}`);
    return join(this.dir, name);
  }

  /** Writes `data` as `name`, durably: when this resolves, the file survives a crash or a power cut. */
  async write(name: string, data: Buffer): Promise<void> {
    await (this.#made ??= mkdir(this.dir, { recursive: true }));
    const final = this.path(name);
    // A half-written file never has a final name: the rename is atomic.
    const tmp = `${final}.${randomBytes(4).toString('hex')}.tmp`;
    const file = await open(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o644);
    try {
      await file.writeFile(data);
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(tmp, final);
    await this.#syncDir();
  }

  /** Removes files, ignoring the ones already gone. */
  async remove(names: readonly string[]): Promise<void> {
    await Promise.all(names.map((n) => unlink(this.path(n)).catch(() => {})));
  }

  /**
   * Deletes files older than `minAgeMs` that `known` does not claim (photos whose review
   * never committed) and leftover temporary files. Answers the names deleted.
   */
  async sweep(known: (name: string) => boolean | Promise<boolean>, minAgeMs: number, now = Date.now()): Promise<string[]> {
    let entries: string[];
    try {
      entries = await readdir(this.dir);
    } catch {
      return []; // no folder yet: no photo was ever written
    }
    const gone: string[] = [];
    for (const entry of entries) {
      const orphan = entry.endsWith('.tmp') || (MEDIA_NAME.test(entry) && !(await known(entry)));
      if (!orphan) continue;
      const path = join(this.dir, entry);
      try {
        if (now - (await stat(path)).mtimeMs < minAgeMs) continue;
        await unlink(path);
        gone.push(entry);
      } catch {
        // Removed meanwhile, or not ours to remove: either way nothing to do.
      }
    }
    return gone;
  }

  async #syncDir(): Promise<void> {
    // The rename is durable only once the folder's entry is; Windows cannot open a folder, and needs no such step.
    if (process.platform === 'win32') return;
    const dir = await open(this.dir, constants.O_RDONLY);
    try {
      await dir.sync();
    } finally {
      await dir.close();
    }
  }
}
