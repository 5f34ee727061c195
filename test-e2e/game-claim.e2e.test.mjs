// A reward won in <fan-2048> whose answer is lost on the way (the connection drops after the
// real fanfare-server has handed out the code): the game sends its claim again and the fan
// sees the code the server kept for that game, the one the first claim spent.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { chromeArgs, findChrome } from '../scripts/chrome.mjs';
import { startFanfareServer } from '../scripts/fanfare-server.mjs';
import { startServer } from '../scripts/serve.mjs';

const CODES = ['LOST-ONE', 'LOST-TWO', 'LOST-THREE'];
let dir, api, site, browser;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fanfare-claim-'));
  const config = {
    sites: { 'claim-shop': { origins: ['*'] } },
    campaigns: {
      lost: { site: 'claim-shop', sizes: [4], rewards: [{ score: 8, title: 'Free delivery', codes: CODES }], minMsPerMove: 0 },
    },
  };
  writeFileSync(join(dir, 'fanfare.config.json'), JSON.stringify(config));
  api = await startFanfareServer({ db: join(dir, 'fanfare.db'), config: join(dir, 'fanfare.config.json') });
  writeFileSync(
    join(dir, 'game.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Game</title><link rel="icon" href="data:,">
<link rel="stylesheet" href="/fanfare/fanfare.css"><script type="module" src="/fanfare/fanfare.js" data-site="claim-shop"></script></head>
<body><fan-2048 campaign="lost" reward-endpoint="/games"></fan-2048></body></html>`,
  );
  site = await startServer({ pages: dir, api: api.url });
  browser = await chromium.launch({ executablePath: findChrome(), args: chromeArgs });
});
after(async () => {
  await browser?.close();
  await site?.close();
  await api?.stop();
  rmSync(dir, { recursive: true, force: true });
});

test('a claim whose answer was lost is sent again, and the fan gets the code the server kept for that game', async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, reducedMotion: 'reduce' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  // The first claim reaches the server, which spends a code; its answer never reaches the page.
  const claims = [];
  await context.route(/\/games\/[^/]+\/claim$/, async (route) => {
    claims.push(route.request().url());
    if (claims.length > 1) {
      const again = await route.fetch();
      claims.again = await again.text();
      return route.fulfill({ response: again });
    }
    const answer = await route.fetch();
    claims.lost = await answer.json();
    return route.abort('connectionreset');
  });
  await page.goto(`${site.url}/game.html`);
  const game = page.locator('fan-2048');
  const board = game.locator('[part~="board"]');
  await page.waitForFunction(() => document.querySelector('fan-2048')?.shadowRoot?.querySelector('[part~="board"]'));
  await board.focus();
  const dialogText = () => game.evaluate((el) => el.shadowRoot.querySelector('dialog[open]')?.textContent ?? '');
  for (let i = 0; i < 200 && !/LOST-/.test(await dialogText()); i++) {
    await page.keyboard.press(['ArrowLeft', 'ArrowUp', 'ArrowRight', 'ArrowDown'][i % 4]);
    if (claims.length) break;
  }
  await page.waitForFunction(() => /LOST-/.test(document.querySelector('fan-2048').shadowRoot.querySelector('dialog[open]')?.textContent ?? ''), undefined, { timeout: 15_000 }).catch(async (e) => {
    throw new Error(`${e.message}; claims ${JSON.stringify(claims)}, ${JSON.stringify(claims.lost)} then ${claims.again}; dialog: ${await dialogText()}; score: ${await game.evaluate((el) => el.shadowRoot.textContent.slice(0, 200))}`);
  });
  assert.ok(claims.lost?.code, `the first claim spent a code: ${JSON.stringify(claims.lost)}`);
  assert.equal(claims.length, 2, 'the claim was sent once more');
  const text = await dialogText();
  assert.match(text, new RegExp(claims.lost.code), 'the fan sees the code the lost answer carried');
  assert.match(text, /Free delivery/);
  assert.deepEqual(errors, []);
  await context.close();
});
