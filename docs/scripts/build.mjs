// Builds the docs site into docs/dist:
//   1. custom-elements.json from every packages/*/src/fan-*.ts (the analyzer, over JSDoc);
//   2. the pages: docs/pages/ wrapped in the layout, widget pages with their generated
//      reference tables, a page generated for any widget nobody has written one for;
//   3. `vite build` (CSS and scripts hashed and bundled; the configurator bundles core's
//      checkAttribute, site-key rule and clipboard from @fanfare/core's built subpaths);
//   4. the built embed folder copied to dist/fanfare/, which every page loads with
//      <script type="module" src="./fanfare/fanfare.js">, as a site owner would.
// Run after `pnpm -r --sort run build` (the embed folder must exist).
import { marked } from 'marked';
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { cssDefaults } from './lib/css-defaults.mjs';
import { widgetsFrom } from './lib/manifest.mjs';
import { reserveCss } from './lib/html.mjs';
import { buildSite } from './lib/site.mjs';

const docs = fileURLToPath(new URL('..', import.meta.url));
const repo = join(docs, '..');
const generated = join(docs, '.generated');
const site = join(generated, 'site');
const dist = join(docs, 'dist');
const embedDist = join(repo, 'packages/embed/dist');

if (!existsSync(join(embedDist, 'fanfare.js'))) {
  console.error('docs: packages/embed/dist/fanfare.js is missing; run `pnpm -r --sort run build` first.');
  process.exit(1);
}

// 1. The manifest.
rmSync(generated, { recursive: true, force: true });
const cem = fileURLToPath(import.meta.resolve('@custom-elements-manifest/analyzer/cem.js'));
const analyzed = spawnSync(process.execPath, [cem, 'analyze', '--config', 'custom-elements-manifest.config.mjs', '--quiet'], {
  cwd: docs,
  stdio: 'inherit',
});
if (analyzed.status !== 0) process.exit(analyzed.status ?? 1);
const manifest = JSON.parse(readFileSync(join(generated, 'custom-elements.json'), 'utf8'));
// Each --fan-* property's default, as the widgets' own styles fall back to it.
const widgets = widgetsFrom(manifest, { cssDefaults: cssDefaults(widgetSources()) });

// Tags the built loader knows; a widget it does not load yet gets no live example.
const loader = readFileSync(join(embedDist, 'fanfare.js'), 'utf8');
const embedded = new Set(widgets.map((w) => w.tag).filter((tag) => loader.includes(`"${tag}"`) || loader.includes(`'${tag}'`)));

// 2. The pages.
const pagesDir = join(docs, 'pages');
const sources = new Map(
  walk(pagesDir)
    .filter((f) => f.endsWith('.html'))
    .map((f) => [relative(pagesDir, f).split('\\').join('/'), readFileSync(f, 'utf8')]),
);
// The benchmark table, as bench/run.mjs last wrote it (with its date and machine).
const results = join(docs, '../bench/results.md');
if (existsSync(results)) {
  // Each wide table scrolls in a focusable region named after its section (and its place in
  // it, when a section has more than one: the share buttons on loopback, then on a phone).
  let section = 'Figures';
  let nth = 0;
  const html = marked
    .parse(readFileSync(results, 'utf8'))
    .replace(/<h2[^>]*>(.*?)<\/h2>|<table>/g, (match, heading) => {
      if (heading !== undefined) {
        section = heading.replace(/<[^>]+>/g, '');
        nth = 0;
        return match;
      }
      nth += 1;
      return `<div class="table-scroll" tabindex="0" role="region" aria-label="${section}: figures${nth > 1 ? `, table ${nth}` : ''}"><table>`;
    })
    .replace(/<\/table>/g, '</table></div>');
  sources.set('guides/benchmarks.html', `<p class="kicker">Guide</p>\n${html}`);
}
const tokens = sharedTokens();
const { pages } = buildSite({ sources, widgets, embedded, tokens });
for (const p of pages) write(join(site, p.path), p.html);
cpSync(join(docs, 'src'), join(site, '_src'), { recursive: true });
appendFileSync(join(site, '_src/docs.css'), reserveCss(pages.map((p) => p.html)));
cpSync(join(docs, 'pages/favicon.svg'), join(site, 'favicon.svg'));
write(
  join(site, '_src/widgets.json'),
  JSON.stringify({ widgets: widgets.map((w) => ({ ...w, live: embedded.has(w.tag) })), networks: networks(), networkNames: networkNames(), tokens }, null, 1),
);

// 3. Vite.
await build({
  root: site,
  base: './',
  publicDir: join(docs, 'public'),
  logLevel: 'warn',
  build: {
    outDir: dist,
    emptyOutDir: true,
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    rollupOptions: { input: Object.fromEntries(pages.map((p) => [p.path.replace(/\.html$/, ''), join(site, p.path)])) },
  },
});

// 4. The embed folder, as a site owner hosts it.
cpSync(embedDist, join(dist, 'fanfare'), { recursive: true, filter: (src) => !src.endsWith('meta.json') });
console.log(
  `docs: ${pages.length} pages, ${widgets.length} widgets (${[...embedded].join(', ') || 'none'} live) in ${relative(repo, dist)}`,
);

function walk(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
  );
}

/** The widgets' TypeScript sources (styles, tokens and elements), where their CSS defaults are written. */
function widgetSources() {
  const packages = join(repo, 'packages');
  return readdirSync(packages)
    .map((p) => join(packages, p, 'src'))
    .filter((dir) => existsSync(dir))
    .flatMap(walk)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => readFileSync(f, 'utf8'));
}

function write(file, text) {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}

/** The share networks, in the order the source declares them (the configurator offers them all). */
function networks() {
  const file = join(repo, 'packages/share/src/logic/networks.ts');
  const m = existsSync(file) && /export const NETWORKS = \[([\s\S]*?)\]/.exec(readFileSync(file, 'utf8'));
  return m ? [...m[1].matchAll(/'([a-z0-9-]+)'/g)].map((x) => x[1]) : [];
}

/** Each network's name as the share widget writes it (its English table in src/messages.ts, which names networks by their keys). */
function networkNames() {
  const file = join(repo, 'packages/share/src/messages.ts');
  const m = existsSync(file) && /const en = \{([\s\S]*?)\};/.exec(readFileSync(file, 'utf8'));
  const names = m ? Object.fromEntries([...m[1].matchAll(/(\w+): '([^']+)'/g)].map((x) => [x[1], x[2]])) : {};
  // A silent fallback would show network ids in the configurator: fail the build instead.
  const missing = networks().filter((n) => !names[n]);
  if (missing.length) throw new Error(`docs build: no English name for ${missing.join(', ')} in ${file}`);
  return names;
}

/** The page-wide --fan-* properties every widget reads (core's theme tokens), with their defaults. */
function sharedTokens() {
  const file = join(repo, 'packages/core/src/tokens.ts');
  if (!existsSync(file)) return [];
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/var\(\s*(--fan-[a-z0-9-]+)\s*,\s*([^;]*?)\)\s*;/g)].map((m) => ({
    name: m[1],
    default: m[2].replace(/\s+/g, ' ').trim(),
  }));
}
