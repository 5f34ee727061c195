import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteState } from '../src/store/sqlite-state.js';
import { stateSuite } from './state-suite.js';

stateSuite('sqlite', async (config) => {
  const dir = mkdtempSync(join(tmpdir(), 'fanfare-state-'));
  const state = new SqliteState({ ...config, db: join(dir, 'state.db') });
  return {
    state,
    async done() {
      await state.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
