// Loads a 1,000-review feed in Chromium, under a strict CSP with Trusted Types, three ways:
// <fan-buyer-show>, and the same feed in a carousel built on embla-carousel and on swiper
// (each library's plain setup: every slide in the DOM, lazy images, prev/next buttons).
// Prints time to first render, DOM node count, layout shift and the longest task.
//
//   node bench/buyer-show-1000.mjs [--runs 5] [--count 1000] [--only fanfare,embla,swiper] [--verbose] [--shot out.png]
import { build } from 'esbuild';
import { createServer } from 'node:http';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromeArgs, findChrome } from '../scripts/chrome.mjs';
import { minifyLiterals } from '../scripts/minify-literals.mjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const RUNS = Number(opt('runs', 5));
const COUNT = Number(opt('count', 1000));
const ONLY = opt('only', 'fanfare,embla,swiper').split(',');
const SHOT = opt('shot', '');
const here = fileURLToPath(new URL('.', import.meta.url));

// ---- the feed: the same for every contender -------------------------------------------
const files = new Map();
const palette = ['#c2185b', '#00897b', '#5e35b1', '#f4511e', '#3949ab', '#7cb342'];
for (const [i, c] of palette.entries()) {
  files.set(
    `/p${i}.svg`,
    `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="1000"><rect width="800" height="1000" fill="${c}"/>` +
      `<circle cx="400" cy="430" r="200" fill="#fff" opacity=".35"/></svg>`,
  );
}
const authors = ['Lisa', 'Sam Carter', '王小明', '陈静', 'Ana', 'Priya', '李华', 'Jordan'];
files.set(
  '/feed.json',
  JSON.stringify({
    reviews: Array.from({ length: COUNT }, (_, i) => ({
      id: `r${i}`,
      author: authors[i % authors.length],
      rating: [5, 5, 4, 5, 3, 4, 5, 2][i % 8],
      text: i % 2 ? '面料舒服，颜色和图片一样，洗了几次也没有变形。' : 'Soft linen, generous cut, and it kept its shape after a summer of washing.',
      date: `2024-0${(i % 9) + 1}-1${i % 10}`,
      verified: i % 3 !== 0,
      photos: i % 4 === 3 ? [] : [{ src: `/p${i % 6}.svg`, width: 800, height: 1000, alt: `Photo ${i + 1}` }],
      product: { name: 'Linen wrap dress', url: '/p/linen-wrap-dress' },
    })),
  }),
);

// ---- the contenders ---------------------------------------------------------------------
// The peers render the feed with DOM calls (a strict CSP allows nothing else) into the
// markup each library documents; their slides get the same fixed size as ours.
const peerSlides = `
export async function slides(container, slideClass) {
  const { reviews } = await (await fetch('/feed.json')).json();
  const el = (tag, cls, text) => { const e = document.createElement(tag); if (cls) e.className = cls; if (text) e.textContent = text; return e; };
  const fmt = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' });
  reviews.forEach((r, i) => {
    const s = el('div', slideClass);
    const p = r.photos[0];
    if (p) {
      const img = el('img');
      Object.assign(img, { src: p.src, width: p.width, height: p.height, alt: p.alt, loading: i < 4 ? 'eager' : 'lazy' });
      s.append(img);
    }
    const body = el('div', 'body');
    body.append(el('p', 'stars', '★'.repeat(r.rating) + '☆'.repeat(5 - r.rating)), el('time', '', fmt.format(new Date(r.date))),
      el('p', 'who', r.author), el('p', 'text', r.text));
    const a = el('a', '', 'Shop this look');
    a.href = r.product.url;
    body.append(a);
    s.append(body);
    container.append(s);
  });
}`;
const peerCss = `
.peer { overflow: hidden; height: 468px }
.peer img { display: block; width: 240px; height: 300px; object-fit: cover }
.body { height: 168px; padding: 10px 12px; box-sizing: border-box; overflow: hidden; font-size: 14px }
.body p { margin: 0 } .text { height: 4.2em; overflow: hidden }
.nav { height: 88px } .nav button { height: 32px; min-width: 32px }`;

