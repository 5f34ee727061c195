import { randomBytes } from 'node:crypto';
import { constants, createReadStream } from 'node:fs';
import { mkdir, open, readdir, rename, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { storesOf, type Config } from '../config.js';
import type { StateStore } from '../store/state.js';

// Where buyer-show photos are kept: a folder on this machine (the default), or PostgreSQL
// (`"store": {"media": "postgres"}`, the default with `"state": "postgres"`), so that every
// process on every machine serves every photo. Either way a photo is stored durably before
// the review that names it is committed, so a committed review always has its photo. A
// crash in between leaves a photo that no review names: the sweep deletes such photos once
// they are old enough that no request can still be about to commit them.

/** 22 base64url characters (128 random bits) and `.jpg`: unguessable, never reused. */
export const MEDIA_NAME = /^[A-Za-z0-9_-]{22}\.jpg$/;

export function newMediaName(): string {
  return `${randomBytes(16).toString('base64url')}.jpg`;
}

/** A stored photo as it is sent: its length, and the bytes (a file's stream, or a row's buffer). */
export interface StoredMedia {
  size: number;
  body: Readable | Buffer;
}

export interface MediaStore {
  readonly kind: 'disk' | 'postgres';
  /** Stores `data` as `name`, durably: when this resolves, the photo survives a crash or a power cut. */
  write(name: string, data: Buffer): Promise<void>;
  /** The photo stored as `name`, or undefined when there is none. */
  read(name: string): Promise<StoredMedia | undefined>;
  /** Removes photos, ignoring the ones already gone; one it cannot remove now, the sweep removes later. */
  remove(names: readonly string[]): Promise<void>;
  /** Deletes photos no review names once older than `minAgeMs` (what a crash left); answers their names. */
  sweep(minAgeMs: number): Promise<string[]>;
}

/** The store `"store": {"media"}` names: PostgreSQL's is the state store's, the folder is `media` (`--media`). */
export function openMedia(config: Config, state: StateStore): MediaStore {
  const folder = new DiskMedia(config.media, (name) => state.reviews.hasPhoto(name));
  if (storesOf(config).media === 'postgres') {
    // config.ts refuses "media": "postgres" without "state": "postgres".
    if (!state.media) throw new Error('"store": {"media": "postgres"} needs "state": "postgres"');
    return new WithFolder(state.media, folder);
  }
  return folder;
}

/**
 * PostgreSQL's photos, and those a server kept in its folder before it kept them there (with
 * `"media": "disk"`, or before photos moved to PostgreSQL): new photos go to PostgreSQL, a
 * name PostgreSQL does not hold is looked for in the folder, and the sweep clears both. With
 * no folder (the usual case) the folder's part finds nothing and makes none.
 */
class WithFolder implements MediaStore {
  readonly kind = 'postgres';
  readonly #primary: MediaStore;
  readonly #folder: DiskMedia;

  constructor(primary: MediaStore, folder: DiskMedia) {
    this.#primary = primary;
    this.#folder = folder;
  }

  write(name: string, data: Buffer): Promise<void> {
    return this.#primary.write(name, data);
  }

  async read(name: string): Promise<StoredMedia | undefined> {
    return (await this.#primary.read(name)) ?? this.#folder.read(name);
  }

  async remove(names: readonly string[]): Promise<void> {
    await Promise.all([this.#primary.remove(names), this.#folder.remove(names)]);
  }

  async sweep(minAgeMs: number): Promise<string[]> {
    return [...(await this.#primary.sweep(minAgeMs)), ...(await this.#folder.sweep(minAgeMs))];
  }
}

/** The photo folder: write, fsync, rename, fsync the folder. */
export class DiskMedia implements MediaStore {
  readonly kind = 'disk';
  readonly dir: string;
  readonly #known: (name: string) => boolean | Promise<boolean>;
  #made: Promise<unknown> | undefined;

  /** `known`: whether a review names the file (the sweep keeps those). */
  constructor(dir: string, known: (name: string) => boolean | Promise<boolean>) {
    this.dir = dir;
    this.#known = known;
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

  async read(name: string): Promise<StoredMedia | undefined> {
    const path = this.path(name);
    try {
      return { size: (await stat(path)).size, body: createReadStream(path) };
    } catch {
      return undefined;
    }
  }

  /** Removes files, ignoring the ones already gone. */
  async remove(names: readonly string[]): Promise<void> {
    await Promise.all(names.map((n) => unlink(this.path(n)).catch(() => {})));
  }

  /**
   * Deletes files older than `minAgeMs` that no review names (photos whose review never
   * committed) and leftover temporary files. File times are the real clock's, so `now` is too.
   */
  async sweep(minAgeMs: number, now = Date.now()): Promise<string[]> {
    let entries: string[];
    try {
      entries = await readdir(this.dir);
    } catch {
      return []; // no folder yet: no photo was ever written
    }
    const gone: string[] = [];
    for (const entry of entries) {
      const orphan = entry.endsWith('.tmp') || (MEDIA_NAME.test(entry) && !(await this.#known(entry)));
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
