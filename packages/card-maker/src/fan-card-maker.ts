import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { FanElement, intIn, parseColor, parseUrl, tokens, url, warnAttribute } from '@fanfare/core';
import { cssVars } from '@fanfare/core/css-vars';
import { BUILTINS } from './logic/builtins.js';
import { CARD, HASH_KEY, MAX_MESSAGE } from './logic/layout.js';
import type { CardState } from './logic/state.js';
import type { Template } from './logic/templates.js';
import { graphemeCount } from './logic/text.js';
import { drawCard, loadFont, picture } from './draw.js';
import type { PhotoController } from './controllers/photo.js';
import type { ExportController, Format } from './controllers/export.js';
import type { StickerController } from './controllers/stickers.js';
import { messages } from './messages.js';
import { styles } from './fan-card-maker.styles.js';

const warned = new Set<string>();

/**
 * A greeting-card maker: a fan picks a design, writes a message, adds a photo and
 * stickers, then saves or sends a 1080×1350 image that carries the brand. A page opened
 * with `#fan-card=…` shows the card that was sent, with a "make your own" link.
 *
 * @summary Branded greeting cards fans make and send.
 * @fires fan-card-create - `{template}` when a fan finishes a card and reaches the last step.
 * @fires fan-card-export - `{format, bytes}` when the image is saved or sent.
 * @fires fan-card-share - `{channel}` (`files`, `link`, `download`, `wechat`, `copy`) when the card is sent.
 * @csspart base - The widget's frame.
 * @csspart button - Every button and the "make your own" link.
 * @csspart card - The card preview.
 * @cssprop --fan-color-brand - Buttons and the current step.
 * @cssprop --fan-card-maker-width - Largest width of the widget (default 420px).
 * @cssprop --fan-card-maker-surface - Background of the widget (falls back to --fan-color-surface).
 */
export class FanCardMaker extends FanElement {
  static override styles = [tokens, styles];

  /** URL of a templates JSON file, or the JSON itself; the six built-in designs when absent. */
  @property() templates = '';
  /** Logo drawn in the brand zone of every card (http, https or relative URL). */
  @property({ converter: url() }) logo = '';
  /** Text drawn in the brand zone of every card. */
  @property({ attribute: 'brand-text' }) brandText = '';
  /** Where "make your own" leads; this page by default. */
  @property({ converter: url() }) link = '';
  /** Largest photo a fan may pick, in MB. */
  @property({ attribute: 'max-photo-mb', converter: intIn(1, 100, 15) }) maxPhotoMb = 15;

  @state() private list?: Template[];
  @state() private step = 0;
  @state() private tid = '';
  @state() private message = '';
  @state() private color = '';
  @state() private note = '';
  /** A card arrived in the page's hash: 'wait' while it is read, 'bad' when it cannot be. */
  @state() private received?: CardState | 'wait' | 'bad';

  @query('canvas') private canvas!: HTMLCanvasElement | null;

  // Stickers, photo handling and export load on first use: many fans never add a photo.
  private stick?: StickerController;
  private photo?: PhotoController;
  private out?: ExportController;
  private format: Format = 'jpeg';
  private listSeq = 0;
  private painted: unknown[] = [];
  /** The link that opens the current card, made with its image on the last step. */
  shareLink = '';
  /** Settles when the card on screen is drawn and, on the last step, its image is ready. */
  drawn: Promise<void> = Promise.resolve();

  private t(key: keyof (typeof messages)['en'], vars?: Record<string, string | number>) {
    return this.msg(messages, key, vars);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const h = location.hash;
    if (h.startsWith(HASH_KEY)) {
      this.received = 'wait';
      void import('./logic/state.js').then(({ decodeState }) => {
        const r = decodeState(h.slice(HASH_KEY.length));
        this.received = r.ok ? r.value : 'bad';
      });
    }
  }

  private get card(): CardState | undefined {
    const r = this.received;
    if (r) return typeof r === 'object' ? r : undefined;
    return { t: this.template?.id ?? '', m: this.message, k: this.stick?.list ?? [], ...(this.color ? { c: this.color } : {}) };
  }

  private get template(): Template | undefined {
    const r = this.received;
    const id = typeof r === 'object' ? r.t : this.tid;
    return this.list?.find((t) => t.id === id) ?? (r ? undefined : this.list?.[0]);
  }

