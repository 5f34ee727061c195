// Every public styling hook is documented, and every private token is set somewhere:
// an undocumented --fan-* property is missing from the manifest, the docs and the
// configurator; a --_fan-* token read but never set silently falls back.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const packages = new URL('../../', import.meta.url).pathname;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

const read = (files: string[]) => files.map((f) => readFileSync(f, 'utf8')).join('\n');
const all = (text: string, re: RegExp) => new Set([...text.matchAll(re)].map((m) => m[1]));

const core = read(sources(join(packages, 'core/src')));
const coreDocumented = all(read([join(packages, 'core/src/tokens.ts')]), /@cssprop (--fan-[\w-]+)/g);
const widgets = readdirSync(packages).filter((p) => p !== 'core' && statSync(join(packages, p, 'src'), { throwIfNoEntry: false })?.isDirectory());

// The embed's fanfare.css reserves each widget's size with that widget's own hooks: those
// are documented where they belong, on the widget.
const widgetDocumented = new Set(widgets.flatMap((pkg) => [...all(read(sources(join(packages, pkg, 'src'))), /@cssprop (--fan-[\w-]+)/g)]));

describe('styling hooks', () => {
  it.each(widgets)('%s documents every --fan-* property it reads with @cssprop', (pkg) => {
    const text = read(sources(join(packages, pkg, 'src')));
    const used = all(text, /var\(\s*(--fan-[\w-]+)/g);
    const documented = pkg === 'embed' ? widgetDocumented : all(text, /@cssprop (--fan-[\w-]+)/g);
    const missing = [...used].filter((p) => !documented.has(p) && !coreDocumented.has(p));
    expect(missing, `used in ${pkg}/src without @cssprop`).toEqual([]);
  });

  it('core documents every theme token it reads', () => {
    const missing = [...all(core, /var\(\s*(--fan-[\w-]+)/g)].filter((p) => !coreDocumented.has(p));
    expect(missing).toEqual([]);
  });

  it.each(['core', ...widgets])('%s sets every private --_fan-* token it reads', (pkg) => {
    const text = read(sources(join(packages, pkg, 'src')));
    const set = all(core + text, /(--_fan-[\w-]+)\s*:/g);
    for (const m of (core + text).matchAll(/setProperty\(\s*['"`](--_fan-[\w-]+)/g)) set.add(m[1]);
    const unset = [...all(text, /var\(\s*(--_fan-[\w-]+)/g)].filter((p) => !set.has(p));
    expect(unset, `read in ${pkg}/src but never set`).toEqual([]);
  });
});