const contenders = {
  fanfare: {
    entry: `import '${here}../packages/buyer-show/src/index.ts';`,
    body: '<fan-buyer-show src="/feed.json" seo></fan-buyer-show>',
    // What the README tells site owners: reserve the widget's height until it is defined.
    css: 'fan-buyer-show:is(:not(:defined),:state(pending)){display:block;height:calc(5.5rem + min(240px,78vw)*1.25 + 10.5rem)}',
    ready: () => document.querySelector('fan-buyer-show')?.shadowRoot?.querySelector('.slide:not(.skeleton) img')?.complete,
    next: 'fan-buyer-show .next',
  },
  embla: {
    entry: `import EmblaCarousel from 'embla-carousel';
${peerSlides}
const root = document.querySelector('.peer');
await slides(root.querySelector('.track'), 'slide');
const embla = EmblaCarousel(root, { align: 'start', containScroll: 'trimSnaps' });
document.querySelector('.prev').addEventListener('click', () => embla.scrollPrev());
document.querySelector('.next').addEventListener('click', () => embla.scrollNext());
root.addEventListener('keydown', (e) => e.key === 'ArrowRight' ? embla.scrollNext() : e.key === 'ArrowLeft' ? embla.scrollPrev()
  : e.key === 'End' ? embla.scrollTo(embla.scrollSnapList().length - 1) : e.key === 'Home' ? embla.scrollTo(0) : 0);`,
    body: '<div class="nav"><button class="prev">‹</button><button class="next">›</button></div><div class="peer" tabindex="0"><div class="track"></div></div>',
    css: `${peerCss}
.track { display: flex; gap: 12px } .slide { flex: 0 0 240px; height: 468px; border: 1px solid #ccc; border-radius: 10px; overflow: hidden; box-sizing: border-box }`,
    ready: () => document.querySelector('.slide img')?.complete,
    next: '.next',
  },
  swiper: {
    entry: `import Swiper from 'swiper';
import { Navigation, Keyboard } from 'swiper/modules';
${peerSlides}
const root = document.querySelector('.swiper');
await slides(root.querySelector('.swiper-wrapper'), 'swiper-slide');
new Swiper(root, { modules: [Navigation, Keyboard], slidesPerView: 'auto', spaceBetween: 12, keyboard: true,
  navigation: { prevEl: '.prev', nextEl: '.next' } });`,
    body: '<div class="nav"><button class="prev">‹</button><button class="next">›</button></div><div class="swiper peer"><div class="swiper-wrapper"></div></div>',
    css: `${peerCss}
.swiper-slide { width: 240px; height: 468px; border: 1px solid #ccc; border-radius: 10px; overflow: hidden; box-sizing: border-box }`,
    cssFiles: ['swiper/swiper-bundle.min.css'],
    ready: () => document.querySelector('.swiper-slide img')?.complete,
    next: '.next',
  },
};

