import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { ERROR_TEXT, type ErrorCode } from '@fanfare/core/errors';
import '../src/index.js';
import type { Fan2048 } from '../src/fan-2048.js';
import { DIRECTIONS, encodeMoves, move, newGame, replay, type Direction, type GameState } from '../src/engine/index.js';
import { reached, type Reward } from '../src/logic/config.js';
import { captureWarnings, trackTimers } from '../../core/testing/index.js';

const root = (el: Fan2048) => el.shadowRoot!;
const boardEl = (el: Fan2048) => root(el).querySelector<HTMLElement>('[part=board]')!;
const scores = (el: Fan2048) => [...root(el).querySelectorAll('[part=score] b')].map((b) => Number(b.textContent));
const status = (el: Fan2048) => root(el).querySelector('.sr-only[role=status]')!.textContent!.trim();
const dialog = (el: Fan2048) => root(el).querySelector('dialog')!;

/** The board as a fan sees it: row-major values of the tiles that stay (not the leaving half of a merge). */
function cells(el: Fan2048): number[] {
  const n = el.size;
  const out = new Array(n * n).fill(0);
  for (const t of root(el).querySelectorAll<HTMLElement>('[part~=tile]:not(.leaving)')) {
    const x = Number(t.style.getPropertyValue('--_col'));
    const y = Number(t.style.getPropertyValue('--_row'));
    out[y * n + x] = Number(t.textContent!.trim());
  }
  return out;
}

/** A key pressed on the board, as the board's own listener receives it. */
async function press(el: Fan2048, key: string) {
  boardEl(el).dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true }));
  await el.updateComplete;
}

function swipe(el: Fan2048, dx: number, dy: number) {
  const b = boardEl(el).getBoundingClientRect();
  const [x, y] = [b.left + b.width / 2, b.top + b.height / 2];
  const opts = { pointerId: 7, isPrimary: true, bubbles: true, composed: true };
  boardEl(el).dispatchEvent(new PointerEvent('pointerdown', { ...opts, clientX: x, clientY: y }));
  boardEl(el).dispatchEvent(new PointerEvent('pointerup', { ...opts, clientX: x + dx, clientY: y + dy }));
}

const KEY: Record<Direction, string> = { up: 'ArrowUp', right: 'ArrowRight', down: 'ArrowDown', left: 'ArrowLeft' };

/** What the engine says the board becomes, without the tile that spawns. */
function slid(before: number[], dir: Direction): { changed: boolean; cells: number[] } {
  const state: GameState = { ...newGame(Math.sqrt(before.length), 'x'), cells: before };
  const r = move(state, dir);
  const after = [...r.state.cells];
  if (r.spawned) after[r.spawned.index] = 0;
  return { changed: r.changed, cells: after };
}

function withoutSpawn(after: number[], expected: number[]): number[] {
  // Exactly one cell differs from the slid board: the spawned 2 or 4 in an empty cell.
  const diff = after.flatMap((v, i) => (v !== expected[i] ? [i] : []));
  expect(diff).to.have.length(1);
  expect(expected[diff[0]]).to.equal(0);
  expect([2, 4]).to.include(after[diff[0]]);
  return after.map((v, i) => (i === diff[0] ? 0 : v));
}

let campaignSeq = 0;
const freshCampaign = () => `t${Date.now()}-${campaignSeq++}`;

/** A direction that changes the board the fan sees now (there always is one while the game is on). */
const movingKey = (el: Fan2048) => KEY[DIRECTIONS.find((d) => slid(cells(el), d).changed)!];

/** Every `fan-game-start` at the document from now on, until `stop()`. */
function gameStarts() {
  const starts: unknown[] = [];
  const listen = (e: Event) => starts.push((e as CustomEvent).detail);
  document.addEventListener('fan-game-start', listen);
  return { starts, stop: () => document.removeEventListener('fan-game-start', listen) };
}

/** A game on `seed` played (first direction that moves) until its score first reaches more than 0; returns its moves and that score. */
function playToFirstMerge(size: number, seed: string): { dirs: Direction[]; score: number } {
  let s = newGame(size, seed);
  const dirs: Direction[] = [];
  while (!s.score) {
    const d = DIRECTIONS.find((x) => move(s, x).changed)!;
    s = move(s, d).state;
    dirs.push(d);
  }
  return { dirs, score: s.score };
}

