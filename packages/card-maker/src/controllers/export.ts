import type { ReactiveController, ReactiveControllerHost } from 'lit';

export type Format = 'jpeg' | 'webp' | 'png';
export type Channel = 'files' | 'link' | 'download' | 'wechat' | 'copy';

export interface Sender {
  /** Announce the image leaving the widget. */
  exported(format: Format, bytes: number): void;
  /** Announce the card sent through a channel. */
  shared(channel: Channel): void;
}

/** WeChat's in-app browser can neither share files nor save blob: URLs. */
export const inWeChat = (ua = navigator.userAgent) => /MicroMessenger/i.test(ua);

/**
 * The exported image, made as soon as the card is ready rather than on the share tap:
 * an await between the tap and navigator.share() would lose the user gesture.
 */
export class ExportController implements ReactiveController {
  blob?: Blob;
  format: Format = 'jpeg';
  /** A data: URL shown for long-press saving where downloads do not work. */
  dataUrl?: string;
  private seq = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly events: Sender,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.reset();
  }

  reset(): void {
    this.seq++;
    this.blob = this.dataUrl = undefined;
  }

  async prepare(canvas: HTMLCanvasElement, format = this.format): Promise<Blob | undefined> {
    const seq = ++this.seq;
    this.format = format;
    this.dataUrl = undefined;
    const blob = await new Promise<Blob | null>((r) => canvas.toBlob(r, `image/${format}`, 0.9));
    if (seq !== this.seq || !blob) return;
    this.blob = blob;
    this.host.requestUpdate();
    return blob;
  }

  get file(): File | undefined {
    const b = this.blob;
    return b && new File([b], `card.${this.format === 'jpeg' ? 'jpg' : this.format}`, { type: b.type });
  }

  /** Send the image with the system share sheet, else the link, else download it. Call within the tap. */
  async send(link: string, text: string, canvas: HTMLCanvasElement): Promise<Channel> {
    const file = this.file;
    let channel: Channel = 'download';
    if (inWeChat()) channel = this.wechat(canvas);
    else if (file && navigator.canShare?.({ files: [file] })) channel = 'files';
    else if (typeof navigator.share == 'function') channel = 'link';
    else this.download();
    if (channel === 'files' || channel === 'link') {
      try {
        await navigator.share(channel === 'files' ? { files: [file!], text, url: link } : { text, url: link });
      } catch (e) {
        // Closing the share sheet is not a failure worth telling the page about.
        if ((e as Error).name === 'AbortError') return channel;
        throw e;
      }
    }
    if (channel !== 'link') this.events.exported(this.format, this.blob?.size ?? 0);
    this.events.shared(channel);
    return channel;
  }

  save(canvas: HTMLCanvasElement): void {
    if (inWeChat()) this.wechat(canvas);
    else this.download();
    this.events.exported(this.format, this.blob?.size ?? 0);
  }

  private download() {
    const file = this.file;
    if (!file) return;
    const a = document.createElement('a');
    a.href = URL.createObjectURL(file);
    a.download = file.name;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 10000);
  }

  private wechat(canvas: HTMLCanvasElement): Channel {
    this.dataUrl = canvas.toDataURL(`image/${this.format}`, 0.9);
    this.host.requestUpdate();
    return 'wechat';
  }
}
