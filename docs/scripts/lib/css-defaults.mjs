// The default of each public --fan-* property, read from the widgets' own styles: the
// fallback in `var(--fan-x, fallback)` is what a page with no CSS for us gets, so it is
// the one default that cannot be wrong. Pure: source texts in, a Map out.

/**
 * @param texts the widgets' source files (styles and tokens)
 * @returns Map of `--fan-*` name → its default as CSS, only where it is one fixed value
 */
export function cssDefaults(texts) {
  const text = texts.join('\n');
  // Private tokens (`--_fan-surface: var(--fan-color-surface, #fff);`) lead to a default too.
  const privates = new Map();
  for (const m of text.matchAll(/(--_fan-[a-z0-9-]+)\s*:\s*([^;]+);/g)) if (!privates.has(m[1])) privates.set(m[1], m[2].trim());
  const fallbacks = new Map();
  for (const { name, fallback } of varsIn(text)) {
    if (name.startsWith('--fan-') && fallback !== undefined && !fallbacks.has(name)) fallbacks.set(name, fallback);
  }
  const resolve = (value, depth = 0) => {
    if (depth > 8) return '';
    const v = value.trim();
    const only = varsIn(v)[0];
    if (!v.includes('var(')) return v;
    if (!only || only.start !== 0 || only.end !== v.length) return '';
    if (only.fallback !== undefined && !only.name.startsWith('--_fan-') && !only.name.startsWith('--fan-')) return '';
    if (only.name.startsWith('--_fan-')) return privates.has(only.name) ? resolve(privates.get(only.name), depth + 1) : '';
    return only.fallback !== undefined ? resolve(only.fallback, depth + 1) : '';
  };
  const out = new Map();
  for (const [name, fallback] of fallbacks) {
    const v = resolve(fallback);
    if (v) out.set(name, v.replace(/\s+/g, ' '));
  }
  return out;
}

/** Every `var(--name[, fallback])` in `text`, outermost first, with balanced parentheses. */
function varsIn(text) {
  const found = [];
  for (let at = text.indexOf('var('); at >= 0; at = text.indexOf('var(', at + 4)) {
    let depth = 0;
    let comma = -1;
    let end = -1;
    for (let i = at + 3; i < text.length; i++) {
      const c = text[i];
      if (c === '(') depth++;
      else if (c === ')' && --depth === 0) {
        end = i + 1;
        break;
      } else if (c === ',' && depth === 1 && comma < 0) comma = i;
    }
    if (end < 0) break;
    const name = text.slice(at + 4, comma < 0 ? end - 1 : comma).trim();
    found.push({ name, fallback: comma < 0 ? undefined : text.slice(comma + 1, end - 1).trim(), start: at, end });
  }
  return found;
}
