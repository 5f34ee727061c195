// How fast the 2048 engine plays and replays, as the server needs it to verify
// reward claims. Run from the repo root: `node bench/game-2048-engine.mjs`.
// The TypeScript source is bundled in memory with esbuild, so no build step is needed.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const entry = fileURLToPath(new URL('../packages/game-2048/src/engine/index.ts', import.meta.url));
const out = await build({ entryPoints: [entry], bundle: true, format: 'esm', platform: 'neutral', write: false, minify: true });
const engine = await import(`data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString('base64')}`);
const { newGame, move, encodeMoves, replay, DIRECTIONS } = engine;

/**
 * A game of at least `want` counted moves, played by a greedy bot (most empty cells
 * after the move, preferring down and left to keep big tiles in a corner). A lost
 * game restarts with the next seed.
 */
function longGame(size, want) {
  const empty = (s) => s.cells.filter((v) => !v).length;
  for (let attempt = 0; attempt < 500; attempt++) {
    const seed = `bench-${attempt}`;
    let state = newGame(size, seed);
    const dirs = [];
    while (!state.over && dirs.length < want) {
      let best;
      for (const [d, bonus] of [['down', 2], ['left', 1], ['right', 0], ['up', -3]]) {
        const r = move(state, d);
        const value = r.changed ? empty(r.state) + bonus + r.gained / 64 : -Infinity;
        if (r.changed && (!best || value > best.value)) best = { d, r, value };
      }
      state = best.r.state;
      dirs.push(best.d);
    }
    if (dirs.length >= want) return { size, seed, log: encodeMoves(dirs), state };
  }
  return undefined;
}

// Moves per second: random directions on fresh games; no-op moves count too, as a
// client that mashes keys produces them.
let state = newGame(4, 'speed');
let n = 0;
let seed = 0;
const t0 = performance.now();
while (performance.now() - t0 < 1000) {
  for (let i = 0; i < 1000; i++) {
    const r = move(state, DIRECTIONS[(n * 7 + i) & 3]);
    state = r.state.over ? newGame(4, `speed-${++seed}`) : r.state;
  }
  n += 1000;
}
const perSecond = n / ((performance.now() - t0) / 1000);

const game = longGame(4, 1000) ?? longGame(5, 1000);
for (let i = 0; i < 50; i++) replay(game.size, game.seed, game.log); // warm up
const runs = 200;
const t1 = performance.now();
for (let i = 0; i < runs; i++) {
  const r = replay(game.size, game.seed, game.log);
  if (!r || r.score !== game.state.score) throw new Error('replay disagrees with play');
}
const replayMs = (performance.now() - t1) / runs;

console.log(`moves per second (4×4):        ${Math.round(perSecond).toLocaleString('en')}`);
console.log(`replay of a 1,000-move game:   ${replayMs.toFixed(3)} ms (${game.size}×${game.size}, ${game.state.moves} moves, score ${game.state.score}, log ${game.log.length} chars)`);
console.log(`claims verifiable per core:    ~${Math.floor(1000 / replayMs).toLocaleString('en')} per second`);
