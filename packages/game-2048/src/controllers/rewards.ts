import { html, nothing, type ReactiveControllerHost } from 'lit';
import { localize, type FanElement, type Localized } from '@fanfare/core';
import type { GameState } from '../engine/index.js';
import { reached, type Reward, type Skin } from '../logic/config.js';
import type { Refused } from '../api.js';
import { messages } from '../messages.js';
import type { GameSession, Won } from './session.js';
import type { RewardDialogView } from './reward-dialog.js';

export interface RewardsHost extends ReactiveControllerHost, Localized {
  /** The page's `rewards`: the rewards themselves inline, a preview in server mode. */
  readonly rewards: Reward[];
  readonly rewardEndpoint: string;
  readonly renderRoot: HTMLElement | DocumentFragment;
  emit: FanElement['emit'];
}

/** What the reward dialog says: a heading, and for a reward won its title and code. */
export interface RewardDialog {
  heading: string;
  title?: string;
  code?: string;
}

/**
 * The rewards of a game: which tiers it has reached, winning them (from the page's list
 * inline, from the server after its replay in server mode), and the dialog that tells
 * the fan, with the code to copy (drawn by reward-dialog.ts). The host places
 * `renderList()` and, inside its `<dialog>`, `renderDialog()`, and opens the dialog
 * while that has something to show.
 */
export class RewardsController {
  dialog?: RewardDialog;
  /** What draws the dialog, loaded with the first one. */
  private view?: RewardDialogView;
  private loading?: Promise<void>;
  private t = localize(this.host, messages);

  constructor(
    private readonly host: RewardsHost,
    private readonly session: GameSession,
  ) {}

  /** The rewards on offer. In server mode the server's list for this game is the truth. */
  get list(): readonly Reward[] {
    return this.session.serverRewards ?? this.host.rewards;
  }

  /** After a move: win what `state` has reached and was not won before. */
  check(state: GameState): void {
    const { list } = this;
    const session = this.session;
    const { rewardEndpoint } = this.host;
    const tiers = reached(list, state.score, state.maxTile);
    if (!rewardEndpoint) {
      for (const tier of tiers) {
        if (!session.won.some((w) => w.tier === tier)) this.win({ tier, title: list[tier].title, code: list[tier].code });
      }
      return;
    }
    const fresh = tiers.filter((t) => !session.claimedTiers.includes(t));
    if (!session.gameId || !fresh.length) return;
    session.claimedTiers.push(...fresh);
    this.show({ heading: this.t('checking') });
    // No stale-answer guard: the server has spent the code, so the fan must see it.
    const { gameId, log } = session;
    import('../api.js').then(
      (api) =>
        api.claim(rewardEndpoint, gameId, log).then(
          (won) => this.win(won),
          (e: Refused) => this.show({ heading: api.errorText(e.code, this.host.locale) }),
        ),
      () => {
        // The client could not load (no connection): ask again after a later move.
        session.claimedTiers = session.claimedTiers.filter((t) => !fresh.includes(t));
        this.close();
      },
    );
  }

  /** The rewards on offer, each with its code or "won" once won. */
  renderList(skin: Skin) {
    const { t } = this;
    const item = (r: Reward, tier: number) => {
      const won = this.session.won.find((w) => w.tier === tier);
      // A skinned tile is named as the fan sees it on the board.
      const label = r.tile && skin[r.tile]?.label;
      const { title } = r;
      return html`<li>
        ${label ? t('tileNamed', { label, title }) : r.tile ? t('tile', { n: r.tile, title }) : t('points', { n: r.score!, title })}${won
          ? won.code ? html`${t('codeIs')}<code>${won.code}</code>` : t('claimed')
          : nothing}
      </li>`;
    };
    return this.list.length ? html`<ul aria-label=${t('rewards')}>${this.list.map(item)}</ul>` : nothing;
  }

  /** The dialog's content, once its code has loaded (the host opens the dialog then). */
  renderDialog() {
    return this.dialog && this.view ? this.view.render(this.dialog) : nothing;
  }

  close(): void {
    this.dialog = undefined;
    this.host.requestUpdate();
  }

  private win(w: Won): void {
    this.session.addWin(w);
    this.show({ heading: this.t('congrats'), title: w.title, code: w.code });
    this.host.emit('fan-reward', w);
  }

  private show(dialog: RewardDialog): void {
    this.dialog = dialog;
    this.host.requestUpdate();
    this.loading ??= import('./reward-dialog.js').then(
      (m) => {
        this.view = new m.RewardDialogView(this.host, this.t, () => this.close());
        this.host.requestUpdate();
      },
      // Offline: the won code is in the list all the same; the next dialog tries again.
      () => (this.loading = undefined),
    );
  }
}
