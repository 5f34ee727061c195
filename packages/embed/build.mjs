// Builds dist/fanfare.js (the loader) and every widget as a chunk beside it. Shared code
// (Lit, core) lands in shared chunks, so a page loads one Lit however many widgets it has.
// scripts/ship-loader.mjs does the building (short chunk names, the loader's preload table).
import { build } from 'esbuild';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { networkOptions } from '../../scripts/esbuild-options.mjs';
import { buildBeaconAlone } from '../../scripts/ship-beacon.mjs';
import { writeLoader } from '../../scripts/ship-loader.mjs';

const outdir = new URL('./dist/', import.meta.url).pathname;
rmSync(outdir, { recursive: true, force: true });

const cwd = new URL('.', import.meta.url).pathname;
const result = await writeLoader({ outdir, cwd, sourcemap: true });
// The reserved sizes, as the stylesheet the README's snippet links beside the script.
// (Node 20 cannot import TypeScript: placeholders.ts is compiled on the way.)
const table = await build({ entryPoints: [join(cwd, 'src/placeholders.ts')], bundle: true, format: 'esm', write: false, logLevel: 'warning' });
const { placeholderSheet } = await import(`data:text/javascript,${encodeURIComponent(table.outputFiles[0].text)}`);
writeFileSync(join(outdir, 'fanfare.css'), `${placeholderSheet()}\n`);
const networks = await build({ ...networkOptions, outdir, sourcemap: 'linked', metafile: true, logLevel: 'warning' });
for (const [file, output] of Object.entries(networks.metafile.outputs)) result.metafile.outputs[file] = output;
// The beacon alone, for pages with no widget: fanfare-beacon.js and its lazy chunks.
const alone = await buildBeaconAlone({ outdir, sourcemap: true });
for (const [file, output] of Object.entries(alone.metafile.outputs)) result.metafile.outputs[file] = output;
writeFileSync(new URL('./dist/meta.json', import.meta.url), JSON.stringify(result.metafile));
const files = Object.keys(result.metafile.outputs).filter((f) => f.endsWith('.js'));
console.log(`embed: ${files.length} files in packages/embed/dist`);
