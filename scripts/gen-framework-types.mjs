// Writes the React and Vue declarations each widget package ships, from custom-elements.json:
// the manifest the analyzer makes from the widgets' JSDoc, which the docs' reference tables
// come from too (docs/custom-elements-manifest.config.mjs, read through docs/scripts/lib/manifest.mjs).
// So a prop, its type and its description are the ones the docs show, and never drift from them.
//
//   packages/<pkg>/frameworks/react.d.ts     React 19: JSX.IntrinsicElements, props as properties, onfan-* events
//   packages/<pkg>/frameworks/react-18.d.ts  React 18: props as attributes (text), onfan-* refused
//   packages/<pkg>/frameworks/vue.d.ts       Vue 3: GlobalComponents, props as properties, typed events
//
// node scripts/gen-framework-types.mjs          writes them
// node scripts/gen-framework-types.mjs --check  writes nothing; fails naming each file that differs
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';
import { widgetsFrom } from '../docs/scripts/lib/manifest.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const docs = join(root, 'docs');
const SCRIPT = 'scripts/gen-framework-types.mjs';

/** custom-elements.json, made afresh by the analyzer with the docs' config (nothing is written). */
export async function analyze() {
  const cli = createRequire(join(docs, 'package.json')).resolve('@custom-elements-manifest/analyzer/cli.js');
  const { cli: run } = await import(pathToFileURL(cli).href);
  return run({ argv: ['analyze', '--config', 'custom-elements-manifest.config.mjs', '--quiet'], cwd: docs, noWrite: true });
}

/**
 * Every generated file: repository-relative path → text.
 * @param manifest custom-elements.json
 * @param kindsOf (pkgDir, typeTexts) → Map of each text → 'string' | 'number' | 'boolean' | 'other' (see typeKinds)
 * @param eventTypes event name → its detail interface in @fanfare/core/events (see eventDetailTypes)
 */
export function frameworkFiles(manifest, { kindsOf, eventTypes }) {
  const byPackage = new Map();
  for (const w of widgetsFrom(manifest)) {
    if (!w.package) continue;
    const list = byPackage.get(w.package) ?? [];
    byPackage.set(w.package, [...list, w]);
  }
  const files = new Map();
  for (const [pkg, widgets] of byPackage) {
    const dir = `packages/${pkg.replace('@fanfare/', '')}`;
    const kinds = kindsOf(dir, [...new Set(widgets.flatMap((w) => w.attributes.map((a) => a.type)))]);
    const model = widgets.map((w) => widgetModel(w, (type) => kinds.get(type), eventTypes));
    files.set(`${dir}/frameworks/react.d.ts`, react19(pkg, model));
    files.set(`${dir}/frameworks/react-18.d.ts`, react18(pkg, model));
    files.set(`${dir}/frameworks/vue.d.ts`, vue(pkg, model));
  }
  return files;
}

/** One widget as the three files need it: its props with their kinds, its events with their detail types. */
function widgetModel(w, kindOf, eventTypes) {
  return {
    tag: w.tag,
    className: w.className,
    props: w.attributes.map((a) => ({
      attribute: a.name,
      field: a.field,
      type: a.type,
      kind: kindOf(a.type),
      // The native `lang` takes any language tag (any zh-* reads Chinese): suggest the two, refuse none.
      native: a.name === 'lang',
      description: a.description,
    })),
    events: w.events.map((e) => {
      const detail = eventTypes.get(e.name);
      if (!detail) throw new Error(`${w.tag} fires ${e.name}, which FanEventDetails in packages/core/src/events.ts does not declare`);
      return { name: e.name, detail, description: e.description };
    }),
  };
}

// ---- what each framework passes -------------------------------------------------------

/**
 * A property's type in React 19 and Vue, which set the property where the element has one:
 * its own type, and for a number, an array or an object also its attribute's text, which the
 * property takes as the attribute would (core's converters).
 */
function propertyType(p) {
  if (p.native) return `${p.type} | (string & {})`;
  if (p.kind === 'number') return `${p.type} | \`\${number}\``;
  if (p.kind === 'other') return `${p.type} | string`;
  return p.type;
}

