import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { warn } from '@fanfare/core';
import { copyText, selectOnFocus } from '@fanfare/core/clipboard';
import { isWeChat } from '@fanfare/core/env';
import { shareLink, type ShareLink } from '@fanfare/core/share-link';
import { Task } from '@fanfare/core/task';
import { HASH_KEY, type CardState, type Template } from '../logic/card.js';
import { cardFileName } from '../logic/file-name.js';
import { encodeState } from '../logic/state.js';

export type Format = 'jpeg' | 'webp' | 'png';
export type Channel = 'files' | 'link' | 'download' | 'wechat' | 'copy';

type Key = 'format' | 'send' | 'save' | 'saved' | 'copy' | 'copied' | 'copyFailed' | 'link' | 'hold' | 'preview';

export interface Sender {
  /** Announce the image leaving the widget. */
  exported(format: Format, bytes: number): void;
  /** Announce the card sent through a channel; with the share token when its link went too. */
  shared(channel: Channel, link?: ShareLink): void;
  /** The design of the card on screen, which names the file. */
  design(): Template;
  /** The page a sent card opens on. */
  page(): string;
  say(key: Key, vars?: Record<string, string>): string;
}

type Host = ReactiveControllerHost & HTMLElement & { readonly locale: string };

// WeChat's in-app browser can neither share files nor save blob: URLs.
const inWeChat = () => isWeChat(navigator.userAgent);

/**
 * The last step: the card's image and link, and the ways to send, save or copy them.
 * The image is made as soon as the card is ready rather than on the share tap: an await
 * between the tap and navigator.share() would lose the user gesture.
 */
export class ExportController implements ReactiveController {
  /** The link that opens the card (never with the photo), before a share action adds its own token. */
  link = '';
  /** The link of the last copy action, with its token, shown to copy by hand when copying failed. */
  private copied = '';
  /** A data: URL shown for long-press saving where downloads do not work. */
  dataUrl?: string;
  private format: Format = 'jpeg';
  private canvas?: HTMLCanvasElement;
  private message = '';
  private note = '';
  /** The copy failed: the link is shown for copying by hand. */
  private byHand = false;
  private image: Task<[HTMLCanvasElement, Format], Blob>;

  constructor(
    private readonly host: Host,
    private readonly events: Sender,
  ) {
    // Only the latest image counts: the fan may change the format while one is encoded.
    this.image = new Task(host, ([canvas, format]) =>
      new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(Error('toBlob'))), `image/${format}`, 0.9)),
    );
    host.addController(this);
  }

  hostDisconnected(): void {
    this.reset();
  }

  get blob(): Blob | undefined {
    return this.image.status === 'complete' ? this.image.value : undefined;
  }

  /** Forget the image and what was said about it (the fan left the step). */
  reset(): void {
    this.image.reset();
    this.dataUrl = undefined;
    this.note = '';
    this.byHand = false;
  }

  /** Make the card's link and image, unless the image is made already and the canvas was not drawn on since. */
  async prepare(canvas: HTMLCanvasElement, card: CardState, redrawn: boolean): Promise<void> {
    this.link = this.events.page() + HASH_KEY + encodeState(card);
    this.message = card.message;
    this.canvas = canvas;
    if (!redrawn && this.image.status !== 'initial') return;
    this.dataUrl = undefined;
    await this.image.run(canvas, this.format);
  }

  get file(): File | undefined {
    const b = this.blob;
    const name = cardFileName(this.events.design(), this.host.locale, new Date(), this.format === 'jpeg' ? 'jpg' : this.format);
    return b && new File([b], name, { type: b.type });
  }

  panel() {
    const say = this.events.say;
    const off = !this.blob;
    return html`<label class="row"
        >${say('format')}
        <select @change=${this.onFormat}>
          ${(['jpeg', 'webp', 'png'] as const).map((f) => html`<option value=${f} ?selected=${f === this.format}>${f.toUpperCase()}</option>`)}
        </select>
      </label>
      <div class="actions">
        <button part="button" ?disabled=${off} @click=${this.onSend}>${say('send')}</button>
        <button part="button" class="secondary" ?disabled=${off} @click=${this.onSave}>${say('save')}</button>
        <button part="button" class="secondary" ?disabled=${off} @click=${this.copy}>${say('copy')}</button>
      </div>
      <p role="status">${this.note}</p>
      ${this.byHand ? html`<label class="row">${say('link')} <input class="link" readonly .value=${this.copied} @focus=${selectOnFocus} /></label>` : nothing}
      ${this.dataUrl ? html`<p>${say('hold')}</p><img class="saved" src=${this.dataUrl} alt=${say('preview', { m: this.message })} />` : nothing}`;
  }

  private onFormat = (e: Event) => {
    this.format = (e.target as HTMLSelectElement).value as Format;
    this.image.reset();
    this.dataUrl = undefined;
    this.host.requestUpdate();
  };

  private onSend = () => this.send().catch((e) => warn(this.host, `could not send the card: ${e}`));

  /** Send the image with the system share sheet, else the link, else download it. Call within the tap. */
  async send(): Promise<Channel> {
    const file = this.file;
    // This send's own token, in the link that goes with the image or alone.
    const link = shareLink(this.link);
    const share = { text: this.message, url: link.url };
    let channel: Channel = 'download';
    if (inWeChat()) channel = this.wechat();
    else if (file && navigator.canShare?.({ files: [file] })) channel = 'files';
    else if (typeof navigator.share == 'function') channel = 'link';
    else this.download();
    if (channel === 'files' || channel === 'link') {
      try {
        await navigator.share(channel === 'files' ? { files: [file!], ...share } : share);
      } catch (e) {
        // Closing the share sheet is not a failure worth telling the page about.
        if ((e as Error).name === 'AbortError') return channel;
        throw e;
      }
    }
    if (channel !== 'link') this.events.exported(this.format, this.blob?.size ?? 0);
    this.events.shared(channel, channel === 'files' || channel === 'link' ? link : undefined);
    return channel;
  }

  /** Download the image; inside WeChat, show it for long-press saving. */
  private onSave = () => {
    if (inWeChat()) this.wechat();
    else this.download();
    this.events.exported(this.format, this.blob?.size ?? 0);
  };

  private copy = async () => {
    this.byHand = false;
    const root = this.host.shadowRoot!;
    const link = shareLink(this.link);
    this.copied = link.url;
    const copied = await copyText(link.url, root);
    this.note = this.events.say(copied ? 'copied' : 'copyFailed');
    if (copied) this.events.shared('copy', link);
    // Nothing reached the clipboard: the link is shown, selected, to copy by hand.
    else this.byHand = true;
    this.host.requestUpdate();
    await this.host.updateComplete;
    if (!copied) root.querySelector<HTMLElement>('.link')?.focus();
  };

  private download() {
    const file = this.file;
    if (!file) return;
    const a = document.createElement('a');
    a.href = URL.createObjectURL(file);
    a.download = file.name;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 10000);
    // A download gives no sign of its own in many browsers: say it happened, and under what name.
    this.note = this.events.say('saved', { name: file.name });
    this.host.requestUpdate();
  }

  private wechat(): Channel {
    this.dataUrl = this.canvas!.toDataURL(`image/${this.format}`, 0.9);
    this.host.requestUpdate();
    return 'wechat';
  }
}
