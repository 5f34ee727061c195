// The beacon's delivery tests: the root browser config plus a real collector endpoint on
// the test server. Run from the repository root:
//   npx web-test-runner --config packages/beacon/web-test-runner.config.mjs
import root from '../../web-test-runner.config.mjs';
import { collector } from './test/collector.mjs';

export default {
  ...root,
  // Not *.browser.test.ts: the root run has no collector, so it must not pick these up.
  files: ['packages/beacon/test/**/*.collector.ts'],
  middleware: [collector()],
  testFramework: { config: { timeout: 15000 } },
};
