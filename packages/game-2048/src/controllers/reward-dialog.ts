import { html, nothing, type ReactiveControllerHost } from 'lit';
import { copyText, selectOnFocus } from '@fanfare/core/clipboard';
import type { RewardDialog } from './rewards.js';

export interface DialogHost extends ReactiveControllerHost {
  readonly renderRoot: HTMLElement | DocumentFragment;
}

type Translate = (key: 'code' | 'copy' | 'copied' | 'copyFailed' | 'close') => string;

/**
 * What the reward dialog shows: its heading, the reward's title, and the code (the
 * largest thing in it) with a button to copy it. A copy that fails says so and leaves
 * the code selected in a field, to copy by hand.
 *
 * Loaded with the first dialog, since most visits never reach a reward. It imports
 * nothing of the game (its words come in as `t`), so it loads as one small chunk.
 */
export class RewardDialogView {
  /** How the last copy of this dialog's code went. */
  private copy?: 'copied' | 'failed';
  private shown?: RewardDialog;

  constructor(
    private readonly host: DialogHost,
    private readonly t: Translate,
    private readonly close: () => void,
  ) {}

  render(d: RewardDialog) {
    const { t } = this;
    if (d !== this.shown) [this.shown, this.copy] = [d, undefined];
    const code = d.code
      ? html`${this.copy === 'failed'
            ? html`<input class="code" readonly .value=${d.code} aria-label=${t('code')} @focus=${selectOnFocus} />
                <p role="status">${t('copyFailed')}</p>`
            : html`<code class="code">${d.code}</code>`}
          <button @click=${() => this.copyCode(d.code!)}>${this.copy === 'copied' ? t('copied') : t('copy')}</button>`
      : nothing;
    return html`<h2 id="dh">${d.heading}</h2>
      ${d.title ? html`<p>${d.title}</p>` : nothing} ${code}
      <button @click=${this.close}>${t('close')}</button>`;
  }

  private async copyCode(code: string): Promise<void> {
    const dialog = this.host.renderRoot.querySelector('dialog')!;
    // Inside the modal dialog: the page behind it is inert, where a selection cannot copy.
    const copied = await copyText(code, dialog);
    this.copy = copied ? 'copied' : 'failed';
    this.host.requestUpdate();
    await this.host.updateComplete;
    if (!copied) dialog.querySelector('input')?.focus();
  }
}