/** An attribute's type in React 18, which writes every prop as an attribute, as text. */
function attributeType(p) {
  if (p.native) return `${p.type} | (string & {})`;
  if (p.kind === 'number') return `${p.type} | \`\${number}\``;
  // React 18 writes false as the text "false", which a boolean attribute reads as set.
  if (p.kind === 'boolean') return 'true';
  if (p.kind === 'other') return 'string';
  return p.type;
}

/** `fan-game-over` → `onFanGameOver`: the prop Vue's compiler makes of `@fan-game-over`. */
const vueHandler = (event) => `on${event.replace(/(^|-)(\w)/g, (_, _dash, c) => c.toUpperCase())}`;

// ---- the files ------------------------------------------------------------------------

const HEADER = `// Generated from custom-elements.json by ${SCRIPT}: do not edit; run \`node ${SCRIPT}\`.`;

function react19(pkg, model) {
  const out = [
    HEADER,
    `// React 19: \`import '${pkg}/react'\` defines ${tags(model)} as \`import '${pkg}'\` does,`,
    '// and types it in JSX. React 19 sets a property where the element has one (else the attribute),',
    "// so each prop is typed as its property, which also takes its attribute's text; an",
    '// `onfan-*` prop listens for that event. A server-rendered page (hydrateRoot) gets neither',
    '// property values nor `onfan-*` listeners until the element renders again (React 19 bug',
    '// react#35446): there, write each prop as its attribute, in text and with its dashes, and',
    '// listen on a ref.',
    "import type { DetailedHTMLProps, HTMLAttributes } from 'react';",
    ...imports(pkg, model, propertyType),
    '',
    `export * from '${pkg}';`,
  ];
  for (const w of model) {
    out.push('', `/** What \`<${w.tag}>\` takes in React 19 JSX, besides any HTML element's props. */`, `export interface ${w.className}Props {`);
    for (const p of w.props) {
      out.push(...member(p.field, propertyType(p), p.description));
      if (p.attribute !== p.field) out.push(...member(p.attribute, attributeType(p), `${firstSentence(p.description)} \`${p.field}\` as its attribute, the form a server render keeps.`));
    }
    const late = 'On a server-rendered page, hydrateRoot leaves it unattached until the next render (react#35446): listen on a ref there.';
    for (const e of w.events) out.push(...member(`on${e.name}`, `(event: CustomEvent<${e.detail}>) => void`, `${e.description}\n${late}`));
    out.push('}');
  }
  return [...out, ...intrinsicElements(model)].join('\n');
}

/** React's JSX augmentation, the same for 18 and 19: each tag takes its HTML props but for the ones its own Props type. */
function intrinsicElements(model) {
  return [
    '',
    "declare module 'react' {",
    '  namespace JSX {',
    '    interface IntrinsicElements {',
    ...model.map((w) => `      '${w.tag}': Omit<DetailedHTMLProps<HTMLAttributes<${w.className}>, ${w.className}>, keyof ${w.className}Props> & ${w.className}Props;`),
    '    }',
    '  }',
    '}',
    '',
  ];
}

function react18(pkg, model) {
  const out = [
    HEADER,
    `// React 18: \`import '${pkg}/react-18'\` defines ${tags(model)} as \`import '${pkg}'\` does,`,
    '// and types it in JSX. React 18 writes every prop of a custom element as an attribute, as text, and',
    "// listens for none of its events: so each prop is named and typed as its attribute, and an",
    '// `onfan-*` prop is an error (listen on a ref instead). React 19 users take `/react`.',
    "import type { DetailedHTMLProps, HTMLAttributes } from 'react';",
    ...imports(pkg, model, attributeType, { events: false }),
    '',
    `export * from '${pkg}';`,
  ];
  for (const w of model) {
    out.push('', `/** What \`<${w.tag}>\` takes in React 18 JSX, besides any HTML element's props. */`, `export interface ${w.className}Props {`);
    for (const p of w.props) out.push(...member(p.attribute, attributeType(p), p.description));
    for (const e of w.events) {
      const doc = `React 18 never calls it: add the listener on a ref, \`el.addEventListener('${e.name}', …)\` in an effect.`;
      out.push(...member(`on${e.name}`, 'never', doc));
    }
    out.push('}');
  }
  return [...out, ...intrinsicElements(model)].join('\n');
}