  private get pageUrl() {
    return location.href.split('#')[0];
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('templates')) void this.loadList();
  }

  private async loadList() {
    const seq = ++this.listSeq;
    const raw = this.templates.trim();
    let list: Template[] = [];
    if (raw) {
      // Validation is only needed for a brand's own templates, so it loads only then.
      const check = import('./logic/templates.js');
      let data: unknown = [];
      try {
        if (/^[[{]/.test(raw)) data = JSON.parse(raw);
        else {
          const u = parseUrl(raw, document.baseURI);
          if (!u.ok) throw Error(u.reason);
          const res = await fetch(u.value);
          if (!res.ok) throw Error(`HTTP ${res.status}`);
          data = await res.json();
        }
      } catch (e) {
        warnAttribute(this, 'templates', raw.slice(0, 80), `cannot be read (${(e as Error).message})`);
      }
      const r = (await check).loadTemplates(data, {
        color: (v) => parseColor(v, (s) => CSS.supports('color', s)).ok,
        url: (v) => {
          const u = parseUrl(v, document.baseURI);
          return u.ok ? u.value : undefined;
        },
      });
      for (const w of r.warnings) console.warn(`<${this.localName}> templates: ${w}.`);
      list = r.templates;
    }
    // A file with nothing usable still leaves the fan a card to make.
    if (seq === this.listSeq) this.list = list.length ? list : BUILTINS;
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.get('step') !== undefined) this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
    this.drawn = this.paint();
  }

  private async paint() {
    const t = this.template;
    const canvas = this.canvas;
    const s = this.card;
    if (!t || !canvas || !s) return;
    const photo = this.received ? undefined : this.photo?.photo;
    const last = this.step === 3 && !this.received;
    const key = [canvas, JSON.stringify([s, this.logo, this.brandText, this.locale, this.format, last]), t, photo];
    if (key.every((v, i) => v === this.painted[i])) return;
    this.painted = key;
    const [background, logo] = await Promise.all([
      t.background.image && picture(t.background.image),
      this.logo && picture(this.logo),
      loadFont(t, s.m),
    ]);
    if (key !== this.painted) return;
    // An image the browser could not load with CORS would taint the canvas: it is left out, once with a warning.
    if (this.logo && !logo && !warned.has(this.logo)) {
      warned.add(this.logo);
      warnAttribute(this, 'logo', this.logo, 'it could not be loaded with CORS');
    }
    drawCard(canvas.getContext('2d')!, {
      template: t,
      message: s.m,
      color: s.c,
      stickers: s.k,
      photo,
      background: background || undefined,
      logo: logo || undefined,
      brandText: this.brandText,
      locale: this.locale,
    });
    if (last) {
      const [{ encodeState }, { ExportController }] = await Promise.all([import('./logic/state.js'), import('./controllers/export.js')]);
      this.shareLink = this.pageUrl + HASH_KEY + encodeState(s);
      this.out ??= new ExportController(this, {
        exported: (format, bytes) => this.emit('fan-card-export', { format, bytes }),
        shared: (channel) => this.emit('fan-card-share', { channel }),
      });
      if (key === this.painted) await this.out.prepare(canvas, this.format);
    }
  }

  private go(step: number) {
    this.out?.reset();
    this.step = step;
    this.note = '';
    if (step === 2 && !this.stick) {
      void import('./controllers/stickers.js').then(({ StickerController }) => {
        this.stick ??= new StickerController(this, (k, v) => this.t(k, v));
        this.requestUpdate();
      });
    }
    if (step === 3) this.emit('fan-card-create', { template: this.template!.id });
  }

  override render() {
    const r = this.received;
    if (r) {
      return html`<section part="base" class="received">
        ${r === 'bad' || (this.list && !this.template)
          ? html`<p role="alert">${this.t('broken')}</p>`
          : html`<h2>${this.t('received')}</h2>
              <div class="stage open">${this.renderCanvas()}</div>`}
        <a part="button" class="button" href=${this.link || this.pageUrl}>${this.t('own')}</a>
      </section>`;
    }
    const t = this.template;
    const step = this.step;
    const head = (i: number) => this.t(`s${i}` as 's0');
    return html`<section part="base">
      <ol class="steps">
        ${[0, 1, 2, 3].map((i) => html`<li aria-current=${i === step ? 'step' : nothing}>${head(i)}</li>`)}
      </ol>
      <div class="stage">
        ${this.renderCanvas()}
        ${step === 2 ? this.stick?.overlay() : nothing}
      </div>
      <div class="panel">
        <!-- h2, not h3: the widget cannot know the page's outline, and an h2 never skips a level. -->
        <h2 tabindex="-1">${head(step)}</h2>
        ${t && [this.renderPick, this.renderWrite, this.renderDecorate, this.renderSend][step].call(this, t)}
      </div>
      <div class="nav">
        ${step ? html`<button part="button" class="secondary" @click=${() => this.go(step - 1)}>${this.t('back')}</button>` : nothing}
        ${step < 3 ? html`<button part="button" ?disabled=${!t} @click=${() => this.go(step + 1)}>${this.t('next')}</button>` : nothing}
      </div>
    </section>`;
  }

  private renderCanvas() {
    return html`<canvas part="card" width=${CARD.w} height=${CARD.h} role="img" aria-label=${this.t('preview', { m: this.card?.m ?? '' })}></canvas>`;
  }

  private renderPick(current: Template) {
    return html`<div class="choices">
      ${this.list!.map(
        (t) => html`<button
          part="button"
          class="template"
          aria-pressed=${t === current}
          @click=${() => {
            this.tid = t.id;
            this.color = '';
          }}
        >
          <!-- cssVars sets custom properties through CSSOM, which a strict CSP allows. -->
          <span class="swatch" ${cssVars({ '--a': t.background.colors[0], '--b': t.background.colors.at(-1)! })}></span>
          ${t.name[this.locale]}
        </button>`,
      )}
    </div>`;
  }

  private renderWrite(t: Template) {
    const wishes = t.wishes[this.locale];
    return html`<label for="msg">${this.t('message')}</label>
      <textarea id="msg" rows="3" aria-describedby="count" .value=${this.message} @input=${this.onText}></textarea>
      <p id="count" class="hint">${this.t('count', { n: graphemeCount(this.message), max: MAX_MESSAGE })}</p>
      <label class="row"
        >${this.t('color')}
        <input type="color" .value=${this.color || hex(t.text.color)} @input=${(e: Event) => (this.color = (e.target as HTMLInputElement).value)} />
      </label>
      ${wishes.length
        ? html`<fieldset>
            <legend>${this.t('wishes')}</legend>
            ${wishes.map((w) => html`<button part="button" class="wish" @click=${() => (this.message = w)}>${w}</button>`)}
          </fieldset>`
        : nothing}`;
  }

  private onText(e: Event) {
    const el = e.target as HTMLTextAreaElement;
    // The limit is in graphemes, not UTF-16 units: an emoji family counts as one character.
    if (graphemeCount(el.value) > MAX_MESSAGE) {
      const seg = new Intl.Segmenter(this.locale, { granularity: 'grapheme' });
      el.value = Array.from(seg.segment(el.value), (s) => s.segment).slice(0, MAX_MESSAGE).join('');
    }
    this.message = el.value;
  }

  private renderDecorate(t: Template) {
    const p = this.photo;
    return html`${t.photo
        ? html`<label class="button secondary file" part="button"
              >${this.t('photo')}
              <input type="file" accept="image/*" @change=${this.onFile} />
            </label>
            ${p?.photo ? html`<button part="button" class="secondary" @click=${() => p.clear()}>${this.t('removePhoto')}</button>` : nothing}
            <p class="hint">${this.t('private')}</p>
            <p role="status">${p?.busy ? this.t('busy') : ''}</p>
            ${p?.error ? html`<p role="alert" class="error">${this.t(p.error, { mb: this.maxPhotoMb })}</p>` : nothing}`
        : nothing}
      ${this.stick?.panel()}`;
  }

  private async onFile(e: Event) {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    const { PhotoController } = await import('./controllers/photo.js');
    await (this.photo ??= new PhotoController(this, () => this.maxPhotoMb)).load(file);
  }

  private renderSend() {
    const o = this.out;
    return html`<label class="row"
        >${this.t('format')}
        <select
          @change=${(e: Event) => {
            this.format = (e.target as HTMLSelectElement).value as Format;
            o?.reset();
            this.requestUpdate();
          }}
        >
          ${(['jpeg', 'webp', 'png'] as const).map((f) => html`<option value=${f} ?selected=${f === this.format}>${f.toUpperCase()}</option>`)}
        </select>
      </label>
      <div class="actions">
        <button part="button" ?disabled=${!o?.blob} @click=${this.send}>${this.t('send')}</button>
        <button part="button" class="secondary" ?disabled=${!o?.blob} @click=${() => o!.save(this.canvas!)}>${this.t('save')}</button>
        <button part="button" class="secondary" ?disabled=${!o?.blob} @click=${this.copy}>${this.t('copy')}</button>
      </div>
      <p role="status">${this.note}</p>
      ${o?.dataUrl ? html`<p>${this.t('hold')}</p><img class="saved" src=${o.dataUrl} alt=${this.t('preview', { m: this.message })} />` : nothing}`;
  }

  private send() {
    this.out!.send(this.shareLink, this.message, this.canvas!).catch((e) => console.warn(e));
  }

  private copy() {
    navigator.clipboard.writeText(this.shareLink).then(
      () => {
        this.note = this.t('copied');
        this.emit('fan-card-share', { channel: 'copy' });
      },
      () => {},
    );
  }
}

/** `<input type=color>` takes #rrggbb only; a canvas turns any colour into that form. */
function hex(color: string): string {
  const c = document.createElement('canvas').getContext('2d')!;
  c.fillStyle = color;
  return /^#[0-9a-f]{6}$/i.test(c.fillStyle) ? c.fillStyle : '#000000';
}
