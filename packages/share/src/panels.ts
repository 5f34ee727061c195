import { localize, type FanElement } from '@fanfare/core';
import { isWeChat } from '@fanfare/core/env';
import { adoptLazyStyles } from '@fanfare/core/lazy-styles';
import { PopoverController } from '@fanfare/core/popover';
import { getItem, setItem } from '@fanfare/core/storage';
import { selectOnFocus } from '@fanfare/core/clipboard';
import { html, nothing, type TemplateResult } from 'lit';
import { mastodonFormat } from './logic/mastodon.js';
import type { ShareData } from './logic/networks.js';
import { panelMessages } from './panel-messages.js';
import { panelStyles } from './panels.styles.js';

// The popover panels: WeChat's QR code (or, inside WeChat, where its ··· menu is),
// Mastodon's server field, and the link to copy by hand. <fan-share> imports this
// module on the first click that opens one, so pages that never open a panel never
// download it, its styles or the popover controller.

const MASTODON_KEY = 'fanfare:mastodon-server';

/**
 * What the panels need of their widget: a Fanfare element (its locale, shadow root and
 * emit()) and its share action, which announces it and returns what the network receives
 * (with the action's own token). The share URL builder comes in as the controller's `link`.
 */
export type PanelsHost = FanElement & { announce(network: string): ShareData | false };

type Kind = 'wechat' | 'mastodon' | 'copy';

/**
 * The popover panels of one <fan-share>, and what happens in them: it owns the popover,
 * the QR code and the Mastodon field's error, and renders the open panel into the
 * element's template. The element makes it on the first click that opens a panel.
 */
export class SharePanels {
  private readonly popover: PopoverController;
  private readonly t;
  /** The WeChat panel's QR code. */
  private qr?: { d: string; size: number };
  /** The server the fan typed in the Mastodon panel was not one. */
  private mastodonError = false;
  /** The link to copy by hand: the one the copy action announced, with its token. */
  private manual = '';

  constructor(
    private readonly host: PanelsHost,
    private readonly link: (format: string, data: ShareData) => string,
  ) {
    this.t = localize(host, panelMessages);
    this.popover = new PopoverController(host, () => host.renderRoot.querySelector<HTMLElement>('.popover'));
    adoptLazyStyles(host, panelStyles);
  }

  /** Which panel is open, if any. */
  get openFor(): string | undefined {
    return this.popover.openFor;
  }

  /** A click on WeChat or Mastodon: close its panel if open, else open it (WeChat's announces the share first). */
  async toggle(n: 'wechat' | 'mastodon', button: HTMLElement): Promise<void> {
    const { host, popover } = this;
    if (popover.openFor === n) return popover.hide();
    if (n === 'wechat') {
      // The QR code carries this action's token, as a link would.
      const d = host.announce(n);
      if (!d) return;
      if (!isWeChat(navigator.userAgent)) this.qr = (await import('./logic/qr.js')).qrPath(d.url);
    }
    this.mastodonError = false;
    await popover.show(n, button);
  }

  /** Copying failed both ways: show `url` (the one just announced), selected, to copy by hand. */
  copyByHand(button: HTMLElement, url: string): Promise<void> {
    this.manual = url;
    return this.popover.show('copy', button);
  }

  /** The open panel, if any. */
  render(): TemplateResult | typeof nothing {
    const kind = this.popover.openFor as Kind | undefined;
    if (!kind) return nothing;
    const { t, qr } = this;
    let body: TemplateResult;
    if (kind === 'wechat') {
      body = isWeChat(navigator.userAgent)
        ? html`<p class="hint">${t('wechatHint')}</p>`
        : html`<svg part="qr" class="qr" viewBox="0 0 ${qr?.size ?? 0} ${qr?.size ?? 0}" role="img" aria-label=${t('wechatQrAlt')}>
              <path d=${qr?.d ?? ''}></path>
            </svg>
            <p class="hint">${t('wechatScan')}</p>`;
    } else if (kind === 'mastodon') {
      body = html`<form class="server" @submit=${(e: SubmitEvent) => this.submitMastodon(e)}>
        <label for="server">${t('mastodonServer')}</label>
        <span class="row">
          <input id="server" name="server" data-autofocus autocomplete="url" inputmode="url" placeholder="mastodon.social" .value=${getItem(MASTODON_KEY) ?? ''} aria-invalid=${String(this.mastodonError)} aria-describedby="server-error" />
          <button type="submit" class="go">${t('mastodonGo')}</button>
        </span>
        <span id="server-error" class="error">${this.mastodonError ? t('mastodonBad') : ''}</span>
      </form>`;
    } else {
      body = html`<label class="manual"
        >${t('copyFailed')}<input readonly data-autofocus .value=${this.manual} @focus=${selectOnFocus}
      /></label>`;
    }
    // Each dialog is named for what it does (its key in panelMessages is the panel's kind).
    return html`<div part="popover" class="popover" role="dialog" aria-label=${t(kind)} tabindex="-1">
      <button class="close" type="button" aria-label=${t('close')} @click=${() => this.popover.hide()}>
        <svg viewBox="0 0 24 24" aria-hidden="true"><path d="M6 6l12 12M18 6 6 18"></path></svg>
      </button>
      ${body}
    </div>`;
  }

  /** Share to the Mastodon server the fan typed (remembered for next time), or say why not. */
  private submitMastodon(e: SubmitEvent): void {
    e.preventDefault();
    const { host } = this;
    const input = (e.currentTarget as HTMLFormElement).elements.namedItem('server') as HTMLInputElement;
    const format = mastodonFormat(input.value);
    this.mastodonError = !format;
    host.requestUpdate();
    if (!format) return;
    setItem(MASTODON_KEY, input.value.trim());
    const d = host.announce('mastodon');
    if (!d) return;
    window.open(this.link(format, d), '_blank', 'noopener');
    this.popover.hide();
  }
}
