// The docs check's rules, pure: built pages in, problems out (node-tested in docs/test).

/** Every href and src outside code blocks (code is escaped, so its markup does not match). */
export function linksOf(html) {
  const stripped = html.replace(/<pre[\s\S]*?<\/pre>/g, '');
  return [...stripped.matchAll(/<([a-z][\w-]*)\b[^>]*?\s(href|src)=("([^"]*)"|'([^']*)')/gi)].map((m) => ({
    tag: m[1].toLowerCase(),
    attr: m[2].toLowerCase(),
    value: (m[4] ?? m[5]).replaceAll('&amp;', '&'),
  }));
}

export function idsOf(html) {
  return new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
}

/**
 * @param {{ pages: Map<string, string>, widgets: {tag: string, attributes: unknown[]}[], exists: (path: string) => boolean }} o
 *   pages: path relative to the site root → HTML; exists: whether a non-HTML file is in the site.
 */
export function findProblems({ pages, widgets, exists }) {
  const problems = [];
  const ids = new Map([...pages].map(([path, html]) => [path, idsOf(html)]));
  for (const [path, html] of pages) {
    for (const { tag, attr, value } of linksOf(html)) {
      if (/^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(value)) continue; // another site, mailto:, data:
      const [target, fragment] = resolveLink(path, value);
      if (target === null) {
        problems.push(`${path}: <${tag} ${attr}="${value}"> leaves the site`);
        continue;
      }
      const isPage = pages.has(target);
      if (!isPage && !exists(target)) {
        problems.push(`${path}: <${tag} ${attr}="${value}"> leads to ${target}, which is not in the site`);
      } else if (fragment && isPage && !ids.get(target).has(decodeURIComponent(fragment))) {
        problems.push(`${path}: <${tag} ${attr}="${value}"> names #${fragment}, which ${target} does not have`);
      }
    }
  }
  for (const w of widgets) {
    const path = `widgets/${w.tag}.html`;
    const html = pages.get(path);
    if (!html) {
      problems.push(`<${w.tag}> has no page (${path})`);
      continue;
    }
    const section = new RegExp(`<section class="reference" data-reference="${w.tag}"[\\s\\S]*?</section>`).exec(html);
    const hasTables = section && ['attributes', 'events', 'css-properties', 'css-parts'].every((id) => section[0].includes(`<h3 id="${id}">`));
    // A widget with attributes must show them in a table, not as "None".
    if (!hasTables || (w.attributes.length && !section[0].includes('<table class="ref ref-attributes">'))) {
      problems.push(`${path}: the generated reference tables for <${w.tag}> are missing`);
    }
  }
  return problems;
}

/** A link from page `from` → [site path, fragment], or [null] when it climbs out of the site. */
export function resolveLink(from, value) {
  const [beforeHash, fragment = ''] = value.split('#');
  const clean = beforeHash.split('?')[0];
  if (!clean) return [from, fragment];
  const base = from.split('/').slice(0, -1);
  const parts = clean.startsWith('/') ? [] : base;
  const out = [...parts];
  for (const seg of clean.replace(/^\//, '').split('/')) {
    if (seg === '..') {
      if (!out.length) return [null, fragment];
      out.pop();
    } else if (seg !== '.' && seg !== '') out.push(seg);
  }
  let path = out.join('/');
  if (clean.endsWith('/') || path === '') path = `${path ? `${path}/` : ''}index.html`;
  return [path, fragment];
}
