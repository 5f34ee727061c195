// Buyer show with 1,000 reviews: bench/buyer-show-1000.mjs, in its own process (it bundles
// each contender and serves its own pages), read back from the table it prints.
import { spawn } from 'node:child_process';
import { n } from '../lib/browser.mjs';
import { ms, table } from '../lib/report.mjs';

const script = new URL('../buyer-show-1000.mjs', import.meta.url).pathname;
const ROW = /^(fanfare|embla|swiper)\s+(\d+)\s+(\d+)\s+(\d+)\s+([\d.]+)\s+(\d+)\s*$/;
const LABEL = { fanfare: '`<fan-buyer-show>`', embla: 'embla-carousel', swiper: 'swiper' };

export function run(ctx) {
  const runs = Math.min(ctx.runs, 3);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script, '--runs', String(runs)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    const timer = setTimeout(() => child.kill('SIGTERM'), 90_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, out, err, runs });
    });
  });
}

export function report({ code, out, err, runs }) {
  const rows = out
    .split('\n')
    .map((l) => l.match(ROW))
    .filter(Boolean);
  return {
    'buyer.ok': rows.length > 0,
    'buyer.runs': runs,
    'buyer.table': table(
      ['library', 'JS gzip B', 'first render (median)', 'DOM nodes', 'CLS (worst)', 'longest task (worst)'],
      rows.map(([, name, js, first, nodes, shift, task]) => [LABEL[name], n(js), ms(first), n(nodes), shift, ms(task)]),
    ),
    // The script's own notes: indented lines under its table.
    'buyer.notes': out
      .split('\n')
      .filter((l) => /^\s{2}\S/.test(l))
      .map((l) => `- ${l.trim()}`)
      .join('\n'),
    'buyer.failure': `exit ${code}: ${(err || out).trim().split('\n').slice(-3).join(' / ')}`,
  };
}
