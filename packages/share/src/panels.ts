import { format } from '@fanfare/core';
import { PopoverController } from '@fanfare/core/popover';
import { adoptStyles, html, nothing, type TemplateResult } from 'lit';
import { panelMessages } from './logic/panel-messages.js';
import { mastodonFormat } from './logic/mastodon.js';
import type { Network } from './logic/networks.js';
import { isWeChat } from './logic/wechat.js';
import { panelStyles } from './panels.styles.js';
import type { FanShare } from './fan-share.js';

// The popover panels: WeChat's QR code (or, inside WeChat, where its ⋯ menu is),
// Mastodon's server field, and the link to copy by hand. <fan-share> imports this
// module on the first click that opens one, so pages that never open a panel never
// download it, its styles or the popover controller.

const MASTODON_KEY = 'fanfare:mastodon-server';

/** Give `host` its popover and the panels' styles, once. */
function ready(host: FanShare): PopoverController {
  if (!host.panel) {
    host.panel = new PopoverController(host, () => host.renderRoot.querySelector<HTMLElement>('.popover'));
    adoptStyles(host.renderRoot as ShadowRoot, [...(host.constructor as typeof FanShare).elementStyles, panelStyles]);
  }
  return host.panel;
}

/** A click on WeChat or Mastodon: close its panel if open, else open it (WeChat's announces the share first). */
export async function toggle(host: FanShare, n: Network, button: HTMLElement): Promise<void> {
  const panel = ready(host);
  if (panel.openFor === n) return panel.hide();
  if (n === 'wechat') {
    const url = host.shareData(n).url;
    if (!host.emit('fan-share', { network: n, url }, { cancelable: true })) return;
    if (!isWeChat(navigator.userAgent)) host.qr = (await import('./logic/qr.js')).qrPath(url);
  }
  host.mastodonError = false;
  await panel.show(n, button);
}

/**
 * Where the Clipboard API refused: copy by the older selection command, else open a
 * panel with the link to copy by hand. True if the link was copied.
 */
export function copyByHand(host: FanShare, text: string, button: HTMLElement): boolean {
  // The panels' styles first: they keep the textarea used for copying off screen.
  const panel = ready(host);
  const ok = copyWithSelection(host.renderRoot as ShadowRoot, text);
  if (!ok) void panel.show('copy', button);
  return ok;
}

/** The open panel, if any. */
export function renderPanel(host: FanShare): TemplateResult | typeof nothing {
  const kind = host.panel?.openFor;
  if (!kind) return nothing;
  const t = (key: keyof (typeof panelMessages)['en']) => format(panelMessages, host.locale, key);
  const qr = host.qr;
  let body: TemplateResult;
  if (kind === 'wechat') {
    body = isWeChat(navigator.userAgent)
      ? html`<p class="hint">${t('wechatHint')}</p>`
      : html`<svg part="qr" class="qr" viewBox="0 0 ${qr?.size ?? 0} ${qr?.size ?? 0}" role="img" aria-label=${t('wechatQrAlt')}>
            <path d=${qr?.d ?? ''}></path>
          </svg>
          <p class="hint">${t('wechatScan')}</p>`;
  } else if (kind === 'mastodon') {
    body = html`<form class="server" @submit=${(e: SubmitEvent) => submitMastodon(host, e)}>
      <label for="server">${t('mastodonServer')}</label>
      <span class="row">
        <input id="server" name="server" data-autofocus autocomplete="url" inputmode="url" placeholder="mastodon.social" .value=${storageGet(MASTODON_KEY) ?? ''} aria-invalid=${host.mastodonError ? 'true' : 'false'} aria-describedby="server-error" />
        <button type="submit" class="go">${t('mastodonGo')}</button>
      </span>
      <span id="server-error" class="error">${host.mastodonError ? t('mastodonBad') : ''}</span>
    </form>`;
  } else {
    body = html`<label class="manual"
      >${t('copyFailed')}<input readonly .value=${host.shareData('copy').url} @focus=${(e: FocusEvent) => (e.target as HTMLInputElement).select()}
    /></label>`;
  }
  return html`<div part="popover" class="popover" role="dialog" aria-label=${host.name(kind)} tabindex="-1">
    <button class="close" type="button" aria-label=${t('close')} @click=${() => host.panel!.hide()}>
      <svg viewBox="0 0 24 24" aria-hidden="true"><path d="M6 6l12 12M18 6 6 18"></path></svg>
    </button>
    ${body}
  </div>`;
}

/** Share to the Mastodon server the fan typed (remembered for next time), or say why not. */
function submitMastodon(host: FanShare, e: SubmitEvent): void {
  e.preventDefault();
  const input = (e.currentTarget as HTMLFormElement).elements.namedItem('server') as HTMLInputElement;
  const format = mastodonFormat(input.value);
  host.mastodonError = !format;
  host.requestUpdate();
  if (!format) return;
  storageSet(MASTODON_KEY, input.value.trim());
  if (!host.emit('fan-share', { network: 'mastodon', url: host.shareData('mastodon').url }, { cancelable: true })) return;
  window.open(host.link(format, 'mastodon'), '_blank', 'noopener');
  host.panel!.hide();
}

/** The pre-Clipboard-API way, for browsers or frames where writeText is refused. */
function copyWithSelection(root: ShadowRoot, text: string): boolean {
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.className = 'offscreen';
  root.append(area);
  area.select();
  let ok = false;
  try {
    ok = document.execCommand('copy');
  } catch {
    ok = false;
  }
  area.remove();
  return ok;
}

function storageGet(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function storageSet(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Private mode or a full quota: the fan types the server again next time.
  }
}
