import { storeSuite } from './store-suite.js';

// The default store: `start` already gives each server its own SQLite file.
storeSuite('sqlite', async () => ({ config: {}, done: async () => {} }));
