import { defineConfig } from 'vitest/config';

// The root config sets `resolve.conditions`, which Vite applies to browser code only; node
// tests resolve through `ssr.resolve.conditions`. Without it @fanfare/game-2048/engine
// resolves to a dist that exists only after a build. Run: npx vitest run --config packages/server/vitest.config.ts
export default defineConfig({
  root: new URL('../..', import.meta.url).pathname,
  resolve: { conditions: ['source'] },
  // Vite's own defaults for server code follow 'source'.
  ssr: { resolve: { conditions: ['source', 'module', 'node', 'development|production'] } },
  test: {
    include: ['packages/server/test/**/*.test.ts'],
    environment: 'node',
  },
});
