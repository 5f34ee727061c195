import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const pkg = fileURLToPath(new URL('..', import.meta.url));
// Inside the package's node_modules, so the bundle's bare imports (fastify, better-sqlite3,
// chart.js) resolve the same way the built package's do.
const outDir = `${pkg}node_modules/.cache/fanfare-test`;

let bundled: Promise<string> | undefined;

/** src/cli.ts as one runnable file: tests must kill a real process, which vitest's workers are not. */
export function bundleCli(): Promise<string> {
  return (bundled ??= (async () => {
    mkdirSync(outDir, { recursive: true });
    const outfile = `${outDir}/cli.mjs`;
    await build({
      entryPoints: [`${pkg}src/cli.ts`],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      conditions: ['source'],
      external: ['fastify', 'better-sqlite3', 'zod', '@clickhouse/client', 'chart.js', 'sharp', '@fastify/multipart', 'pg'],
      logLevel: 'silent',
    });
    for (const name of ['index.html', 'app.js', 'reviews.js', 'app.css']) copyFileSync(`${pkg}src/dashboard/${name}`, `${outDir}/${name}`);
    return outfile;
  })());
}

export interface Child {
  proc: ChildProcess;
  url: string;
  output: () => string;
  exited: Promise<number | null>;
}

/** Starts `fanfare-server` and resolves once it listens, with the URL it printed. */
export async function spawnServer(args: string[], env: Record<string, string> = {}): Promise<Child> {
  const cli = await bundleCli();
  const proc = spawn(process.execPath, [cli, '--port', '0', ...args], {
    env: { ...process.env, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 15_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /dashboard at (http:\/\/[^/\s"]+)\//.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', onData);
    void exited.then(() => reject(new Error(`server exited:\n${out}`)));
  });
  return { proc, url, output: () => out, exited };
}
