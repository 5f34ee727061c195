// Input-to-paint of one <fan-2048> move in Chromium: from the key event's timestamp to
// the frame that shows the tiles moving. `node bench/game-2048-paint.mjs` (after
// `pnpm install`; uses the same Chromium as the browser tests).
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { fileURLToPath } from 'node:url';
import { chromeArgs, findChrome } from '../scripts/chrome.mjs';

const MOVES = 120;
const entry = fileURLToPath(new URL('../packages/game-2048/src/index.ts', import.meta.url));
const out = await build({
  entryPoints: [entry],
  bundle: true,
  format: 'esm',
  minify: true,
  write: false,
  conditions: ['source'],
  tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)),
});
// The inline script records layout shifts from the start and the moment the game first
// rendered, so shifts can be split into the tag's upgrade (the page can reserve that space
// in its CSS) and anything the game moves afterwards (it should move nothing).
const page = `<!doctype html><html lang="en"><head><script>
window.shifts = [];
new PerformanceObserver((l) => { for (const e of l.getEntries()) shifts.push([e.startTime, e.value]); })
  .observe({ type: 'layout-shift', buffered: true });
customElements.whenDefined('fan-2048')
  .then(() => document.querySelector('fan-2048').updateComplete)
  .then(() => requestAnimationFrame(() => setTimeout(() => (window.rendered = performance.now()))));
</script></head><body><div id="w"><fan-2048 campaign="bench" rewards='[{"tile": 512, "title": "10% off"}]'></fan-2048></div>
<p>Text below the game, to catch any layout shift.</p>
<script type="module" src="/fan.js"></script></body></html>`;

const browser = await chromium.launch({ executablePath: findChrome(), args: chromeArgs, headless: true });
try {
  const tab = await browser.newPage({ viewport: { width: 420, height: 800 } });
  await tab.route('http://bench.local/**', (route) => {
    const js = route.request().url().endsWith('/fan.js');
    route.fulfill({ contentType: js ? 'text/javascript' : 'text/html', body: js ? out.outputFiles[0].text : page });
  });
  await tab.goto('http://bench.local/');
  await tab.waitForFunction(() => document.querySelector('fan-2048')?.shadowRoot?.querySelector('[part=board]'));
  await tab.waitForTimeout(1500); // let share icons and fonts arrive
  if (process.env.DEBUG) console.log(await tab.evaluate(() => JSON.stringify({ rendered, shifts })));
  const [upgrade, after] = await tab.evaluate(() => [
    shifts.filter(([t]) => t <= rendered).reduce((a, [, v]) => a + v, 0),
    shifts.filter(([t]) => t > rendered).reduce((a, [, v]) => a + v, 0),
  ]);
  await tab.evaluate(() => {
    const board = document.querySelector('fan-2048').shadowRoot.querySelector('[part=board]');
    const el = document.querySelector('fan-2048');
    window.samples = [];
    window.updates = [];
    // Bubbling to the host runs after the game's handler: then the render it asked for.
    el.addEventListener('keydown', (e) => el.updateComplete.then(() => window.updates.push(performance.now() - e.timeStamp)));
    // Capture phase on the board: runs before the game's own handler, and the
    // task after the next animation frame callback runs once that frame is painted.
    board.addEventListener(
      'keydown',
      (e) => {
        const t0 = e.timeStamp;
        requestAnimationFrame(() => setTimeout(() => window.samples.push(performance.now() - t0)));
      },
      { capture: true },
    );
    board.focus();
  });
  const keys = ['ArrowLeft', 'ArrowDown', 'ArrowRight', 'ArrowDown'];
  for (let i = 0; i < MOVES; i++) {
    await tab.keyboard.press(keys[i % 4]);
    await tab.waitForTimeout(160); // let the slide finish, so no move waits in the queue
    // A lost game would make every later key a no-op; start again.
    await tab.evaluate(() => {
      const root = document.querySelector('fan-2048').shadowRoot;
      root.querySelector('.over button:last-of-type')?.click();
      root.querySelector('[part=board]').focus();
    });
  }
  const { samples, updates } = await tab.evaluate(() => ({ samples: window.samples, updates: window.updates }));
  const stats = (list) => {
    const s = [...list].sort((a, b) => a - b);
    const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))].toFixed(1);
    return `median ${q(0.5)} ms, p95 ${q(0.95)} ms, max ${s.at(-1).toFixed(1)} ms`;
  };
  console.log(`<fan-2048>, ${samples.length} key presses in headless Chromium (frames are not tied to a display):`);
  console.log(`  key → move rendered (handler + Lit update): ${stats(updates)}`);
  console.log(`  key → next frame (input-to-paint):          ${stats(samples)}`);
  console.log(`  layout shift when the tag upgrades, no space reserved by the page: ${upgrade.toFixed(3)}`);
  console.log(`  layout shift caused by the game after its first render:      ${after.toFixed(3)}`);
} finally {
  await browser.close();
}
