// Size budgets from DESIGN.md, in gzip bytes. Each piece is bundled and minified the
// way the embed build does it, with what is shared (Lit, core) left out of the pieces
// that use it; lazily imported chunks are measured on their own. Prints every figure
// and exits 1 on any overrun.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { chunkMap } from './chunk-map.mjs';
import { networkOptions, shipOptions } from './esbuild-options.mjs';
import { buildBeaconAlone } from './ship-beacon.mjs';
import { buildLoader } from './ship-loader.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
// What a widget's figure leaves out, because a page loads it once however many widgets
// use it: Lit, core's index (its own row) and the subpaths inside it (config, events,
// ids, parse), and core's kit subpaths (their own rows below: the embed ships each as a
// shared chunk, loaded with the first widget that imports it). @fanfare/core/popover has
// a row of its own too: widgets load it on their first popover. Every other import,
// @fanfare/core/errors included, counts in the widget that makes it.
const KIT = ['task', 'clipboard', 'storage', 'env', 'lazy-styles', 'css-vars', 'share-link'];
const shared = [
  'lit', 'lit/*', '@lit/*', 'lit-html', 'lit-html/*', 'lit-element', 'lit-element/*',
  '@fanfare/core', '@fanfare/core/config', '@fanfare/core/events', '@fanfare/core/ids', '@fanfare/core/parse', '@fanfare/core/popover',
  ...KIT.map((k) => `@fanfare/core/${k}`),
];

/**
 * Bundle `entry` with `external` left out; returns the gzip size of the entry chunk and
 * what it imports statically, and of each lazily imported chunk by name.
 */
