// tsc copies no static files: put the dashboard's page, script and styles beside the compiled routes.
import { cpSync, mkdirSync } from 'node:fs';

const from = new URL('../src/dashboard/', import.meta.url);
const to = new URL('../dist/dashboard/', import.meta.url);
mkdirSync(to, { recursive: true });
for (const name of ['index.html', 'app.js', 'reviews.js', 'app.css']) cpSync(new URL(name, from), new URL(name, to));
