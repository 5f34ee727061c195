// `npm run demo` on a machine where the port is taken (a second demo, another dev
// server) says which port and how to pick another, instead of two stack traces.
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';

const demo = fileURLToPath(new URL('../scripts/demo.mjs', import.meta.url));

const listen = () =>
  new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => resolve(s));
  });

test('a taken port is named, with the flags that pick free ones', async () => {
  const busy = await listen();
  const free = await listen();
  const [taken, other] = [busy.address().port, free.address().port];
  await new Promise((r) => free.close(r));
  try {
    for (const [flag, who] of [['port', 'the shop'], ['api-port', "the shop's fanfare-server"]]) {
      const ports = { port: other, 'api-port': other, [flag]: taken };
      const r = spawnSync(process.execPath, [demo, '--port', String(ports.port), '--api-port', String(ports['api-port'])], {
        encoding: 'utf8',
        timeout: 20000,
      });
      assert.equal(r.status, 1, r.stderr);
      assert.match(r.stderr, new RegExp(`Port ${taken} \\(${who}\\) is already in use`));
      assert.match(r.stderr, /npm run demo -- --port \d+ --api-port \d+/);
      assert.doesNotMatch(r.stderr, /at .*\.m?js:\d+/, 'no stack trace');
    }
  } finally {
    busy.close();
  }
});

test('a port that is not a number is refused before anything starts', () => {
  const r = spawnSync(process.execPath, [demo, '--port', 'abc'], { encoding: 'utf8', timeout: 20000 });
  assert.equal(r.status, 1);
  assert.equal(r.stderr.trim(), '--port must be a port number from 1 to 65535, not "abc".');
});
