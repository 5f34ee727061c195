import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { Task } from '@fanfare/core/task';
import { downscale } from '../logic/geometry.js';
import type { Picture } from '../draw.js';

export type PhotoError = 'type' | 'size' | 'decode';
export type Photo = Picture & { src: ImageBitmap; blob: Blob };

type Say = (key: PhotoError | 'photo' | 'removePhoto' | 'private' | 'busy', vars?: Record<string, number>) => string;

const TYPES = /^image\/(jpeg|png|webp|gif|avif|bmp|heic|heif)$/;

/** Decode with the EXIF orientation applied once, scale down, re-encode as JPEG. */
async function prepare(file: File, signal: AbortSignal): Promise<Photo> {
  const full = await createImageBitmap(file, { imageOrientation: 'from-image' });
  try {
    const { w, h } = downscale(full.width, full.height);
    const canvas = new OffscreenCanvas(w, h);
    canvas.getContext('2d')!.drawImage(full, 0, 0, w, h);
    const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 });
    const src = canvas.transferToImageBitmap();
    // A photo picked after this one wins; this one's memory is given back at once.
    if (signal.aborted) {
      src.close();
      throw signal.reason;
    }
    return { src, w, h, blob };
  } finally {
    full.close();
  }
}

/**
 * The fan's photo, kept on the device: type and size checked, decoded with its EXIF
 * orientation applied once, scaled to at most 2048 px on the long side and re-encoded
 * as JPEG, which also drops EXIF data such as the place it was taken. Loaded when the
 * fan first reaches the decorate step, with the picker it renders there.
 */
export class PhotoController implements ReactiveController {
  private refused?: PhotoError;
  private task: Task<[File], Photo>;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly say: Say,
    private readonly maxMb: () => number,
  ) {
    this.task = new Task(host, ([file], signal) => prepare(file, signal));
    host.addController(this);
  }

  get photo(): Photo | undefined {
    return this.task.status === 'complete' ? this.task.value : undefined;
  }

  get busy(): boolean {
    return this.task.status === 'pending';
  }

  get error(): PhotoError | undefined {
    return this.refused ?? (this.task.status === 'error' ? 'decode' : undefined);
  }

  hostDisconnected(): void {
    this.clear();
  }

  clear(): void {
    this.photo?.src.close();
    this.task.reset();
    this.refused = undefined;
    this.host.requestUpdate();
  }

  /** The picker, the remove button and what the fan needs to know about their photo. */
  panel() {
    const { say, error } = this;
    return html`<label class="button secondary file" part="button"
        >${say('photo')}
        <input type="file" accept="image/*" @change=${this.onFile} />
      </label>
      ${this.photo ? html`<button part="button" class="secondary" @click=${() => this.clear()}>${say('removePhoto')}</button>` : nothing}
      <p class="hint">${say('private')}</p>
      <p role="status">${this.busy ? say('busy') : ''}</p>
      ${error ? html`<p role="alert" class="error">${say(error, { mb: this.maxMb() })}</p>` : nothing}`;
  }

  private onFile = (e: Event) => {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    // Cleared, so that picking the same file again still counts as a change.
    input.value = '';
    if (file) void this.load(file);
  };

  async load(file: File): Promise<void> {
    this.clear();
    if (!TYPES.test(file.type)) this.refused = 'type';
    else if (file.size > this.maxMb() * 1048576) this.refused = 'size';
    else await this.task.run(file);
  }
}
