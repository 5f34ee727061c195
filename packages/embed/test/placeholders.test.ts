// The placeholder sizes are written once (src/placeholders.ts, which the build writes into
// fanfare.css). Bundled apps copy the rules from the README, the docs and the demo: every
// copy must say exactly what fanfare.css reserves, or a page that follows it shifts.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PLACEHOLDERS, WIDE_PLACEHOLDERS, placeholderCss, placeholderSheet } from '../src/placeholders.js';

const root = new URL('../../../', import.meta.url);
const COPIES = [
  'README.md',
  'demo/shop.css',
  'docs/src/docs.css',
  'docs/pages/index.html',
  'docs/pages/widgets/fan-2048.html',
  'docs/pages/widgets/fan-buyer-show.html',
  'docs/pages/widgets/fan-card-maker.html',
  'packages/card-maker/README.md',
  'packages/game-2048/README.md',
  'packages/buyer-show/README.md',
];

const squash = (s: string) => s.replace(/\s+/g, '').replace(/;$/, '');

const MEDIA = /@media[^{]*\{(?:[^{}]*\{[^{}]*\})*[^{}]*\}/g;
const WIDE = '@media (min-width: 768px)';

/**
 * Top-level `fan-x[attr=v]:lang(zh):is(:not(:defined),:state(pending))::before { … }` rules without ancestor
 * selectors: outside @media blocks, or (wide) inside `@media (min-width: 768px)` only.
 */
function rules(text: string, { wide = false } = {}): { tag: string; sel: string; css: string }[] {
  let flat = text;
  if (wide) flat = [...text.matchAll(MEDIA)].filter((m) => squash(m[0]).startsWith(squash(WIDE))).map((m) => m[0].slice(m[0].indexOf('{') + 1).replace(/\}/g, '}\n')).join('\n');
  else for (let prev = ''; prev !== flat; ) [prev, flat] = [flat, flat.replace(MEDIA, '')];
  const found = [];
  for (const m of flat.matchAll(/(^|[\s>,;{}])(fan-[a-z0-9-]+)((?:\[[^\]]+\]|:not\(\[[^\]]+\]\)|:lang\([a-z-]+\))*):is\(:not\(:defined\),:state\(pending\)\)(::before|::after)?\s*\{([^}]*)\}/g)) {
    const before = flat.slice(0, m.index + m[1].length).split('\n').pop()!.trim();
    if (before && !/[{}]$/.test(before)) continue; // `.hero fan-share` and the like: a page's own tuning
    found.push({ tag: m[2], sel: m[3].replace(/['"]/g, '') + (m[4] ?? ''), css: squash(m[5]) });
  }
  return found;
}

/** A widget's rules by selector as a copy may quote it: `[size='s']` is `[size=s]`. */
const table = (rs: Record<string, string> = {}) => Object.fromEntries(Object.entries(rs).map(([sel, css]) => [sel.replace(/['"]/g, ''), css]));

/** What fanfare.css writes for a rule, without its braces' spaces. */
const want = (sel: string, css: string) => squash((sel || css.includes('display:') ? '' : 'display:block;') + css);

describe('placeholder sizes', () => {
  it('fanfare.css reserves each widget as written once, only until it is defined and has rendered', () => {
    const sheet = placeholderSheet();
    expect(sheet).toContain('fan-2048:is(:not(:defined),:state(pending)){display:flow-root;max-width:var(--fan-2048-max-width, 30rem);padding:4rem 0 0.5rem}');
    expect(sheet).toContain("fan-2048[rewards*='},']:is(:not(:defined),:state(pending))::before{margin-bottom:7.75rem}");
    expect(sheet).toContain('fan-share[size=s]:is(:not(:defined),:state(pending)){--_h:32px}');
    expect(sheet).toContain('fan-share[layout=column]:is(:not(:defined),:state(pending))::before{width:0}');
    expect(sheet).toContain('fan-share:not([networks]):lang(zh):is(:not(:defined),:state(pending))::before{');
    expect(sheet).toContain('@media (min-width: 768px){fan-share[layout=floating]:is(:not(:defined),:state(pending)){display:block}');
    // Every rule names one of our tags, not yet defined: nothing else on the page is touched.
    const one = String.raw`fan-[a-z0-9-]+(\[[a-z-]+\*?=([a-z]+|'[},]+')\]|:not\(\[[a-z-]+\]\)|:lang\(zh\))*:is\(:not\(:defined\),:state\(pending\)\)(::before|::after)?\{[^{}]+\}`;
    for (const line of sheet.split('\n')) expect(line).toMatch(new RegExp(`^(${one}|@media \\(min-width: 768px\\)\\{(${one})+\\})$`));
    const all = (table: typeof PLACEHOLDERS) => Object.entries(table).flatMap(([tag, rs]) => Object.keys(rs).map((sel) => `${tag}${sel}`)).sort();
    expect(rules(sheet).map((r) => `${r.tag}${r.sel}`).sort()).toEqual(all(PLACEHOLDERS).map((sel) => sel.replace(/'/g, '')).sort());
    expect(rules(sheet, { wide: true }).map((r) => `${r.tag}${r.sel}`).sort()).toEqual(all(WIDE_PLACEHOLDERS));
    expect(placeholderCss('fan-share')).toContain(':host([size=s]){--_h:32px}');
    expect(placeholderCss('fan-share')).toContain(':host([layout=column])::before{width:0}');
    expect(placeholderCss('fan-nothing')).toBe('');
  });

  it.each(COPIES)('%s repeats them exactly', (file) => {
    const text = readFileSync(new URL(file, root), 'utf8');
    const found = rules(text).filter((r) => r.tag in PLACEHOLDERS);
    expect(found.length, `${file} shows no placeholder rule`).toBeGreaterThan(0);
    for (const r of found) {
      const css = table(PLACEHOLDERS[r.tag])[r.sel];
      expect(css, `${file}: ${r.tag}${r.sel} is not a placeholder fanfare.css has`).toBeDefined();
      expect(r.css, `${file}: ${r.tag}${r.sel}`).toBe(want(r.sel, css!));
    }
    // A copy that reserves a widget gives all of its rules, or its other variants shift.
    for (const tag of new Set(found.map((r) => r.tag))) {
      expect(found.filter((r) => r.tag === tag).map((r) => r.sel).sort(), `${file}: ${tag}`).toEqual(Object.keys(table(PLACEHOLDERS[tag])).sort());
      if (WIDE_PLACEHOLDERS[tag]) {
        const wide = rules(text, { wide: true }).filter((r) => r.tag === tag);
        expect(wide.map((r) => `${r.sel}{${r.css}}`).sort(), `${file}: ${tag} on wide screens`).toEqual(
          Object.entries(table(WIDE_PLACEHOLDERS[tag])).map(([sel, css]) => `${sel}{${squash(css)}}`).sort(),
        );
      }
    }
  });

  it('the README gives every widget fanfare.css reserves', () => {
    const tags = new Set(rules(readFileSync(new URL('README.md', root), 'utf8')).map((r) => r.tag));
    expect([...tags].sort()).toEqual(Object.keys(PLACEHOLDERS).sort());
  });
});
