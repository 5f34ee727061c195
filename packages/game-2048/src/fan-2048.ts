import { html, nothing, type PropertyValues } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { FanElement, intIn, json, localize, pageColor, pageUrl, tokens, url } from '@fanfare/core';
import { cssVars } from '@fanfare/core/css-vars';
import type { Direction, MoveResult } from './engine/index.js';
import { labelWidth, parseRewards, parseSkin, tileColors, type Reward, type Skin } from './logic/config.js';
import { InputController } from './controllers/input.js';
import { GameSession } from './controllers/session.js';
import { SlideQueue, type Tile } from './controllers/slide-queue.js';
import { RewardsController } from './controllers/rewards.js';
import { messages } from './messages.js';
import { styles } from './fan-2048.styles.js';

// A label as wide as 3, 4, 5 or more digits gets smaller type (by its width in digits).
const TEXT_SCALE = [0.45, 0.45, 0.45, 0.36, 0.28, 0.19];

/**
 * A branded 2048 that fans play with keys or swipes, with rewards at a tile or score.
 *
 * @summary 2048 with brand skins, saved progress and coupon rewards (inline or server-verified).
 * @fires fan-game-start - A fan makes the first move of a game. `{campaign}`
 * @fires fan-game-over - No move is left. `{score, maxTile, moves}`
 * @fires fan-reward - A reward is won. `{title, tier, code?}`
 * @csspart board - The playing area (focus it to play with keys).
 * @csspart tile - Each tile.
 * @csspart score - The score and best-score boxes.
 * @csspart dialog - The reward dialog.
 * @cssprop --fan-2048-board - Board background.
 * @cssprop --fan-2048-cell - Empty cell colour.
 * @cssprop --fan-2048-gap - Space between tiles (a length, default 8px).
 * @cssprop --fan-2048-max-width - Widest the game grows (default 30rem).
 */
export class Fan2048 extends FanElement {
  static override styles = [tokens, styles];

  // Declared here rather than with decorators, which cost bytes in every bundle.
  static override properties = {
    size: { converter: intIn(3, 6, 4) },
    campaign: {},
    rewards: { converter: json<Reward[]>([], parseRewards) },
    rewardEndpoint: { attribute: 'reward-endpoint', converter: url('') },
    skin: { converter: json<Skin>({}, (v) => parseSkin(v, pageUrl, pageColor)) },
    logo: { converter: url('') },
    share: {},
  };

  /** Board width and height in tiles, 3–6. */
  size = 4;
  /** Namespaces saved progress and analytics, so two games on a page stay apart. */
  campaign = '';
  /** JSON array of `{tile}` or `{score}` thresholds with a `title` and, inline, a `code`. In server mode, a preview until the server sends its own. */
  rewards: Reward[] = [];
  /** Server mode: the game asks this endpoint for a seed and its rewards, and gets codes after a replay. */
  rewardEndpoint = '';
  /** JSON object: tile value → `{label, image, color}`. */
  skin: Skin = {};
  /** Brand logo shown above the board. */
  logo = '';
  /** Networks for "share my score" (as `<fan-share networks>`); the locale's default when empty. */
  share = '';

  private t = localize(this, messages);
  private session = new GameSession(this, (state) => (this.slides.show(state), (this.announcement = '')));
  private slides = new SlideQueue(this, (dir) => this.play(dir));
  private prizes = new RewardsController(this, this.session);
  private input = new InputController((dir) => this.slides.push(dir));
  /** What the last move did, for screen readers. */
  private announcement = '';
  private brokenImages = new Set<number>();

  /** Start over with a fresh board (a new server game in server mode). */
  restart(): void {
    this.session.restart();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('size') || changed.has('campaign') || changed.has('rewardEndpoint')) this.session.restore();
  }

  protected override updated(): void {
    const dialog = this.renderRoot.querySelector('dialog')!;
    // Once its content is there (its code loads with the first dialog) and the slide has
    // settled, so the fan sees the tile that won before the dialog covers it.
    if (this.prizes.dialog && dialog.childElementCount && !dialog.open && !this.slides.sliding) dialog.showModal();
    if (!this.prizes.dialog && dialog.open) dialog.close();
  }

  private play(dir: Direction): MoveResult | undefined {
    const r = this.session.move(dir);
    if (!r) return;
    const { state } = r;
    const { over, score, maxTile, moves } = state;
    // Merged tiles are named as the fan sees them: a skin's label, else the number.
    const merged = r.merged.map((cell) => state.cells[cell]).sort((a, b) => a - b);
    this.announcement = this.t(merged.length ? 'merged' : 'moved', {
      dir: this.t(dir),
      tiles: merged.map((v) => this.skin[v]?.label ?? v).join(this.locale === 'zh-CN' ? '、' : ', '),
      score,
    });
    this.prizes.check(state);
    this.session.persist();
    if (over) this.emit('fan-game-over', { score, maxTile, moves });
    return r;
  }

  private tile({ value, cell, effect }: Tile) {
    const skin = this.skin[value];
    const image = skin?.image && !this.brokenImages.has(value);
    const text = (image ? '' : skin?.label) || String(value);
    const [background, color] = tileColors(value, this.skin);
    return html`<div
      part="tile"
      class="tile ${effect ?? ''}"
      data-value=${value}
      ${cssVars({ '--_bg': background, '--_fg': color, '--_col': cell % this.size, '--_row': (cell / this.size) | 0, '--_ts': TEXT_SCALE[Math.min(5, labelWidth(text))] })}
    >
      ${image ? html`<img src=${skin.image!} alt="" @error=${() => (this.brokenImages.add(value), this.requestUpdate())} />` : text}
    </div>`;
  }

  override render() {
    const { t, session, prizes } = this;
    const { game } = session;
    const score = game?.score ?? 0;
    const ended = game?.over ? t('over') : game?.won && !session.playingOn ? t('won') : '';
    return html`
      <div class="bar">
        ${this.logo ? html`<img class="logo" src=${this.logo} alt="" />` : nothing}
        <div part="score">${t('score')}<b>${score}</b></div>
        <div part="score">${t('best')}<b>${session.best}</b></div>
        <button @click=${this.restart}>${t('restart')}</button>
      </div>
      <div part="board" tabindex="0" role="application" aria-label=${t('board')} ${cssVars({ '--_size': this.size })}
        @keydown=${this.input.key} @pointerdown=${this.input.down} @pointerup=${this.input.up} @pointercancel=${this.input.cancel}
      >
        <div class="cells" aria-hidden="true">${Array.from({ length: this.size ** 2 }, () => html`<i></i>`)}</div>
        <div aria-hidden="true">${repeat(this.slides.tiles, (x) => x.key, (x) => this.tile(x))}</div>
        ${ended
          ? html`<div class="over">
              <p>${ended}</p>
              ${game?.over ? nothing : html`<button @click=${() => session.keepGoing()}>${t('keepGoing')}</button>`}
              <button @click=${this.restart}>${t('playAgain')}</button>
            </div>`
          : nothing}
      </div>
      <p class="sr-only" role="status">${session.starting ? t('starting') : this.announcement}</p>
      ${prizes.renderList(this.skin)}
      <p role="status">${session.notice(this.locale)}</p>
      <div class="bar foot">
        ${t('share')}
        <fan-share networks=${this.share || nothing} text=${t('shareText', { score })}></fan-share>
      </div>
      <dialog part="dialog" aria-labelledby="dh" @close=${() => prizes.close()}>${prizes.renderDialog()}</dialog>
    `;
  }
}
