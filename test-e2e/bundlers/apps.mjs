// Scratch apps as a React or Vue developer makes them: a folder outside the workspace
// (under the OS temp dir), the packed tarballs and the framework installed with plain npm,
// the guide's snippets pasted in as they are, built with Vite.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dedent } from '../../docs/scripts/lib/html.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
export const GUIDE = join(root, 'docs/pages/guides/frameworks.html');
/** One npm cache for every scratch install, kept between runs, so a run downloads nothing it had before. */
const NPM_CACHE = join(root, '.cache/npm');

/** Exact versions, so a new release elsewhere cannot change what these tests see. */
export const VERSIONS = {
  vite: '7.3.8',
  '@vitejs/plugin-react': '5.2.0',
  '@vitejs/plugin-vue': '6.0.11',
  typescript: '5.9.3',
  vue: '3.5.45',
  19: { react: '19.3.1', 'react-dom': '19.3.1', '@types/react': '19.3.1', '@types/react-dom': '19.3.0' },
  18: { react: '18.3.1', 'react-dom': '18.3.1', '@types/react': '18.3.32', '@types/react-dom': '18.3.7' },
};

/**
 * Every code block of the guide's source, as the built page shows it (docs/scripts/lib/html.mjs
 * expandCode: dedented, trailing space cut), with the h2 it sits under and the file its first
 * line names (`// src/main.tsx`, `<!-- src/Product.vue -->`), if any.
 */
export function guideSnippets(html = readFileSync(GUIDE, 'utf8')) {
  const snippets = [];
  let section = '';
  for (const m of html.matchAll(/<h2[^>]*>([\s\S]*?)<\/h2>|<pre data-code="([a-z]+)">\n?([\s\S]*?)<\/pre>/g)) {
    if (m[1] !== undefined) {
      section = m[1].replace(/<[^>]+>/g, '').trim();
      continue;
    }
    const code = `${dedent(m[3]).replace(/\s+$/, '')}\n`;
    const file = /^(?:\/\/|<!--)\s*([\w.-]+(?:\/[\w.-]+)*\.\w+)\b/.exec(code)?.[1];
    snippets.push({ section, lang: m[2], file, code });
  }
  return snippets;
}

/** The files a guide section gives, path → text. */
export function sectionFiles(snippets, section) {
  const files = Object.fromEntries(snippets.filter((s) => s.section === section && s.file).map((s) => [s.file, s.code]));
  if (!Object.keys(files).length) throw new Error(`the guide has no files under "${section}"`);
  return files;
}

export function writeFiles(dir, files) {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}

/**
 * `npm install` in `dir` with a package.json naming the tarballs by path and the framework
 * by version; resolves to the package-lock.json npm wrote.
 */
export async function npmInstall(dir, { tarballs, dependencies = {}, devDependencies = {} }) {
  const fanfare = Object.fromEntries(Object.entries(tarballs).map(([name, file]) => [name, `file:${file}`]));
  writeFiles(dir, {
    'package.json': JSON.stringify(
      { name: `scratch-${dir.split(/[\\/]/).pop()}`, private: true, type: 'module', dependencies: { ...fanfare, ...dependencies }, devDependencies },
      null,
      2,
    ),
  });
  // --prefer-offline: what the shared cache holds is used without asking the registry again.
  // Install scripts are off: none of these packages needs one (esbuild's binary comes as an
  // optional dependency), and recent npm refuses unlisted ones anyway.
  await run('npm', ['install', '--cache', NPM_CACHE, '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'], dir);
  return JSON.parse(readFileSync(join(dir, 'package-lock.json'), 'utf8'));
}

/** A package's bin run with node from `dir` (the app's own node_modules, up the tree). */
export function bin(dir, script, args, cwd = dir) {
  return run(process.execPath, [join(dir, 'node_modules', script), ...args], cwd);
}

/** Run a command; resolves to its output, rejects with all of it when it fails. */
export function run(cmd, args, cwd) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`${cmd} ${args.join(' ')} (in ${cwd}) exited ${code}:\n${out}`))));
  });
}
