// The loader and everything behind it, built as it ships, in two steps that esbuild alone
// cannot do:
// - Chunk names are shortened to four characters of esbuild's content hash (chunk-XHEV.js,
//   not chunk-XHEVLIRM.js), and the source maps follow the shorter names.
// - The loader learns, for each widget, every chunk that widget's chunk imports (and the
//   lazy modules it imports as it starts, chunk-map's AT_START), and
//   requests them together with it (modulepreload): without that, the browser asks for them
//   only once it has read the widget's chunk, a round trip later.
// build.mjs writes what this returns; the size check measures it; scripts/chunk-map.mjs
// reads the graph from its metafile.
import { decode, encode } from '@jridgewell/sourcemap-codec';
import { build } from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { chunkMap } from './chunk-map.mjs';
import { shipOptions } from './esbuild-options.mjs';

const root = new URL('..', import.meta.url).pathname;
const LOADER = join(root, 'packages/embed/src/loader.ts');
// Four base32 characters, 20 bits: a changed file keeps its old name (and so would be served
// stale from a cache for ever) about once in a million changes. Names that would collide
// within one build get longer ones.
const SHORT = 4;
const HASHED = /^(.*-)([A-Z0-9]{8})\.js$/;
// What loader.ts names the table by; the build replaces it in the loader's text.
const TABLE = '__FANFARE_PRELOAD__';

/** Old basename → new basename for every hashed output. */
function shortNames(paths) {
  const hashed = paths.map((p) => basename(p)).filter((b) => HASHED.test(b));
  const names = new Map();
  for (const b of hashed) {
    const [, prefix, hash] = HASHED.exec(b);
    let n = SHORT;
    while (hashed.some((o) => o !== b && HASHED.exec(o)[2].slice(0, n) === hash.slice(0, n))) n++;
    names.set(b, `${prefix}${hash.slice(0, n)}.js`);
  }
  return names;
}

/**
 * Replaces every key of `names` (old chunk names, the table's name) in `code` and moves the source map's generated columns by
 * what each replacement before them on the same line added or removed.
 */
function rename(code, map, names) {
  if (!names.size) return { code, map };
  const pattern = new RegExp([...names.keys()].map((k) => k.replace(/[.]/g, '\\.')).join('|'), 'g');
  const lines = code.split('\n');
  const shifts = lines.map((line) => [...line.matchAll(pattern)].map((m) => [m.index, names.get(m[0]).length - m[0].length]));
  const out = lines.map((line) => line.replace(pattern, (m) => names.get(m))).join('\n');
  if (!map) return { code: out, map };
  const json = JSON.parse(map);
  const mappings = decode(json.mappings).map((segments, i) =>
    segments.map(([col, ...rest]) => [col + (shifts[i] ?? []).filter(([at]) => at < col).reduce((s, [, d]) => s + d, 0), ...rest]),
  );
  return { code: out, map: JSON.stringify({ ...json, mappings: encode(mappings) }) };
}

/**
 * esbuild makes every lazily imported chunk import the chunk of its runtime helpers (the
 * decorators' `__decorateClass`) whether it uses them or not (evanw/esbuild#1892): for the
 * beacon, which uses none, a request and 140 B for nothing. That chunk (the output with no
 * inputs of its own) only defines functions, so an import of it that takes no names can go:
 * this drops such imports from the metafile (so no table lists the chunk) and returns the
 * texts to remove, each mapped to ''.
 */
function unusedHelperImports(built, cwd) {
  const outputs = built.metafile.outputs;
  const helpers = Object.keys(outputs).filter((k) => k.endsWith('.js') && !outputs[k].entryPoint && !Object.keys(outputs[k].inputs).length);
  const text = new Map(built.outputFiles.map((f) => [f.path, f.text]));
  const unused = new Map();
  for (const [key, output] of Object.entries(outputs)) {
    const code = text.get(join(cwd, key)) ?? '';
    output.imports = output.imports.filter((i) => {
      const bare = `import"./${basename(i.path)}";`;
      if (!helpers.includes(i.path) || !code.includes(bare) || code.includes(`from"./${basename(i.path)}"`)) return true;
      unused.set(bare, '');
      return false;
    });
  }
  return unused;
}

