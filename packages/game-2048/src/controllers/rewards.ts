import type { ReactiveControllerHost } from 'lit';
import { localize, type FanElement, type Localized } from '@fanfare/core';
import { copyText } from '@fanfare/core/clipboard';
import { errorText } from '@fanfare/core/errors';
import type { GameState } from '../engine/index.js';
import { reached, type Reward } from '../logic/config.js';
import type { Refused } from '../api.js';
import { messages } from '../messages.js';
import type { GameSession, Won } from './session.js';

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
 * the fan, with the code to copy.
 */
export class RewardsController {
  dialog?: RewardDialog;
  /** How the last copy of the dialog's code went; a failed one leaves the code selected to copy by hand. */
  copy?: 'copied' | 'failed';
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
    import('../api.js')
      .then((api) => api.claim(rewardEndpoint, gameId, log))
      .then(
        (c) => this.win({ tier: Number(c.tier), title: String(c.title), code: String(c.code) }),
        // A client that could not load is as good as no connection.
        (e: Partial<Refused>) => this.show({ heading: errorText(e.code ?? 'offline', this.host.locale) }),
      );
  }

  /** Copy the dialog's code; when that fails, say so and leave the code selected for copying by hand. */
  async copyCode(code: string): Promise<void> {
    const dialog = this.host.renderRoot.querySelector('dialog')!;
    // Inside the modal dialog: the page behind it is inert, where a selection cannot copy.
    const copied = await copyText(code, dialog);
    this.copy = copied ? 'copied' : 'failed';
    this.host.requestUpdate();
    await this.host.updateComplete;
    if (!copied) dialog.querySelector('input')?.focus();
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
    this.copy = undefined;
    this.host.requestUpdate();
  }
}
