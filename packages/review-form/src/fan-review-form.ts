import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { FanElement, converter, fanfare, intIn, localize, tokens, url, warn, type Locale } from '@fanfare/core';
import type { Sender } from './send.js';
import { getJson, setItem, setJson } from '@fanfare/core/storage';
import { Task } from '@fanfare/core/task';
import { PhotosController, type Photo } from './controllers/photos.js';
import type { Progress } from './controllers/upload.js';
import { maskName } from './logic/mask.js';
import { ACCEPT } from './logic/photo-size.js';
import type { Answer } from './logic/answer.js';
import { AUTHOR_MAX, EMPTY, PHOTOS_MAX, PRODUCT, TEXT_MAX, check, formatCount, length, readDraft, type Draft, type Field, type Problem } from './logic/review.js';
import { messages } from './messages.js';
import { styles } from './fan-review-form.styles.js';

/** How long a send may go with no byte moving and no answer before the fan is told. */
export const timing = { idle: 30000 };

const STARS = [1, 2, 3, 4, 5] as const;

// The server's rule for a product id (it names the feed's file): a bad one warns at once.
const productId = converter<string>(
  (raw) => (PRODUCT.test(raw) ? { ok: true, value: raw } : { ok: false, reason: 'expected 1 to 128 letters, digits, ".", "_" or "-"' }),
  '',
);

/**
 * A form where a fan posts their own buyer show: stars, words, a name shown masked and up
 * to five photos, resized on the device before they are sent.
 *
 * @summary Review form: stars, text, photos resized on the device, sent for moderation.
 * @fires fan-review-submit - The server took the review: `{id, status, photos}` (`status` is `pending` or `published`).
 * @csspart base - The form, or the thank-you panel after sending.
 * @csspart button - The submit, remove and copy buttons.
 * @csspart field - The text area and the name field.
 * @csspart link - The link to a published buyer show.
 * @cssprop --fan-review-form-star-color - Colour of the chosen stars (default #b26b00).
 * @cssprop --fan-review-form-thumb-size - Side of a photo preview (default 4.5rem).
 */
export class FanReviewForm extends FanElement {
  static override styles = [tokens, styles];

  static override properties = {
    product: { converter: productId },
    productName: { attribute: 'product-name' },
    productUrl: { attribute: 'product-url', converter: url() },
    endpoint: { converter: url() },
    order: {},
    orderToken: { attribute: 'order-token' },
    maxPhotos: { attribute: 'max-photos', converter: intIn(0, PHOTOS_MAX, PHOTOS_MAX) },
    draft: { state: true },
    shown: { state: true },
  };

  /** The product's id, as the shop's feed knows it. */
  product = '';
  /** The product's name, shown under the title. */
  productName = '';
  /** The product's page, where its buyer show is: a review published at once links to it. */
  productUrl = '';
  /** The server's `/reviews` URL. */
  endpoint = '';
  /** The order, from the shop's review-request link. */
  order = '';
  /** The shop's token for this order and product (from the review-request link); a valid one earns the "verified buyer" badge. */
  orderToken = '';
  /** How many photos a fan may add: 0 (none) to 5. */
  maxPhotos = 5;

  private draft: Draft = EMPTY;
  /** The problems shown, from the latest try to send on (fields are checked as the fan types once a send was refused). */
  private shown?: Partial<Record<Field, Problem>>;
  /** Why the latest try did not leave: the form not set up, photos still being prepared. */
  private blocked?: 'notReady' | 'photosBusy';
  /** The sending part could not even be loaded. */
  private failed = false;
  private t = localize(this, messages);
  private photos = new PhotosController(this, () => this.maxPhotos);
  private progress?: Progress;
  private send = new Task<[FormData], Answer>(this, async ([body], signal) => {
    this.progress = undefined;
    const m = await this.lazy();
    const a = await m.upload(this.endpoint, body, (p) => ((this.progress = p), this.requestUpdate()), signal, timing.idle);
    // If even the words for it fail to load, the "not sent" line stands.
    this.refusal = a.ok ? undefined : await m.refusal(a.error).catch(() => undefined);
    return a;
  });
  /** The text of the latest refusal, in the fan's language at each render. */
  private refusal?: (locale: Locale) => string;
  /** Sending, the words only a fan who writes reads, and the thank-you panel (send.ts). */
  private s?: Sender;
  private sendModule?: Promise<typeof import('./send.js')>;
  /** The sending part, asked for on the first edit so it is there by the time the fan sends; asked again if that failed. */
  private lazy(): Promise<typeof import('./send.js')> {
    return (this.sendModule ??= import('./send.js').then(
      (m) => ((this.s ??= new m.Sender(this)), m),
      (e: unknown) => {
        this.sendModule = undefined;
        throw e;
      },
    ));
  }
  private loadedFor?: string;

