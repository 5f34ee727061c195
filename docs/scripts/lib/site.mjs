// Assembles the site's pages from docs/pages/ and the manifest. Pure apart from the
// file reads the caller hands in: (sources, widgets, options) → [{ path, html }].
import { anchorHeadings, escape, expandCode, expandExamples, headings, prose } from './html.mjs';
import { layout } from './layout.mjs';
import { reference } from './reference.mjs';

const GUIDES = [
  ['guides/rewards.html', 'Rewards that cannot be cheated'],
  ['guides/attribution.html', 'Measure what sharing sold'],
  ['guides/wechat.html', 'Share cards inside WeChat'],
  ['guides/theming.html', 'Translating and theming'],
  ['guides/frameworks.html', 'React, Vue and bundlers'],
  ['guides/benchmarks.html', 'Against its peers'],
];

/** Pages with a script and stylesheet of their own, which no other page loads. */
const PAGE_ASSETS = {
  'configurator.html': { wide: true, scripts: ['_src/configurator/main.js'], styles: ['_src/configurator.css'] },
};

/**
 * @param sources Map of page path (relative to docs/pages) → its HTML body.
 * @param widgets from widgetsFrom(manifest).
 * @param embedded tags the built fanfare.js can load (live examples only for those).
 */
export function buildSite({ sources, widgets, embedded, tokens = [] }) {
  const widgetPages = widgets.map((w) => ({ widget: w, path: `widgets/${w.tag}.html` }));
  const nav = [
    { section: 'Start', items: [{ path: 'index.html', label: 'Getting started' }, { path: 'configurator.html', label: 'Configurator' }] },
    {
      section: 'Widgets',
      items: widgetPages.map(({ widget, path }) => {
        const name = friendlyName(sources.get(path));
        return name
          ? { path, label: escape(name), hint: `<${widget.tag}>` }
          : { path, label: `<code>&lt;${escape(widget.tag)}&gt;</code>` };
      }),
    },
    { section: 'Guides', items: GUIDES.map(([path, label]) => ({ path, label: escape(label) })) },
  ];

  const pages = [];
  for (const [path, body] of sources) {
    if (path.startsWith('widgets/')) continue;
    const filled = body.replace('<!-- tokens -->', tokenTable(tokens)).replace('<!-- widget-picker -->', picker(widgets, sources));
    pages.push(page(path, filled, { live: true, ...(PAGE_ASSETS[path] ?? {}) }));
  }
  for (const { widget, path } of widgetPages) {
    const source = sources.get(path) ?? generatedWidgetPage(widget);
    const table = reference(widget);
    const body = source.includes('<!-- reference -->') ? source.replace('<!-- reference -->', table) : `${source}\n${table}`;
    pages.push(page(path, body, { live: embedded.has(widget.tag), widget }));
  }
  return { pages: pages.map((p) => ({ path: p.path, html: layout(p, nav) })), nav };
}

function page(path, source, { live, wide = false, scripts = [], styles = [], widget }) {
  const body = anchorHeadings(expandExamples(expandCode(source), { live }));
  const h1 = /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(body);
  const lead = /<p class="lead">([\s\S]*?)<\/p>/.exec(body);
  const text = (html) => html.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&').replace(/\s+/g, ' ').trim();
  return {
    path,
    title: h1 ? text(h1[1]) : widget?.tag ?? path,
    description: lead ? text(lead[1]) : widget?.summary ?? 'Fanfare documentation',
    body,
    toc: headings(body),
    wide,
    scripts,
    styles,
  };
}

/** The shared --fan-* properties, read from core's theme tokens so the list cannot drift. */
function tokenTable(tokens) {
  const meaning = {
    '--fan-color-brand': 'Brand colour: main buttons, highlights, the current step.',
    '--fan-color-on-brand': 'Text and icons on the brand colour.',
    '--fan-color-text': 'Body text.',
    '--fan-color-muted': 'Secondary text.',
    '--fan-color-surface': 'Backgrounds of panels and dialogs.',
    '--fan-color-border': 'Borders and dividers.',
    '--fan-color-focus': 'The keyboard focus ring.',
    '--fan-radius': 'Corner radius.',
    '--fan-font': 'Font family.',
  };
  const rows = tokens.map(
    (t) =>
      `<tr><th scope="row"><code>${escape(t.name)}</code></th><td data-label="Default"><code>${escape(t.default)}</code></td><td data-label="Used for">${escape(meaning[t.name] ?? '')}</td></tr>`,
  );
  return `<div class="table-wrap" tabindex="0" role="region" aria-label="Shared theme properties"><table class="ref ref-tokens" data-tokens>
<thead><tr><th scope="col">Property</th><th scope="col">Default</th><th scope="col">Used for</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table></div>`;
}

/** The configurator's widget choice, written into the page so it is there before any script runs. */
function picker(widgets, sources) {
  return widgets
    .map((w, i) => {
      const name = friendlyName(sources.get(`widgets/${w.tag}.html`)) || w.tag;
      return `<label class="cfg-choice"><input type="radio" name="widget" value="${escape(w.tag)}"${i === 0 ? ' checked' : ''}><span class="cfg-choice-name">${escape(name)}</span><code>&lt;${escape(w.tag)}&gt;</code></label>`;
    })
    .join('\n');
}

/** "Share buttons" from `<h1>Share buttons <code>&lt;fan-share&gt;</code></h1>`. */
function friendlyName(source) {
  const h1 = source && /<h1[^>]*>([^<]*)<code>/.exec(source);
  return h1 ? h1[1].trim() : '';
}

/** A page for a widget nobody has written one for yet: its JSDoc, a bare live example and the reference. */
function generatedWidgetPage(widget) {
  return `<p class="kicker">Widget</p>
<h1><code>&lt;${escape(widget.tag)}&gt;</code></h1>
<p class="lead">${prose(widget.summary || widget.description)}</p>
${widget.summary && widget.description ? `<p>${prose(widget.description)}</p>` : ''}
<h2>Example</h2>
<!-- example -->
<${widget.tag}></${widget.tag}>
<!-- /example -->
<!-- reference -->`;
}