/** A game on `seed` played until it cannot move; returns the directions that changed the board. */
function playToEnd(size: number, seed: string): Direction[] {
  let s = newGame(size, seed);
  const dirs: Direction[] = [];
  while (!s.over) {
    const d = DIRECTIONS.find((x) => move(s, x).changed)!;
    s = move(s, d).state;
    dirs.push(d);
  }
  return dirs;
}

afterEach(async () => {
  await emulateMedia({ reducedMotion: 'no-preference' });
});

describe('<fan-2048>', () => {
  it('"share my score" shares a link with its own token, announced with ref, out of the game', async () => {
    const el = await fixture<Fan2048>(html`<fan-2048 campaign=${freshCampaign()} lang="en" share="x"></fan-2048>`);
    const share = root(el).querySelector('fan-share')!;
    await share.updateComplete;
    const link = share.shadowRoot!.querySelector<HTMLAnchorElement>('[data-network="x"]')!;
    const seen: { detail: { network: string; url: string; ref: string }; from: EventTarget | null; href: string }[] = [];
    const onShare = (e: Event) => seen.push({ detail: (e as CustomEvent).detail, from: e.target, href: '' });
    // Last to see the click: the href the browser would open; never leave the test page.
    const onClick = (e: Event) => ((seen.at(-1)!.href = link.href), e.preventDefault());
    document.addEventListener('fan-share', onShare);
    window.addEventListener('click', onClick);
    try {
      link.click();
      link.click();
    } finally {
      document.removeEventListener('fan-share', onShare);
      window.removeEventListener('click', onClick);
    }
    expect(seen).to.have.length(2);
    for (const { detail, from, href } of seen) {
      // Heard at the document as the game's, as the beacon hears it.
      expect(from).to.equal(el);
      expect(detail.network).to.equal('x');
      expect(detail.ref).to.match(/^[\w-]{8,16}$/);
      expect(new URL(detail.url).searchParams.get('fanref')).to.equal(detail.ref);
      expect(new URL(href).searchParams.get('url')).to.equal(detail.url);
      expect(new URL(href).searchParams.get('text')).to.contain('0');
    }
    expect(seen[0]!.detail.ref).to.not.equal(seen[1]!.detail.ref);
  });

  it('starts a 4×4 game with two tiles and a zero score, sized to its container', async () => {
    const wrap = await fixture<HTMLDivElement>(
      html`<div style="width: 320px"><fan-2048 campaign=${freshCampaign()} lang="en"></fan-2048></div>`,
    );
    const el = wrap.querySelector('fan-2048')!;
    await el.updateComplete;
    expect(root(el).querySelectorAll('.cells i')).to.have.length(16);
    expect(cells(el).filter(Boolean)).to.have.length(2);
    expect(scores(el)).to.deep.equal([0, 0]);
    const box = boardEl(el).getBoundingClientRect();
    expect(box.width).to.equal(320);
    expect(box.height).to.equal(320);
    expect(getComputedStyle(boardEl(el)).touchAction).to.equal('none');
  });

  it('moves with arrows, WASD and HJKL while the board has focus, by the rules', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    const el = await fixture<Fan2048>(html`<fan-2048 campaign=${freshCampaign()} lang="en"></fan-2048>`);
    boardEl(el).focus();
    const keys: [string, Direction][] = [
      ['ArrowLeft', 'left'], ['d', 'right'], ['k', 'up'], ['s', 'down'],
      ['h', 'left'], ['ArrowUp', 'up'], ['l', 'right'], ['j', 'down'], ['a', 'left'], ['w', 'up'],
    ];
    let moved = 0;
    for (const [key, dir] of keys) {
      const before = cells(el);
      const want = slid(before, dir);
      await sendKeys({ press: key });
      await el.updateComplete;
      if (!want.changed) {
        expect(cells(el)).to.deep.equal(before);
        continue;
      }
      moved++;
      expect(withoutSpawn(cells(el), want.cells)).to.deep.equal(want.cells);
      expect(status(el)).to.match(new RegExp(`^${dir}`, 'i')).and.contain(`Score ${scores(el)[0]}`);
    }
    expect(moved).to.be.greaterThan(3);
  });

  it('ignores keys when the board does not have focus', async () => {
    const el = await fixture<Fan2048>(html`<fan-2048 campaign=${freshCampaign()}></fan-2048>`);
    const before = cells(el);
    (document.activeElement as HTMLElement | null)?.blur();
    for (const key of ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown']) await sendKeys({ press: key });
    // Focus on the widget's own "New game" button is not focus on the board either.
    root(el).querySelector<HTMLButtonElement>('button')!.focus();
    for (const key of ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown']) await sendKeys({ press: key });
    await aTimeout(150);
    expect(cells(el)).to.deep.equal(before);
  });

  it('moves on a swipe past the threshold, not on a small drag', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    const el = await fixture<Fan2048>(html`<fan-2048 campaign=${freshCampaign()}></fan-2048>`);
    const before = cells(el);
    swipe(el, 12, 5);
    await el.updateComplete;
    expect(cells(el)).to.deep.equal(before);
    // Swipe toward a direction that changes the board (there always is one at the start).
    const [dx, dy, dir] = ([[80, 0, 'right'], [-80, 0, 'left'], [0, 80, 'down'], [0, -80, 'up']] as const).find(
      ([, , d]) => slid(before, d).changed,
    )!;
    swipe(el, dx, dy);
    await el.updateComplete;
    const want = slid(before, dir).cells;
    expect(withoutSpawn(cells(el), want)).to.deep.equal(want);
  });

  it('queues moves made during the slide instead of dropping them', async () => {
    await emulateMedia({ reducedMotion: 'no-preference' });
    const campaign = freshCampaign();
    const el = await fixture<Fan2048>(html`<fan-2048 campaign=${campaign}></fan-2048>`);
    const start = cells(el);
    const first = DIRECTIONS.find((d) => slid(start, d).changed)!;
    const back: Record<Direction, Direction> = { left: 'right', right: 'left', up: 'down', down: 'up' };
    await press(el, KEY[first]);
    await press(el, KEY[back[first]]); // typed while the first slide still runs
    await aTimeout(400);
    const saved = JSON.parse(localStorage.getItem(`fan-2048:${campaign}:4`)!);
    expect(saved.game.log.split('.')[0]).to.equal('2');
    expect(root(el).querySelectorAll('.leaving')).to.have.length(0);
  });

  it('keeps score, best and the game in progress across a reload, per campaign', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    const campaign = freshCampaign();
    const el = await fixture<Fan2048>(html`<fan-2048 campaign=${campaign}></fan-2048>`);
    for (let i = 0; i < 12; i++) await press(el, KEY[DIRECTIONS[i % 4]]);
    const board = cells(el);
    const [score, best] = scores(el);
    expect(board.filter(Boolean).length).to.be.greaterThan(2);
    el.remove();
    const again = await fixture<Fan2048>(html`<fan-2048 campaign=${campaign}></fan-2048>`);
    expect(cells(again)).to.deep.equal(board);
    expect(scores(again)).to.deep.equal([score, best]);
    const other = await fixture<Fan2048>(html`<fan-2048 campaign=${freshCampaign()}></fan-2048>`);
    expect(cells(other).filter(Boolean)).to.have.length(2);
    // A new game keeps the best score.
    root(again).querySelector<HTMLButtonElement>('button')!.click();
    await again.updateComplete;
    expect(scores(again)).to.deep.equal([0, best]);
  });

  it('plays on in memory when storage throws', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    const { getItem, setItem } = Storage.prototype;
    Storage.prototype.getItem = () => {
      throw new DOMException('denied', 'SecurityError');
    };
    Storage.prototype.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    try {
      const campaign = freshCampaign();
      const el = await fixture<Fan2048>(html`<fan-2048 campaign=${campaign}></fan-2048>`);
      for (const d of DIRECTIONS) await press(el, KEY[d]);
      const board = cells(el);
      el.remove();
      const again = await fixture<Fan2048>(html`<fan-2048 campaign=${campaign}></fan-2048>`);
      expect(cells(again)).to.deep.equal(board);
    } finally {
      Storage.prototype.getItem = getItem;
      Storage.prototype.setItem = setItem;
    }
  });

  it('keeps the good rewards of a partly broken list, and names the broken entry', async () => {
    const { warnings, restore } = captureWarnings();
    try {
      const rewards = '[{"tile": 512, "title": "10% off", "code": "TEN"}, {"tile": 500, "title": "Odd"}]';
      const el = await fixture<Fan2048>(html`<fan-2048 id="spring" campaign=${freshCampaign()} rewards=${rewards}></fan-2048>`);
      expect(el.rewards.map((r) => r.title)).to.deep.equal(['10% off']);
      expect(root(el).querySelectorAll('ul li')).to.have.length(1);
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.match(/^<fan-2048#spring> ignored rewards=".*": skipped entry 2: needs a "tile" of 4, 8 … 2048 or a whole "score" above 0, not both\. Keeping the other 1\.$/);
    } finally {
      restore();
    }
  });

  it('warns about bad size, rewards and skin values and keeps the defaults', async () => {
    const { warnings, restore } = captureWarnings();
    try {
      const el = await fixture<Fan2048>(
        html`<fan-2048 campaign=${freshCampaign()} size="9" rewards="[{tile: 512}]" skin='{"3": {"label": "x"}}'></fan-2048>`,
      );
      expect(el.size).to.equal(4);
      expect(el.rewards).to.deep.equal([]);
      expect(el.skin).to.deep.equal({});
      expect(root(el).querySelectorAll('.cells i')).to.have.length(16);
      expect(warnings).to.have.length(3);
      for (const [attr, value] of [['size', '9'], ['rewards', '[{tile: 512}]'], ['skin', '{"3"']]) {
        expect(warnings.some((w) => w.includes('<fan-2048>') && w.includes(`${attr}="${value}`))).to.equal(true, attr);
      }
      warnings.length = 0;
      el.setAttribute('rewards', '[{"score": 100}]'); // no title
      el.setAttribute('skin', '{"2": {"color": "bleu"}}');
      await el.updateComplete;
      expect(el.rewards).to.deep.equal([]);
      expect(el.skin).to.deep.equal({});
      expect(warnings).to.have.length(2);
    } finally {
      restore();
    }
  });

  it('shows brand tiles: label, colour, and the number when an image is broken', async () => {
    const skin = JSON.stringify({ 2: { label: 'Tea', color: '#1a5e20' }, 4: { image: '/nope/missing.png' } });
    // A seed is not settable from outside, so start new games until one shows a 2 and a 4.
    const el = await fixture<Fan2048>(html`<fan-2048 campaign=${freshCampaign()} skin=${skin}></fan-2048>`);
    const find = (value: number) => root(el).querySelector<HTMLElement>(`[part~=tile][data-value="${value}"]`);
    for (let i = 0; i < 60 && !(find(2) && find(4)); i++) {
      root(el).querySelector<HTMLButtonElement>('button')!.click();
      await el.updateComplete;
    }
    const [two, four] = [find(2)!, find(4)!];
    expect(two.textContent!.trim()).to.equal('Tea');
    expect(getComputedStyle(two).backgroundColor).to.equal('rgb(26, 94, 32)');
    expect(getComputedStyle(two).color).to.equal('rgb(255, 255, 255)');
    await waitUntil(() => four.textContent!.trim() === '4', 'broken image falls back to the number');
    expect(four.querySelector('img')).to.equal(null);
  });

  it('lists rewards before play and opens a dialog with the inline code when one is reached', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    const campaign = freshCampaign();
    const rewards = JSON.stringify([{ score: 8, title: '5% off', code: 'HELLO5' }, { tile: 4096, title: 'Tote bag', code: 'BAG' }]);
    const el = await fixture<Fan2048>(html`<fan-2048 lang="en" campaign=${campaign} size="3" rewards=${rewards}></fan-2048>`);
    const list = () => [...root(el).querySelectorAll('li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
    expect(list()).to.deep.equal(['Score 8: 5% off', 'Make a 4096 tile: Tote bag']);
    let detail: { title: string; tier: number; code?: string } | undefined;
    el.addEventListener('fan-reward', (e) => (detail = e.detail));
    for (let i = 0; i < 400 && !detail; i++) {
      if (root(el).querySelector('.over')) root(el).querySelector<HTMLButtonElement>('.over button')!.click();
      await press(el, KEY[DIRECTIONS[i % 4]]);
    }
    // The dialog's code loads with the first reward.
    await waitUntil(() => dialog(el).open, 'the dialog opens');
    expect(scores(el)[0]).to.be.at.least(8);
    expect(dialog(el).textContent).to.contain('5% off').and.contain('HELLO5');
    expect(detail).to.deep.equal({ title: '5% off', tier: 0, code: 'HELLO5' });
    await expect(el).to.be.accessible();
    dialog(el).querySelector<HTMLButtonElement>('button:last-of-type')!.click();
    await el.updateComplete;
    expect(dialog(el).open).to.equal(false);
    expect(list()[0]).to.contain('HELLO5');
    el.remove();
    const again = await fixture<Fan2048>(html`<fan-2048 lang="en" campaign=${campaign} size="3" rewards=${rewards}></fan-2048>`);
    expect(root(again).querySelector('li')!.textContent).to.contain('HELLO5');
  });

  it('fires fan-game-over on the last move and passes axe in the game-over state', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    const campaign = freshCampaign();
    const seed = 'c0ffee00c0ffee00c0ffee00c0ffee00';
    const dirs = playToEnd(3, seed);
    const almost = encodeMoves(dirs.slice(0, -1));
    localStorage.setItem(`fan-2048:${campaign}:3`, JSON.stringify({ best: 0, game: { seed, log: almost } }));
    const el = await fixture<Fan2048>(html`<fan-2048 lang="en" campaign=${campaign} size="3"></fan-2048>`);
    expect(cells(el)).to.deep.equal([...replay(3, seed, almost)!.cells]);
    await expect(el).to.be.accessible();
    setTimeout(() => press(el, KEY[dirs.at(-1)!]));
    const { detail } = await oneEvent(el, 'fan-game-over');
    const end = replay(3, seed, encodeMoves(dirs))!;
    expect(detail).to.deep.equal({ score: end.score, maxTile: end.maxTile, moves: dirs.length });
    await el.updateComplete;
    expect(root(el).querySelector('.over')!.textContent).to.contain('Game over');
    await expect(el).to.be.accessible();
    // "New game": the next game counts once the fan moves in it.
    const { starts, stop } = gameStarts();
    try {
      root(el).querySelector<HTMLButtonElement>('.over button')!.click();
      await el.updateComplete;
      expect(root(el).querySelector('.over')).to.equal(null);
      expect(starts).to.have.length(0);
      await press(el, movingKey(el));
      expect(starts).to.deep.equal([{ campaign }]);
    } finally {
      stop();
    }
  });

  it('stops at 2048 with "keep going", and plays on when asked', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    // A greedy player on a 6×6 board reaches 2048 in about a thousand moves.
    const seed = 'keep-going';
    let s = newGame(6, seed);
    const dirs: Direction[] = [];
    while (!s.won && !s.over) {
      const best = (['down', 'left', 'right', 'up'] as Direction[])
        .map((d) => ({ d, r: move(s, d) }))
        .filter((x) => x.r.changed)
        .sort((a, b) => b.r.state.cells.filter((v) => !v).length - a.r.state.cells.filter((v) => !v).length)[0];
      s = best.r.state;
      dirs.push(best.d);
    }
    expect(s.won, 'the scripted player reached 2048').to.equal(true);
    const campaign = freshCampaign();
    localStorage.setItem(`fan-2048:${campaign}:6`, JSON.stringify({ game: { seed, log: encodeMoves(dirs.slice(0, -1)) } }));
    const el = await fixture<Fan2048>(html`<fan-2048 lang="en" size="6" campaign=${campaign}></fan-2048>`);
    expect(root(el).querySelector('.over')).to.equal(null);
    await press(el, KEY[dirs.at(-1)!]);
    const over = root(el).querySelector('.over')!;
    expect(over.textContent).to.contain('You made 2048!');
    const before = cells(el);
    for (const d of DIRECTIONS) await press(el, KEY[d]);
    expect(cells(el), 'no moves behind the card').to.deep.equal(before);
    over.querySelector('button')!.click(); // Keep going
    await el.updateComplete;
    expect(root(el).querySelector('.over')).to.equal(null);
    for (const d of DIRECTIONS) await press(el, KEY[d]);
    expect(cells(el)).to.not.deep.equal(before);
  });

  it('passes axe while playing, in Chinese too', async () => {
    const el = await fixture<Fan2048>(
      html`<fan-2048 lang="zh-CN" campaign=${freshCampaign()} rewards='[{"tile": 512, "title": "九折券"}]'></fan-2048>`,
    );
    expect(boardEl(el).getAttribute('aria-label')).to.contain('2048 棋盘');
    await expect(el).to.be.accessible();
  });

  it('counts a game when the fan makes its first move, not when the board appears', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    const campaign = freshCampaign();
    const { starts, stop } = gameStarts();
    try {
      const el = await fixture<Fan2048>(html`<fan-2048 campaign=${campaign}></fan-2048>`);
      await aTimeout(50);
      expect(starts, 'loading the board').to.have.length(0);
      await press(el, movingKey(el));
      expect(starts).to.deep.equal([{ campaign }]);
      for (let i = 0; i < 6; i++) await press(el, movingKey(el));
      expect(starts, 'later moves').to.have.length(1);
      // Reloading a game in progress goes on with the same game.
      el.remove();
      const again = await fixture<Fan2048>(html`<fan-2048 campaign=${campaign}></fan-2048>`);
      await press(again, movingKey(again));
      expect(starts, 'a restored game').to.have.length(1);
      root(again).querySelector<HTMLButtonElement>('.bar button')!.click();
      await again.updateComplete;
      expect(starts, 'a new board').to.have.length(1);
      await press(again, movingKey(again));
      expect(starts).to.deep.equal([{ campaign }, { campaign }]);
    } finally {
      stop();
    }
  });

  it('opens the reward dialog once the winning slide has settled, with the code as its largest text', async () => {
    await emulateMedia({ reducedMotion: 'no-preference' });
    // The dialog's code is in hand at once, as it is after a first reward: only the slide may hold the dialog back.
    await import('../src/controllers/reward-dialog.js');
    const campaign = freshCampaign();
    const seed = 'settle-then-dialog';
    const { dirs, score } = playToFirstMerge(4, seed);
    localStorage.setItem(`fan-2048:${campaign}:4`, JSON.stringify({ game: { seed, log: encodeMoves(dirs.slice(0, -1)) } }));
    const rewards = JSON.stringify([{ score, title: '5% off', code: 'SLIDE5' }]);
    const el = await fixture<Fan2048>(html`<fan-2048 lang="en" campaign=${campaign} rewards=${rewards}></fan-2048>`);
    let won = false;
    el.addEventListener('fan-reward', () => (won = true));
    await press(el, KEY[dirs.at(-1)!]);
    expect(won, 'the reward is won with the move').to.equal(true);
    expect(root(el).querySelectorAll('.leaving').length, 'the merge is still sliding').to.be.greaterThan(0);
    expect(dialog(el).open, 'open during the slide').to.equal(false);
    await waitUntil(() => dialog(el).open, 'the dialog opens after the slide');
    expect(root(el).querySelectorAll('.leaving')).to.have.length(0);
    const size = (e: Element) => parseFloat(getComputedStyle(e).fontSize);
    const code = dialog(el).querySelector('code')!;
    expect(code.textContent).to.equal('SLIDE5');
    for (const other of dialog(el).querySelectorAll('h2, p, button')) {
      expect(size(code), `code vs ${other.localName} "${other.textContent}"`).to.be.greaterThan(size(other));
    }
  });

  it('says so when the code cannot be copied, and leaves it selected to copy by hand', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    const campaign = freshCampaign();
    const seed = 'copy-by-hand';
    const { dirs, score } = playToFirstMerge(4, seed);
    localStorage.setItem(`fan-2048:${campaign}:4`, JSON.stringify({ game: { seed, log: encodeMoves(dirs.slice(0, -1)) } }));
    const rewards = JSON.stringify([{ score, title: '5% off', code: 'BYHAND5' }]);
    const el = await fixture<Fan2048>(html`<fan-2048 lang="en" campaign=${campaign} rewards=${rewards}></fan-2048>`);
    await press(el, KEY[dirs.at(-1)!]);
    await waitUntil(() => dialog(el).open, 'the dialog opens');
    const clipboard = navigator.clipboard as Clipboard & { writeText: Clipboard['writeText'] };
    const copyButton = () => dialog(el).querySelector('button')!;
    expect(copyButton().textContent).to.equal('Copy code');
    clipboard.writeText = () => Promise.reject(new DOMException('denied', 'NotAllowedError'));
    document.execCommand = () => false;
    try {
      copyButton().click();
      await waitUntil(() => dialog(el).querySelector('input'), 'a field to copy from by hand');
      await el.updateComplete;
      const input = dialog(el).querySelector('input')!;
      expect(input.value).to.equal('BYHAND5');
      expect(input.readOnly).to.equal(true);
      expect(root(el).activeElement).to.equal(input);
      expect([input.selectionStart, input.selectionEnd]).to.deep.equal([0, 'BYHAND5'.length]);
      expect(dialog(el).textContent).to.contain('Could not copy');
      await expect(el).to.be.accessible();
      // And once the clipboard answers, the button says the code is copied.
      clipboard.writeText = () => Promise.resolve();
      copyButton().click();
      await waitUntil(() => copyButton().textContent!.includes('Copied'), 'the copy is confirmed');
    } finally {
      delete (clipboard as Partial<Clipboard>).writeText;
      delete (document as Partial<Document>).execCommand;
    }
  });

  it('lists won rewards in Chinese with their code or 已获得, and names a skinned tile by its label', async () => {
    const campaign = freshCampaign();
    const rewards = JSON.stringify([
      { score: 100, title: '九五折', code: 'HELLO5' },
      { score: 200, title: '免运费' },
      { tile: 256, title: '九折券' },
    ]);
    const won = [{ tier: 0, title: '九五折', code: 'HELLO5' }, { tier: 1, title: '免运费' }];
    localStorage.setItem(`fan-2048:${campaign}:4`, JSON.stringify({ won }));
    const el = await fixture<Fan2048>(
      html`<fan-2048 lang="zh-CN" campaign=${campaign} rewards=${rewards} skin='{"256": {"label": "兰花"}}'></fan-2048>`,
    );
    const list = [...root(el).querySelectorAll('li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
    expect(list).to.deep.equal(['得分达到 100：九五折，券码 HELLO5', '得分达到 200：免运费（已获得）', '合成“兰花”：九折券']);
    expect(scores(el)).to.deep.equal([0, 0]);
    expect(root(el).querySelector('[part=score]')!.parentElement!.textContent).to.contain('最高分').and.contain('重新开始');
  });

  it('clears its timers when removed mid-slide', async () => {
    await emulateMedia({ reducedMotion: 'no-preference' });
    const el = await fixture<Fan2048>(html`<fan-2048 campaign=${freshCampaign()}></fan-2048>`);
    const timers = trackTimers();
    try {
      await press(el, movingKey(el));
      expect(timers.pending()).to.equal(1);
      el.remove();
      expect(timers.pending()).to.equal(0);
    } finally {
      timers.restore();
    }
  });
});

