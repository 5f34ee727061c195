import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { FanElement, listOf, oneOf, parseUrl, tokens, url } from '@fanfare/core';
import type { PopoverController } from '@fanfare/core/popover';
import { messages, names, namesZh } from './logic/messages.js';
import { defaultNetworks, shareUrl, withUtm, type Network, type Pack, type ShareData } from './logic/networks.js';
import { packs } from './networks/index.js';
import { lines } from './icons/own.js';
import { styles } from './fan-share.styles.js';

/**
 * Share buttons for WeChat, Weibo, QQ, X, Facebook and more, or the system share sheet.
 *
 * @summary Share the page to social networks, by QR code for WeChat, or copy its link.
 * @fires fan-share - `{network, url}` when a fan picks a network; cancelable.
 * @csspart base - The group of buttons.
 * @csspart button - Each share link or button.
 * @csspart icon - The network's glyph.
 * @csspart label - The network's name (shown with `variant="label"`).
 * @csspart popover - The WeChat QR code, copy fallback and Mastodon server panel.
 * @csspart qr - The QR code.
 * @cssprop --fan-share-gap - Space between buttons (8px).
 * @cssprop --fan-share-radius - Button corners (falls back to --fan-radius).
 * @cssprop --fan-share-button-bg - One background for every button instead of brand colours.
 * @cssprop --fan-share-button-color - One glyph and label colour for every button.
 * @cssprop --fan-share-z-index - Stacking order of the floating bar (1000).
 */
export class FanShare extends FanElement {
  static override styles = [tokens, styles];

  // Declared here rather than with decorators: the decorator calls cost bytes in every
  // bundle, and this widget is measured to the byte.
  static override properties = {
    url: { converter: url() },
    title: {},
    text: {},
    image: { converter: url() },
    networks: { converter: listOf([...Object.keys(packs), 'copy', 'native'], []) },
    layout: { converter: oneOf(['row', 'column', 'floating'] as const, 'row') },
    variant: { converter: oneOf(['icon', 'label'] as const, 'icon') },
    size: { converter: oneOf(['s', 'm', 'l'] as const, 'm') },
    utm: {},
    packs: { state: true },
    copied: { state: true },
    status: { state: true },
  };

  /** The URL to share: absolute or relative, http(s) only. Default: the canonical link, else the page without its hash. */
  url = '';
  /** Title of what is shared. Default: the document's title. */
  override title = '';
  /** Longer text for networks that take one. */
  text = '';
  /** An image URL for networks that take one (Pinterest, Weibo, QQ, VK, Douban). */
  image = '';
  /** Networks in order, space- or comma-separated. Default depends on the locale. */
  networks: Network[] = [];
  /** `row`, `column`, or `floating` (fixed to the viewport's start edge on wide screens). */
  layout: 'row' | 'column' | 'floating' = 'row';
  /** `icon` (glyph only) or `label` (glyph and name). */
  variant: 'icon' | 'label' = 'icon';
  /** Button size: `s`, `m` or `l`. */
  size: 's' | 'm' | 'l' = 'm';
  /** Campaign name: adds utm_source, utm_medium=social and utm_campaign to the shared URL. */
  utm = '';

  /** Each network's chunk once loaded (see networks/), or null where it failed to load. */
  private packs: Partial<Record<Network, Pack | null>> = {};
  private copied = false;
  private status = '';
  private loading?: Promise<unknown>;
  private panels?: typeof import('./panels.js');
  private copiedTimer?: ReturnType<typeof setTimeout>;

  // Set by panels.ts, which makes the popover on the first click that opens one.
  /** @internal */
  panel?: PopoverController;
  /** @internal The WeChat panel's QR code. */
  qr?: { d: string; size: number };
  /** @internal The Mastodon panel's server name was not one. */
  mastodonError?: boolean;

