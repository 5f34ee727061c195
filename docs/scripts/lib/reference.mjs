// The reference section of a widget page, from the manifest: attributes and properties,
// methods, events, CSS custom properties, parts and slots. `data-reference` marks it so
// the check can tell a page that has its generated tables from one that does not.
import { escape, prose } from './html.mjs';
import { readableDefault } from './manifest.mjs';

export function reference(widget) {
  const sections = [
    table(
      'Attributes',
      'Set them in HTML; each has a property of the same name (or the camelCase one shown) for script. A value the widget cannot use is ignored with one console warning, and the default stays.',
      ['Attribute', 'Type', 'Default', 'Description'],
      widget.attributes.map((a) => [
        `<code>${escape(a.name)}</code>${a.field !== a.name ? `<span class="prop">property <code>${escape(a.field)}</code></span>` : ''}`,
        typeHtml(a.type),
        readableDefault(a.default) ? `<code>${escape(readableDefault(a.default))}</code>` : '<span class="none">—</span>',
        prose(a.description),
      ]),
      'attributes',
    ),
    widget.properties.length &&
      table(
        'Properties',
        'Read them from script; they have no attribute.',
        ['Property', 'Type', 'Description'],
        widget.properties.map((p) => [`<code>${escape(p.name)}</code>`, `<code class="type">${escape(p.type)}</code>`, prose(p.description)]),
        'properties',
      ),
    widget.methods.length &&
      table(
        'Methods',
        '',
        ['Method', 'Description'],
        widget.methods.map((m) => [`<code>${escape(m.signature)}</code>`, prose(m.description)]),
        'methods',
      ),
    table(
      'Events',
      'Every event bubbles out of the widget (<code>composed</code>), so you can listen on the element or on <code>document</code>. The details are in <code>event.detail</code>.',
      ['Event', 'Description'],
      widget.events.map((e) => [`<code>${escape(e.name)}</code>`, prose(e.description)]),
      'events',
    ),
    table(
      'CSS custom properties',
      'Set them on the element or any ancestor. The shared <a href="../guides/theming.html#shared-properties"><code>--fan-*</code> theme properties</a> apply too.',
      ['Property', 'Description'],
      widget.cssProperties.map((p) => [`<code>${escape(p.name)}</code>`, prose(p.description)]),
      'css-properties',
    ),
    table(
      'CSS parts',
      `Style the inside of the widget with <code>${escape(widget.tag)}::part(name)</code>.`,
      ['Part', 'Description'],
      widget.cssParts.map((p) => [`<code>${escape(p.name)}</code>`, prose(p.description)]),
      'css-parts',
    ),
    widget.slots.length &&
      table(
        'Slots',
        '',
        ['Slot', 'Description'],
        widget.slots.map((s) => [s.name ? `<code>${escape(s.name)}</code>` : '(default)', prose(s.description)]),
        'slots',
      ),
  ].filter(Boolean);
  return `<section class="reference" data-reference="${escape(widget.tag)}" aria-labelledby="reference">
<h2 id="reference">Reference</h2>
<p class="generated">Generated from the source's JSDoc (<code>custom-elements.json</code>) of <code>${escape(widget.package)}</code>, class <code>${escape(widget.className)}</code>.</p>
${sections.join('\n')}
</section>`;
}

/** A union of literals as separate chips, so it wraps between values, never inside one. */
function typeHtml(type) {
  return type
    .split(/\s*\|\s*/)
    .map((t) => `<code class="type">${escape(t)}</code>`)
    .join('<span class="or"> | </span>');
}

function table(title, intro, head, rows, id) {
  const body = rows.length
    ? `<div class="table-wrap" tabindex="0" role="region" aria-label="${escape(title)}"><table class="ref ref-${id}">
<thead><tr>${head.map((h) => `<th scope="col">${h}</th>`).join('')}</tr></thead>
<tbody>
${rows.map((r) => `<tr>${r.map((c, i) => (i === 0 ? `<th scope="row">${c}</th>` : `<td data-label="${escape(head[i])}">${c}</td>`)).join('')}</tr>`).join('\n')}
</tbody></table></div>`
    : '<p class="none">None.</p>';
  return `<h3 id="${id}">${title}</h3>${intro ? `\n<p>${intro}</p>` : ''}\n${body}`;
}