  /** Where the draft is kept: one per site and product, so two forms on a page keep two drafts. */
  private get key(): string {
    return `fanfare.review.${fanfare().config.site ?? ''}.${this.product}`;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (this.loadedFor !== this.key) {
      this.loadedFor = this.key;
      this.draft = readDraft(getJson(this.key));
    }
    if (changed.has('endpoint') && !this.hasUpdated && (!this.endpoint || !this.product))
      warn(this, 'needs endpoint and product to send reviews');
  }

  override render(): TemplateResult {
    const answer = this.send.value;
    const { draft } = this;
    return answer?.ok && this.s
      ? this.s.thanks(answer, this.productUrl, { ...draft, name: maskName(draft.author) || this.t('anonymous'), photos: this.photos.list })
      : this.form();
  }

  private form(): TemplateResult {
    const { t, draft, photos } = this;
    const problems = this.shown ?? {};
    const n = length(draft.text);
    const masked = maskName(draft.author);
    const pending = this.send.status === 'pending';
    const room = this.maxPhotos - photos.list.length - photos.busy;
    return html`<form class="base" part="base" novalidate aria-labelledby="title" @submit=${this.submit}>
      <h2 id="title">${t('title')}</h2>
      ${this.productName ? html`<p class="product">${this.productName}</p>` : nothing}
      <fieldset class="rating">
        <legend>${t('rating')}</legend>
        <div class="stars">
          ${STARS.map(
            (s) => html`<label class=${s <= draft.rating ? 'on' : ''}
              ><input type="radio" name="rating" .value=${String(s)} .checked=${s === draft.rating}
                aria-invalid=${problems.rating ? 'true' : 'false'} aria-describedby=${problems.rating ? 'rating-error' : nothing}
                @change=${() => this.edit({ rating: s })}
              /><span aria-hidden="true">★</span><span class="sr-only">${s === 1 ? t('star') : t('stars', { n: s })}</span></label
            >`,
          )}
          <span class="word" aria-hidden="true">${draft.rating ? t(`r${draft.rating}` as 'r1') : ''}</span>
        </div>
        ${this.problem('rating', problems)}
      </fieldset>
      <div class="field">
        <div class="row">
          <label for="text">${t('text')}</label>
          <p class="count ${n > TEXT_MAX ? 'over' : ''}" id="count">
            <span aria-hidden="true">${formatCount(n)}/${formatCount(TEXT_MAX)}</span>
            <span class="sr-only">${t('spokenCount', { n: formatCount(n), max: formatCount(TEXT_MAX) })}</span>
          </p>
        </div>
        <textarea id="text" part="field" rows="4" .value=${draft.text} placeholder=${t('textHint')}
          aria-invalid=${problems.text ? 'true' : 'false'} aria-describedby="count ${problems.text ? 'text-error' : ''}"
          @input=${(e: Event) => this.edit({ text: (e.target as HTMLTextAreaElement).value })}></textarea>
        ${this.problem('text', problems)}
      </div>
      <div class="field">
        <label for="author">${t('author')}</label>
        <input id="author" part="field" autocomplete="nickname" .value=${draft.author}
          aria-invalid=${problems.author ? 'true' : 'false'} aria-describedby="shown-as ${problems.author ? 'author-error' : ''}"
          @input=${(e: Event) => this.edit({ author: (e.target as HTMLInputElement).value })} />
        <p class="hint" id="shown-as">${t('shownAs', { name: `“${masked || t('anonymous')}”` })}</p>
        ${this.problem('author', problems)}
      </div>
      ${this.maxPhotos ? this.photoField(room) : nothing}
      <p class="note">${t('note')}</p>
      <div class="send">
        <button class="submit" part="button" aria-disabled=${pending ? 'true' : 'false'} aria-describedby="status">${t('submit')}</button>
        ${pending ? this.s?.bar(this.progress) : nothing}
      </div>
      <p id="status" class="status" role="status">${this.status()}</p>
      <input class="sr-only trap" name="website" tabindex="-1" autocomplete="off" aria-hidden="true" />
    </form>`;
  }

