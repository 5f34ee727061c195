// fanfare-beacon.js, the beacon alone (packages/embed/src/beacon-alone.ts), built as it
// ships. What it needs at start is all in that one file: no request waits for another, and
// gzip compresses it as one text (a boundary between files costs about 150 B each).
// esbuild would move a module that the file and one of its lazy chunks (the token's credit,
// orders, the outbox's retries, Core Web Vitals) both import into a shared chunk, a
// request more at start; so each lazy chunk gets copies of what it imports instead. Copies
// share no state but what they keep on globalThis: core's storage keeps its memory there,
// and window.fanfare is the one object the file made (the lazy chunks' `fanfare()` returns it).
import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { shipOptions } from './esbuild-options.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const embed = join(root, 'packages/embed');
export const BEACON_ALONE = join(embed, 'src/beacon-alone.ts');
/**
 * The modules fanfare-beacon.js imports lazily. Not <fan-conversion>: the file defines it,
 * and a tag already in the page is upgraded before the file's own code has made
 * window.fanfare, so it needs core's real `fanfare()`, which makes it.
 */
const LAZY = /[\\/]beacon[\\/]src[\\/](attribution|orders|retry|vitals)\.ts$/;

const lazyCopies = {
  name: 'fanfare-beacon-lazy-copies',
  setup(b) {
    b.onResolve({ filter: /.*/ }, async (args) => {
      if (args.kind !== 'import-statement' || args.pluginData?.resolving) return undefined;
      // The lazy module this import is made for, directly or through a copy.
      const chunk = args.pluginData?.chunk ?? LAZY.exec(args.importer)?.[1];
      if (!chunk) return undefined;
      if (args.path === '@fanfare/core/config') return { path: chunk, namespace: 'lazy-config' };
      const resolved = await b.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: { resolving: true } });
      if (resolved.errors.length || resolved.external) return resolved;
      // A copy of its own for each lazy chunk, so no chunk imports another: a page opened
      // from a shared link waits for fanfare-beacon.js, then the token's chunk, nothing more.
      // Named relative to packages/embed, as the source maps then show it.
      return { path: `${relative(embed, resolved.path)}?${chunk}`, namespace: 'lazy-copy', pluginData: { chunk } };
    });
    b.onLoad({ filter: /.*/, namespace: 'lazy-copy' }, async (args) => {
      const file = resolve(embed, args.path.replace(/\?\w+$/, ''));
      return { contents: await readFile(file, 'utf8'), loader: file.endsWith('.ts') ? 'ts' : 'js', resolveDir: dirname(file), pluginData: args.pluginData };
    });
    // By the time a lazy chunk runs, the file has made the real window.fanfare.
    b.onLoad({ filter: /.*/, namespace: 'lazy-config' }, () => ({ contents: 'export const fanfare = () => window.fanfare;', loader: 'js' }));
  },
};

/**
 * Builds fanfare-beacon.js and its lazy chunks (chunks/alone-*.js) into `outdir`, or only in
 * memory with `write: false`. Returns esbuild's result (its metafile included).
 */
export async function buildBeaconAlone({ outdir, sourcemap = false, write = true }) {
  const result = await build({
    ...shipOptions,
    plugins: [...shipOptions.plugins, lazyCopies],
    define: { __FANFARE_BEACON_ALONE__: 'true' },
    entryPoints: { 'fanfare-beacon': BEACON_ALONE },
    chunkNames: 'chunks/alone-[name]-[hash]',
    // As the loader's build: the metafile's paths relative to packages/embed, in one meta.json.
    absWorkingDir: embed,
    outdir,
    sourcemap: sourcemap ? 'linked' : false,
    metafile: true,
    write,
    logLevel: 'warning',
  });
  const [key, entry] = Object.entries(result.metafile.outputs).find(([, o]) => o.entryPoint);
  const eager = entry.imports.filter((i) => i.kind === 'import-statement');
  if (eager.length) throw new Error(`${key} imports ${eager.map((i) => i.path).join(', ')} at start: it must be one file`);
  return result;
}
