import { defineConfig } from 'vitest/config';

// Node unit tests: pure logic only. Browser tests (*.browser.test.ts) run in
// web-test-runner on a real Chromium; see web-test-runner.config.mjs.
export default defineConfig({
  resolve: { conditions: ['source'] },
  // Node tests resolve workspace packages to their TypeScript sources too.
  ssr: { resolve: { conditions: ['source', 'module', 'node', 'development|production'] } },
  test: {
    include: ['packages/*/test/**/*.test.ts'],
    exclude: ['**/*.browser.test.ts', '**/node_modules/**'],
    environment: 'node',
  },
});
