// Turns custom-elements.json into the shape the docs need: one entry per widget with
// only what a site owner can use (public attributes, properties, methods, fan-* events,
// CSS properties and parts). Everything here is pure: it takes the manifest and returns data.

// FanElement declares `lang` without a comment (it is the native HTML attribute), so the
// docs say what it does for every widget.
const LANG = {
  name: 'lang',
  field: 'lang',
  type: "'en' | 'zh-CN'",
  default: '',
  description:
    "The widget's language: `en` or `zh-CN` (any `zh-*` reads Chinese). Default: the page-wide `lang` setting, else the closest `[lang]` around it, else the browser's language.",
};

/** Widgets first in the order a site owner meets them; any new widget follows, by name. */
const ORDER = ['fan-share', 'fan-2048', 'fan-card-maker', 'fan-buyer-show'];

/**
 * @param manifest custom-elements.json
 * @param options.cssDefaults Map of `--fan-*` → default, from the widgets' styles (css-defaults.mjs);
 *   it wins over a default stated in a description, which wins over none.
 */
export function widgetsFrom(manifest, { cssDefaults = new Map() } = {}) {
  const classes = new Map();
  for (const mod of manifest.modules ?? []) {
    for (const decl of mod.declarations ?? []) {
      if (decl.kind === 'class') classes.set(decl.name, { decl, path: mod.path });
    }
  }
  const widgets = [];
  for (const { decl, path } of classes.values()) {
    if (!decl.tagName) continue;
    const members = new Map((decl.members ?? []).filter((m) => m.kind === 'field').map((m) => [m.name, m]));
    // Lit's `static properties` gives every entry an attribute unless it says otherwise,
    // and the analyzer lists them all, internal state included (`packs`, `copied`): only
    // an attribute whose field is public is something a site owner can set.
    const attributes = (decl.attributes ?? [])
      .filter((a) => !a.inheritedFrom || a.name === 'lang')
      .filter((a) => isPublic(members.get(a.fieldName ?? a.name)))
      .map(attribute);
    const byField = new Set(attributes.map((a) => a.field));
    const publicMembers = (decl.members ?? []).filter(
      (m) => isPublic(m) && !m.static && !m.inheritedFrom && m.description && !(m.attribute && !byField.has(m.name)),
    );
    widgets.push({
      tag: decl.tagName,
      className: decl.name,
      package: packageOf(path),
      summary: decl.summary ?? '',
      description: decl.description ?? '',
      attributes,
      properties: publicMembers
        .filter((m) => m.kind === 'field' && !byField.has(m.name))
        .map((m) => ({ name: m.name, type: m.type?.text ?? '', description: m.description })),
      methods: publicMembers
        .filter((m) => m.kind === 'method')
        .map((m) => ({ name: m.name, signature: signature(m), description: m.description })),
      // The base class's emit() shows up as an event called "name"; only fan-* events are real.
      events: (decl.events ?? [])
        .filter((e) => e.name?.startsWith('fan-'))
        .map((e) => ({ name: e.name, description: e.description ?? '' })),
      cssProperties: (decl.cssProperties ?? []).map((p) => ({
        name: p.name,
        description: p.description ?? '',
        default: p.default ?? cssDefaults.get(p.name) ?? defaultIn(p.description),
      })),
      cssParts: (decl.cssParts ?? []).map((p) => ({ name: p.name, description: p.description ?? '' })),
      slots: (decl.slots ?? []).map((s) => ({ name: s.name, description: s.description ?? '' })),
    });
  }
  return widgets.sort((a, b) => rank(a.tag) - rank(b.tag) || a.tag.localeCompare(b.tag));
}

/**
 * Public API: not private or protected, not Lit internal state (`state: true`, marked by
 * the analyzer plugin in custom-elements-manifest.config.mjs), not `@internal`. A field
 * the manifest does not list (an inherited attribute) counts as public.
 */
function isPublic(member) {
  if (!member) return true;
  if (member.privacy === 'private' || member.privacy === 'protected' || member.state) return false;
  return !/^\s*@internal\b/.test(member.description ?? '');
}

/**
 * The default a `@cssprop` description states, `(default 30rem)`, `(a length, default 8px)`
 * or a bare `(8px)`, or ''. Prose such as `(falls back to --fan-radius)` is no default.
 */
export function defaultIn(description = '') {
  const m = /\(([^()]*(?:\([^()]*\)[^()]*)*)\)\.?\s*$/.exec(description);
  if (!m) return '';
  const inside = m[1].trim();
  const stated = /(?:^|,\s*)default\s+(.+)$/.exec(inside);
  if (stated) return stated[1].trim();
  return /^[-+]?[\d.]+[a-z%]*$|^#[0-9a-f]{3,8}$/i.test(inside) ? inside : '';
}

function rank(tag) {
  const i = ORDER.indexOf(tag);
  return i < 0 ? ORDER.length : i;
}

function attribute(a) {
  if (a.name === 'lang' && !a.description) return LANG;
  return {
    name: a.name,
    field: a.fieldName ?? a.name,
    type: a.type?.text ?? 'string',
    default: a.default ?? '',
    description: a.description ?? '',
  };
}

function signature(m) {
  const params = (m.parameters ?? []).map((p) => `${p.name}${p.optional ? '?' : ''}${p.type ? `: ${p.type.text}` : ''}`);
  const ret = m.return?.type?.text;
  return `${m.name}(${params.join(', ')})${ret ? `: ${ret}` : ''}`;
}

function packageOf(path) {
  const m = /packages\/([^/]+)\//.exec(path);
  return m ? `@fanfare/${m[1]}` : '';
}

/** The string literals of a union type such as `'row' | 'column'`, or null when it is not one. */
export function literalUnion(type) {
  const parts = type.split('|').map((s) => s.trim());
  if (!parts.length || !parts.every((p) => /^'[^']*'$/.test(p))) return null;
  return parts.map((p) => p.slice(1, -1));
}

/** A default as the manifest writes it (`'m'`, `4`, `[]`) in the words a marketer reads. */
export function readableDefault(value) {
  if (value === undefined || value === '' || value === "''" || value === '[]' || value === '{}' || value === 'null') return '';
  return value.replace(/^'(.*)'$/, '$1');
}
