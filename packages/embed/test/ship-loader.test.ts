// The shipped build's chunk graph (scripts/ship-loader.mjs): esbuild makes every lazily
// imported chunk import the chunk of its runtime helpers, used or not (evanw/esbuild#1892);
// the build drops those imports that take nothing, so a page with only the beacon does not
// fetch the decorators' helper for nothing.
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a build script in plain JavaScript, without types.
import { buildLoader } from '../../../scripts/ship-loader.mjs';

interface Output {
  entryPoint?: string;
  inputs: Record<string, unknown>;
  imports: { path: string; kind: string; external?: boolean }[];
}
interface Built {
  files: Map<string, string>;
  metafile: { outputs: Record<string, Output> };
  preloaded: Record<string, string[]>;
}

const root = new URL('../../../', import.meta.url).pathname;

describe('the shipped chunk graph', async () => {
  const built: Built = await buildLoader({ outdir: `${root}virtual` });
  const outputs = Object.entries(built.metafile.outputs).filter(([k]) => k.endsWith('.js'));
  const [helpers] = outputs.find(([, o]) => !o.entryPoint && !Object.keys(o.inputs).length) ?? [];
  const code = (key: string) => built.files.get(`${root}${key}`)!;

  it('has one chunk of esbuild runtime helpers, which the widgets still import by name', () => {
    expect(helpers).toBeDefined();
    const byName = outputs.filter(([k]) => code(k).includes(`from"./${basename(helpers!)}"`));
    expect(byName.length).toBeGreaterThan(0);
    for (const [, o] of byName) expect(o.imports.map((i) => i.path)).toContain(helpers);
  });

  it('imports it nowhere without names, and the loader requests it with no chunk that takes nothing from it', () => {
    for (const [k, o] of outputs) {
      expect(code(k), k).not.toContain(`import"./${basename(helpers!)}"`);
      if (!code(k).includes(`from"./${basename(helpers!)}"`)) expect(o.imports.map((i) => i.path), k).not.toContain(helpers);
    }
    expect(built.preloaded.beacon).not.toContain(helpers);
    expect(built.preloaded.beacon!.length).toBeGreaterThan(0);
  });

  it('requests the card maker\'s drawing code, which it imports as it starts, with the card maker: a round trip less for the first card', () => {
    const draw = outputs.find(([, o]) => o.entryPoint?.endsWith('card-maker/src/draw.ts'));
    expect(draw).toBeDefined();
    const [key] = draw!;
    // Named as a shared chunk, so the loader's table names it by its hash alone.
    expect(basename(key)).toMatch(/^chunk-[A-Z0-9]{4,}\.js$/);
    expect(built.preloaded['fan-card-maker']).toContain(key);
    // The table holds it, and the card maker's chunk imports it by that same name.
    const hash = /chunk-([A-Z0-9]+)\.js$/.exec(key)![1];
    expect(code('virtual/fanfare.js')).toMatch(new RegExp(`"fan-card-maker":"[^"]*\\b${hash}\\b`));
    expect(outputs.some(([k]) => code(k).includes(`import("./${basename(key)}")`))).toBe(true);
  });

  it('requests the card maker\'s built-in designs only for a card maker without a brand\'s, and the code that reads a brand\'s only for one with them', () => {
    const chunkOf = (source: string) => outputs.find(([, o]) => o.entryPoint?.endsWith(source))![0];
    const builtins = chunkOf('card-maker/src/logic/builtins.ts');
    const reader = chunkOf('card-maker/src/controllers/template-source.ts');
    for (const key of [builtins, reader]) expect(basename(key)).toMatch(/^chunk-[A-Z0-9]{4,}\.js$/);
    // Under selectors of their own, not the card maker's list, which every page with one loads.
    expect(built.preloaded['fan-card-maker:not([templates])']).toEqual([builtins]);
    expect(built.preloaded['fan-card-maker[templates]']).toEqual([reader]);
    expect(built.preloaded['fan-card-maker']).not.toContain(builtins);
    expect(built.preloaded['fan-card-maker']).not.toContain(reader);
    // Each holds only what the card maker's own list does not: its static imports are there.
    for (const key of ['fan-card-maker:not([templates])', 'fan-card-maker[templates]']) {
      for (const f of built.preloaded[key]!) expect(built.preloaded['fan-card-maker']).not.toContain(f);
    }
  });
});
