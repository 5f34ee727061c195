// The analyzer reads every widget's class JSDoc; the docs' reference tables come from
// what it writes. Widgets register their tag in define.ts with `Class.define('fan-x')`
// (a static call the analyzer does not recognise), so the plugin below reads those calls
// and gives each class its tagName.
const defines = new Map();
// `Class.field` for each entry of a `static properties` block with `state: true`: Lit's
// internal reactive state, which the analyzer would otherwise list as an attribute.
const states = new Set();

function tagNamesFromDefine() {
  return {
    name: 'fanfare-define-calls',
    analyzePhase({ ts, node }) {
      if (!ts.isCallExpression(node)) return;
      const callee = node.expression;
      const [arg] = node.arguments;
      if (
        ts.isPropertyAccessExpression(callee) &&
        callee.name.text === 'define' &&
        ts.isIdentifier(callee.expression) &&
        arg &&
        ts.isStringLiteral(arg) &&
        arg.text.startsWith('fan-')
      ) {
        defines.set(callee.expression.text, arg.text);
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        for (const decl of mod.declarations ?? []) {
          const tag = defines.get(decl.name);
          if (decl.kind === 'class' && tag) {
            decl.tagName = tag;
            decl.customElement = true;
          }
        }
      }
    },
  };
}

function internalState() {
  return {
    name: 'fanfare-internal-state',
    analyzePhase({ ts, node }) {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      for (const member of node.members) {
        const isStatic = member.modifiers?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword);
        if (!isStatic || !ts.isPropertyDeclaration(member) || member.name.getText() !== 'properties') continue;
        const init = member.initializer;
        if (!init || !ts.isObjectLiteralExpression(init)) continue;
        for (const prop of init.properties) {
          if (!ts.isPropertyAssignment(prop) || !ts.isObjectLiteralExpression(prop.initializer)) continue;
          const state = prop.initializer.properties.some(
            (o) => ts.isPropertyAssignment(o) && o.name.getText() === 'state' && o.initializer.kind === ts.SyntaxKind.TrueKeyword,
          );
          if (state) states.add(`${node.name.text}.${prop.name.getText().replace(/^['"]|['"]$/g, '')}`);
        }
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        for (const decl of mod.declarations ?? []) {
          if (decl.kind !== 'class') continue;
          for (const member of decl.members ?? []) if (states.has(`${decl.name}.${member.name}`)) member.state = true;
          decl.attributes = decl.attributes?.filter((a) => !states.has(`${decl.name}.${a.fieldName ?? a.name}`));
        }
      }
    },
  };
}

export default {
  globs: ['../packages/*/src/fan-*.ts', '../packages/*/src/define.ts'],
  exclude: ['../packages/*/src/*.styles.ts'],
  outdir: '.generated',
  litelement: true,
  packagejson: false,
  plugins: [tagNamesFromDefine(), internalState()],
};