async function measure(entry, external = [], entryNames = 'chunks/[name]') {
  // esbuild's own `external` takes a package name for all its subpaths too, which would
  // leave core's kit subpaths out of every figure: match exact names (and `x/*`) instead.
  const isExternal = (path) => external.some((e) => (e.endsWith('/*') ? path.startsWith(e.slice(0, -1)) : path === e));
  const exact = {
    name: 'exact-externals',
    setup(b) {
      b.onResolve({ filter: /^[@a-z]/ }, (args) => (isExternal(args.path) ? { path: args.path, external: true } : undefined));
    },
  };
  const result = await build({
    ...shipOptions,
    plugins: [exact, ...shipOptions.plugins],
    entryPoints: { entry: `${root}/${entry}` },
    absWorkingDir: root,
    outdir: '/virtual',
    // Widgets in chunks/ beside the rest, as the embed build places them.
    entryNames,
    write: false,
    metafile: true,
    logLevel: 'error',
  });
  const gz = new Map(result.outputFiles.map((f) => [f.path.replace('/virtual/', ''), gzipSync(f.contents, { level: 9 }).length]));
  const outputs = result.metafile.outputs;
  const key = (p) => p.replace(/^.*virtual\//, '');
  const eager = new Set();
  const walk = (file) => {
    if (eager.has(file)) return;
    eager.add(file);
    for (const i of outputs[`../virtual/${file}`]?.imports ?? outputs[Object.keys(outputs).find((k) => key(k) === file)].imports) {
      if (i.kind === 'import-statement' && !i.external) walk(key(i.path));
    }
  };
  walk(entryNames.replace('[name]', 'entry') + '.js');
  const lazy = {};
  for (const [file, size] of gz) {
    if (file.endsWith('.js') && !eager.has(file)) {
      const name = file.replace(/^chunks\//, '').replace(/-[A-Z0-9]{8}\.js$/, '');
      lazy[name] = (lazy[name] ?? 0) + size;
    }
  }
  return { eager: [...eager].reduce((n, f) => n + gz.get(f), 0), lazy };
}

const rows = [];
let failed = false;
function check(piece, size, budget, note = '') {
  const over = budget !== undefined && size > budget;
  failed ||= over;
  rows.push([piece, size, budget ?? '—', over ? 'OVER' : 'ok', note]);
}

// The loader with every widget behind it, as built (scripts/ship-loader.mjs): its imports
// and its table of what to request with each widget name the hashed chunks.
const shipped = await buildLoader({ outdir: `${root}virtual` });
check('loader fanfare.js', gzipSync(shipped.files.get(`${root}virtual/fanfare.js`), { level: 9 }).length, 1500);

const lit = await measure('packages/core/scripts/lit-entry.js');
check('Lit runtime (shared once per page)', lit.eager, 7000, 'LitElement, html, css, nothing, property/state decorators');

const core = await measure('packages/core/src/index.ts', shared.filter((s) => !s.includes('fanfare')));
check('core (shared once per page)', core.eager, 3000);
let kit = 0;
for (const k of KIT) {
  const m = await measure(`packages/core/src/${k}.ts`, shared.filter((s) => !s.endsWith(`/${k}`)));
  kit += m.eager;
  check(`  core kit: ${k}`, m.eager, undefined, 'with the first widget that imports it');
}
// 2,300 since share-link joined the kit (issue 13: share tokens, landing, UTM; about 620 B,
// uid counted again though the embed ships it in core's chunk): no page needs all of it.
check('  core kit, all of it', kit, 2300, 'no page needs all of it');
const popover = await measure('packages/core/src/popover.ts', shared.filter((s) => !s.includes('fanfare')));
check('  popover + @floating-ui/dom, first popover', popover.eager + (popover.lazy['popover-attach'] ?? 0), 7500, 'lazy');

const share = await measure('packages/share/src/index.ts', shared);
check('share, its own code', share.eager, 4000);
for (const [name, size] of Object.entries(share.lazy).sort()) {
  if (name === 'qr') check('  QR encoder, first WeChat click', size, 4500, 'lazy');
  else if (name === 'panels') check('  popover panels, first WeChat/Mastodon click', size, 3000, 'lazy');
  else check(`  ${name}`, size, undefined, 'lazy');
}
const networks = await build({ ...networkOptions, absWorkingDir: root, outdir: '/virtual', write: false, logLevel: 'error' });
for (const f of networks.outputFiles.sort((a, b) => a.path.localeCompare(b.path))) {
  const name = f.path.replace(/^.*\/|\.js$/g, '');
  check(`  ${name}.js`, gzipSync(f.contents, { level: 9 }).length, 500, 'lazy, only for networks a page names: glyph, colours, URL format');
}

const widgets = [
  ['2048', 'packages/game-2048/src/index.ts', 8000],
  ['card maker', 'packages/card-maker/src/index.ts', 10000],
  ['buyer show', 'packages/buyer-show/src/index.ts', 8000],
  // Reuses share: the share buttons are share's own chunk, counted above.
  ['invite', 'packages/invite/src/index.ts', 4000],
  // Photo resizing on the device included (DESIGN.md, Budgets).
  ['review form', 'packages/review-form/src/index.ts', 6000],
  // 2,500 with page views and attribution (DESIGN.md, Budgets; issue 13): the kept token and
  // track()'s orders and goals load on their own, only where a page needs them.
  ['beacon', 'packages/beacon/src/index.ts', 2500],
];
for (const [name, entry, budget] of widgets) {
  if (!existsSync(`${root}/${entry}`)) {
    rows.push([name, '—', budget, 'not built yet', '']);
    continue;
  }
  let m;
  try {
    m = await measure(entry, [...shared, '@fanfare/share']);
  } catch {
    rows.push([name, '—', budget, 'ERROR', 'does not build']);
    failed = true;
    continue;
  }
  check(name, m.eager, budget);
  for (const [lazyName, size] of Object.entries(m.lazy)) check(`  ${lazyName}`, size, undefined, 'lazy');
}

// The WeChat share card (issue 16): the loader imports it only inside WeChat, with data-wechat
// on its tag. Its own budget (DESIGN.md names none): signing, the card, SPA routes.
const wechat = await measure('packages/embed/src/wechat.ts', shared);
check('wechat share card', wechat.eager, 2300, 'lazy, inside WeChat with data-wechat only; share-link counted in the kit');

// The beacon alone (issue 17: a page with only the beacon loads at most 3,500 B, page views
// and attribution included): fanfare-beacon.js, one file, as built; its lazy chunks each
// carry what they need (scripts/ship-beacon.mjs), so each is measured whole.
const alone = await buildBeaconAlone({ outdir: `${root}virtual`, write: false });
for (const f of alone.outputFiles.filter((o) => o.path.endsWith('.js')).sort((a, b) => a.path.length - b.path.length)) {
  const name = f.path.replace(/^.*\/(alone-)?|(-[A-Z0-9]{8})?\.js$/g, '');
  const size = gzipSync(f.contents, { level: 9 }).length;
  if (name === 'fanfare-beacon') check('beacon alone, fanfare-beacon.js', size, 3500, 'a page with no widget: the whole start in one file');
  else check(`  ${name}`, size, undefined, 'lazy');
}

const w = [36, 8, 8, 6];
console.log(['piece', 'gzip B', 'budget', ''].map((c, i) => String(c).padEnd(w[i])).join(' '));
for (const r of rows) console.log(r.slice(0, 4).map((c, i) => String(c)[i ? 'padStart' : 'padEnd'](w[i])).join(' ') + (r[4] ? `  ${r[4]}` : ''));

// Requests in a row, each waiting for the one before, from fanfare.js (1) to a widget's last
// file: on a phone each is a round trip. esbuild's widget chunks name their whole graph, so
// it is the loader, the widget's chunk, then everything else at once; the loader requests
// everything else with the widget's chunk (its table, and <fan-share>'s `networks`).
const chains = chunkMap(shipped.metafile, shipped.loaderOut, root, shipped.preloaded);
console.log(`\n${'requests in a chain'.padEnd(w[0])} ${'longest'.padStart(w[1])} ${'target'.padStart(w[2])}`);
for (const [key, { chain, files }] of Object.entries(chains)) {
  // Issue 17: the loader, then everything at once. A longer chain is a round trip more on a phone.
  failed ||= chain > 2;
  console.log(`${`  ${key}`.padEnd(w[0])} ${String(chain).padStart(w[1])} ${'2'.padStart(w[2])}  ${files.length + 1} files after fanfare.js${chain > 2 ? '  OVER' : ''}`);
}
if (failed) {
  console.error('\nSize budget or chain of requests exceeded: see the rows marked OVER.');
  process.exit(1);
}
