import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { FanElement, Locale } from '@fanfare/core';
import { getJson, setJson } from '@fanfare/core/storage';
import { Task } from '@fanfare/core/task';
import { RULES_VERSION, decodeMoves, encodeMoves, move, newGame, replay, type Direction, type GameState, type MoveResult } from '../engine/index.js';
import { parseRewards, type Reward } from '../logic/config.js';
import type { ServerGame } from '../api.js';

/** A reward this campaign has won on this device; `tier` is its index in the list of rewards. */
export interface Won {
  tier: number;
  title: string;
  code?: string;
}

/**
 * What one campaign keeps in storage; the board itself is rebuilt by replaying the log.
 * The short names stay as they were, so games saved by earlier versions still restore.
 */
interface Saved {
  best?: number;
  won?: Won[];
  game?: SavedGame;
}
interface SavedGame {
  seed: string;
  /** The moves, as the engine's `encodeMoves` writes them. */
  log: string;
  /** Server mode: the game id the server signed. */
  id?: string;
  /** Server mode: the tiers this game has asked the server for. */
  done?: number[];
  /** The fan chose "keep going" after making 2048. */
  keep?: boolean;
  /** Server mode: the server's rewards for this game (checked when read: it is the server's word, then storage). */
  rewards?: unknown;
}

export interface SessionHost extends ReactiveControllerHost {
  readonly size: number;
  readonly campaign: string;
  readonly rewardEndpoint: string;
  readonly hasUpdated: boolean;
  emit: FanElement['emit'];
}

// A local game needs no secret: nothing is verified against its seed.
const randomSeed = () => Math.random().toString(36).slice(2);
const NO_MOVES = encodeMoves([]);

/**
 * One game of one campaign: its seed and moves, the server's game id and rewards in
 * server mode, the best score and the rewards won, kept in storage after every change.
 * `onBoard` hears of every new board that is not a move (a new game, a restored one).
 */
export class GameSession implements ReactiveController {
  game?: GameState;
  best = 0;
  won: Won[] = [];
  /** Server mode: the id the server signed for this game, without which nothing can be claimed. */
  gameId?: string;
  /** Server mode: the rewards the server judges this game by (the page's `rewards` are only a preview). */
  serverRewards?: Reward[];
  /** Server mode: the tiers this game has asked the server for, so each is asked once. */
  claimedTiers: number[] = [];
  /** The fan chose to play on after making 2048. */
  playingOn = false;
  /** Server mode: the server could not be reached, so this game plays without rewards. */
  offline = false;

  private seed = '';
  private moves: Direction[] = [];
  private start: Task<[string, string, number], ServerGame | null>;
  /** Server mode: the server's client, once loaded. */
  private api?: typeof import('../api.js');

  constructor(
    private readonly host: SessionHost,
    private readonly onBoard: (state?: GameState) => void,
  ) {
    host.addController(this);
    // Never rejects: null means "play locally". The client loads only in server mode.
    this.start = new Task(host, async ([endpoint, campaign, size], signal) => {
      try {
        this.api = await import('../api.js');
        return await this.api.startGame(endpoint, campaign, size, RULES_VERSION, signal);
      } catch {
        return null;
      }
    });
  }

  /** The server game is on its way. */
  get starting(): boolean {
    return this.start.status === 'pending';
  }

  /**
   * Server mode: what the fan reads while this game plays without rewards, the server
   * being out of reach. (When even the client could not load, there are no words to say it.)
   */
  notice(locale: Locale): string {
    return this.offline && this.api ? this.api.errorText('offline', locale) : '';
  }

  /** The moves so far, as the server replays them. */
  get log(): string {
    return encodeMoves(this.moves);
  }

  private get key(): string {
    return `fan-2048:${this.host.campaign || '-'}:${this.host.size}`;
  }

  hostConnected(): void {
    // Back in the page after a server start was dropped on disconnect.
    if (this.host.hasUpdated && !this.game) this.restart();
  }

  /** The saved game of this campaign and size, or a new one when none replays. */
  restore(): void {
    const saved = getJson<Saved>(this.key) ?? {};
    this.best = Number(saved.best) || 0;
    this.won = Array.isArray(saved.won) ? saved.won : [];
    const g = saved.game;
    const state = g && replay(this.host.size, g.seed, g.log); // never throws, whatever was stored
    if (!g || !state || state.invalidMove) return this.restart();
    this.adopt(g);
    this.show(state);
  }

  /** Start over with a fresh board (a new server game in server mode). */
  restart(): void {
    const { rewardEndpoint, campaign, size } = this.host;
    this.adopt({ seed: randomSeed(), log: NO_MOVES });
    if (!rewardEndpoint) return this.begin();
    this.show(undefined);
    void this.start.run(rewardEndpoint, campaign, size).then((g) => {
      if (g === undefined) return; // a later start, or the element left the page
      if (g) this.adopt({ seed: g.seed, log: NO_MOVES, id: g.id, rewards: g.rewards });
      this.offline = !g;
      this.begin();
    });
  }

  /** Play `dir`: the result when the board changed, else undefined. */
  move(dir: Direction): MoveResult | undefined {
    const g = this.game;
    // While the "you made 2048" card is up, the fan chooses to keep going first.
    if (!g || (g.won && !this.playingOn)) return;
    const r = move(g, dir);
    if (!r.changed) return;
    // A game starts at the fan's first move, not when its board appears: "games played"
    // counts people who played, not page loads.
    if (!this.moves.length) this.host.emit('fan-game-start', { campaign: this.host.campaign });
    this.moves.push(dir);
    this.game = r.state;
    this.best = Math.max(this.best, r.state.score);
    return r;
  }

  keepGoing(): void {
    this.playingOn = true;
    this.persist();
    this.host.requestUpdate();
  }

  addWin(w: Won): void {
    this.won = [...this.won.filter((x) => x.tier !== w.tier), w];
    this.persist();
  }

  persist(): void {
    const { gameId: id, claimedTiers: done, playingOn: keep, serverRewards: rewards } = this;
    setJson(this.key, { best: this.best, won: this.won, game: { seed: this.seed, log: this.log, id, done, keep, rewards } } satisfies Saved);
  }

  /** Play on from `g`, a saved game or a new one; a server start still on its way is dropped. */
  private adopt(g: SavedGame): void {
    this.start.reset();
    this.seed = g.seed;
    this.moves = decodeMoves(g.log) ?? [];
    this.gameId = g.id;
    // Without a list it can read (an older server), the game falls back on the page's.
    const rewards = parseRewards(g.rewards);
    this.serverRewards = rewards.ok ? rewards.value : undefined;
    this.claimedTiers = Array.isArray(g.done) ? g.done : [];
    this.playingOn = !!g.keep;
    this.offline = false;
  }

  private begin(): void {
    this.show(newGame(this.host.size, this.seed));
    this.persist();
  }

  private show(state?: GameState): void {
    this.game = state;
    this.onBoard(state);
    this.host.requestUpdate();
  }
}
