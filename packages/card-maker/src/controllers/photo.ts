import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { downscale } from '../logic/layout.js';
import type { Picture } from '../draw.js';

export type PhotoError = 'type' | 'size' | 'decode';

const TYPES = /^image\/(jpeg|png|webp|gif|avif|bmp|heic|heif)$/;

/**
 * The fan's photo, kept on the device: type and size checked, decoded with its EXIF
 * orientation applied once, scaled to at most 2048 px on the long side and re-encoded
 * as JPEG, which also drops EXIF data such as the place it was taken.
 */
export class PhotoController implements ReactiveController {
  photo?: Picture & { blob: Blob };
  error?: PhotoError;
  busy = false;
  private seq = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly maxMb: () => number,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.clear();
  }

  clear(): void {
    this.seq++;
    if (this.photo?.src instanceof ImageBitmap) this.photo.src.close();
    this.photo = this.error = undefined;
    this.busy = false;
    this.host.requestUpdate();
  }

  async load(file: File): Promise<void> {
    this.clear();
    const seq = this.seq;
    if (!TYPES.test(file.type)) return this.fail('type');
    if (file.size > this.maxMb() * 1048576) return this.fail('size');
    this.busy = true;
    this.host.requestUpdate();
    let full: ImageBitmap | undefined;
    try {
      full = await createImageBitmap(file, { imageOrientation: 'from-image' });
      const { w, h } = downscale(full.width, full.height);
      const canvas = new OffscreenCanvas(w, h);
      canvas.getContext('2d')!.drawImage(full, 0, 0, w, h);
      const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 });
      const src = canvas.transferToImageBitmap();
      if (seq !== this.seq) return void src.close();
      this.photo = { src, w, h, blob };
    } catch {
      if (seq === this.seq) this.error = 'decode';
    } finally {
      full?.close();
      if (seq === this.seq) this.busy = false;
      this.host.requestUpdate();
    }
  }

  private fail(e: PhotoError) {
    this.error = e;
    this.host.requestUpdate();
  }
}
