// The placeholder sizes are written once (src/placeholders.ts, which the build writes into
// fanfare.css). Bundled apps copy the rules from the README, the docs and the demo: every
// copy must say exactly what fanfare.css reserves, or a page that follows it shifts.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PLACEHOLDERS, placeholderCss, placeholderSheet } from '../src/placeholders.js';

const root = new URL('../../../', import.meta.url);
const COPIES = [
  'README.md',
  'demo/shop.css',
  'docs/src/docs.css',
  'docs/pages/index.html',
  'docs/pages/widgets/fan-2048.html',
  'docs/pages/widgets/fan-buyer-show.html',
  'packages/game-2048/README.md',
  'packages/buyer-show/README.md',
];

const squash = (s: string) => s.replace(/\s+/g, '').replace(/;$/, '');

/** Top-level `fan-x[attr=v]:not(:defined) { … }` rules, outside @media blocks and without ancestor selectors. */
function rules(text: string): { tag: string; sel: string; css: string }[] {
  let flat = text;
  for (let prev = ''; prev !== flat; ) {
    prev = flat;
    flat = flat.replace(/@media[^{]*\{(?:[^{}]*\{[^{}]*\})*[^{}]*\}/g, '');
  }
  const found = [];
  for (const m of flat.matchAll(/(^|[\s>,;}])(fan-[a-z0-9-]+)((?:\[[^\]]+\])?):not\(:defined\)\s*\{([^}]*)\}/g)) {
    const before = flat.slice(0, m.index + m[1].length).split('\n').pop()!.trim();
    if (before && !before.endsWith('}')) continue; // `.hero fan-share` and the like: a page's own tuning
    found.push({ tag: m[2], sel: m[3].replace(/['"]/g, ''), css: squash(m[4]) });
  }
  return found;
}

describe('placeholder sizes', () => {
  it('fanfare.css reserves each widget as written once, only until it is defined', () => {
    const sheet = placeholderSheet();
    expect(sheet).toContain('fan-2048:not(:defined){display:block;max-width:30rem;aspect-ratio:1;margin-bottom:12rem}');
    expect(sheet).toContain('fan-share[size=s]:not(:defined){min-height:32px}');
    // Every rule names one of our tags, not yet defined: nothing else on the page is touched.
    for (const rule of sheet.split('\n')) expect(rule).toMatch(/^fan-[a-z0-9-]+(\[[a-z-]+=[a-z]+\])?:not\(:defined\)\{[^{}]+\}$/);
    expect(rules(sheet).map((r) => `${r.tag}${r.sel}`).sort()).toEqual(
      Object.entries(PLACEHOLDERS).flatMap(([tag, rs]) => Object.keys(rs).map((sel) => `${tag}${sel}`)).sort(),
    );
    expect(placeholderCss('fan-share')).toContain(':host([size=s]){min-height:32px}');
    expect(placeholderCss('fan-card-maker')).toBe('');
  });

  it.each(COPIES)('%s repeats them exactly', (file) => {
    const text = readFileSync(new URL(file, root), 'utf8');
    const found = rules(text).filter((r) => r.tag in PLACEHOLDERS);
    expect(found.length, `${file} shows no placeholder rule`).toBeGreaterThan(0);
    for (const r of found) {
      const want = PLACEHOLDERS[r.tag][r.sel];
      expect(want, `${file}: ${r.tag}${r.sel} is not a placeholder the loader has`).toBeDefined();
      expect(r.css, `${file}: ${r.tag}${r.sel}`).toBe(squash((r.sel ? '' : 'display:block;') + want));
    }
  });

  it('the README gives every widget fanfare.css reserves', () => {
    const tags = new Set(rules(readFileSync(new URL('README.md', root), 'utf8')).map((r) => r.tag));
    expect([...tags].sort()).toEqual(Object.keys(PLACEHOLDERS).sort());
  });
});
