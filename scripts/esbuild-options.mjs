// The esbuild options of what ships: the embed build uses them, and the size check
// measures with the same ones, so a budget can never be met by a build that differs.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { minifyLiterals } from './minify-literals.mjs';

export const shipOptions = {
  bundle: true,
  splitting: true,
  format: 'esm',
  minify: true,
  target: 'es2022',
  charset: 'utf8',
  conditions: ['source'],
  legalComments: 'none',
  plugins: [minifyLiterals],
};

/**
 * The share widget's network chunks (glyph, colours, URL format) are entry points of
 * their own, named share-<network>.js, so the widget's table of them carries no content
 * hashes (about 160 B of its start chunk). Being unhashed, they are served like the
 * loader: revalidated, not cached for ever.
 */
const networks = new URL('../packages/share/src/networks/', import.meta.url);
export const networkEntries = Object.fromEntries(
  readdirSync(networks)
    .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
    .map((f) => [`share-${f.slice(0, -3)}`, fileURLToPath(new URL(f, networks))]),
);
