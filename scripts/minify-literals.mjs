// An esbuild plugin that minifies the HTML and CSS inside Lit's html`` and css``
// templates, which JavaScript minifiers leave as written. Used by the embed build and
// the size check, so the budgets measure what ships.
import { readFile } from 'node:fs/promises';
import { minifyHTMLLiterals } from '@literals/html-css-minifier';

export const minifyLiterals = {
  name: 'minify-literals',
  setup(b) {
    b.onLoad({ filter: /packages\/[^/]+\/src\/.*\.ts$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      if (!/\b(html|css|svg)`/.test(source)) return undefined;
      const result = await minifyHTMLLiterals(source, { fileName: args.path });
      return { contents: result ? result.code : source, loader: 'ts' };
    });
  },
};
