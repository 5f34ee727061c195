import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { FanElement, localize, tokens, url, warn } from '@fanfare/core';
import { copyText } from '@fanfare/core/clipboard';
import { isWeChat } from '@fanfare/core/env';
import { getJson, setJson } from '@fanfare/core/storage';
// The real share buttons, defined once per page whoever imports them first.
import '@fanfare/share';
import { call, type Refused } from './api.js';
import { afterHan, isLive, phaseOf, readInvite, storageKey, withClaim, withProgress, type Invite } from './logic/invite.js';
import { messages } from './messages.js';
import { styles } from './fan-invite.styles.js';

/** What the widget shows: its invite, share buttons alone (no server, or a server that said no), or WeChat's version. */
type Mode = 'loading' | 'invite' | 'plain' | 'wechat';

/**
 * "Invite 3 friends, get 15% off": the fan's own link in the real share buttons, friends
 * counted by the server, then the reward's code, kept on the device.
 *
 * @summary Referral rewards: share a personal link, get a code when friends visit.
 * @fires fan-invite-start - `{campaign}` when the server gave this fan an invite (not when one kept on the device shows again).
 * @fires fan-reward - `{title, tier: 0, code}` when the fan claims the reward.
 * @fires fan-share - From the share buttons inside, for each share: its `ref` is the invite's.
 * @csspart base - The card.
 * @csspart heading - The offer (or, without one, the invitation to share).
 * @csspart share - The inner `<fan-share>`.
 * @csspart button - Refresh, claim and copy.
 * @csspart code - The reward's code.
 * @cssprop --fan-invite-bg - The card's background (falls back to --fan-color-surface).
 * @cssprop --fan-invite-color - The card's text (falls back to --fan-color-text).
 * @cssprop --fan-invite-border - The card's and buttons' borders (falls back to --fan-color-border).
 * @cssprop --fan-invite-accent - The claim button and the code's frame (falls back to --fan-color-brand).
 */
export class FanInvite extends FanElement {
  static override styles = [tokens, styles];

  /** How long a call to the server may take before the widget stops waiting (ms). */
  static timeout = 8000;

  static override properties = {
    campaign: {},
    rewardEndpoint: { attribute: 'reward-endpoint', converter: url('') },
    networks: {},
    wechatText: { attribute: 'wechat-text' },
    mode: { state: true },
    invite: { state: true },
    busy: { state: true },
    note: { state: true },
    copied: { state: true },
  };

  /** The server's `referrals.<name>`. */
  campaign = '';
  /** The server's `/referrals` endpoint. */
  rewardEndpoint = '';
  /** Networks of the share buttons, as `<fan-share networks>`; the locale's default when empty. */
  networks = '';
  /** What the widget says inside WeChat, where no reward may be tied to sharing. Default: "Enjoying it? Share it with your friends". */
  wechatText = '';

