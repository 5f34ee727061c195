// The esbuild options of what ships: the embed build uses them, and the size check
// measures with the same ones, so a budget can never be met by a build that differs.
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
