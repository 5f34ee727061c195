import { adoptStyles, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { FanElement, PopoverController, listOf, oneOf, parseUrl, tokens, url } from '@fanfare/core';
import { messages, names, namesZh } from './logic/messages.js';
import { NETWORKS, defaultNetworks, isWeChat, shareUrl, withUtm, type Network, type ShareData } from './logic/networks.js';
import { brandIcons } from './icons/index.js';
import { colors } from './icons/colors.js';
import { lines, linkedinColors, neutral } from './icons/own.js';
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
    networks: { converter: listOf(NETWORKS, []) },
    layout: { converter: oneOf(['row', 'column', 'floating'] as const, 'row') },
    variant: { converter: oneOf(['icon', 'label'] as const, 'icon') },
    size: { converter: oneOf(['s', 'm', 'l'] as const, 'm') },
    utm: {},
    glyphs: { state: true, attribute: false },
    copied: { state: true, attribute: false },
    status: { state: true, attribute: false },
    qr: { state: true, attribute: false },
    mastodonError: { state: true, attribute: false },
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

  private glyphs: Partial<Record<Network, string>> = {};
  private copied = false;
  private status = '';
  private qr?: { d: string; size: number };
  private mastodonError = false;

  private panel = new PopoverController(this, () => this.renderRoot.querySelector<HTMLElement>('.popover'));
  private loading?: Promise<unknown>;
  private panels?: typeof import('./panels.js');
  private copiedTimer?: ReturnType<typeof setTimeout>;

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
    const missing = this.shown.filter((n) => brandIcons[n] && !this.glyphs[n]);
    if (missing.length) {
      const load = Promise.all(
        missing.map((n) =>
          brandIcons[n]!().then(
            (m) => [n, m.default] as const,
            () => [n, ''] as const,
          ),
        ),
      ).then((pairs) => {
        this.glyphs = { ...this.glyphs, ...Object.fromEntries(pairs) };
      });
      this.loading = load;
    }
  }

  /** Resolves once the glyphs of every shown network are drawn. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let done = await super.getUpdateComplete();
    while (this.loading) {
      const pending = this.loading;
      await pending;
      if (this.loading === pending) this.loading = undefined;
      done = await super.getUpdateComplete();
    }
    return done;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    // Brand colours go through CSSOM: a strict CSP forbids inline style attributes.
    for (const el of this.renderRoot.querySelectorAll<HTMLElement>('.btn')) {
      const [bg, fg] = buttonColors(el.dataset.network as Network);
      el.style.setProperty('--_bg', bg);
      el.style.setProperty('--_fg', fg);
    }
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
      ${this.panel.openFor && this.panels ? this.renderPanel(this.panels, this.panel.openFor) : nothing}
      <span class="sr-only" role="status">${this.status}</span>
    `;
  }

  private renderButton(n: Network): TemplateResult {
    const m = this.t;
    const name = this.name(n);
    const label =
      n === 'copy' ? m('copy') : n === 'email' ? m('email') : n === 'native' ? m('native') : m('shareOn', { name });
    const visible =
      n === 'copy'
        ? html`<span class="swap"><span class=${this.copied ? 'off' : ''}>${name}</span><span class=${this.copied ? '' : 'off'}>${m('copied')}</span></span>`
        : name;
    const inner = html`${this.renderIcon(n)}<span part="label" class="label">${visible}</span>`;
    const tip = this.variant === 'icon' ? label : nothing;
    const href = shareUrl(n, this.shareData(n));
    if (href) {
      return html`<a
        part="button"
        class="btn"
        data-network=${n}
        href=${href}
        target=${n === 'email' ? nothing : '_blank'}
        rel="noopener noreferrer"
        aria-label=${label}
        title=${tip}
        @click=${(e: MouseEvent) => this.onLink(e, n)}
        >${inner}</a
      >`;
    }
    const pops = n === 'wechat' || n === 'mastodon';
    return html`<button
      part="button"
      class="btn"
      type="button"
      data-network=${n}
      aria-label=${label}
      title=${tip}
      aria-haspopup=${pops ? 'dialog' : nothing}
      aria-expanded=${pops ? String(this.panel.openFor === n) : nothing}
      @click=${(e: MouseEvent) => this.onAction(e.currentTarget as HTMLElement, n)}
    >
      ${inner}
    </button>`;
  }

  private renderIcon(n: Network): TemplateResult {
    const line = n === 'copy' && this.copied ? lines.check : lines[n as keyof typeof lines];
    const d = line ?? this.glyphs[n] ?? '';
    return html`<svg part="icon" class="icon ${line ? 'line' : ''}" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d=${d}></path>
    </svg>`;
  }

  private renderPanel(panels: typeof import('./panels.js'), kind: string): TemplateResult {
    return panels.renderPanel(kind, this.name(kind), {
      locale: this.locale,
      inWeChat: isWeChat(navigator.userAgent),
      qr: this.qr,
      link: this.shareData('copy').url,
      mastodonError: this.mastodonError,
      close: () => this.panel.hide(),
      submitMastodon: (e) => this.onMastodon(e),
    });
  }

  /** Load the popover panels and their styles on the first click that needs them. */
  private async loadPanels(): Promise<typeof import('./panels.js')> {
    if (!this.panels) {
      this.panels = await import('./panels.js');
      adoptStyles(this.renderRoot as ShadowRoot, [...FanShare.elementStyles, this.panels.panelStyles]);
    }
    return this.panels;
  }

  private name(n: string): string {
    if (n === 'native' || n === 'email') return this.t(`n_${n}`);
    if (n === 'copy') return this.t('copy');
    return (this.locale === 'zh-CN' && namesZh[n]) || names[n];
  }

  private get t() {
    return (key: keyof (typeof messages)['en'], vars?: Record<string, string>) => this.msg(messages, key, vars);
  }

  private announce(text: string): void {
    // Clear first so the same words twice in a row are spoken twice.
    this.status = '';
    setTimeout(() => (this.status = text), 50);
  }

  private onLink(e: MouseEvent, n: Network): void {
    const link = e.currentTarget as HTMLAnchorElement;
    const data = this.shareData(n);
    if (!this.emit('fan-share', { network: n, url: data.url }, { cancelable: true })) {
      e.preventDefault();
      return;
    }
    // Refresh the href at the moment of the click: the page's route may have changed.
    link.href = shareUrl(n, data) ?? link.href;
  }

  private async onAction(button: HTMLElement, n: Network): Promise<void> {
    if (this.panel.openFor === n) {
      this.panel.hide();
      return;
    }
    const data = this.shareData(n);
    if (n !== 'mastodon' && !this.emit('fan-share', { network: n, url: data.url }, { cancelable: true })) return;
    if (n === 'copy') return this.copy(button, data.url);
    if (n === 'native') {
      try {
        await navigator.share({ title: data.title, text: data.text || undefined, url: data.url });
      } catch (err) {
        // A fan closing the share sheet is a choice, not an error.
        if ((err as DOMException)?.name !== 'AbortError') console.warn('<fan-share> share sheet failed:', err);
      }
      return;
    }
    if (n === 'wechat' && !isWeChat(navigator.userAgent)) {
      this.qr = (await import('./logic/qr.js')).qrPath(data.url);
    }
    this.mastodonError = false;
    await this.loadPanels();
    await this.panel.show(n, button);
  }

  private async copy(button: HTMLElement, text: string): Promise<void> {
    let ok = false;
    try {
      await navigator.clipboard.writeText(text);
      ok = true;
    } catch {
      ok = (await this.loadPanels()).copyWithSelection(this.renderRoot as ShadowRoot, text);
    }
    if (!ok) {
      await this.panel.show('copy', button);
      return;
    }
    this.copied = true;
    this.announce(this.t('copied'));
    clearTimeout(this.copiedTimer);
    this.copiedTimer = setTimeout(() => (this.copied = false), 2000);
  }

  private onMastodon(e: SubmitEvent): void {
    e.preventDefault();
    const data = this.shareData('mastodon');
    const target = this.panels?.mastodonTarget(e.currentTarget as HTMLFormElement, data);
    this.mastodonError = !target;
    if (!target || !this.emit('fan-share', { network: 'mastodon', url: data.url }, { cancelable: true })) return;
    window.open(target, '_blank', 'noopener');
    this.panel.hide();
  }
}

function buttonColors(n: Network): [string, string] {
  return colors[n] ?? (n === 'linkedin' ? linkedinColors : neutral);
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
  const href = document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.getAttribute('href');
  if (!href) return undefined;
  const r = parseUrl(href, document.baseURI);
  return r.ok ? r.value : undefined;
}