/**
 * Builds fanfare.js and its chunks into `outdir` (in memory: nothing is written). Returns
 * `files` (path → contents as a string), the metafile with the new names (its paths relative
 * to `cwd`), and `preload`:
 * for each key of the chunk map (a tag, `beacon`), the hashes of the chunks the loader
 * requests with that widget's own (`preloaded`: the same as metafile paths).
 */
export async function buildLoader({ outdir, cwd = root, sourcemap = false, plugins = [] }) {
  const options = {
    ...shipOptions,
    plugins: [...plugins, ...shipOptions.plugins],
    entryPoints: { fanfare: LOADER },
    absWorkingDir: cwd,
    outdir,
    entryNames: '[name]',
    sourcemap: sourcemap ? 'linked' : false,
    write: false,
    metafile: true,
    logLevel: 'warning',
  };
  const built = await build(options);
  const unused = unusedHelperImports(built, cwd);
  const loaderOut = Object.keys(built.metafile.outputs).find((k) => basename(k) === 'fanfare.js');
  const graph = chunkMap(built.metafile, loaderOut, cwd);
  const names = shortNames(Object.keys(built.metafile.outputs));
  // The prefix and hash of a file's short name; none for a file without a hash.
  const parts = (f) => /^(.*-)([A-Z0-9]+)\.js$/.exec(names.get(basename(f)) ?? '') ?? [];
  // A lazy chunk a widget asks for as it starts (chunk-map's AT_START) is named as a shared
  // chunk is, so the loader's table can name it by its hash alone. Its hash is unique among
  // all the build's names, so the new name clashes with none.
  for (const { files } of Object.values(graph)) {
    for (const f of files) {
      const [, prefix, hash] = parts(f);
      if (prefix && prefix !== 'chunk-') names.set(basename(f), `chunk-${hash}.js`);
    }
  }
  const preload = {};
  const preloaded = {};
  // Rarest first: the lists then end alike, which gzip finds.
  const uses = new Map();
  for (const { files } of Object.values(graph)) for (const f of files) uses.set(f, (uses.get(f) ?? 0) + 1);
  for (const [key, { files }] of Object.entries(graph)) {
    files.sort((a, b) => uses.get(a) - uses.get(b) || a.localeCompare(b));
    const hashes = files.map((f) => {
      const [, , hash] = parts(f);
      if (!hash) throw new Error(`ship-loader: ${key} imports ${f}, which has no hash in its name: the loader's table names chunks by their hashes`);
      return hash;
    });
    if (hashes.length) preload[key] = hashes.join(' ');
    preloaded[key] = files;
  }
  // The table goes into the loader's text after the build: given to esbuild (define), it
  // would change every chunk's hash, and so the names in the table itself.
  const table = new Map([[TABLE, `(${JSON.stringify(preload)})`]]);
  const renamed = (p) => join(dirname(p), names.get(basename(p).replace(/\.map$/, '')) ?? basename(p).replace(/\.map$/, '')) + (p.endsWith('.map') ? '.map' : '');
  const byPath = new Map(built.outputFiles.map((f) => [f.path, f.text]));
  const files = new Map();
  for (const [path, text] of byPath) {
    if (path.endsWith('.map')) continue;
    const { code, map } = rename(text, byPath.get(`${path}.map`), path === join(cwd, loaderOut) ? new Map([...names, ...table]) : new Map([...unused, ...names]));
    if (path === join(cwd, loaderOut) && !code.includes(table.get(TABLE))) throw new Error(`ship-loader: the loader no longer reads ${TABLE}`);
    files.set(renamed(path), code);
    if (map) files.set(`${renamed(path)}.map`, map);
  }
  const metafile = { inputs: built.metafile.inputs, outputs: {} };
  for (const [key, output] of Object.entries(built.metafile.outputs)) {
    metafile.outputs[renamed(key)] = { ...output, imports: output.imports.map((i) => (i.external ? i : { ...i, path: renamed(i.path) })) };
  }
  for (const key of Object.keys(preloaded)) preloaded[key] = preloaded[key].map(renamed);
  return { files, metafile, preload, preloaded, loaderOut: renamed(loaderOut) };
}

/** buildLoader, with its files written to `outdir`; returns what buildLoader does. */
export async function writeLoader(options) {
  const result = await buildLoader(options);
  for (const [path, text] of result.files) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  }
  return result;
}
