// The React and Vue declarations each widget package ships (packages/*/frameworks/, made by
// scripts/gen-framework-types.mjs): they match custom-elements.json as the analyzer makes it
// now, and they type a shop's code as a shop writes it. The fixtures in
// fixtures/framework-types/ are checked with tsc --strict (vue-tsc for the SFC) in a scratch
// app outside the workspace that resolves @fanfare/* through each package's exports to its
// built types, as a shop's install does (so run after the packages' build): every correct
// line must compile, and every `@ts-expect-error` must meet its error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze, drift, eventDetailTypes, expectedFiles, frameworkFiles, typeKinds } from '../../scripts/gen-framework-types.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const fixtures = fileURLToPath(new URL('fixtures/framework-types/', import.meta.url));
const PACKAGES = ['core', 'share', 'game-2048', 'card-maker', 'buyer-show', 'invite', 'review-form'];
// The analyzer and the type checker take a few seconds: the tests share one run.
const expected = expectedFiles();

test('the shipped declarations are the ones custom-elements.json gives now (else run node scripts/gen-framework-types.mjs)', async () => {
  const files = await expected;
  assert.deepEqual(
    [...files.keys()].filter((p) => p.startsWith('packages/share/')),
    ['packages/share/frameworks/react.d.ts', 'packages/share/frameworks/react-18.d.ts', 'packages/share/frameworks/vue.d.ts'],
  );
  assert.deepEqual(drift(files), []);
});

test('an attribute or event added to a widget reaches all three files, so the check above can fail', async () => {
  const manifest = await analyze();
  const kindsOf = typeKinds;
  const eventTypes = eventDetailTypes();
  const before = frameworkFiles(manifest, { kindsOf, eventTypes });
  const share = manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === 'fan-share');
  share.attributes.push({ name: 'button-count', fieldName: 'buttonCount', type: { text: 'number' }, description: 'How many.' });
  share.members.push({ kind: 'field', name: 'buttonCount', type: { text: 'number' }, description: 'How many.', attribute: 'button-count' });
  const after = frameworkFiles(manifest, { kindsOf, eventTypes });
  for (const file of ['react.d.ts', 'react-18.d.ts', 'vue.d.ts']) {
    const path = `packages/share/frameworks/${file}`;
    assert.notEqual(after.get(path), before.get(path), path);
  }
  assert.match(after.get('packages/share/frameworks/react.d.ts'), /buttonCount\?: number \| `\$\{number\}`;\n.*\n {2}'button-count'\?: number \| `\$\{number\}`;/);
  assert.match(after.get('packages/share/frameworks/react-18.d.ts'), /'button-count'\?: number \| `\$\{number\}`;/);
  assert.doesNotMatch(after.get('packages/share/frameworks/react-18.d.ts'), /buttonCount\?/);
  assert.match(after.get('packages/share/frameworks/vue.d.ts'), /buttonCount\?: number \| `\$\{number\}`;/);

  share.events.push({ name: 'fan-share-closed', description: 'Never declared in core.' });
  assert.throws(() => frameworkFiles(manifest, { kindsOf, eventTypes }), /fan-share-closed, which FanEventDetails .* does not declare/);
});

test('each prop takes its property type, plus its attribute text where that is not already a string', async () => {
  const files = await expected;
  const react = files.get('packages/game-2048/frameworks/react.d.ts');
  assert.match(react, /\n {2}size\?: number \| `\$\{number\}`;/);
  assert.match(react, /\n {2}rewards\?: Reward\[\] \| string;/);
  assert.match(react, /\n {2}skin\?: Skin \| string;/);
  assert.match(react, /\n {2}'onfan-reward'\?: \(event: CustomEvent<FanRewardDetail>\) => void;/);
  // A named string union stays itself: the checker sees what Filter is.
  assert.match(files.get('packages/buyer-show/frameworks/vue.d.ts'), /\n {2}filter\?: Filter;/);
  assert.match(files.get('packages/buyer-show/frameworks/vue.d.ts'), /\n {2}onFanSlideChange\?: \(event: CustomEvent<FanSlideChangeDetail>\) => void;/);
  const react18 = files.get('packages/game-2048/frameworks/react-18.d.ts');
  assert.match(react18, /\n {2}rewards\?: string;/);
  assert.match(react18, /\n {2}'onfan-reward'\?: never;/);
});

