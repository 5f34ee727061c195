import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NETWORKS, packs } from '../src/urls.js';

// The generator is plain JS run by node; its path is not a literal so tsc leaves it be.
const generator: string = '../scripts/gen-icons.mjs';
const gen = await import(generator);

const own = ['native', 'copy'];

describe('share icons', () => {
  it('are what scripts/gen-icons.mjs makes from the installed simple-icons', () => {
    for (const network of Object.keys(gen.SOURCES)) {
      const file = readFileSync(new URL(`../src/icons/${network}.ts`, import.meta.url), 'utf8');
      expect(file, `${network}.ts is stale: run pnpm icons`).toBe(gen.render(network));
    }
  });

  it('cover every network, by a brand glyph or one of our own', async () => {
    for (const n of NETWORKS) {
      if (own.includes(n)) continue;
      const { d } = await packs[n]!();
      expect(d, n).toMatch(/^[Mm][\d.\s,-]/);
    }
  });

  it('give glyphs and labels at least 4.5:1 contrast on their buttons', async () => {
    const lum = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => {
        const c = parseInt(hex.slice(i, i + 2), 16) / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const colours = await Promise.all(Object.entries(packs).map(async ([n, load]) => [n, await load!()] as const));
    // Without colours of its own a button is the stylesheet's neutral one.
    for (const [network, { bg = '#3d4752', fg = '#fff' }] of colours) {
      expect(fg, network).toMatch(/^#(fff|1f2328)$/);
      const ratio = fg === '#fff' ? 1.05 / (lum(bg) + 0.05) : (lum(bg) + 0.05) / (lum('#1f2328') + 0.05);
      expect(ratio, network).toBeGreaterThanOrEqual(4.5);
    }
  });
});