async function bundle(name, c) {
  const result = await build({
    stdin: { contents: c.entry, resolveDir: here, sourcefile: `${name}.js` },
    bundle: true,
    minify: true,
    format: 'esm',
    splitting: true,
    outdir: `/${name}`,
    write: false,
    target: 'es2022',
    conditions: ['source'],
    tsconfigRaw: { compilerOptions: { experimentalDecorators: true, useDefineForClassFields: false } },
    plugins: [minifyLiterals],
    logLevel: 'error',
  });
  let js = 0;
  for (const f of result.outputFiles) {
    const path = f.path.replace(/^.*?\/(?=[^/]+\/[^/]+$)/, '/');
    files.set(path, f.contents);
    if (!path.includes('popover') && !path.includes('seo') && !path.includes('lightbox')) js += gzipSync(f.contents, { level: 9 }).length;
  }
  const links = [...(c.cssFiles ?? []), 'page.css'].map((href) => `<link rel="stylesheet" href="/${name}/${href.split('/').pop()}">`).join('');
  for (const css of c.cssFiles ?? []) files.set(`/${name}/${css.split('/').pop()}`, await import('node:fs/promises').then((fs) => fs.readFile(`${here}node_modules/${css}`)));
  files.set(`/${name}/page.css`, `body{font-family:system-ui;margin:24px;max-width:900px}${c.css}`);
  files.set(
    `/${name}/`,
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${name}</title>
<meta name="viewport" content="width=device-width">${links}
<script type="module" src="/${name}/stdin.js"></script></head>
<body><h1>Linen wrap dress</h1><p>Product description above the reviews.</p>
<main>${c.body}</main><p>Content below the reviews, which must not move.</p></body></html>`,
  );
  return js;
}

const jsBytes = {};
for (const name of ONLY) jsBytes[name] = await bundle(name, contenders[name]);

// ---- serve with a strict CSP ------------------------------------------------------------
const types = { js: 'text/javascript', json: 'application/json', svg: 'image/svg+xml', css: 'text/css' };
const csp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; require-trusted-types-for 'script'";
const server = createServer((req, res) => {
  const path = new URL(req.url, 'http://x').pathname;
  const body = files.get(path);
  if (!body) return res.writeHead(path === '/favicon.ico' ? 204 : 404).end();
  res.writeHead(200, { 'content-type': types[path.split('.').pop()] ?? 'text/html; charset=utf-8', 'content-security-policy': csp });
  res.end(body);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${server.address().port}`;

// ---- measure ----------------------------------------------------------------------------
function observe() {
  window.__shift = 0;
  window.__longest = 0;
  window.__shifts = [];
  window.__tasks = [];
  new PerformanceObserver((l) => {
    for (const e of l.getEntries()) {
      if (e.hadRecentInput) continue;
      window.__shift += e.value;
      window.__shifts.push(`${e.sources.map((s) => s.node?.nodeName ?? 'shadow').join('+')}@${Math.round(e.startTime)}ms:${e.value.toFixed(4)}`);
    }
  }).observe({ type: 'layout-shift', buffered: true });
  new PerformanceObserver((l) => {
    for (const e of l.getEntries()) {
      window.__longest = Math.max(window.__longest, e.duration);
      window.__tasks.push(`${Math.round(e.startTime)}ms:${Math.round(e.duration)}`);
    }
  }).observe({ type: 'longtask', buffered: true });
}

function count() {
  const walk = (root) => [...root.querySelectorAll('*')].reduce((n, el) => n + 1 + (el.shadowRoot ? walk(el.shadowRoot) : 0), 0);
  const host = document.querySelector('fan-buyer-show');
  return {
    nodes: walk(document),
    shift: window.__shift,
    longest: window.__longest,
    shifts: window.__shifts,
    tasks: window.__tasks,
    scrolledX: scrollX,
    jsonLd: host ? JSON.parse(host.querySelector('script[type="application/ld+json"]')?.text || '{}').aggregateRating?.reviewCount : undefined,
  };
}

const browser = await chromium.launch({ executablePath: findChrome(), args: chromeArgs, headless: true });
const report = {};
try {
  for (let run = 0; run < RUNS; run++) {
    // Interleaved, so a busy moment on the machine does not land on one contender only.
    for (const name of ONLY) {
      const c = contenders[name];
      const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
      const problems = [];
      page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
      page.on('pageerror', (e) => problems.push(String(e)));
      await page.addInitScript(observe);
      await page.goto(`${origin}/${name}/`);
      await page.waitForFunction(c.ready, undefined, { polling: "raf", timeout: 30000 }).catch((e) => {
        throw new Error(`${name}: never rendered (${problems.join(" | ") || e.message})`);
      });
      const firstRender = await page.evaluate(() => performance.now());
      // Move through the carousel as a fan would, then let lazy images settle.
      await page.locator(c.next).focus();
      for (const key of ['ArrowRight', 'ArrowRight', 'End', 'Home']) {
        await page.keyboard.press(key);
        await page.waitForTimeout(150);
      }
      await page.waitForTimeout(500);
      const m = await page.evaluate(count);
      if (SHOT && run === 0) await page.screenshot({ path: SHOT.replace(/\.png$/, `-${name}.png`) });
      (report[name] ??= []).push({ firstRender, ...m, problems });
      await page.close();
    }
  }
} finally {
  await browser.close();
  server.close();
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`${COUNT} reviews, ${RUNS} runs each, Chromium ${browser.version()}, strict CSP + Trusted Types`);
console.log('contender  JS B (gzip)  first render ms (median)  DOM nodes  CLS (max)  longest task ms (max)');
for (const name of ONLY) {
  const r = report[name];
  console.log(
    [
      name.padEnd(10),
      String(jsBytes[name]).padStart(10),
      median(r.map((x) => x.firstRender)).toFixed(0).padStart(25),
      String(median(r.map((x) => x.nodes))).padStart(10),
      Math.max(...r.map((x) => x.shift)).toFixed(4).padStart(10),
      Math.max(...r.map((x) => x.longest)).toFixed(0).padStart(22),
    ].join(' '),
  );
}
for (const name of ONLY) {
  const r = report[name];
  const problems = [...new Set(r.flatMap((x) => x.problems))];
  const notes = [];
  if (r.some((x) => x.scrolledX)) notes.push('page scrolled sideways');
  if (name === 'fanfare') notes.push(`JSON-LD written: ${r.every((x) => x.jsonLd === COUNT)}`);
  if (problems.length) notes.push(`console errors: ${problems.join(' | ')}`);
  if (notes.length) console.log(`  ${name}: ${notes.join('; ')}`);
  if (args.includes('--verbose')) for (const x of r) console.log(`  ${name} run: shifts ${x.shifts.join(', ') || 'none'}; long tasks ${x.tasks.join(', ') || 'none'}`);
}
