// Size breakdown of <fan-card-maker> by module, bundled as scripts/size.mjs does it (Lit and core left out).
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { minifyLiterals } from '../scripts/minify-literals.mjs';
const r = await build({ entryPoints: [new URL('../packages/card-maker/src/index.ts', import.meta.url).pathname], bundle: true, splitting: true, outdir: '/virtual', format: 'esm', minify: true, target: 'es2021', charset: 'utf8', conditions: ['source'], external: ['lit', 'lit/*', '@fanfare/core'], write: false, metafile: true, plugins: [minifyLiterals], logLevel: 'error' });
for (const f of r.outputFiles) console.log(f.path.replace('/virtual/', ''), f.contents.length, gzipSync(f.contents, { level: 9 }).length);
const o = Object.values(r.metafile.outputs);
for (const out of o) for (const [k, v] of Object.entries(out.inputs)) console.log('  ', v.bytesInOutput, k.replace(/.*card-maker\//, ''));