function vue(pkg, model) {
  const out = [
    HEADER,
    `// Vue 3: \`import '${pkg}/vue'\` defines ${tags(model)} as \`import '${pkg}'\` does,`,
    "// and types it in templates (vue-tsc, Volar). Vue sets a property where the element has one, so each prop",
    "// is typed as its property, which also takes its attribute's text; `@fan-*` handlers get the",
    "// event's detail type. A misspelled prop is an error under vue-tsc's strictTemplates (without it,",
    '// Vue lets any attribute through). The app still marks fan-* tags as custom elements',
    '// (compilerOptions.isCustomElement).',
    "import type { EmitFn, HTMLAttributes, PublicProps } from 'vue';",
    ...imports(pkg, model, propertyType),
    '',
    `export * from '${pkg}';`,
    '',
    "/** `data-*` attributes, which vue-tsc's strictTemplates checks as camelCase props (`data-track` → dataTrack). */",
    'type DataAttributes = { [name: `data${Capitalize<string>}`]: unknown };',
  ];
  for (const w of model) {
    out.push('', `/** What \`<${w.tag}>\` takes in a Vue template, besides any HTML element's attributes. */`, `export interface ${w.className}Props {`);
    for (const p of w.props) out.push(...member(p.field, propertyType(p), p.description));
    for (const e of w.events) out.push(...member(vueHandler(e.name), `(event: CustomEvent<${e.detail}>) => void`, e.description));
    out.push('}', '', `/** \`<${w.tag}>\`'s events, for \`@${w.events[0]?.name ?? 'fan-…'}="…"\`. */`, `export interface ${w.className}Events {`);
    for (const e of w.events) out.push(`  '${e.name}': (event: CustomEvent<${e.detail}>) => void;`);
    out.push('}');
  }
  out.push('', "declare module 'vue' {", '  interface GlobalComponents {');
  for (const w of model) {
    out.push(
      `    '${w.tag}': new () => ${w.className} & {`,
      `      $props: Omit<HTMLAttributes, keyof ${w.className}Props> & ${w.className}Props & DataAttributes & PublicProps;`,
      `      $emit: EmitFn<${w.className}Events>;`,
      '    };',
    );
  }
  out.push('  }', '}', '');
  return out.join('\n');
}

/**
 * Type imports: the events' detail types from core; the classes and each named type the
 * file's props use (`typeOf` gives a prop's type in that file) from the package.
 */
function imports(pkg, model, typeOf, { events = true } = {}) {
  const details = events ? [...new Set(model.flatMap((w) => w.events.map((e) => e.detail)))].sort() : [];
  const named = new Set(model.map((w) => w.className));
  for (const w of model) for (const p of w.props) for (const name of namesIn(typeOf(p))) named.add(name);
  const lines = [];
  if (details.length) lines.push(`import type { ${details.join(', ')} } from '@fanfare/core/events';`);
  lines.push(`import type { ${[...named].join(', ')} } from '${pkg}';`);
  return lines;
}

/** Type names a manifest type text uses that the package must export (`Network[]` → Network). */
const GLOBAL_TYPES = new Set(['Array', 'ReadonlyArray', 'Record', 'Partial', 'Readonly', 'Promise', 'Map', 'Set', 'Date']);
function namesIn(type) {
  const text = type.replace(/'[^']*'/g, '');
  return [...text.matchAll(/\b[A-Z]\w*/g)].map((m) => m[0]).filter((n) => !GLOBAL_TYPES.has(n));
}

function member(name, type, description) {
  const key = /^[A-Za-z_$][\w$]*$/.test(name) ? name : `'${name}'`;
  return [...doc(description), `  ${key}?: ${type};`];
}

