// Browser tests: every packages/*/test/**/*.browser.test.ts runs in a real Chromium
// (Debian's, found by scripts/chrome.mjs) through Playwright.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { fileURLToPath } from 'node:url';
import { chromeArgs, findChrome } from './scripts/chrome.mjs';

export default {
  files: ['packages/*/test/**/*.browser.test.ts'],
  nodeResolve: { exportConditions: ['source', 'browser', 'development'] },
  plugins: [
    // The loader served from source (the beacon's fixtures) has no table of shared chunks to
    // request early: the build writes it in (scripts/ship-loader.mjs), and unbundled there is none.
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)), define: { __FANFARE_PRELOAD__: '{}' } }),
  ],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: { executablePath: findChrome(), args: chromeArgs, headless: true },
    }),
  ],
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  testsFinishTimeout: 300000,
};
