// A bound, not a contender: the fastest any `<fan-share>` could be that a page loads the
// way DESIGN.md's embedding does it (one script tag, which imports the widget's chunk), and
// the same widget named by the page itself. Written when the bench site starts, from the
// built embed folder:
// - loader.js weighs what fanfare.js weighs (its text, as a comment) and, as the loader
//   does, imports the widget a task after it ran. It does none of the loader's work.
// - share.js is the least a share bar can be: a custom element, no Lit, no core, no
//   settings, no locale, no token; six links, each network's glyph, colours and link
//   format read from the network's own file of the embed build (DESIGN.md: a network's
//   icon is loaded only for a page that names it), drawn once they are in.
// The stand-in requests share.js and the six network files at once, as the loader does;
// the page that names share.js names the six files too (modulepreload).
// Every real widget does more than this, so each figure of theirs is a lower bound.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const NETWORKS = ['x', 'facebook', 'linkedin', 'whatsapp', 'telegram', 'reddit'];

/** The floor's two files in a new directory, which the site serves at /fanfare/floor/. */
export function writeFloor(dist) {
  const dir = mkdtempSync(join(tmpdir(), 'fanfare-bench-floor-'));
  const loader = readFileSync(join(dist, 'fanfare.js'), 'utf8').replace(/\/\/# sourceMappingURL=.*\n?$/, '');
  const files = JSON.stringify(NETWORKS.map((n) => `../share-${n}.js`));
  writeFileSync(join(dir, 'loader.js'), `/*${loader.replaceAll('*/', '* /')}*/\nsetTimeout(() => { import('./share.js'); for (const f of ${files}) import(f); });\n`);
  writeFileSync(
    join(dir, 'share.js'),
    `const names = ${JSON.stringify(NETWORKS)};
const packs = await Promise.all(${files}.map((f) => import(f)));
const sheet = new CSSStyleSheet();
sheet.replaceSync(':host{display:block;min-height:40px}.bar{display:flex;flex-wrap:wrap;gap:8px}.btn{display:inline-flex;inline-size:40px;block-size:40px;border-radius:8px;align-items:center;justify-content:center}svg{inline-size:20px;block-size:20px}');
const SVG = 'http://www.w3.org/2000/svg';
customElements.define('fan-share', class extends HTMLElement {
  connectedCallback() {
    const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [sheet];
    const bar = document.createElement('div');
    bar.className = 'bar';
    packs.forEach((p, i) => {
      const a = document.createElement('a');
      a.className = 'btn';
      a.href = p.url.replace(/=u\\b/, '=' + encodeURIComponent(location.href)).replace(/=m\\b/, '=' + encodeURIComponent(document.title));
      a.setAttribute('aria-label', names[i]);
      a.style.background = p.bg;
      const svg = document.createElementNS(SVG, 'svg');
      svg.setAttribute('viewBox', '0 0 24 24');
      const path = document.createElementNS(SVG, 'path');
      path.setAttribute('d', p.d);
      path.setAttribute('fill', p.fg);
      svg.append(path);
      a.append(svg);
      bar.append(a);
    });
    root.replaceChildren(bar);
  }
});
`,
  );
  return dir;
}
