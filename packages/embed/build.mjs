// Builds dist/fanfare.js (the loader) and every widget as a chunk beside it. Shared code
// (Lit, core) lands in shared chunks, so a page loads one Lit however many widgets it has.
import { build } from 'esbuild';
import { rmSync, writeFileSync } from 'node:fs';
import { minifyLiterals } from '../../scripts/minify-literals.mjs';

const outdir = new URL('./dist/', import.meta.url).pathname;
rmSync(outdir, { recursive: true, force: true });

const result = await build({
  entryPoints: { fanfare: new URL('./src/loader.ts', import.meta.url).pathname },
  bundle: true,
  splitting: true,
  format: 'esm',
  minify: true,
  target: 'es2022',
  charset: 'utf8',
  conditions: ['source'],
  outdir,
  chunkNames: 'chunks/[name]-[hash]',
  entryNames: '[name]',
  legalComments: 'none',
  sourcemap: 'linked',
  metafile: true,
  logLevel: 'warning',
  plugins: [minifyLiterals],
});
writeFileSync(new URL('./dist/meta.json', import.meta.url), JSON.stringify(result.metafile));
const files = Object.keys(result.metafile.outputs).filter((f) => f.endsWith('.js'));
console.log(`embed: ${files.length} files in packages/embed/dist`);