  private photoField(room: number): TemplateResult {
    const { t, photos, s } = this;
    return html`<div class="field" role="group" aria-labelledby="photos-label">
      <p id="photos-label" class="label">${t('photos', { max: this.maxPhotos })}</p>
      <ul class="thumbs">
        ${s?.thumbs(photos.list, (p, i) => this.removePhoto(p, i))}
        ${Array.from({ length: photos.busy }, () => html`<li class="thumb busy" aria-hidden="true"></li>`)}
        ${room > 0
          ? html`<li><label class="thumb add"><span aria-hidden="true">+</span><span class="sr-only">${t('addPhotos')}</span
              ><input class="sr-only" type="file" accept=${ACCEPT} multiple aria-describedby="photos-status" @change=${this.pick}
            /></label></li>`
          : nothing}
      </ul>
      <p id="photos-status" class="hint" aria-live="polite">${s?.photoStatus(photos, this.maxPhotos)}</p>
    </div>`;
  }


  /** What the status line says: the send's progress, or why it failed and that nothing is lost. */
  private status(): string {
    const { t, send, s } = this;
    // Chinese sentences follow one another with no space.
    const kept = (this.locale === 'en' ? ' ' : '') + t('kept');
    const lost = t('offline') + kept;
    if (this.failed || send.status === 'error') return lost;
    if (!s) return '';
    if (send.status === 'pending') return s.progressText(this.progress);
    const a = send.value;
    if (a && !a.ok) return this.refusal ? this.refusal(this.locale) + kept : lost;
    return this.blocked ? s.t(this.blocked) : '';
  }

  private problem(field: Field, problems: Partial<Record<Field, Problem>>): TemplateResult | typeof nothing {
    const p = problems[field];
    return p && this.s
      ? html`<p class="error" id="${field}-error">${this.s.t(p, { max: field === 'author' ? AUTHOR_MAX : TEXT_MAX })}</p>`
      : nothing;
  }

  private edit(patch: Partial<Draft>): void {
    void this.lazy().catch(() => {});
    this.draft = { ...this.draft, ...patch };
    // Every keystroke is kept: a reload, a crash or a failed send loses nothing.
    setJson(this.key, this.draft);
    if (this.shown) this.shown = check(this.draft);
  }

  private pick = (e: Event): void => {
    const input = e.target as HTMLInputElement;
    const files = [...(input.files ?? [])];
    // Cleared, so picking the same file again is still a change.
    input.value = '';
    // The words for what happens to them come with the sending part.
    void this.lazy().then(() => this.requestUpdate(), () => {});
    void this.photos.add(files);
  };

  private async removePhoto(photo: Photo, i: number): Promise<void> {
    this.photos.remove(photo);
    await this.updateComplete;
    // Focus stays in the list: on the next photo's remove button, else the add button.
    const buttons = [...this.renderRoot.querySelectorAll<HTMLElement>('.remove, .add input')];
    buttons[Math.min(i, buttons.length - 1)]?.focus();
  }

  private submit = async (e: Event): Promise<void> => {
    e.preventDefault();
    if (this.send.status === 'pending') return;
    try {
      this.failed = false;
      await this.lazy();
    } catch {
      this.failed = true;
      return this.requestUpdate();
    }
    const problems = (this.shown = check(this.draft));
    const first = (Object.keys(problems) as Field[])[0];
    this.blocked = !this.endpoint || !this.product ? 'notReady' : this.photos.busy ? 'photosBusy' : undefined;
    if (first) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(first === 'rating' ? 'input[name=rating]' : `#${first}`)?.focus();
      return;
    }
    if (this.blocked) return this.requestUpdate();
    const { draft } = this;
    const body = new FormData();
    const fields: Record<string, string> = {
      site: fanfare().config.site ?? '',
      product: this.product,
      rating: String(draft.rating),
      text: draft.text.trim(),
      author: draft.author.trim(),
      order: this.order,
      orderToken: this.orderToken,
    };
    for (const [k, v] of Object.entries(fields)) if (v) body.append(k, v);
    // The honeypot, as it is: a person never sees it, so it is empty unless a bot filled it.
    body.append('website', this.renderRoot.querySelector<HTMLInputElement>('.trap')!.value);
    this.photos.list.forEach((p, i) => body.append('photos', p.blob, `photo-${i + 1}.jpg`));
    const sent = this.photos.list.length;
    const answer = await this.send.run(body);
    if (!answer?.ok) return;
    setItem(this.key, '');
    this.emit('fan-review-submit', { id: answer.id, status: answer.status, photos: sent });
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  };
}
