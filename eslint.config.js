import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';

// Globals that pure code must not touch: it runs in node tests and on the server.
const domGlobals = [
  'window', 'document', 'navigator', 'location', 'localStorage', 'sessionStorage',
  'HTMLElement', 'Element', 'Node', 'customElements', 'getComputedStyle',
  'requestAnimationFrame', 'matchMedia', 'CSS', 'Image', 'fetch', 'addEventListener',
].map((name) => ({ name, message: 'Pure logic must not use DOM globals; pass what you need in.' }));

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/.cache/**', 'docs/.vitepress/cache/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['packages/*/src/**/*.ts'],
    plugins: { lit },
    rules: {
      ...lit.configs.recommended.rules,
      'lit/no-invalid-html': 'error',
      'lit/no-useless-template-literals': 'error',
      'lit/attribute-value-entities': 'error',
      'lit/binding-positions': 'error',
      'lit/no-duplicate-template-bindings': 'error',
      'lit/no-legacy-template-syntax': 'error',
      'lit/no-property-change-update': 'error',
    },
  },
  {
    files: ['packages/*/src/logic/**/*.ts', 'packages/*/src/engine/**/*.ts'],
    rules: {
      // Type-only imports load nothing, so they may name any module.
      '@typescript-eslint/no-restricted-imports': ['error', {
        // The core barrel carries FanElement, and with it Lit: pure code takes core's pure subpaths.
        paths: [{ name: '@fanfare/core', allowTypeImports: true, message: 'Pure logic imports @fanfare/core/parse (or another pure subpath), not the barrel, which loads Lit.' }],
        patterns: [
          { group: ['lit', 'lit/*', '@lit/*'], allowTypeImports: true, message: 'Pure logic must not import lit.' },
          {
            group: ['@fanfare/core/*', '!@fanfare/core/parse', '!@fanfare/core/site-key', '!@fanfare/core/errors', '!@fanfare/core/events', '!@fanfare/core/mask'],
            allowTypeImports: true,
            message: 'Pure logic may import only core\'s pure subpaths: parse, site-key, errors, events, mask.',
          },
        ],
      }],
      'no-restricted-globals': ['error', ...domGlobals],
    },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
);
