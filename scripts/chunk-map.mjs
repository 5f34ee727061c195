// The module graph behind each chunk the loader imports, read from esbuild's metafile. A
// browser requests a module's imports only once it has read that module, so every level
// of the graph is a round trip after fanfare.js: on a phone on 4G, 100–300 ms each. The
// size check (scripts/size.mjs) prints each widget's chain from this.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const LOADER = join(root, 'packages/embed/src/loader.ts');
// Modules a widget imports lazily but at once as it starts, not on first use: they are a
// request after the widget's chunk unless the loader asks for them beside it, so they count
// as the widget's files. The beacon's widget views are one (a chunk apart from the beacon's
// so that fanfare-beacon.js, for pages with no widget, leaves them out).
const AT_START = new Set(['packages/card-maker/src/draw.ts', 'packages/beacon/src/views.ts'].map((f) => join(root, f)));
// Modules a widget imports as it starts only when its tag says so, by the CSS selector that
// says it: the card maker's built-in designs when it names none of a brand's, the code that
// reads a brand's when it does. Each is a key of the map of its own (the selector, which
// starts with the tag), so the loader asks for it beside the widget's chunk only when an
// element on the page matches.
const WHEN = new Map(
  [
    ['packages/card-maker/src/logic/builtins.ts', 'fan-card-maker:not([templates])'],
    ['packages/card-maker/src/controllers/template-source.ts', 'fan-card-maker[templates]'],
  ].map(([f, selector]) => [join(root, f), selector]),
);

/** The source file a `@fanfare/x/sub` or relative specifier of the loader resolves to (absolute). */
function sourceOf(spec) {
  if (spec.startsWith('.')) return join(root, 'packages/embed/src', spec.replace(/\.js$/, '.ts'));
  const [, name, sub] = /^@fanfare\/([^/]+)(?:\/(.+))?$/.exec(spec) ?? [];
  if (!name) return undefined;
  const pkg = JSON.parse(readFileSync(join(root, 'packages', name, 'package.json'), 'utf8'));
  const entry = pkg.exports?.[sub ? `./${sub}` : '.'];
  return entry?.source && join(root, 'packages', name, entry.source);
}

/**
 * For each lazy import of the loader, keyed by its tag (or `beacon`, `wechat`): `entry`, the
 * chunk; `files`, every file that chunk imports statically, directly or not (and the AT_START modules it imports lazily, with theirs); `chain`, the
 * longest run of requests each waiting for the one before, from fanfare.js (1) to the last
 * of them (a file is requested as soon as the first file that imports it has arrived).
 * A module of WHEN is a key of its own, its selector, with the files the widget's do not hold.
 * Paths are the metafile's keys. `loaderOut` is the loader's key in
 * `metafile.outputs`; `cwd` the directory the build ran in (the metafile is relative to it);
 * `preloaded`, by key, the files the loader requests with the widget's chunk (level 2 too).
 */
export function chunkMap(metafile, loaderOut, cwd, preloaded = {}) {
  const text = readFileSync(LOADER, 'utf8');
  const keyOf = new Map();
  for (const [, tag, spec] of text.matchAll(/'(fan-[a-z0-9-]+)': \(\) => import\('([^']+)'\)/g)) keyOf.set(sourceOf(spec), tag);
  for (const [, spec] of text.matchAll(/import\('(@fanfare\/beacon|\.\/wechat\.js)'\)/g)) keyOf.set(sourceOf(spec), spec.includes('wechat') ? 'wechat' : 'beacon');

  const outputs = metafile.outputs;
  const atStart = (path) => outputs[path]?.entryPoint && AT_START.has(join(cwd, outputs[path].entryPoint));
  const statics = (file) =>
    (outputs[file]?.imports ?? [])
      .filter((i) => !i.external && (i.kind === 'import-statement' || (i.kind === 'dynamic-import' && atStart(i.path))))
      .map((i) => i.path);
  // Breadth first: the level at which each file is first requested.
  const chain = (entry, early = []) => {
    const level = new Map([entry, ...early].map((f) => [f, 2]));
    for (const queue = [entry, ...early]; queue.length; ) {
      const f = queue.shift();
      for (const g of statics(f)) {
        if (level.has(g)) continue;
        level.set(g, level.get(f) + 1);
        queue.push(g);
      }
    }
    return Math.max(...level.values());
  };
  const closure = (file, seen = new Set()) => {
    for (const f of statics(file)) if (!seen.has(f)) closure(f, seen.add(f));
    return seen;
  };
  const map = {};
  for (const i of outputs[loaderOut].imports) {
    if (i.kind !== 'dynamic-import' || i.external) continue;
    const source = outputs[i.path]?.entryPoint;
    const key = source && keyOf.get(join(cwd, source));
    if (!key) throw new Error(`chunk-map: the loader imports ${i.path} (${source}), which loader.ts does not name`);
    const files = closure(i.path);
    map[key] = { entry: i.path, files: [...files], chain: chain(i.path, preloaded[key]) };
    for (const d of [i.path, ...files]) {
      for (const j of outputs[d]?.imports ?? []) {
        const selector = j.kind === 'dynamic-import' && outputs[j.path]?.entryPoint && WHEN.get(join(cwd, outputs[j.path].entryPoint));
        if (!selector || map[selector]) continue;
        if (!selector.startsWith(key)) throw new Error(`chunk-map: ${selector} must start with ${key}, the tag that imports it`);
        // What the widget's own files do not hold already.
        const own = [j.path, ...closure(j.path)].filter((f) => !files.has(f));
        // Requested by the loader, it is level 2 as the widget's chunk and its files are; else a
        // request after that chunk ran.
        const early = preloaded[selector] ?? [];
        map[selector] = { entry: j.path, files: own, chain: chain(j.path, [...(preloaded[key] ?? []), ...early]) + (early.includes(j.path) ? 0 : 1) };
      }
    }
  }
  return map;
}

