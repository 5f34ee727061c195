import { format, type Locale } from '@fanfare/core';
import { html, type TemplateResult } from 'lit';
import { panelMessages } from './logic/panel-messages.js';
import { mastodonUrl } from './logic/mastodon.js';
import type { ShareData } from './logic/networks.js';

const MASTODON_KEY = 'fanfare:mastodon-server';

export { panelStyles } from './panels.styles.js';

/** What a panel needs from its <fan-share>. */
export interface PanelContext {
  locale: Locale;
  /** Inside WeChat's own browser, which has its own share menu. */
  inWeChat: boolean;
  qr?: { d: string; size: number };
  /** The link shown for copying by hand when the clipboard is refused. */
  link: string;
  mastodonError: boolean;
  close(): void;
  submitMastodon(e: SubmitEvent): void;
}

/**
 * The popover panels: WeChat's QR code (or, inside WeChat, where its ⋯ menu is),
 * Mastodon's server field, and the link to copy by hand. Loaded on the first click
 * that opens one, so pages that never open a panel never download it.
 */
export function renderPanel(kind: string, name: string, c: PanelContext): TemplateResult {
  const t = (key: keyof (typeof panelMessages)['en']) => format(panelMessages, c.locale, key);
  let body: TemplateResult;
  if (kind === 'wechat') {
    body = c.inWeChat
      ? html`<p class="hint">${t('wechatHint')}</p>`
      : html`<svg part="qr" class="qr" viewBox="0 0 ${c.qr?.size ?? 0} ${c.qr?.size ?? 0}" role="img" aria-label=${t('wechatQrAlt')}>
            <path d=${c.qr?.d ?? ''}></path>
          </svg>
          <p class="hint">${t('wechatScan')}</p>`;
  } else if (kind === 'mastodon') {
    body = html`<form class="server" @submit=${c.submitMastodon}>
      <label for="server">${t('mastodonServer')}</label>
      <span class="row">
        <input id="server" name="server" autocomplete="url" inputmode="url" placeholder="mastodon.social" .value=${storageGet(MASTODON_KEY) ?? ''} aria-invalid=${c.mastodonError ? 'true' : 'false'} aria-describedby="server-error" />
        <button type="submit" class="go">${t('mastodonGo')}</button>
      </span>
      <span id="server-error" class="error">${c.mastodonError ? t('mastodonBad') : ''}</span>
    </form>`;
  } else {
    body = html`<label class="manual"
      >${t('copyFailed')}<input readonly .value=${c.link} @focus=${(e: FocusEvent) => (e.target as HTMLInputElement).select()}
    /></label>`;
  }
  return html`<div part="popover" class="popover" role="dialog" aria-label=${name} tabindex="-1">
    <button class="close" type="button" aria-label=${t('close')} @click=${c.close}>
      <svg viewBox="0 0 24 24" aria-hidden="true"><path d="M6 6l12 12M18 6 6 18"></path></svg>
    </button>
    ${body}
  </div>`;
}

/** The pre-Clipboard-API way, for browsers or frames where writeText is refused. */
export function copyWithSelection(root: ShadowRoot, text: string): boolean {
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

/** The Mastodon share URL for the server typed in `form`, remembered for next time; undefined if it is not a server name. */
export function mastodonTarget(form: HTMLFormElement, data: ShareData): string | undefined {
  const input = form.elements.namedItem('server') as HTMLInputElement;
  const target = mastodonUrl(input.value, data);
  if (target) storageSet(MASTODON_KEY, input.value.trim());
  return target;
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
