import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { FanElement, listOf, localize, oneOf, pageUrl, tokens, url, warn } from '@fanfare/core';
import { copyText } from '@fanfare/core/clipboard';
import { isRef, shareLink, withUtm, type ShareLink } from '@fanfare/core/share-link';
import { defaultNetworks, shareUrl, type Network, type Pack, type ShareData } from './logic/networks.js';
import { messages } from './messages.js';
import { packs } from './networks/index.js';
import { lines } from './icons/own.js';
import type { SharePanels } from './panels.js';
import { styles } from './fan-share.styles.js';

/**
 * Share buttons for WeChat, Weibo, QQ, X, Facebook and more, or the system share sheet.
 *
 * @summary Share the page to social networks, by QR code for WeChat, or copy its link.
 * @fires fan-share - `{network, url, ref, parent}` when a fan picks a network; cancelable. `url` carries `fanref=<ref>`, a fresh share token for each share action; `parent` is the token this page view arrived with, if any.
 * @csspart base - The group of buttons.
 * @csspart button - Each share link or button.
 * @csspart icon - The network's glyph.
 * @csspart label - The network's name (shown with `variant="label"`; with `icon`, "Copied" shows there for a moment).
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
  /** A share token for every share action instead of a fresh one each (`<fan-invite>` sets its invite's); ignored unless it is one. */
  ref = '';

  /** Each network's chunk once loaded (see networks/), or null where it failed to load; not a reactive property: willUpdate renders once all asked for are in. */
  private packs: Partial<Record<Network, Pack | null>> = {};
  private copied = false;
  private status = '';
  private loading?: Promise<unknown>;
  /** The popover panels (WeChat, Mastodon, copy by hand), made on the first click that opens one. */
  private panels?: SharePanels;
  /** The copied state's timer: first to announce it, then to end it. */
  private timer?: ReturnType<typeof setTimeout>;
  private t = localize(this, messages);

  /** The networks shown: the attribute's, or the locale's default; `native` only where the browser can share. */
  get shown(): Network[] {
    const list = this.networks.length ? this.networks : defaultNetworks(this.locale);
    return list.filter((n) => n !== 'native' || canShareNatively());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.timer);
    this.copied = false;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    let asked;
    for (const n of this.shown) {
      if (!packs[n] || n in this.packs) continue;
      this.packs[n] = undefined;
      asked = this.loading = Promise.all([
        this.loading,
        packs[n]().then(
          (pack) => (this.packs[n] = pack),
          (err) => ((this.packs[n] = null), warn(this, `could not load ${n}, so its button is left out: ${err}`)),
        ),
      ]);
    }
    // The chunks asked for together are drawn together: one render once all are in, not one
    // for each (the demo shop's four bars rendered 20 times in 75 ms at 4× CPU slowdown).
    void asked?.then(() => this.requestUpdate());
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

  /**
   * What a network receives, read at the moment of use so a single-page app's route is
   * current: the page's link with UTM, without a share token (a drawn link that nobody
   * clicks shares nothing; announce() gives each share action its own token).
   */
  shareData(network: string): ShareData {
    const canonical = pageUrl(document.querySelector('link[rel=canonical]')?.getAttribute('href') ?? '');
    return {
      url: withUtm(this.url || (canonical.ok ? canonical.value : location.href.split('#')[0]), network, this.utm),
      title: this.title || document.title,
      text: this.text,
      image: this.image,
    };
  }

  /** One share action: a fresh share token in the URL (core's share-link), announced as `fan-share` (cancelable); what the network receives, or false if the page cancelled. */
  announce(network: string): (ShareData & ShareLink) | false {
    const data = this.shareData(network);
    const d = { ...data, ...shareLink(data.url, '', '', isRef(this.ref) ? this.ref : undefined) };
    return this.emit('fan-share', { network, url: d.url, ref: d.ref, parent: d.parent }, { cancelable: true }) && d;
  }

  override render(): TemplateResult {
    return html`<div part="base" class="base ${this.layout} ${this.size} ${this.variant}" role=${this.layout === 'floating' ? 'region' : 'group'} aria-label=${this.t('group')}>
        ${this.shown.map((n) => this.renderButton(n))}
      </div>
      ${this.panels?.render() ?? nothing}
      <span class="sr-only" role="status">${this.status}</span>`;
  }

  private renderButton(n: Network): TemplateResult | typeof nothing {
    const pack = this.packs[n];
    if (pack === null) return nothing;
    const { t, copied } = this;
    const name = t(n);
    // Copy's name is what it shows: "Copy link", then "Copied" (for speech input too).
    const label = n === 'copy' ? (copied ? t('copied') : name) : t(n === 'email' ? 'byEmail' : n === 'native' ? 'moreWays' : 'shareOn', { name });
    // "Copy link" and "Copied" share one cell, so the button keeps its width; with
    // icons only, "Copied" shows above the ✓ as a tag (see .done in the styles).
    const visible = n === 'copy' ? html`<span class="swap"><span class=${copied ? 'off' : ''}>${name}</span><span class=${copied ? '' : 'off'}>${t('copied')}</span></span>` : name;
    const own = n === 'copy' && copied ? lines.check : lines[n as keyof typeof lines];
    const inner = html`<svg part="icon" class="icon ${own || pack?.line ? 'line' : ''}" viewBox="0 0 24 24" aria-hidden="true"><path d=${own ?? pack?.d ?? ''}></path></svg
      ><span part="label" class="label">${visible}</span>`;
    const tip = this.variant === 'icon' ? label : nothing;
    if (pack?.url) {
      return html`<a part="button" class="btn" data-network=${n} href=${shareUrl(pack.url, this.shareData(n))} target=${n === 'email' ? nothing : '_blank'} rel="noreferrer" aria-label=${label} title=${tip} @click=${(e: MouseEvent) => this.onLink(e, n)}>${inner}</a>`;
    }
    const pops = n === 'wechat' || n === 'mastodon';
    // Until its chunk arrives a button keeps its place, unseen (and out of the tab order).
    return html`<button part="button" class="btn ${packs[n] && !pack ? 'wait' : ''} ${n === 'copy' && copied ? 'done' : ''}" type="button" data-network=${n}
      aria-label=${label} title=${tip} aria-haspopup=${pops ? 'dialog' : nothing} aria-expanded=${pops ? String(this.panels?.openFor === n) : nothing}
      @click=${(e: MouseEvent) => this.onAction(e.currentTarget as HTMLElement, n)}>${inner}</button>`;
  }

  private async loadPanels(): Promise<SharePanels> {
    const { SharePanels } = await import('./panels.js');
    return (this.panels ??= new SharePanels(this, shareUrl));
  }

  private onLink(e: MouseEvent, n: Network): void {
    const d = this.announce(n);
    if (!d) return e.preventDefault();
    // Refresh the href at the moment of the click: this click's own token, and the page's route may have changed.
    (e.currentTarget as HTMLAnchorElement).href = shareUrl(this.packs[n]!.url!, d);
  }

  private async onAction(button: HTMLElement, n: Network): Promise<void> {
    if (n === 'wechat' || n === 'mastodon') return (await this.loadPanels()).toggle(n, button);
    // A link network is a button only while its chunk is on the way (unseen): nothing to do.
    if (n !== 'copy' && n !== 'native') return;
    const data = this.announce(n);
    if (!data) return;
    if (n === 'copy') return this.copy(button, data.url);
    try {
      // The browser takes title, text and url, and ignores the rest.
      await navigator.share({ ...data, text: data.text || undefined });
    } catch (err) {
      // A fan closing the share sheet is a choice, not an error.
      if ((err as DOMException)?.name !== 'AbortError') warn(this, `share sheet failed: ${err}`);
    }
  }

  /** Copy the link; where the browser lets no copy through, the panel shows it to copy by hand. */
  private async copy(button: HTMLElement, text: string): Promise<void> {
    if (!(await copyText(text, this.renderRoot as ShadowRoot))) return (await this.loadPanels()).copyByHand(button, text);
    this.copied = true;
    // Cleared first so the same words twice in a row are spoken twice.
    this.status = '';
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.status = this.t('copied');
      this.timer = setTimeout(() => (this.copied = false), 2000);
    }, 50);
  }
}

function canShareNatively(): boolean {
  try {
    return typeof navigator.share === 'function' && (!navigator.canShare || navigator.canShare({ url: location.href }));
  } catch {
    return false;
  }
}