/**
 * A scratch app in the temp folder: the fixtures, a tsconfig, and node_modules holding the
 * workspace packages (resolved through their exports, as a shop's install would) and the
 * framework types. `react` is the React types folder to use, under the root node_modules.
 */
function scratchApp(files, { react = '@types/react', compilerOptions = {}, ...options } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'fanfare-types-'));
  for (const f of files) cpSync(join(fixtures, f), join(dir, f));
  const link = (name, target) => {
    mkdirSync(dirname(join(dir, 'node_modules', name)), { recursive: true });
    symlinkSync(target, join(dir, 'node_modules', name), 'dir');
  };
  for (const p of PACKAGES) link(`@fanfare/${p}`, join(root, 'packages', p));
  link('@types/react', join(root, 'node_modules', react));
  link('vue', join(root, 'node_modules/vue'));
  const reactTypes = join(root, 'node_modules', react);
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        strict: true,
        noEmit: true,
        target: 'ES2022',
        module: 'ESNext',
        moduleResolution: 'bundler',
        lib: ['ES2023', 'DOM', 'DOM.Iterable'],
        jsx: 'react-jsx',
        types: [],
        // Every import of `react`, the generated files' too, gets the same React's types.
        paths: { react: [reactTypes], 'react/*': [`${reactTypes}/*`] },
        ...compilerOptions,
      },
      ...options,
      files,
    }),
  );
  return dir;
}

function check(bin, dir) {
  const r = spawnSync(process.execPath, [join(root, 'node_modules', bin), '-p', join(dir, 'tsconfig.json')], { cwd: dir, encoding: 'utf8' });
  rmSync(dir, { recursive: true, force: true });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

/** How many lines of a fixture expect an error: `// @ts-expect-error`, `{/* @ts-expect-error`, `<!-- @vue-expect-error`. */
const expectations = (file) => readFileSync(join(fixtures, file), 'utf8').match(/^\s*(\/\/|\{\/\*|<!--) @(ts|vue)-expect-error /gm)?.length ?? 0;

test('React 19: the shop compiles under --strict; each misspelled prop, wrong value and wrongly typed handler is an error', () => {
  assert.equal(expectations('react.tsx'), 11, 'the mistakes are all still there');
  const { status, output } = check('typescript/bin/tsc', scratchApp(['react.tsx']));
  assert.equal(status, 0, output);
});

test("React 18: attributes as text compile against React 18's types; onfan-*, camelCase props and arrays are errors", () => {
  assert.equal(expectations('react-18.tsx'), 4, 'the mistakes are all still there');
  const { status, output } = check('typescript/bin/tsc', scratchApp(['react-18.tsx'], { react: '@types/react-18' }));
  assert.equal(status, 0, output);
});

test("Vue: each tag's $props and $emit type what a template binds; mistakes are errors", () => {
  assert.equal(expectations('vue.ts'), 5, 'the mistakes are all still there');
  const { status, output } = check('typescript/bin/tsc', scratchApp(['vue.ts']));
  assert.equal(status, 0, output);
});

test('Vue SFC: vue-tsc with strictTemplates checks a real template against GlobalComponents', () => {
  assert.equal(expectations('Shop.vue'), 6, 'the mistakes are all still there');
  const dir = scratchApp(['Shop.vue'], { compilerOptions: { jsx: 'preserve' }, vueCompilerOptions: { strictTemplates: true } });
  const { status, output } = check('vue-tsc/bin/vue-tsc.js', dir);
  assert.equal(status, 0, output);
});
