// The demo shop's first second, task by task: what the loader does in the task that ends the
// page's parsing (with the page's own first style and layout, 90-290 ms at 4× CPU slowdown)
// is kept small. Every chunk it asks for, a widget's own included, is asked for from a task
// of its own (a setTimeout), never from the loader's module evaluation: each import() costs
// 1-6 ms of main thread there. Checked from the initiator of each request, which the
// DevTools Protocol gives with its async parent: deterministic, whatever the machine's load.
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { chromeArgs, findChrome } from '../scripts/chrome.mjs';
import { startServer } from '../scripts/serve.mjs';

let browser;
let shop;
before(async () => {
  browser = await chromium.launch({ executablePath: findChrome(), args: chromeArgs });
  shop = await startServer();
});
after(async () => {
  await browser?.close();
  await shop?.close();
});

test('the loader asks for every chunk from a task of its own, not from its module evaluation', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Debugger.enable');
  await cdp.send('Debugger.setAsyncCallStackDepth', { maxDepth: 4 });
  await cdp.send('Network.enable');
  const asked = [];
  cdp.on('Network.requestWillBeSent', ({ request, initiator }) => {
    const stack = initiator.stack;
    if (/\/fanfare\/.+\.js$/.test(request.url) && /\/fanfare\/fanfare\.js$/.test(stack?.callFrames?.[0]?.url ?? '')) {
      asked.push({ file: request.url.split('/fanfare/')[1], from: stack.parent?.description ?? 'the loader\'s evaluation' });
    }
  });
  await page.goto(`${shop.url}/`);
  await page.waitForFunction(() => ['fan-share', 'fan-2048', 'fan-card-maker', 'fan-buyer-show'].every((t) => customElements.get(t)), undefined, { timeout: 30_000 });
  await context.close();
  // The widgets' chunks by the loader's table, and the beacon's, which startBeacon imports
  // (the beacon's own part of the loader, left out here).
  const loader = readFileSync(new URL('../packages/embed/dist/fanfare.js', import.meta.url), 'utf8');
  const widgets = [...loader.matchAll(/"fan-[a-z0-9-]+":\(\)=>import\("\.\/([^"]+)"\)/g)].map((m) => m[1]);
  const beacon = /import\("\.\/([^"]+)"\)\.then\(\w+=>\w+\.startBeacon\(/.exec(loader)?.[1];
  assert.ok(widgets.length >= 6 && beacon, 'the loader\'s table and its beacon import, as built');
  assert.equal(asked.filter((r) => widgets.includes(r.file)).length, 6, `the demo's six widgets' chunks: ${JSON.stringify(asked)}`);
  assert.ok(asked.some((r) => /^chunks\/chunk-/.test(r.file)) && asked.some((r) => /^share-/.test(r.file)), JSON.stringify(asked));
  const inline = asked.filter((r) => r.from !== 'setTimeout' && r.file !== beacon);
  assert.deepEqual(inline, [], 'asked for in the loader\'s own task');
});
