// A beacon collector for browser tests, as dev-server middleware on the test server's own
// port. POST|OPTIONS /__collect/<bucket> records the request and answers 204 (or 503 while
// the bucket is down); GET /__collect/<bucket>/log returns what was recorded;
// POST /__collect/<bucket>/down and /up flip the switch. Buckets keep tests apart.

/** @type {Map<string, { down: boolean, log: object[] }>} */
const buckets = new Map();

const readBody = (req) =>
  new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c) => (body += c));
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });

/** @returns {import('koa').Middleware} */
export function collector() {
  return async (ctx, next) => {
    const m = /^\/__collect\/([\w-]+)(?:\/(log|down|up))?$/.exec(ctx.path);
    if (!m) return next();
    const [, name, action] = m;
    let bucket = buckets.get(name);
    if (!bucket) buckets.set(name, (bucket = { down: false, log: [] }));
    // The beacon posts from another origin (localhost → 127.0.0.1), as it would to a real
    // stats server; a collector must allow that, and a test can then see any preflight.
    ctx.set('Access-Control-Allow-Origin', '*');
    ctx.set('Cache-Control', 'no-store');
    if (action === 'log') {
      ctx.body = bucket.log;
      return;
    }
    if (action) {
      bucket.down = action === 'down';
      ctx.status = 204;
      return;
    }
    const status = ctx.method === 'POST' && bucket.down ? 503 : 204;
    bucket.log.push({
      method: ctx.method,
      status,
      contentType: ctx.get('content-type'),
      cookie: ctx.get('cookie'),
      preflightHeaders: ctx.get('access-control-request-headers'),
      body: await readBody(ctx.req),
    });
    if (ctx.method === 'OPTIONS') {
      ctx.set('Access-Control-Allow-Methods', 'POST');
      ctx.set('Access-Control-Allow-Headers', '*');
    }
    if (status === 503) {
      ctx.set('Access-Control-Expose-Headers', 'Retry-After');
      ctx.set('Retry-After', '1');
    }
    ctx.status = status;
  };
}
