// The fan's photos, resized on the device before anything is sent: decoded with their
// EXIF orientation applied, drawn at most 2,048 px on the long side and re-encoded as
// JPEG, which also leaves every EXIF field behind (the place a photo was taken among
// them). Previews are small canvases, so a page whose CSP allows no blob: images still
// shows them.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { fitWithin, QUALITY, THUMB_SIDE } from '../logic/photo-size.js';

export interface Photo {
  /** The re-encoded JPEG that is sent. */
  blob: Blob;
  width: number;
  height: number;
  /** The preview shown in the form. */
  thumb: HTMLCanvasElement;
}

function canvas(width: number, height: number): HTMLCanvasElement {
  const c = document.createElement('canvas');
  c.width = width;
  c.height = height;
  return c;
}

/** Resize `file` to at most 2,048 px and encode it as JPEG; rejects when the browser cannot decode it. */
export async function resize(file: Blob): Promise<Photo> {
  const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  try {
    const { width, height } = fitWithin(bitmap.width, bitmap.height);
    // OffscreenCanvas encodes off the main thread where it can; Safari 16 has no convertToBlob.
    const off = typeof OffscreenCanvas == 'function' ? new OffscreenCanvas(width, height) : canvas(width, height);
    const g = off.getContext('2d') as OffscreenCanvasRenderingContext2D;
    // JPEG has no transparency: a PNG's clear pixels become white, not black.
    g.fillStyle = '#fff';
    g.fillRect(0, 0, width, height);
    g.drawImage(bitmap, 0, 0, width, height);
    const blob =
      off instanceof HTMLCanvasElement
        ? await new Promise<Blob>((ok, no) => off.toBlob((b) => (b ? ok(b) : no(Error('encode'))), 'image/jpeg', QUALITY))
        : await off.convertToBlob({ type: 'image/jpeg', quality: QUALITY });
    const t = fitWithin(width, height, THUMB_SIDE);
    const thumb = canvas(t.width, t.height);
    thumb.getContext('2d')!.drawImage(bitmap, 0, 0, t.width, t.height);
    return { blob, width, height, thumb };
  } finally {
    bitmap.close();
  }
}

/** The photos picked, those being prepared, and the names of files that could not be opened. */
export class PhotosController implements ReactiveController {
  list: Photo[] = [];
  /** Files still being resized. */
  busy = 0;
  /** Files the browser could not decode, by name, from the latest pick. */
  refused: string[] = [];
  /** Files left out of the latest pick because the form was full. */
  over = 0;
  private run = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly max: () => number,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    // A resize still running lands nowhere.
    this.run++;
    this.busy = 0;
  }

  /** Resize and add `files`, in order, while there is room. */
  async add(files: readonly File[]): Promise<void> {
    const run = this.run;
    const room = Math.max(0, this.max() - this.list.length - this.busy);
    const take = files.slice(0, room);
    this.over = files.length - take.length;
    this.refused = [];
    this.busy += take.length;
    this.host.requestUpdate();
    for (const file of take) {
      let photo: Photo | undefined;
      try {
        photo = await resize(file);
      } catch {
        if (run === this.run) this.refused = [...this.refused, file.name];
      }
      if (run !== this.run) return;
      this.busy--;
      if (photo) this.list = [...this.list, photo];
      this.host.requestUpdate();
    }
  }

  remove(photo: Photo): void {
    this.list = this.list.filter((p) => p !== photo);
    this.over = 0;
    this.refused = [];
    this.host.requestUpdate();
  }
}
