// The analyzer reads every widget's class JSDoc; the docs' reference tables come from
// what it writes. Widgets register their tag in define.ts with `Class.define('fan-x')`
// (a static call the analyzer does not recognise), so the plugin below reads those calls
// and gives each class its tagName.
const defines = new Map();

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

export default {
  globs: ['../packages/*/src/fan-*.ts', '../packages/*/src/define.ts'],
  exclude: ['../packages/*/src/*.styles.ts'],
  outdir: '.generated',
  litelement: true,
  packagejson: false,
  plugins: [tagNamesFromDefine()],
};
