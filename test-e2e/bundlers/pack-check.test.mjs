// scripts/pack.mjs's check of a packed package: what an installing app would trip over.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check } from '../../scripts/pack.mjs';

const files = new Set(['package.json', 'dist/index.js', 'dist/index.d.ts', 'dist/define.js', 'dist/define.d.ts', 'dist/fan-x.js', 'dist/fan-x.d.ts', 'dist/fan-y.js', 'src/index.ts']);
const text = {
  'dist/index.js': "import './define.js';\nexport { FanX } from './fan-x.js';\n",
  'dist/define.js': "import { FanX } from './fan-x.js';\nFanX.define('fan-x');\n",
  'dist/fan-x.js': "export class FanX {\n  static define(tag) {\n    customElements.define(tag, this);\n  }\n}\n",
  'dist/fan-y.js': "class FanY extends HTMLElement {}\nif (!customElements.get('fan-y')) customElements.define('fan-y', FanY);\n",
};
const read = (path) => text[path] ?? '';
const good = {
  name: '@fanfare/x',
  files: ['dist', 'src'],
  sideEffects: ['./dist/define.js', './dist/index.js', './dist/fan-y.js'],
  dependencies: { '@fanfare/core': '^0.1.0', lit: '^3.3.3' },
  exports: {
    '.': { source: './src/index.ts', types: './dist/index.d.ts', default: './dist/index.js' },
    './fan-x.js': { types: './dist/fan-x.d.ts', default: './dist/fan-x.js' },
    './package.json': './package.json',
  },
};

test('a package as pnpm packs ours passes', () => {
  assert.deepEqual(check(good, files, read), []);
});

test('a workspace: range left in, or a private package, is named', () => {
  assert.deepEqual(check({ ...good, private: true, dependencies: { '@fanfare/core': 'workspace:*' } }, files, read), [
    '@fanfare/x: private, a registry refuses it',
    '@fanfare/x: dependencies @fanfare/core is "workspace:*", which npm cannot install',
  ]);
});

test('an exports target outside the tarball, such as a source condition to unshipped files, is named', () => {
  const exports = { ...good.exports, '.': { source: './src/other.ts', types: './dist/index.d.ts', default: './dist/index.js' }, './y': { default: './dist/y.js' } };
  assert.deepEqual(check({ ...good, exports }, files, read), [
    '@fanfare/x: exports["."].source → ./src/other.ts, not in the tarball',
    '@fanfare/x: exports["./y"].default → ./dist/y.js, not in the tarball',
    '@fanfare/x: exports["./y"] has no types',
  ]);
});

test('a module that defines a tag must be listed in sideEffects; "false" would let a bundler drop it', () => {
  assert.deepEqual(check({ ...good, sideEffects: false }, files, read), [
    '@fanfare/x: dist/define.js defines a tag but "sideEffects" does not list it',
    '@fanfare/x: dist/fan-y.js defines a tag but "sideEffects" does not list it',
  ]);
  assert.deepEqual(check({ ...good, sideEffects: ['./dist/gone.js', './dist/define.js', './dist/fan-y.js'] }, files, read), ['@fanfare/x: sideEffects lists ./dist/gone.js, not in the tarball']);
  assert.deepEqual(check({ ...good, files: undefined, sideEffects: true }, files, read), ['@fanfare/x: no "files", so it would ship whatever is in its folder']);
});
