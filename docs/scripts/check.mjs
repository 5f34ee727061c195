// Checks the built site in docs/dist and exits 1 on the first kind of problem a reader
// would hit: an internal link, src or #fragment that leads nowhere, or a widget (any
// class in custom-elements.json with a tag) whose page lacks its generated reference.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findProblems } from './lib/check.mjs';
import { widgetsFrom } from './lib/manifest.mjs';

const docs = fileURLToPath(new URL('..', import.meta.url));
const dist = join(docs, 'dist');
const manifestFile = join(docs, '.generated/custom-elements.json');

if (!existsSync(join(dist, 'index.html')) || !existsSync(manifestFile)) {
  console.error('docs check: no built site; run `pnpm --filter @fanfare/docs build` first.');
  process.exit(1);
}

const files = walk(dist).filter((f) => f.endsWith('.html'));
const pages = new Map(files.map((f) => [relative(dist, f).split('\\').join('/'), readFileSync(f, 'utf8')]));
const widgets = widgetsFrom(JSON.parse(readFileSync(manifestFile, 'utf8')));
const problems = [...new Set(findProblems({
  pages,
  widgets,
  exists: (path) => {
    const full = resolve(dist, path);
    return full.startsWith(dist) && existsSync(full) && statSync(full).isFile();
  },
}))];

if (problems.length) {
  for (const p of problems) console.error(`docs check: ${p}`);
  console.error(`docs check: ${problems.length} problem(s) in ${relative(process.cwd(), dist) || dist}`);
  process.exit(1);
}
console.log(`docs check: ${pages.size} pages, ${widgets.length} widget references, every internal link resolves`);

function walk(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}