  private mode: Mode = 'loading';
  private invite?: Invite;
  private busy: '' | 'refresh' | 'claim' = '';
  /** Why the last refresh or claim did not work, in the fan's words. */
  private note = '';
  private copied = false;
  private run = 0;
  private abort?: AbortController;
  private warned = false;
  private checked = 0;
  private timer?: ReturnType<typeof setTimeout>;
  private t = localize(this, messages);
  private readonly onFocus = () => {
    // Coming back to the tab is when friends may have come: one check, not a polling loop.
    if (this.invite && phaseOf(this.invite) === 'inviting' && Date.now() - this.checked > 5000) void this.refresh();
  };

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener('focus', this.onFocus);
    // Back on the page after leaving it: start again from what the device kept.
    if (this.hasUpdated) void this.begin();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('focus', this.onFocus);
    this.abort?.abort();
    this.run++;
    this.busy = '';
    clearTimeout(this.timer);
    this.copied = false;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('campaign') || changed.has('rewardEndpoint')) void this.begin();
  }

  private get base(): string {
    return this.rewardEndpoint.replace(/\/$/, '');
  }

  /** One warning per element, however often the server fails: the marketer needs to hear it once. */
  private fail(text: string): void {
    if (!this.warned) warn(this, text);
    this.warned = true;
  }

  private keep(invite: Invite): void {
    this.invite = invite;
    setJson(storageKey(this.base, this.campaign), invite);
  }

  private async begin(): Promise<void> {
    const run = ++this.run;
    this.abort?.abort();
    const abort = (this.abort = new AbortController());
    this.invite = undefined;
    this.note = '';
    this.busy = '';
    if (isWeChat(navigator.userAgent)) return void (this.mode = 'wechat');
    const { campaign, base } = this;
    if (!campaign || !base) {
      this.mode = 'plain';
      // Frameworks may set one property a moment before the other: judge once both had their chance.
      await 0;
      if (run === this.run) this.fail(`needs campaign and reward-endpoint to offer a reward; showing the share buttons alone`);
      return;
    }
    const kept = readInvite(getJson(storageKey(base, campaign)));
    if (isLive(kept, Date.now())) {
      this.invite = kept;
      this.mode = 'invite';
      if (phaseOf(kept) !== 'holdout' && phaseOf(kept) !== 'won') void this.refresh();
      return;
    }
    this.mode = 'loading';
    try {
      const invite = readInvite(await call(base, { campaign }, FanInvite.timeout, abort.signal));
      if (run !== this.run) return;
      if (!invite) throw { code: 'offline' } satisfies Refused;
      this.keep(invite);
      this.mode = 'invite';
      this.checked = Date.now();
      this.emit('fan-invite-start', { campaign });
    } catch (e) {
      if (run !== this.run) return;
      this.mode = 'plain';
      const code = (e as Refused).code;
      this.fail(
        code === 'offline'
          ? `got no answer from reward-endpoint="${this.rewardEndpoint}"; showing the share buttons alone`
          : `reward-endpoint="${this.rewardEndpoint}" refused campaign="${campaign}" (${code}); showing the share buttons alone`,
      );
    }
  }

  private async refresh(): Promise<void> {
    const invite = this.invite;
    if (!invite?.key || this.busy) return;
    const run = this.run;
    this.busy = 'refresh';
    this.note = '';
    this.checked = Date.now();
    try {
      const next = withProgress(invite, await call(`${this.base}/${invite.ref}?key=${encodeURIComponent(invite.key)}`, undefined, FanInvite.timeout, this.abort?.signal));
      if (run !== this.run) return;
      if (!next) throw { code: 'offline' } satisfies Refused;
      this.keep(next);
    } catch (e) {
      if (run !== this.run) return;
      this.note = this.t('stale');
      this.fail(`could not read the invite's progress from reward-endpoint="${this.rewardEndpoint}" (${(e as Refused).code})`);
    } finally {
      if (run === this.run) this.busy = '';
    }
  }

  private async claim(): Promise<void> {
    const invite = this.invite;
    if (!invite?.key || this.busy) return;
    const run = this.run;
    this.busy = 'claim';
    this.note = '';
    try {
      const won = withClaim(invite, await call(`${this.base}/${invite.ref}/claim`, { key: invite.key }, FanInvite.timeout, this.abort?.signal));
      if (run !== this.run) return;
      if (!won) throw { code: 'offline' } satisfies Refused;
      this.keep(won);
      this.emit('fan-reward', { title: won.title!, tier: 0, code: won.code! });
    } catch (e) {
      if (run !== this.run) return;
      const code = (e as Refused).code;
      this.busy = '';
      // Claimed already (another tab, a lost answer): the progress carries the code.
      if (code === 'invite_claimed') return this.refresh();
      // What a fan reads for a refusal, loaded only when there is one.
      this.note = code === 'offline' ? this.t('stale') : (await import('@fanfare/core/errors')).errorText(code, this.locale);
    } finally {
      if (run === this.run && this.busy === 'claim') this.busy = '';
    }
  }

  private async copy(): Promise<void> {
    if (!(await copyText(this.invite!.code!, this.renderRoot as ShadowRoot))) return;
    this.copied = true;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => (this.copied = false), 2000);
  }

  override render(): TemplateResult {
    const { t, mode, invite } = this;
    const phase = mode === 'invite' && invite ? phaseOf(invite) : 'holdout';
    const offer = phase !== 'holdout';
    const title = invite?.title ?? '';
    const heading =
      mode === 'loading' ? t('loading') : mode === 'wechat' ? this.wechatText || t('share') : !offer ? t('share') : phase === 'won' ? t('won', { title }) : t('offer', { needed: invite!.needed!, title: this.locale === 'en' ? title : afterHan(title) });
    return html`<section part="base" class="base" aria-label=${t('group')} aria-busy=${mode === 'loading' ? 'true' : 'false'}>
      <p part="heading" class="heading ${mode === 'loading' ? 'muted' : ''}">${heading}</p>
      <div class="shares">
        ${mode === 'loading'
          ? nothing
          : html`<fan-share part="share" lang=${this.locale} networks=${this.networks || nothing} .ref=${mode === 'invite' ? invite!.ref : ''}></fan-share>`}
      </div>
      <div class="foot">
        <p class="status" aria-live="polite">${offer ? this.renderStatus(invite!, phase) : nothing}</p>
        ${offer ? this.renderAction(phase) : nothing}
      </div>
      <span class="sr-only" role="status">${this.copied ? t('copied') : ''}</span>
    </section>`;
  }

  private renderStatus(invite: Invite, phase: string): TemplateResult | string {
    // The heading already names the reward: "Your code" is for the ear only, leaving the code the room.
    if (phase === 'won') return html`<span class="sr-only">${this.t('code')}</span><code part="code" class="code">${invite.code}</code>`;
    return this.note || this.t('progress', { n: invite.friends ?? 0, needed: invite.needed! });
  }

  private renderAction(phase: string): TemplateResult {
    const { t, busy } = this;
    const [label, act, cls] =
      phase === 'won'
        ? [this.copied ? t('copied') : t('copy'), this.copy, '']
        : phase === 'ready'
          ? [busy === 'claim' ? t('claiming') : t('claim'), this.claim, 'primary']
          : [busy === 'refresh' ? t('refreshing') : t('refresh'), this.refresh, ''];
    return html`<button part="button" class="btn ${cls}" type="button" aria-disabled=${busy ? 'true' : 'false'} @click=${() => act.call(this)}>${label}</button>`;
  }
}
