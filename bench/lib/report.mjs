// The report: bench/report.template.md holds the prose; the suites supply the figures.
// The template knows `{{name}}` (a value; a line holding only an empty one is dropped) and
// `{{#name}}…{{/name}}` / `{{^name}}…{{/name}}` (kept when the value is truthy / falsy).
// A name the template uses and no suite supplies is an error, so the two cannot drift.
import { readFileSync } from 'node:fs';
import { arch, cpus, release, totalmem, type } from 'node:os';

export const ms = (x) => `${Math.round(x)} ms`;

export const table = (head, rows) =>
  [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');

/** Bullet lines, one per note ('' when there are none). */
export const bullets = (notes) => notes.filter(Boolean).map((x) => `- ${x}`).join('\n');

/** The machine the figures come from, for the report's first paragraph. */
export function machine(chromiumVersion) {
  const cpu = cpus();
  return {
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    cpu: `${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}`,
    memory: `${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
    os: `${type()} ${release()} ${arch()}`,
    node: process.version,
    chromium: chromiumVersion,
  };
}

/** The template with `values` filled in. */
export function fill(template, values) {
  const get = (name) => {
    if (!(name in values)) throw new Error(`bench report: the template names {{${name}}}, which no suite supplies`);
    return values[name];
  };
  // Sections first, outermost first, until none is left (a kept one may hold others).
  let text = template;
  for (let before = ''; before !== text; ) {
    before = text;
    text = text.replace(/\{\{([#^])([\w.]+)\}\}(\n?)([\s\S]*?)\{\{\/\2\}\}(\n?)/, (_, kind, name, open, inner, close) => {
      const kept = (kind === '#') === Boolean(get(name));
      // A section on lines of its own leaves no blank line behind; one inside a line keeps the line's end.
      if (open) return kept ? inner : '';
      return (kept ? inner : '') + close;
    });
  }
  return text
    .replace(/^\{\{([\w.]+)\}\}\n/gm, (line, name) => (get(name) === '' ? '' : line))
    .replace(/\{\{([\w.]+)\}\}/g, (_, name) => String(get(name)));
}

export function render(values) {
  return fill(readFileSync(new URL('../report.template.md', import.meta.url), 'utf8'), values).trimEnd();
}
