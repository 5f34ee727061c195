// Gzip size of <fan-2048>'s own code: lit, @fanfare/core and @fanfare/share are shared
// with other widgets and left out. Budget (DESIGN.md): 8,000 B. `node bench/game-2048-size.mjs`
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const BUDGET = 8000;
const root = (p) => fileURLToPath(new URL(`../${p}`, import.meta.url));
const size = async (entry) => {
  const r = await build({
    entryPoints: [root(entry)],
    bundle: true,
    format: 'esm',
    minify: true,
    write: false,
    target: 'es2022',
    conditions: ['source'],
    external: ['lit', 'lit/*', '@fanfare/core', '@fanfare/share'],
    tsconfig: root('tsconfig.json'),
  });
  return gzipSync(r.outputFiles[0].contents, { level: 9 }).length;
};
const all = await size('packages/game-2048/src/index.ts');
const engine = await size('packages/game-2048/src/engine/index.ts');
console.log(`<fan-2048> own code: ${all} B gzip (budget ${BUDGET}); engine alone: ${engine} B`);
if (all > BUDGET) process.exitCode = 1;
