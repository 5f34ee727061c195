import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { FastifyInstance } from 'fastify';

// The page is static: data comes from /api/stats with the token the marketer types in,
// so nothing secret is ever in the HTML and the strict CSP below holds.
const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  // blob: for the photos of reviews waiting for a moderator, fetched with the admin token (reviews.js).
  "img-src 'self' data: blob:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

function asset(name: string): Buffer {
  return readFileSync(new URL(`./${name}`, import.meta.url));
}

function chartJs(): Buffer {
  // The UMD build is not in chart.js's exports map; find it beside the entry that is.
  const entry = createRequire(import.meta.url).resolve('chart.js');
  return readFileSync(join(dirname(entry), 'chart.umd.min.js'));
}

export async function dashboardRoutes(app: FastifyInstance): Promise<void> {
  const files: Record<string, { body: Buffer; type: string }> = {
    '/': { body: asset('index.html'), type: 'text/html; charset=utf-8' },
    '/dashboard/app.js': { body: asset('app.js'), type: 'text/javascript; charset=utf-8' },
    '/dashboard/reviews.js': { body: asset('reviews.js'), type: 'text/javascript; charset=utf-8' },
    '/dashboard/app.css': { body: asset('app.css'), type: 'text/css; charset=utf-8' },
    '/dashboard/chart.js': { body: chartJs(), type: 'text/javascript; charset=utf-8' },
  };
  // Browsers ask for it on every dashboard visit; an empty answer keeps the log clean.
  app.get('/favicon.ico', async (_request, reply) => reply.code(204).send());
  for (const [path, file] of Object.entries(files)) {
    app.get(path, async (_request, reply) =>
      reply
        .type(file.type)
        .header('content-security-policy', CSP)
        .header('x-content-type-options', 'nosniff')
        .header('referrer-policy', 'no-referrer')
        .header('cache-control', path === '/' ? 'no-cache' : 'public, max-age=3600')
        .send(file.body),
    );
  }
}
