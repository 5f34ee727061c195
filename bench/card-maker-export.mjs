// Export time of a 1080×1350 <fan-card-maker> card with a photo and stickers, in a real
// Chromium: draw the card, then encode it (JPEG, WebP, PNG). Prints the median of 15 runs.
// The card is the built-in birthday design: its illustration layers (SVG), pattern tile
// and headline are drawn on every run, as the widget draws them.
// Usage: node bench/card-maker-export.mjs
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { fileURLToPath } from 'node:url';
import { chromeArgs, findChrome } from '../scripts/chrome.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

// The page-side code: the widget's own drawing function and built-in designs.
const entry = `
import { artPicture, drawCard, loadFont } from './packages/card-maker/src/draw.ts';
import { BUILTINS } from './packages/card-maker/src/logic/builtins.ts';
window.bench = async (format, runs) => {
  const photoCanvas = new OffscreenCanvas(2048, 1536);
  const g = photoCanvas.getContext('2d');
  const grad = g.createLinearGradient(0, 0, 2048, 1536);
  grad.addColorStop(0, '#2a6'); grad.addColorStop(1, '#fc3');
  g.fillStyle = grad; g.fillRect(0, 0, 2048, 1536);
  for (let i = 0; i < 400; i++) { g.fillStyle = 'hsl(' + i + ',70%,50%)'; g.fillRect((i * 97) % 2048, (i * 53) % 1536, 40, 40); }
  const photo = { src: photoCanvas.transferToImageBitmap(), w: 2048, h: 1536 };
  const template = BUILTINS[0];
  const message = 'Happy birthday! May all your wishes come true. 生日快乐！🎉';
  await Promise.all([loadFont(template.text, message), template.headline && loadFont(template.headline, template.headline.text.en)]);
  const layers = await Promise.all(template.layers.map(artPicture));
  const pattern = template.background.pattern && (await artPicture(template.background.pattern));
  const stickers = ['🎉', '🎂', '🎈', '🎁', '🌸'].map((emoji, i) => ({ emoji, x: 150 + i * 180, y: 900, scale: 100 + i * 20, rotation: i * 10 - 20 }));
  const canvas = document.createElement('canvas');
  canvas.width = 1080; canvas.height = 1350;
  const times = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    drawCard(canvas.getContext('2d'), { template, message, stickers, photo, layers, pattern, brandText: 'Bloom Flowers', locale: 'en' });
    // "draw" is the drawing alone: what runs on the main thread before encoding starts.
    const blob = format === 'draw' ? (canvas.getContext('2d').getImageData(0, 0, 1, 1), { size: 0 }) : await new Promise((r) => canvas.toBlob(r, 'image/' + format, 0.9));
    times.push(performance.now() - t0);
    bytes = blob.size;
  }
  times.sort((a, b) => a - b);
  return { median: times[times.length >> 1], min: times[0], max: times[times.length - 1], bytes };
};
`;

const out = await build({
  stdin: { contents: entry, resolveDir: root, loader: 'ts', sourcefile: 'bench-entry.ts' },
  bundle: true,
  format: 'esm',
  write: false,
  conditions: ['source'],
  logLevel: 'error',
});

const browser = await chromium.launch({ executablePath: findChrome(), args: chromeArgs });
try {
  const page = await browser.newPage();
  await page.setContent('<!doctype html><meta charset="utf-8"><body></body>');
  await page.addScriptTag({ content: out.outputFiles[0].text, type: 'module' });
  await page.waitForFunction(() => typeof window.bench === 'function');
  console.log('format  median ms   min ms   max ms   bytes');
  for (const format of ['draw', 'jpeg', 'webp', 'png']) {
    const r = await page.evaluate(([f]) => window.bench(f, 15), [format]);
    console.log(`${format.padEnd(6)} ${r.median.toFixed(1).padStart(9)} ${r.min.toFixed(1).padStart(8)} ${r.max.toFixed(1).padStart(8)} ${String(r.bytes).padStart(8)}`);
  }
} finally {
  await browser.close();
}