function doc(text = '') {
  const lines = text.trim().replace(/\*\//g, '*\\/').split('\n');
  if (!lines[0]) return [];
  return lines.length === 1 ? [`  /** ${lines[0]} */`] : ['  /**', ...lines.map((l) => `   * ${l}`.trimEnd()), '   */'];
}

const firstSentence = (text = '') => /^[^.]*\.?/.exec(text.trim())?.[0] ?? '';
const tags = (model) => model.map((w) => `<${w.tag}>`).join(', ');

// ---- reading the sources ------------------------------------------------------------------

/**
 * The detail interface of each fan-* event, read from FanEventDetails in core's events.ts:
 * the one list of events, so a widget's event it lacks stops the generator.
 */
export function eventDetailTypes(source = readFileSync(join(root, 'packages/core/src/events.ts'), 'utf8')) {
  const file = ts.createSourceFile('events.ts', source, ts.ScriptTarget.Latest, true);
  const map = new Map();
  for (const stmt of file.statements) {
    if (!ts.isInterfaceDeclaration(stmt) || stmt.name.text !== 'FanEventDetails') continue;
    for (const m of stmt.members) {
      if (ts.isPropertySignature(m) && m.type && ts.isTypeReferenceNode(m.type)) {
        map.set(m.name.getText(file).replace(/^['"]|['"]$/g, ''), m.type.typeName.getText(file));
      }
    }
  }
  return map;
}

/**
 * What each manifest type text is, asked of the TypeScript checker in the package's own
 * scope (named types such as `Filter` or `Skin` resolve through the package's exports):
 * 'string' (any string-like type, literal unions included), 'number', 'boolean', or 'other'.
 */
export function typeKinds(pkgDir, types) {
  const pkg = JSON.parse(readFileSync(join(root, pkgDir, 'package.json'), 'utf8')).name;
  const file = join(root, pkgDir, 'frameworks', '__probe.ts');
  const names = [...new Set(types.flatMap(namesIn))];
  const text = [
    names.length ? `import type { ${names.join(', ')} } from '${pkg}';` : '',
    ...types.map((t, i) => `export declare const t${i}: ${t};`),
  ].join('\n');
  const options = {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    customConditions: ['source'],
    lib: ['lib.es2023.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
    experimentalDecorators: true,
    useDefineForClassFields: false,
    skipLibCheck: true,
    types: [],
  };
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, lang, ...rest) => (name === file ? ts.createSourceFile(name, text, lang) : getSourceFile(name, lang, ...rest));
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => name === file || fileExists(name);
  const program = ts.createProgram([file], options, host);
  const errors = ts.getPreEmitDiagnostics(program, program.getSourceFile(file));
  if (errors.length) {
    throw new Error(`${pkgDir}: a manifest type does not resolve in the package: ${ts.flattenDiagnosticMessageText(errors[0].messageText, '\n')}`);
  }
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file);
  const kinds = new Map();
  const exported = checker.getExportsOfModule(checker.getSymbolAtLocation(source));
  types.forEach((t, i) => {
    const symbol = exported.find((s) => s.name === `t${i}`);
    const type = checker.getNonNullableType(checker.getTypeOfSymbol(symbol));
    const is = (target) => checker.isTypeAssignableTo(type, target);
    kinds.set(t, is(checker.getStringType()) ? 'string' : is(checker.getNumberType()) ? 'number' : is(checker.getBooleanType()) ? 'boolean' : 'other');
  });
  return kinds;
}

// ---- the command ----------------------------------------------------------------------------

/** Every file as it should be now: the manifest made afresh, the types asked of TypeScript. */
export async function expectedFiles() {
  return frameworkFiles(await analyze(), { kindsOf: typeKinds, eventTypes: eventDetailTypes() });
}

/** The generated files that differ from what is on disk (missing ones included). */
export function drift(files) {
  return [...files].filter(([path, text]) => !existsSync(join(root, path)) || readFileSync(join(root, path), 'utf8') !== text).map(([path]) => path);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const files = await expectedFiles();
  if (process.argv.includes('--check')) {
    const stale = drift(files);
    if (stale.length) {
      console.error(`Out of date with custom-elements.json: ${stale.join(', ')}. Run \`node ${SCRIPT}\`.`);
      process.exit(1);
    }
  } else {
    for (const [path, text] of files) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    }
    console.log(`Wrote ${[...files.keys()].map((p) => relative('.', join(root, p))).join(', ')}`);
  }
}
