import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { FanElement, intIn, json, parseColor, parseUrl, tokens, url } from '@fanfare/core';
import { decodeMoves, encodeMoves, move, newGame, replay, type Direction, type GameState } from './engine/index.js';
import { checkRewards, checkSkin, reached, textOn, type Reward, type Skin } from './logic/config.js';
import { InputController } from './controllers/input.js';
import { load, save } from './controllers/store.js';
import { claim, startGame, type Refused } from './controllers/server.js';
import { messages } from './messages.js';
import { styles } from './fan-2048.styles.js';

/** Must match the slide's transition in the styles: how long a slide lasts before the next queued move. */
const SLIDE_MS = 100;
/** Moves typed during a slide wait here; more than this many is a held-down key. */
const QUEUE_MAX = 8;

interface Tile {
  id: number;
  v: number;
  i: number;
  fx?: 'new' | 'pop' | 'gone';
}
interface Won {
  tier: number;
  title: string;
  code?: string;
}
/** What one campaign keeps in storage; the board itself is rebuilt by replaying the log. */
interface Saved {
  best?: number;
  won?: Won[];
  game?: { seed: string; log: string; id?: string; done?: number[]; keep?: boolean };
}
interface Dialog {
  head: string;
  text?: string;
  code?: string;
}

const imageUrl = (raw: string) => parseUrl(raw, document.baseURI);
const cssColor = (raw: string) => parseColor(raw, (c) => CSS.supports('color', c));

// A local game needs no secret: nothing is verified against its seed.
const randomSeed = () => Math.random().toString(36).slice(2);