describe('<fan-2048> server mode', () => {
  const ENDPOINT = 'https://rewards.example/games';
  const REWARDS: Reward[] = [{ score: 8, title: 'Free shipping' }, { tile: 4096, title: 'Gift card' }];
  const realFetch = window.fetch;
  afterEach(() => (window.fetch = realFetch));

  /**
   * A stand-in for the server: it hands out seeds and, on a claim, replays the log with
   * the real engine and answers as the protocol says. `refuse` forces a refusal code.
   */
  function fakeServer(opts: { offline?: boolean; refuse?: string; rewards?: Reward[] } = {}) {
    const list = opts.rewards ?? REWARDS;
    const games = new Map<string, { seed: string; size: number; claimed: boolean }>();
    const claims: { id: string; score?: number }[] = [];
    const reply = (status: number, body: unknown) =>
      new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
    window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      if (opts.offline) throw new TypeError('Failed to fetch');
      const url = String(input);
      const body = JSON.parse(String(init?.body));
      if (init?.method !== 'POST') return reply(405, { error: 'bad_request', message: 'POST only' });
      if (url === ENDPOINT) {
        const id = `g${games.size + 1}`;
        const seed = `${id}`.padEnd(32, 'a');
        games.set(id, { seed, size: body.size, claimed: false });
        return reply(200, { id, seed, rules: { size: body.size, version: 1 }, expires: Date.now() + 3600e3, rewards: list });
      }
      const m = /\/games\/([^/]+)\/claim$/.exec(url);
      const g = m && games.get(m[1]);
      if (!g) return reply(403, { error: 'forged', message: 'Unknown game' });
      const end = replay(g.size, g.seed, body.moves);
      claims.push({ id: m![1], score: end?.score });
      if (!end || end.invalidMove) return reply(422, { error: 'impossible', message: 'Impossible game' });
      if (opts.refuse) return reply(409, { error: opts.refuse, message: 'Refused' });
      const tiers = reached(list, end.score, end.maxTile);
      if (!tiers.length) return reply(403, { error: 'below_threshold', message: 'Not yet' });
      if (g.claimed) return reply(409, { error: 'already_claimed', message: 'Claimed' });
      g.claimed = true;
      const tier = Math.max(...tiers);
      return reply(200, { code: `SRV-${m![1]}-${tier}`, title: list[tier].title, tier });
    };
    return { games, claims };
  }

  /** Play until the score reaches a reward's `threshold`, then wait for the server's answer in the dialog. */
  async function playUntilDialog(el: Fan2048, threshold = 8) {
    for (let i = 0; i < 400 && scores(el)[0] < threshold; i++) await press(el, KEY[DIRECTIONS[i % 4]]);
    await waitUntil(() => dialog(el).open && !/Checking|正在验证/.test(dialog(el).textContent!), 'the claim is answered');
  }

  it('plays the server’s seed and shows the code the server returns after its replay', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    const server = fakeServer();
    const el = await fixture<Fan2048>(
      html`<fan-2048 lang="en" campaign=${freshCampaign()} reward-endpoint=${ENDPOINT} rewards=${JSON.stringify(REWARDS)}></fan-2048>`,
    );
    await waitUntil(() => cells(el).some(Boolean), 'the server game starts');
    expect(cells(el)).to.deep.equal([...newGame(4, server.games.get('g1')!.seed).cells]);
    let detail: unknown;
    el.addEventListener('fan-reward', (e) => (detail = e.detail));
    await playUntilDialog(el);
    expect(server.claims).to.have.length(1);
    expect(server.claims[0].score).to.equal(scores(el)[0]);
    expect(dialog(el).textContent).to.contain('Free shipping').and.contain('SRV-g1-0');
    expect(detail).to.deep.equal({ title: 'Free shipping', tier: 0, code: 'SRV-g1-0' });
    await expect(el).to.be.accessible();
  });

  it('shows a clear message when the server refuses, and the game goes on', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    fakeServer({ refuse: 'already_claimed' });
    const el = await fixture<Fan2048>(
      html`<fan-2048 lang="en" campaign=${freshCampaign()} reward-endpoint=${ENDPOINT} rewards=${JSON.stringify(REWARDS)}></fan-2048>`,
    );
    await waitUntil(() => cells(el).some(Boolean));
    await playUntilDialog(el);
    expect(dialog(el).textContent).to.contain('already won its reward');
    dialog(el).querySelector('button')!.click();
    await el.updateComplete;
    const before = cells(el);
    for (const d of DIRECTIONS) await press(el, KEY[d]);
    expect(cells(el)).to.not.deep.equal(before);
  });

  it('shows and claims the server’s rewards, not the page’s, in server mode', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    const serverList: Reward[] = [{ score: 16, title: 'Server prize' }, { tile: 4096, title: 'Gift card' }];
    const server = fakeServer({ rewards: serverList });
    const campaign = freshCampaign();
    const page = JSON.stringify([{ score: 4, title: 'Page prize' }]);
    const el = await fixture<Fan2048>(html`<fan-2048 lang="en" campaign=${campaign} reward-endpoint=${ENDPOINT} rewards=${page}></fan-2048>`);
    await waitUntil(() => cells(el).some(Boolean), 'the server game starts');
    const list = (x: Fan2048) => [...root(x).querySelectorAll('li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
    expect(list(el)).to.deep.equal(['Score 16: Server prize', 'Make a 4096 tile: Gift card']);
    await playUntilDialog(el, 16);
    // The first claim waited for the server's threshold, not the page's.
    expect(server.claims).to.have.length(1);
    expect(server.claims[0].score).to.be.at.least(16);
    expect(dialog(el).textContent).to.contain('Server prize').and.contain('SRV-g1-0');
    // A reload plays on with the server's list, without asking the server again.
    el.remove();
    const again = await fixture<Fan2048>(html`<fan-2048 lang="en" campaign=${campaign} reward-endpoint=${ENDPOINT} rewards=${page}></fan-2048>`);
    expect(list(again)[0]).to.equal('Score 16: Server prize — code SRV-g1-0');
    expect(list(again)[1]).to.equal('Make a 4096 tile: Gift card');
    expect(server.games.size).to.equal(1);
  });

  it('tells a Chinese fan every refusal in Chinese, never in the server’s words', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    for (const code of ['daily_limit', 'too_fast', 'below_threshold'] satisfies ErrorCode[]) {
      fakeServer({ refuse: code });
      const el = await fixture<Fan2048>(
        html`<fan-2048 lang="zh-CN" campaign=${freshCampaign()} reward-endpoint=${ENDPOINT} rewards=${JSON.stringify(REWARDS)}></fan-2048>`,
      );
      await waitUntil(() => cells(el).some(Boolean), 'the server game starts');
      await playUntilDialog(el);
      const heading = dialog(el).querySelector('h2')!.textContent!;
      expect(heading, code).to.equal(ERROR_TEXT[code]['zh-CN']);
      expect(heading, code).to.match(/[\u4e00-\u9fff]/).and.not.contain('Refused');
      expect(dialog(el).textContent, code).to.not.contain('Refused');
      el.remove();
    }
  });

  it('plays offline with a notice when the server cannot be reached', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    fakeServer({ offline: true });
    const el = await fixture<Fan2048>(
      html`<fan-2048 lang="zh-CN" campaign=${freshCampaign()} reward-endpoint=${ENDPOINT} rewards=${JSON.stringify(REWARDS)}></fan-2048>`,
    );
    await waitUntil(() => cells(el).some(Boolean), 'a local game starts');
    expect(root(el).textContent).to.contain('暂时无法领奖');
    const before = cells(el);
    for (const d of DIRECTIONS) await press(el, KEY[d]);
    expect(cells(el)).to.not.deep.equal(before);
    expect(dialog(el).open).to.equal(false);
  });
});