  /** The networks shown: the attribute's, or the locale's default; `native` only where the browser can share. */
  get shown(): Network[] {
    const list = this.networks.length ? this.networks : defaultNetworks(this.locale);
    return list.filter((n) => n !== 'native' || canShareNatively());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.copiedTimer);
    this.copied = false;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    for (const n of this.shown) {
      if (!packs[n] || n in this.packs) continue;
      this.packs[n] = undefined;
      const load = packs[n]().catch((err) => {
        console.warn(`<fan-share> could not load ${n}, so its button is left out:`, err);
        return null;
      });
      this.loading = Promise.all([this.loading, load.then((pack) => (this.packs = { ...this.packs, [n]: pack }))]);
    }
  }

  /** Resolves once every shown network's chunk has arrived and its button is drawn. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let done = await super.getUpdateComplete();
    // An update may start loading more chunks (networks changed): wait until none did.
    for (let seen; seen !== this.loading; ) {
      seen = this.loading;
      await seen;
      done = await super.getUpdateComplete();
    }
    return done;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    // Brand colours go through CSSOM: a strict CSP forbids inline style attributes. Lit
    // reuses a button for another network when the list changes, so unset ones are cleared.
    for (const el of this.renderRoot.querySelectorAll<HTMLElement>('.btn')) {
      const pack = this.packs[el.dataset.network as Network];
      el.style.setProperty('--_bg', pack?.bg ?? '');
      el.style.setProperty('--_fg', pack?.fg ?? '');
    }
  }

  /** @internal The share URL from a network's format (see shareUrl) with what it receives now. */
  link(format: string, n: string): string {
    return shareUrl(format, this.shareData(n));
  }

  /** What a network receives, read at the moment of use so a single-page app's route is current. */
  shareData(network: string): ShareData {
    const base = this.url || canonicalUrl() || location.href.split('#')[0];
    return {
      url: withUtm(base, network, this.utm),
      title: this.title || document.title,
      text: this.text,
      image: this.image,
    };
  }

  override render(): TemplateResult {
    const m = this.t;
    return html`
      <div
        part="base"
        class="base ${this.layout} ${this.size} ${this.variant}"
        role=${this.layout === 'floating' ? 'region' : 'group'}
        aria-label=${m('group')}
      >
        ${this.shown.map((n) => this.renderButton(n))}
      </div>
      ${this.panels?.renderPanel(this) ?? nothing}
      <span class="sr-only" role="status">${this.status}</span>
    `;
  }

  private renderButton(n: Network): TemplateResult | typeof nothing {
    const pack = this.packs[n];
    if (pack === null) return nothing;
    const m = this.t;
    const name = this.name(n);
    const label = n === 'copy' ? name : m(n === 'email' || n === 'native' ? n : 'shareOn', { name });
    const visible =
      n === 'copy'
        ? html`<span class="swap"><span class=${this.copied ? 'off' : ''}>${name}</span><span class=${this.copied ? '' : 'off'}>${m('copied')}</span></span>`
        : name;
    const inner = html`${this.renderIcon(n, pack)}<span part="label" class="label">${visible}</span>`;
    const tip = this.variant === 'icon' ? label : nothing;
    if (pack?.url) {
      return html`<a
        part="button"
        class="btn"
        data-network=${n}
        href=${this.link(pack.url, n)}
        target=${n === 'email' ? nothing : '_blank'}
        rel="noopener noreferrer"
        aria-label=${label}
        title=${tip}
        @click=${(e: MouseEvent) => this.onLink(e, n)}
        >${inner}</a
      >`;
    }
    const pops = n === 'wechat' || n === 'mastodon';
    // Until its chunk arrives a button keeps its place, unseen (and out of the tab order).
    return html`<button
      part="button"
      class="btn ${packs[n] && !pack ? 'wait' : ''}"
      type="button"
      data-network=${n}
      aria-label=${label}
      title=${tip}
      aria-haspopup=${pops ? 'dialog' : nothing}
      aria-expanded=${pops ? String(this.panel?.openFor === n) : nothing}
      @click=${(e: MouseEvent) => this.onAction(e.currentTarget as HTMLElement, n)}
    >
      ${inner}
    </button>`;
  }

  private renderIcon(n: Network, pack?: Pack): TemplateResult {
    const own = n === 'copy' && this.copied ? lines.check : lines[n as keyof typeof lines];
    const d = own ?? pack?.d ?? '';
    return html`<svg part="icon" class="icon ${own || pack?.line ? 'line' : ''}" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d=${d}></path>
    </svg>`;
  }

  private async loadPanels(): Promise<typeof import('./panels.js')> {
    return (this.panels ??= await import('./panels.js'));
  }

  /** @internal A network's name in the page's language. */
  name(n: string): string {
    return (this.locale === 'zh-CN' && namesZh[n]) || names[n];
  }

  private get t() {
    return (key: keyof (typeof messages)['en'], vars?: Record<string, string>) => this.msg(messages, key, vars);
  }

  private onLink(e: MouseEvent, n: Network): void {
    const link = e.currentTarget as HTMLAnchorElement;
    const data = this.shareData(n);
    if (!this.emit('fan-share', { network: n, url: data.url }, { cancelable: true })) {
      e.preventDefault();
      return;
    }
    // Refresh the href at the moment of the click: the page's route may have changed.
    link.href = this.link(this.packs[n]!.url!, n);
  }

  private async onAction(button: HTMLElement, n: Network): Promise<void> {
    if (n === 'wechat' || n === 'mastodon') return (await this.loadPanels()).toggle(this, n, button);
    // A link network is a button only while its chunk is on the way (unseen): nothing to do.
    if (n !== 'copy' && n !== 'native') return;
    const data = this.shareData(n);
    if (!this.emit('fan-share', { network: n, url: data.url }, { cancelable: true })) return;
    if (n === 'copy') return this.copy(button, data.url);
    try {
      await navigator.share({ title: data.title, text: data.text || undefined, url: data.url });
    } catch (err) {
      // A fan closing the share sheet is a choice, not an error.
      if ((err as DOMException)?.name !== 'AbortError') console.warn('<fan-share> share sheet failed:', err);
    }
  }

  private async copy(button: HTMLElement, text: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      if (!(await this.loadPanels()).copyByHand(this, text, button)) return;
    }
    this.copied = true;
    // Cleared first so the same words twice in a row are spoken twice.
    this.status = '';
    setTimeout(() => (this.status = this.t('copied')), 50);
    clearTimeout(this.copiedTimer);
    this.copiedTimer = setTimeout(() => (this.copied = false), 2000);
  }
}

function canShareNatively(): boolean {
  if (typeof navigator.share !== 'function') return false;
  try {
    return navigator.canShare ? navigator.canShare({ url: location.href }) : true;
  } catch {
    return false;
  }
}

function canonicalUrl(): string | undefined {
  const r = parseUrl(document.querySelector('link[rel=canonical]')?.getAttribute('href') ?? '', document.baseURI);
  return r.ok ? r.value : undefined;
}