/**
 * A branded 2048 that fans play with keys or swipes, with rewards at a tile or score.
 *
 * @summary 2048 with brand skins, saved progress and coupon rewards (inline or server-verified).
 * @fires fan-game-start - A new game begins. `{campaign}`
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

  /** Board width and height in tiles, 3–6. */
  @property({ converter: intIn(3, 6, 4) }) size = 4;
  /** Namespaces saved progress and analytics, so two games on a page stay apart. */
  @property() campaign = '';
  /** JSON array of `{tile}` or `{score}` thresholds with a `title` and, inline, a `code`. */
  @property({ converter: json<Reward[]>([], checkRewards) }) rewards: Reward[] = [];
  /** Server mode: the game asks this endpoint for a seed and gets codes after a replay. */
  @property({ attribute: 'reward-endpoint', converter: url('') }) rewardEndpoint = '';
  /** JSON object: tile value → `{label, image, color}`. */
  @property({ converter: json<Skin>({}, (v) => checkSkin(v, imageUrl, cssColor)) }) skin: Skin = {};
  /** Brand logo shown above the board. */
  @property({ converter: url('') }) logo = '';
  /** Networks for "share my score" (as `<fan-share networks>`); the locale's default when empty. */
  @property() share = '';

  @state() private game?: GameState;
  @state() private tiles: Tile[] = [];
  @state() private best = 0;
  @state() private won: Won[] = [];
  @state() private note = '';
  @state() private notice = '';
  @state() private dialog?: Dialog;
  @state() private copied = false;
  @state() private keep = false;

  private seed = '';
  private gameId?: string;
  private dirs: Direction[] = [];
  private done: number[] = [];
  private queue: Direction[] = [];
  private timer = 0;
  private seq = 0;
  private token = 0;
  private broken = new Set<number>();
  private input = new InputController((d) => this.go(d));

  private t = (key: keyof (typeof messages)['en'], vars?: Record<string, string | number>) =>
    this.msg(messages, key, vars);

  private get key(): string {
    return `fan-2048:${this.campaign || '-'}:${this.size}`;
  }

  /** Start over with a fresh board (a new server game in server mode). */
  restart(): void {
    this.dirs = [];
    this.done = [];
    this.queue = [];
    this.keep = false;
    this.gameId = undefined;
    this.notice = '';
    const token = ++this.token;
    if (!this.rewardEndpoint) return this.begin(randomSeed());
    this.game = undefined;
    this.tiles = [];
    this.note = this.t('starting');
    startGame(this.rewardEndpoint, this.campaign, this.size).then(
      (g) => token === this.token && ((this.gameId = g.id), this.begin(g.seed)),
      () => token === this.token && ((this.notice = this.t('offline')), this.begin(randomSeed())),
    );
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Back in the page after a server start was dropped on disconnect.
    if (this.hasUpdated && !this.game) this.restart();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.timer);
    this.timer = 0;
    this.queue = [];
    this.token++; // drop answers to requests made before
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('size') || changed.has('campaign') || changed.has('rewardEndpoint')) this.restore();
  }

  private restore(): void {
    const s = load<Saved>(this.key) ?? {};
    this.best = Number(s.best) || 0;
    this.won = Array.isArray(s.won) ? s.won : [];
    const g = s.game;
    const state = g && replay(this.size, g.seed, g.log); // never throws, whatever was stored
    if (!g || !state || state.invalidMove) return this.restart();
    this.token++;
    this.seed = g.seed;
    this.dirs = decodeMoves(g.log)!;
    this.gameId = g.id;
    this.done = Array.isArray(g.done) ? g.done : [];
    this.keep = !!g.keep;
    this.set(state);
  }

  private begin(seed: string): void {
    this.seed = seed;
    this.set(newGame(this.size, seed));
    this.persist();
    this.emit('fan-game-start', { campaign: this.campaign });
  }

  private set(state: GameState): void {
    this.game = state;
    this.tiles = state.cells.flatMap((v, i) => (v ? [{ id: ++this.seq, v, i }] : []));
    this.note = '';
  }

  private persist(): void {
    const { seed, gameId: id, done, keep } = this;
    save(this.key, { best: this.best, won: this.won, game: { seed, log: encodeMoves(this.dirs), id, done, keep } });
  }

  private go(dir: Direction): void {
    if (this.timer) {
      if (this.queue.length < QUEUE_MAX) this.queue.push(dir);
      return;
    }
    this.apply(dir);
  }

  private apply(dir: Direction): void {
    const g = this.game;
    // While the "you made 2048" card is up, the fan chooses to keep going first.
    if (!g || (g.won && !this.keep)) return;
    const r = move(g, dir);
    if (!r.changed) return;
    const { state } = r;
    const tiles: Tile[] = this.tiles.filter((t) => t.fx !== 'gone').map((t) => ({ id: t.id, v: t.v, i: r.to[t.i] }));
    // Both tiles of a merge slide into place and leave; a new tile pops in on top.
    for (const t of tiles) if (r.merged.includes(t.i)) t.fx = 'gone';
    for (const i of r.merged) tiles.push({ id: ++this.seq, v: state.cells[i], i, fx: 'pop' });
    if (r.spawned) tiles.push({ id: ++this.seq, v: r.spawned.value, i: r.spawned.index, fx: 'new' });
    this.game = state;
    this.dirs.push(dir);
    this.best = Math.max(this.best, state.score);
    const merged = r.merged.map((i) => state.cells[i]).sort((a, b) => a - b);
    this.note = this.t(merged.length ? 'merged' : 'moved', {
      dir: this.t(dir),
      tiles: merged.join(this.locale === 'zh-CN' ? '、' : ', '),
      score: state.score,
    });
    if (matchMedia('(prefers-reduced-motion: reduce)').matches) {
      this.tiles = tiles.filter((t) => t.fx !== 'gone');
    } else {
      this.tiles = tiles;
      this.timer = window.setTimeout(() => this.settle(), SLIDE_MS);
    }
    this.checkRewards(state);
    this.persist();
    if (state.over) this.emit('fan-game-over', { score: state.score, maxTile: state.maxTile, moves: state.moves });
  }

  private settle(): void {
    this.timer = 0;
    this.tiles = this.tiles.filter((t) => t.fx !== 'gone');
    while (this.queue.length && !this.timer) this.apply(this.queue.shift()!);
  }

  private checkRewards(state: GameState): void {
    const tiers = reached(this.rewards, state.score, state.maxTile);
    if (!this.rewardEndpoint) {
      for (const tier of tiers) {
        const r = this.rewards[tier];
        if (!this.won.some((w) => w.tier === tier)) this.win({ tier, title: r.title, code: r.code });
      }
      return;
    }
    const fresh = tiers.filter((t) => !this.done.includes(t));
    if (!this.gameId || !fresh.length) return;
    this.done.push(...fresh);
    this.dialog = { head: this.t('checking') };
    // No stale-answer check here: the server has spent the code, so the fan must see it.
    claim(this.rewardEndpoint, this.gameId, encodeMoves(this.dirs)).then(
      (c) => this.win({ tier: Number(c.tier), title: String(c.title), code: String(c.code) }),
      (e: Refused) => {
        const known = ['expired', 'already_claimed', 'pool_empty', 'offline'] as const;
        const code = known.find((k) => k === e.code);
        this.dialog = { head: code ? this.t(code) : e.message || this.t('refused') };
      },
    );
  }

  private win(w: Won): void {
    this.won = [...this.won.filter((x) => x.tier !== w.tier), w];
    this.persist();
    this.copied = false;
    this.dialog = { head: this.t('congrats'), text: w.title, code: w.code };
    this.emit('fan-reward', w);
  }

  private copy(code: string): void {
    // Without clipboard permission the code stays selectable (user-select: all) by hand.
    navigator.clipboard.writeText(code).then(() => (this.copied = true), () => {});
  }

  protected override updated(changed: PropertyValues<this>): void {
    const dlg = this.renderRoot.querySelector('dialog')!;
    if (this.dialog && !dlg.open) dlg.showModal();
    if (!this.dialog && dlg.open) dlg.close();
    if (changed.has('skin')) {
      const board = this.renderRoot.querySelector<HTMLElement>('[part=board]')!;
      board.style.cssText = ''; // only ever holds the skin's colours
      for (const [v, s] of Object.entries(this.skin)) {
        const k = Math.log2(Number(v));
        if (!s.color) continue;
        board.style.setProperty(`--_s${k}`, s.color);
        // The text colour follows only from a hex colour; other forms keep the palette's.
        if (/^#([\da-f]{3}|[\da-f]{6})$/i.test(s.color)) board.style.setProperty(`--_f${k}`, textOn(s.color));
      }
    }
  }

  private tile(t: Tile, n: number) {
    const s = this.skin[t.v];
    const img = s?.image && !this.broken.has(t.v);
    const text = (img ? '' : s?.label) || String(t.v);
    return html`<div
      part="tile"
      class="tile t${Math.min(Math.log2(t.v), 17)} x${t.i % n} y${(t.i / n) | 0} ${t.fx ?? ''} l${Math.min(5, textWidth(text))}"
    >
      ${img
        ? html`<img src=${s.image!} alt="" @error=${() => (this.broken.add(t.v), this.requestUpdate())} />`
        : text}
    </div>`;
  }

  override render() {
    const { t, game, size: n, dialog: d } = this;
    const score = game?.score ?? 0;
    const ended = game?.over ? t('over') : game?.won && !this.keep ? t('won') : '';
    return html`
      <div class="bar">
        ${this.logo ? html`<img class="logo" src=${this.logo} alt="" />` : nothing}
        <div part="score">${t('score')}<b>${score}</b></div>
        <div part="score">${t('best')}<b>${this.best}</b></div>
        <button @click=${() => this.restart()}>${t('newGame')}</button>
      </div>
      <div
        part="board"
        class="n${n}"
        tabindex="0"
        role="application"
        aria-label=${t('board')}
        @keydown=${this.input.key}
        @pointerdown=${this.input.down}
        @pointerup=${this.input.up}
        @pointercancel=${this.input.cancel}
      >
        <div class="cells" aria-hidden="true">${Array.from({ length: n * n }, () => html`<i></i>`)}</div>
        <div aria-hidden="true">${repeat(this.tiles, (x) => x.id, (x) => this.tile(x, n))}</div>
        ${ended
          ? html`<div class="over">
              <p>${ended}</p>
              ${game?.over ? nothing : html`<button @click=${() => ((this.keep = true), this.persist())}>${t('keepGoing')}</button>`}
              <button @click=${() => this.restart()}>${t('newGame')}</button>
            </div>`
          : nothing}
      </div>
      <p class="sr-only" role="status">${this.note}</p>
      ${this.rewards.length
        ? html`<ul aria-label=${t('rewards')}>
            ${this.rewards.map((r, i) => {
              const w = this.won.find((x) => x.tier === i);
              return html`<li>
                ${r.tile ? t('tile', { n: r.tile, title: r.title }) : t('points', { n: r.score!, title: r.title })}
                ${w ? (w.code ? html` &mdash; <code>${w.code}</code>` : html` &#10003;`) : nothing}
              </li>`;
            })}
          </ul>`
        : nothing}
      <p role="status">${this.notice}</p>
      <div class="bar">
        ${t('share')}
        <fan-share networks=${this.share || nothing} text=${t('shareText', { score })}></fan-share>
      </div>
      <dialog part="dialog" aria-labelledby="dh" @close=${() => (this.dialog = undefined)}>
        ${d
          ? html`<h2 id="dh">${d.head}</h2>
              ${d.text ? html`<p>${d.text}</p>` : nothing}
              ${d.code
                ? html`<p><code>${d.code}</code></p>
                    <button @click=${() => this.copy(d.code!)}>${this.copied ? t('copied') : t('copy')}</button>`
                : nothing}
              <button @click=${() => (this.dialog = undefined)}>${t('close')}</button>`
          : nothing}
      </dialog>
    `;
  }
}

/** Width of a label in half-width units: a Chinese character is as wide as two digits. */
const textWidth = (text: string): number => text.replace(/[\u2e80-\u9fff\uff00-\uffef]/g, '..').length;
