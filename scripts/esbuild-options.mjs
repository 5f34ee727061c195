// The esbuild options of what ships: the embed build uses them, and the size check
// measures with the same ones, so a budget can never be met by a build that differs.
import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { minifyLiterals } from './minify-literals.mjs';

/**
 * The share widget's network chunks (glyph, colours, URL format) ship as files of their
 * own beside fanfare.js, named share-<network>.js, so the widget's table of them carries
 * no content hashes (about 160 B of its start chunk). They are built on their own
 * (networkOptions), not as entry points of the main build, which would make each import
 * esbuild's shared runtime chunk: one more round trip before a button can show. Being
 * unhashed, they are served like the loader: revalidated, not cached for ever.
 */
const networkChunks = {
  name: 'fanfare-network-chunks',
  setup(build) {
    build.onResolve({ filter: /^\.\/[a-z]+\.js$/ }, (args) =>
      args.importer.endsWith(join('share', 'src', 'networks', 'index.ts'))
        ? // Relative to the widget's own chunk in chunks/.
          { path: `../share-${args.path.slice(2)}`, external: true }
        : undefined,
    );
  },
};

/**
 * What the loader must run before anything else (the landing of a share token) is pasted
 * into it rather than imported: with code splitting, any second
 * module in the loader's own graph makes esbuild give it an import of the shared runtime
 * chunk, 200 B and a round trip more before the first widget chunk is even requested.
 * The pasted modules' own relative imports are pasted too; their `export`s are dropped.
 */
const INLINED = {
  '@fanfare/core/landing': 'packages/core/src/landing.ts',
};
const repo = fileURLToPath(new URL('..', import.meta.url));

async function pasted(file, seen) {
  if (seen.has(file)) return '';
  seen.add(file);
  const source = await readFile(file, 'utf8');
  let out = '';
  for (const line of source.split('\n')) {
    const m = /^import (type )?\{[^}]*\} from '([^']+)';$/.exec(line);
    if (m && !m[1] && m[2].startsWith('.')) out += await pasted(join(dirname(file), m[2].replace(/\.js$/, '.ts')), seen);
    else if (!m) out += line.replace(/^export (?!\{)/, '') + '\n';
  }
  return out;
}

const inlineIntoLoader = {
  name: 'fanfare-inline-into-loader',
  setup(build) {
    build.onLoad({ filter: /embed[\\/]src[\\/]loader\.ts$/ }, async (args) => {
      let loader = await readFile(args.path, 'utf8');
      const seen = new Set();
      for (const [spec, file] of Object.entries(INLINED)) {
        const line = new RegExp(`^import \\{[^}]*\\} from '${spec.replace(/[./]/g, '\\$&')}';$`, 'm');
        if (!line.test(loader)) throw new Error(`loader.ts no longer imports ${spec}`);
        const code = await pasted(join(repo, file), seen);
        loader = loader.replace(line, () => code);
      }
      return { contents: loader, loader: 'ts' };
    });
  },
};

export const shipOptions = {
  bundle: true,
  splitting: true,
  format: 'esm',
  minify: true,
  target: 'es2022',
  charset: 'utf8',
  conditions: ['source'],
  legalComments: 'none',
  plugins: [minifyLiterals, networkChunks, inlineIntoLoader],
  chunkNames: 'chunks/[name]-[hash]',
  // The beacon keeps what listens to widgets (see packages/beacon/src/beacon.ts); only
  // fanfare-beacon.js, for pages with no widget, leaves it out (scripts/ship-beacon.mjs).
  define: { __FANFARE_BEACON_ALONE__: 'false' },
};

const networks = new URL('../packages/share/src/networks/', import.meta.url);

/** The esbuild options of the network chunks: standalone modules, one per network. */
export const networkOptions = {
  ...shipOptions,
  splitting: false,
  plugins: [],
  entryNames: 'share-[name]',
  entryPoints: readdirSync(networks)
    .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
    .map((f) => fileURLToPath(new URL(f, networks))),
};
