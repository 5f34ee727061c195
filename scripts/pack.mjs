// Packs every published package as a registry would serve it, into .cache/packs/:
//   1. builds each one (its own `build` script, in dependency order) and removes built
//      files whose source is gone, which tsc leaves behind and a tarball would ship;
//   2. `pnpm pack`, which turns `workspace:^` into a real range (^0.1.0);
//   3. checks each tarball as an installing app would see it: no `workspace:` range left,
//      every `exports` target (and its types) inside the tarball, every module that
//      defines a tag listed in `sideEffects`, so no bundler can drop it.
// Writes .cache/packs/packs.json (package name → tarball path) for the tests that install them.
//
//   node scripts/pack.mjs             build, pack and check
//   node scripts/pack.mjs --no-build  pack and check what is built already (after `pnpm build`)
//
// @fanfare/server is private (it runs from the repository: see its README), and so are
// embed, docs and bench; they are not packed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
export const PACKS = join(root, '.cache/packs');
/** The published packages, each after those it depends on. */
export const PUBLISHED = ['core', 'share', 'game-2048', 'card-maker', 'buyer-show', 'invite', 'review-form', 'beacon'];
const PNPM = ['--yes', 'pnpm@12.21.0'];

/** Pack every published package; resolves to { name → tarball path }. Throws on the first problem. */
export function packAll({ build = true, log = console.log } = {}) {
  const names = PUBLISHED.map((dir) => readJson(join(root, 'packages', dir, 'package.json')).name);
  const filters = names.flatMap((n) => ['--filter', n]);
  if (build) pnpm(['-r', ...filters, 'run', 'build']);
  for (const dir of PUBLISHED) {
    for (const file of prune(join(root, 'packages', dir))) log(`pack: removed ${relative(root, file)} (its source is gone)`);
  }
  rmSync(PACKS, { recursive: true, force: true });
  mkdirSync(PACKS, { recursive: true });
  const packed = JSON.parse(pnpm(['-r', ...filters, 'pack', '--pack-destination', PACKS, '--json']));
  const list = Array.isArray(packed) ? packed : [packed];
  const tarballs = {};
  const problems = [];
  for (const p of list) {
    const manifest = JSON.parse(tarText(p.filename, 'package/package.json'));
    const files = new Set(p.files.map((f) => f.path));
    problems.push(...check(manifest, files, (path) => tarText(p.filename, `package/${path}`)));
    tarballs[p.name] = p.filename;
    log(`pack: ${p.name}@${p.version} ${relative(root, p.filename)} (${(p.size / 1024).toFixed(0)} kB, ${files.size} files)`);
  }
  const missing = names.filter((n) => !tarballs[n]);
  if (missing.length) problems.push(`not packed: ${missing.join(', ')}`);
  if (problems.length) throw new Error(`pack: ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
  writeFileSync(join(PACKS, 'packs.json'), JSON.stringify(tarballs, null, 2) + '\n');
  return tarballs;
}

/**
 * What an app installing this tarball would trip over. Pure: `manifest` is the packed
 * package.json, `files` the paths in the tarball (without `package/`), `read(path)` a file's text.
 */
export function check(manifest, files, read) {
  const { name } = manifest;
  const problems = [];
  if (manifest.private) problems.push(`${name}: private, a registry refuses it`);
  if (!Array.isArray(manifest.files)) problems.push(`${name}: no "files", so it would ship whatever is in its folder`);
  for (const field of ['dependencies', 'peerDependencies', 'optionalDependencies']) {
    for (const [dep, range] of Object.entries(manifest[field] ?? {})) {
      if (/^(workspace|link|file):/.test(range)) problems.push(`${name}: ${field} ${dep} is "${range}", which npm cannot install`);
    }
  }
  const inTarball = (target) => files.has(target.replace(/^\.\//, ''));
  for (const [subpath, entry] of Object.entries(manifest.exports ?? {})) {
    const targets = typeof entry === 'string' ? { default: entry } : entry;
    for (const [condition, target] of Object.entries(targets)) {
      if (typeof target !== 'string') problems.push(`${name}: exports["${subpath}"].${condition} is not a path`);
      else if (!inTarball(target)) problems.push(`${name}: exports["${subpath}"].${condition} → ${target}, not in the tarball`);
    }
    if (subpath !== './package.json' && !targets.types) problems.push(`${name}: exports["${subpath}"] has no types`);
  }
  // A module that defines a tag when imported must be kept by a bundler even when the app
  // imports nothing from it by name, which `"sideEffects": false` would allow it to drop.
  const effects = manifest.sideEffects;
  if (Array.isArray(effects)) {
    for (const path of effects) if (!inTarball(path)) problems.push(`${name}: sideEffects lists ${path}, not in the tarball`);
  }
  if (effects !== true) {
    const kept = new Set((Array.isArray(effects) ? effects : []).map((p) => p.replace(/^\.\//, '')));
    for (const path of files) {
      if (!path.startsWith('dist/') || !path.endsWith('.js') || kept.has(path)) continue;
      // A top-level (unindented) FanX.define('fan-x') or customElements.define('fan-x', …).
      if (/^\S.*\bdefine\(\s*['"]fan-/m.test(read(path))) problems.push(`${name}: ${path} defines a tag but "sideEffects" does not list it`);
    }
  }
  return problems;
}

/** Built files (dist/x.js, .d.ts and their maps) whose src/x.ts is gone; removes them and returns their paths. */
function prune(pkgDir) {
  const dist = join(pkgDir, 'dist');
  if (!existsSync(dist)) return [];
  const removed = [];
  for (const file of walk(dist)) {
    const m = /^(.*?)(\.d)?\.js(\.map)?$|^(.*?)\.d\.ts(\.map)?$/.exec(relative(dist, file));
    if (!m) continue;
    const stem = m[1] ?? m[4];
    if (existsSync(join(pkgDir, 'src', `${stem}.ts`)) || existsSync(join(pkgDir, 'src', `${stem}.tsx`))) continue;
    rmSync(file);
    removed.push(file);
  }
  return removed;
}

function tarText(tarball, path) {
  const r = spawnSync('tar', ['-xzOf', tarball, path], { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`pack: cannot read ${path} from ${tarball}: ${r.stderr}`);
  return r.stdout;
}

function pnpm(args) {
  const r = spawnSync('npx', [...PNPM, ...args], { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'inherit'] });
  if (r.status !== 0) throw new Error(`pack: pnpm ${args.join(' ')} failed (${r.status}):\n${r.stdout}`);
  return r.stdout;
}

function walk(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}

function readJson(file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    packAll({ build: !process.argv.includes('--no-build') });
  } catch (err) {
    console.error(err.message);
    process.exit(1);
  }
}
