import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { FanElement, intIn, localize, tokens, url } from '@fanfare/core';
import { cssVars } from '@fanfare/core/css-vars';
import { CARD, HASH_KEY, type CardState, type Template } from './logic/card.js';
import { MessageEditor } from './controllers/message.js';
import { CardPainter } from './controllers/painter.js';
import type { TemplateSource } from './controllers/template-source.js';
import { STEPS, Wizard, type Step } from './controllers/wizard.js';
import type { PhotoController } from './controllers/photo.js';
import type { ExportController } from './controllers/export.js';
import type { StickerController } from './controllers/stickers.js';
import { messages } from './messages.js';
import { styles } from './fan-card-maker.styles.js';

/** This page without its hash: where a sent card opens, and where "make your own" leads by default. */
const thisPage = () => location.href.split('#')[0];

/**
 * A greeting-card maker: a fan picks a design, writes a message, adds a photo and
 * stickers, then saves or sends a 1080×1350 image that carries the brand. A page opened
 * with `#fan-card=…` shows the card that was sent, with a "make your own" link.
 *
 * @summary Branded greeting cards fans make and send.
 * @fires fan-card-create - `{template}` when a fan finishes a card and reaches the last step.
 * @fires fan-card-export - `{format, bytes}` when the image is saved or sent.
 * @fires fan-card-share - `{channel, ref?, parent?}` (`files`, `link`, `download`, `wechat`, `copy`) when the card is sent; `ref` is the share token in the link sent (`files`, `link`, `copy`), `parent` the token this page view arrived with, if any.
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
  /** Text drawn in the brand zone of every card; without it and without a logo, the host of `link` (this site's). */
  @property({ attribute: 'brand-text' }) brandText = '';
  /** Where "make your own" leads; this page by default. */
  @property({ converter: url() }) link = '';
  /** Largest photo a fan may pick, in MB. */
  @property({ attribute: 'max-photo-mb', converter: intIn(1, 100, 15) }) maxPhotoMb = 15;

  @state() private chosen = '';
  /** The six built-in designs and their artwork: a chunk of their own, loaded when a page uses them. */
  @state() private builtins?: Template[];
  /** A card arrived in the page's hash: 'wait' while it is read, 'bad' when it cannot be. */
  @state() private received?: CardState | 'wait' | 'bad';

  @query('canvas') private canvas!: HTMLCanvasElement | null;

  private t = localize(this, messages);
  private painter = new CardPainter(this);
  private wizard = new Wizard(this, (step) => this.entered(step));
  private words = new MessageEditor(this, this.t);
  // A brand's own designs, the decorate step's controllers and export load on first use.
  private designs?: TemplateSource;
  private stick?: StickerController;
  private photo?: PhotoController;
  private exporter?: ExportController;
  /** Settles when the card on screen is drawn and, on the last step, its image is ready. */
  drawn: Promise<void> = Promise.resolve();

  /** Where "make your own" leads: `link`, else this page. */
  private get home(): string {
    return this.link || thisPage();
  }

  /** The link that opens the current card, made with its image on the last step. */
  get shareLink(): string {
    return this.exporter?.link ?? '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // The drawing code is asked for now, beside the designs, not after them: one round trip,
    // not two. In a task of its own: starting an import costs 2-5 ms of main thread at 4×
    // CPU slowdown, and this task defines the widget and renders it.
    setTimeout(() => import('./draw.js'));
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
    const { message, color } = this.words;
    return { template: this.template?.id ?? '', message, stickers: this.stick?.list ?? [], ...(color ? { color } : {}) };
  }

  private get template(): Template | undefined {
    const r = this.received;
    const id = typeof r === 'object' ? r.template : this.chosen;
    const list = this.list;
    return list?.find((t) => t.id === id) ?? (r ? undefined : list?.[0]);
  }

  /** The designs to pick from: undefined while a brand's own load. */
  private get list() {
    const own = this.templates.trim() ? this.designs?.list : [];
    // A file with nothing usable still leaves the fan a card to make.
    return own && (own.length ? own : this.builtins);
  }

  private get last() {
    return this.wizard.step === 'send' && !this.received;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const raw = this.templates;
    if (changed.has('templates') && (raw.trim() || this.designs)) {
      void import('./controllers/template-source.js').then(({ TemplateSource }) => (this.designs ??= new TemplateSource(this)).load(raw));
    }
    if (!this.builtins && (!raw.trim() || this.designs?.list?.length === 0)) {
      void import('./logic/builtins.js').then(({ BUILTINS }) => (this.builtins = BUILTINS));
    }
  }

  protected override updated(): void {
    // Painting starts once this update is over: the loading it waits for schedules renders of its own.
    this.drawn = this.updateComplete.then(() => this.paint());
  }

  private async paint() {
    const [template, canvas, card] = [this.template, this.canvas, this.card];
    if (!template || !canvas || !card) return;
    const photo = this.received ? undefined : this.photo?.photo;
    const { logo, locale } = this;
    // A brand zone with nothing in it is a blank band on every card: the site's name, at least.
    const brandText = this.brandText || (logo ? '' : new URL(this.home, location.href).host);
    // Until the fan writes, the design's sample shows greyed, so no step shows an empty card; the card sent has only the fan's words.
    const sample = !card.message && !this.received && !this.last ? (template.sample?.[locale] ?? template.wishes[locale][0] ?? '') : '';
    const shown = sample ? { ...card, message: sample } : card;
    const redrawn = await this.painter.paint({ canvas, template, card: shown, sample: !!sample, photo, logo, brandText, locale });
    if (!this.last) return;
    const { ExportController } = await import('./controllers/export.js');
    this.exporter ??= new ExportController(this, {
      exported: (format, bytes) => this.emit('fan-card-export', { format, bytes }),
      shared: (channel, link) => this.emit('fan-card-share', link ? { channel, ref: link.ref, parent: link.parent } : { channel }),
      design: () => this.template!,
      page: thisPage,
      say: this.t,
    });
    // The fan may have gone back while the export code loaded.
    if (this.last) await this.exporter.prepare(canvas, card, redrawn);
  }

  private entered(step: Step) {
    this.exporter?.reset();
    if (step === 'decorate' && !this.stick) void this.decorate();
    if (step === 'send') this.emit('fan-card-create', { template: this.template!.id });
  }

  private async decorate() {
    const [{ StickerController }, { PhotoController }] = await Promise.all([import('./controllers/stickers.js'), import('./controllers/photo.js')]);
    this.stick ??= new StickerController(this, this.t);
    this.photo ??= new PhotoController(this, this.t, () => this.maxPhotoMb);
    this.requestUpdate();
  }

  override render() {
    const r = this.received;
    if (r) {
      // In the room of the maker's first step (what the page reserved): the title in the
      // steps' row, the card, the link where the design's row is.
      const broken = r === 'bad' || (this.list && !this.template);
      return html`<section part="base" class="received">
        <div>${broken ? nothing : html`<h2>${this.t('received')}</h2>`}</div>
        ${broken ? html`<div class="stage broken"><p role="alert">${this.t('broken')}</p></div>` : html`<div class="stage open">${this.renderCanvas()}</div>`}
        <a part="button" class="button" href=${this.home}>${this.t('own')}</a>
      </section>`;
    }
    // While the designs load, the frame shows at its final size (steps, the card's place,
    // an empty row of designs): the height is the card's width and fixed rows, the same
    // before and after, so fanfare.css can reserve it and nothing below the widget moves.
    const t = this.template;
    const { step, previous, next } = this.wizard;
    return html`<section part="base">
      <ol class="steps">
        <!-- Short names on the bar keep it one line at every width; a screen reader hears the whole step. -->
        ${STEPS.map(
          (s) => html`<li aria-current=${s === step ? 'step' : nothing}><span aria-hidden="true">${this.t(`${s}Short`)}</span><span class="sr-only">${this.t(`${s}Step`)}</span></li>`,
        )}
      </ol>
      <div class="stage">${this.renderCanvas()} ${step === 'decorate' ? this.stick?.overlay() : nothing}</div>
      <div class="panel">
        <!-- h2, not h3: the widget cannot know the page's outline, and an h2 never skips a level. -->
        <h2 tabindex="-1">${this.t(`${step}Step`)}</h2>
        ${t ? this.renderPanel(step, t) : html`<div class="choices"><p class="hint" role="status">${this.t('loading')}</p></div>`}
      </div>
      <div class="nav">
        ${previous ? html`<button part="button" class="secondary" @click=${() => this.wizard.go(previous)}>${this.t('back')}</button>` : nothing}
        ${next ? html`<button part="button" ?disabled=${!t} @click=${() => this.wizard.go(next)}>${this.t('next')}</button>` : nothing}
      </div>
    </section>`;
  }

  /** Each step's panel, found by the step's name. */
  private renderPanel(step: Step, t: Template) {
    return {
      design: () => this.renderPick(t),
      message: () => this.words.panel(t),
      decorate: () => html`${t.photo ? this.photo?.panel() : nothing}${this.stick?.panel()}`,
      send: () => this.exporter?.panel(),
    }[step]();
  }

  private renderCanvas() {
    // Before the fan writes, the card still says something: its headline.
    const m = this.card?.message || this.template?.headline?.text[this.locale] || '';
    return html`<canvas part="card" width=${CARD.w} height=${CARD.h} role="img" aria-label=${this.t('preview', { m })}></canvas>`;
  }

  private renderPick(current: Template) {
    // One row that scrolls sideways, however many designs and however long their names.
    return html`<div class="choices">
      ${this.list!.map(
        (t) => html`<button part="button" class="template" aria-pressed=${t === current} @click=${() => ((this.chosen = t.id), this.words.designChanged())}>
          <!-- cssVars sets custom properties through CSSOM, which a strict CSP allows. -->
          <!-- The design's ground and its headline's ink: two colours that tell the designs apart at a glance. -->
          <span class="swatch" ${cssVars({ '--a': t.background.colors[0], '--b': t.headline?.color ?? t.background.colors.at(-1)! })}></span>
          <span class="name">${t.name[this.locale]}</span>
        </button>`,
      )}
    </div>`;
  }
}
