// Pictures of every card design, for judging them at a glance: each built-in and demo
// design in English and Chinese, as the card (docs/img/cards/<id>-<lang>.jpg, 540×675)
// and as the widget on a phone (390 px) and a desktop (1280 px) page (.cache/shots/cards/).
// The widget is built from source and served under the strict CSP of the demo.
// Usage: node packages/card-maker/scripts/card-shots.mjs [--docs] [id…]
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromeArgs, findChrome } from '../../../scripts/chrome.mjs';
import { csp } from '../../../scripts/serve.mjs';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const args = process.argv.slice(2);
const docs = args.includes('--docs');
// --photo: each design with a fan's photo added at step 3 (a frame over it must still read).
const withPhoto = args.includes('--photo');
const only = args.filter((a) => !a.startsWith('--'));
const out = await build({
  entryPoints: { card: `${root}/packages/card-maker/src/index.ts` },
  bundle: true,
  splitting: true,
  format: 'esm',
  outdir: '/virtual',
  write: false,
  conditions: ['source'],
  logLevel: 'error',
});
const files = new Map(out.outputFiles.map((f) => [f.path.replace('/virtual', '/w'), f.contents]));
const demoCards = readFileSync(`${root}/demo/cards.json`, 'utf8');
const page = (lang, templates, width) => `<!doctype html><html lang="${lang}"><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<link rel="stylesheet" href="/page.css"><script type="module" src="/w/card.js"></script>
<body class="${width > 600 ? 'wide' : ''}"><fan-card-maker ${templates ? 'templates="/demo/cards.json"' : ''} brand-text="${lang === 'zh-CN' ? '花间集 · petal-and-stem.example' : 'Petal & Stem · petal-and-stem.example'}"></fan-card-maker></body></html>`;
const css = `body{margin:0;padding:16px;background:#1b1b1f;color:#eee;font-family:system-ui,sans-serif}.wide fan-card-maker{margin:24px auto;--fan-card-maker-width:480px}fan-card-maker{--fan-card-maker-surface:#fff;background:#fff;color:#222;padding:12px;border-radius:12px}`;
const server = createServer((req, res) => {
  const u = new URL(req.url, 'http://x');
  if (u.pathname === '/page.css') return res.writeHead(200, { 'content-type': 'text/css' }).end(css);
  if (files.has(u.pathname)) return res.writeHead(200, { 'content-type': 'text/javascript' }).end(files.get(u.pathname));
  if (u.pathname === '/demo/cards.json') return res.writeHead(200, { 'content-type': 'application/json' }).end(demoCards);
  // The demo's templates name their images relative to the shop's pages.
  if (u.pathname.startsWith('/img/')) return res.writeHead(200, { 'content-type': 'image/svg+xml' }).end(readFileSync(`${root}/demo${u.pathname}`));
  if (u.pathname === '/') {
    res.setHeader('Content-Security-Policy', csp());
    return res.writeHead(200, { 'content-type': 'text/html' }).end(page(u.searchParams.get('lang'), u.searchParams.has('demo'), +u.searchParams.get('w')));
  }
  res.writeHead(404).end();
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}`;

const LONG = {
  en: 'Happy birthday to the kindest friend I know. Thank you for every laugh, every late-night talk and every time you showed up. Here is to you!',
  'zh-CN': '亲爱的，谢谢你这一年的陪伴。无论晴天还是雨天，你总在我身边。愿你新的一岁平安喜乐，万事顺遂，所有的美好都如期而至！',
};
const sheet = [];
const grab = (p, label) =>
  p.evaluate((label) => {
    const src = document.querySelector('fan-card-maker').shadowRoot.querySelector('canvas');
    const c = document.createElement('canvas');
    [c.width, c.height] = [432, 540];
    c.getContext('2d').drawImage(src, 0, 0, 432, 540);
    return { label, url: c.toDataURL('image/png') };
  }, label);
const browser = await chromium.launch({ executablePath: findChrome(), args: chromeArgs });
mkdirSync(`${root}/.cache/shots/cards`, { recursive: true });
if (docs) mkdirSync(`${root}/docs/img/cards`, { recursive: true });
try {
  for (const demo of [false, true]) {
    for (const lang of ['en', 'zh-CN']) {
      for (const [vp, width, height, mobile] of [['390', 390, 844, true], ['1280', 1280, 900, false]]) {
        const p = await browser.newPage({ viewport: { width, height }, deviceScaleFactor: mobile ? 2 : 1, isMobile: mobile });
        p.on('console', (m) => ['error', 'warning'].includes(m.type()) && console.log(`  ${m.type()}: ${m.text()}`));
        p.on('pageerror', (e) => console.log(`  pageerror: ${e.message}`));
        await p.goto(`${base}/?lang=${lang}&w=${width}${demo ? '&demo' : ''}`);
        const el = p.locator('fan-card-maker');
        await p.waitForFunction(() => document.querySelector('fan-card-maker')?.shadowRoot?.querySelectorAll('.template').length > 0);
        const ids = await p.evaluate(() => document.querySelector('fan-card-maker').list.map((t) => t.id));
        for (const [i, id] of ids.entries()) {
          if (only.length && !only.includes(id)) continue;
          await p.evaluate((i) => document.querySelector('fan-card-maker').shadowRoot.querySelectorAll('.template')[i].click(), i);
          await p.evaluate(() => document.querySelector('fan-card-maker').drawn);
          await p.waitForTimeout(100);
          await p.evaluate(() => document.querySelector('fan-card-maker').drawn);
          const name = `${id}-${lang}`;
          if (withPhoto && vp === '390') {
            await p.evaluate(async () => {
              const el = document.querySelector('fan-card-maker');
              const next = () => [...el.shadowRoot.querySelectorAll('.nav button')].at(-1).click();
              const settle = async () => { for (let i = 0; i < 6; i++) { await el.updateComplete; await el.drawn; await new Promise((r) => setTimeout(r, 20)); } };
              next(); await settle(); next(); await settle();
              const input = el.shadowRoot.querySelector('input[type=file]');
              if (!input) return;
              // A stand-in photo: sky, hills and a sun, so framing and crops show.
              const c = new OffscreenCanvas(1600, 1200);
              const g = c.getContext('2d');
              const sky = g.createLinearGradient(0, 0, 0, 1200);
              sky.addColorStop(0, '#7ec8f2'); sky.addColorStop(1, '#e9f6ff');
              g.fillStyle = sky; g.fillRect(0, 0, 1600, 1200);
              g.fillStyle = '#ffd25e'; g.beginPath(); g.arc(1200, 300, 120, 0, 7); g.fill();
              g.fillStyle = '#5aa35f'; g.beginPath(); g.ellipse(500, 1250, 900, 450, 0, 0, 7); g.fill();
              g.fillStyle = '#3f8a48'; g.beginPath(); g.ellipse(1300, 1300, 800, 420, 0, 0, 7); g.fill();
              const dt = new DataTransfer();
              dt.items.add(new File([await c.convertToBlob({ type: 'image/jpeg' })], 'p.jpg', { type: 'image/jpeg' }));
              input.files = dt.files;
              input.dispatchEvent(new Event('change'));
              for (let i = 0; i < 50 && !el.photo?.photo; i++) await new Promise((r) => setTimeout(r, 50));
              await settle();
            });
            sheet.push(await grab(p, `${name} photo`));
            await p.evaluate(async () => {
              const el = document.querySelector('fan-card-maker');
              el.photo?.clear();
              el.wizard.go('design');
              await el.updateComplete;
              await el.drawn;
            });
          }
          // Step 1 shows the sample; then the long message, written as a fan would (at both widths: the desktop shows the card larger).
          await el.screenshot({ path: `${root}/.cache/shots/cards/${name}-${vp}-sample.png` });
          if (vp === '390') sheet.push(await grab(p, `${name} sample`));
          {
            await p.evaluate(async (m) => {
              const el = document.querySelector('fan-card-maker');
              el.words.message = m;
              el.requestUpdate();
              await el.updateComplete;
              await el.drawn;
            }, LONG[lang]);
            await p.waitForTimeout(50);
            await p.evaluate(() => document.querySelector('fan-card-maker').drawn);
            await el.screenshot({ path: `${root}/.cache/shots/cards/${name}-${vp}-long.png` });
            if (vp === '390') sheet.push(await grab(p, `${name} long`));
            if (docs && vp === '390') {
              // The card as a fan sends it: the design's first wish, written in.
              const jpg = await p.evaluate(async ([i, lang]) => {
                const el = document.querySelector('fan-card-maker');
                el.words.message = el.list[i].wishes[lang][0];
                el.requestUpdate();
                await el.updateComplete;
                await el.drawn;
                const src = el.shadowRoot.querySelector('canvas');
                const c = document.createElement('canvas');
                [c.width, c.height] = [540, 675];
                c.getContext('2d').drawImage(src, 0, 0, 540, 675);
                return c.toDataURL('image/jpeg', 0.86);
              }, [i, lang]);
              writeFileSync(`${root}/docs/img/cards/${name}.jpg`, Buffer.from(jpg.split(',')[1], 'base64'));
            }
            await p.evaluate(async () => {
              const el = document.querySelector('fan-card-maker');
              el.words.message = '';
              el.requestUpdate();
              await el.updateComplete;
            });
          }
          console.log(name, vp);
        }
        await p.close();
      }
    }
  }
  // Contact sheets of every card drawn, four to a row: sample and long message, en and zh;
  // the cards with a photo on a sheet of their own.
  for (const [file, cards] of [
    ['sheet', sheet.filter((s) => !s.label.endsWith('photo'))],
    ['photos', sheet.filter((s) => s.label.endsWith('photo'))],
  ]) {
    if (!cards.length) continue;
    const p = await browser.newPage({ viewport: { width: 4 * 442 + 10, height: 600 } });
    await p.setContent(`<body style="margin:0;background:#222;display:grid;grid-template-columns:repeat(4,432px);gap:10px;padding:5px;font:14px sans-serif;color:#ddd">${cards
      .map((s) => `<figure style="margin:0"><img src="${s.url}" width="432" height="540"><figcaption>${s.label}</figcaption></figure>`)
      .join('')}</body>`);
    await p.screenshot({ path: `${root}/.cache/shots/cards/${file}.png`, fullPage: true });
    console.log(`.cache/shots/cards/${file}.png`);
  }
} finally {
  await browser.close();
  server.close();
}
