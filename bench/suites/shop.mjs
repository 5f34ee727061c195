// The demo shop with all six widgets, under a 4× CPU slowdown, as `npm run demo` runs it:
// the real fanfare-server behind /e (beacon) and /games (rewards), with a throwaway
// database. Without a built server the collector stands in for /e.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFanfareServer } from '../../scripts/fanfare-server.mjs';
import { startServer } from '../../scripts/serve.mjs';
import { cls, failure, inp, median, n, pause, sum, withPage } from '../lib/browser.mjs';
import { ms, table } from '../lib/report.mjs';

const root = new URL('../..', import.meta.url).pathname;
const TAGS = ['fan-share', 'fan-2048', 'fan-card-maker', 'fan-buyer-show', 'fan-invite', 'fan-review-form'];

// In the page, before its scripts: Long Animation Frames, which name the scripts (over 5 ms)
// that ran in each frame, so a long task can be laid at a script's door.
function frames() {
  const f = (window.__frames = []);
  try {
    new PerformanceObserver((list) =>
      list.getEntries().forEach((e) =>
        f.push({
          t: e.startTime,
          d: e.duration,
          render: e.renderStart,
          scripts: e.scripts.map((s) => ({ t: s.startTime, d: s.duration, url: s.sourceURL, fn: s.sourceFunctionName, type: s.invokerType, invoker: s.invoker })),
        }),
      ),
    ).observe({ type: 'long-animation-frame', buffered: true });
  } catch {
    // No Long Animation Frames in this Chromium: tasks go unattributed.
  }
}

/** Each chunk of the built embed, named by the package most of its bytes come from. */
function chunkOwners() {
  try {
    const meta = JSON.parse(readFileSync(`${root}packages/embed/dist/meta.json`, 'utf8'));
    const owners = {};
    for (const [file, out] of Object.entries(meta.outputs)) {
      const by = {};
      const add = (input, bytes) => {
        const pkg = /.*node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)?.[1] ?? /^(?:\.\.\/)*(?:packages\/)?([^/.][^/]*)\/src\//.exec(input)?.[1] ?? 'embed';
        by[pkg] = (by[pkg] ?? 0) + bytes;
      };
      for (const [input, { bytesInOutput }] of Object.entries(out.inputs ?? {})) add(input, bytesInOutput);
      // The renamed chunks keep no inputs in the metafile: their source maps name them.
      if (!Object.keys(by).length && existsSync(`${root}packages/embed/${file}.map`)) {
        const map = JSON.parse(readFileSync(`${root}packages/embed/${file}.map`, 'utf8'));
        map.sources.forEach((source, i) => add(source, map.sourcesContent?.[i]?.length ?? 1));
      }
      if (!Object.keys(by).length && out.entryPoint) add(out.entryPoint, 1);
      const top = Object.entries(by).sort((a, b) => b[1] - a[1])[0];
      if (top) owners[file.replace(/^.*?dist\//, '')] = top[0] === 'embed' ? 'loader' : top[0];
    }
    return owners;
  } catch {
    return {};
  }
}

/**
 * What a long task ran: the longest script the Long Animation Frames saw in it, as the
 * package its chunk comes from and how it was called (a module's evaluation, a promise's
 * callback such as a Lit update, an event listener, a timer), or rendering when no script
 * over 5 ms ran in it. A script with no URL is a native callback (a timer's `resolve`, an
 * event listener object such as Lit's) or the bench's own driver (Playwright's injected
 * script, its polling): its invoker says which.
 */
function attribute(task, frames, owners) {
  const end = task.t + task.d;
  const frame = frames.find((f) => f.t <= task.t + 1 && task.t < f.t + f.d);
  if (!frame) return '?';
  const scripts = frame.scripts.filter((s) => s.t >= task.t - 1 && s.t < end).sort((a, b) => b.d - a.d);
  const top = scripts[0];
  if (!top || top.d < task.d / 4) return frame.render && frame.render < end ? 'style/layout/paint' : 'browser';
  // The script's own share of the task: the rest is the style and layout it caused.
  const own = `, its script ${Math.round(top.d)} ms`;
  if (!top.url) return `no URL (${top.invoker ?? top.type})${own}`;
  const file = top.url.replace(/^.*?\/fanfare\//, '');
  const who = owners[file] ?? file.replace(/^.*\//, '');
  const how = { 'classic-script': 'script', 'module-script': 'module', 'resolve-promise': 'promise', 'reject-promise': 'promise', 'user-callback': top.fn || 'callback', 'event-listener': 'event' }[top.type] ?? top.type;
  return `${who} ${how}${own}`;
}

/**
 * A mouse click at the middle of what `locator` finds, scrolled into view first. Not
 * `locator.click()`: to check that the click lands on its target, Playwright listens for
 * the click's events in the page and hit-tests there, in the same task as the widget's own
 * handler (20-70 ms at 4x), and the task was then counted as the widget's.
 */
async function clickAt(locator) {
  await locator.scrollIntoViewIfNeeded();
  const box = await locator.boundingBox();
  if (!box) throw new Error(`nothing to click: ${locator}`);
  await locator.page().mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

function view({ browser, shots }, shop) {
  return withPage(browser, undefined, { viewport: { width: 1280, height: 900 }, throttle: 4 }, async ({ context, page, responses, external, problems }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: shop.url });
    await page.addInitScript({ content: `(${frames})();` });
    await page.goto(`${shop.url}/`);
    await page.waitForFunction(
      (tags) => {
        const root = (t) => document.querySelector(t)?.shadowRoot;
        return tags.every((t) => customElements.get(t) && root(t)?.querySelector('[part]')) && root('fan-buyer-show').querySelector('.slide img');
      },
      TAGS,
      { timeout: 45_000, polling: 100 },
    );
    const rendered = await page.evaluate(() => performance.now());
    const loadJs = (await responses()).filter((r) => r.kind === 'script');
    // A few things a visitor does: copy the link, play eight moves, page the reviews.
    await clickAt(page.locator('fan-share').first().locator('[data-network=copy]'));
    await pause(400);
    await clickAt(page.locator('fan-2048').locator('[part=board]'));
    for (const key of ['ArrowLeft', 'ArrowUp', 'ArrowRight', 'ArrowDown', 'ArrowLeft', 'ArrowUp', 'ArrowRight', 'ArrowDown']) {
      await page.keyboard.press(key);
      await pause(150);
    }
    const next = page.locator('fan-buyer-show').locator('.next');
    for (let i = 0; i < 3; i++) {
      await clickAt(next);
      await pause(300);
    }
    await pause(1000);
    const m = await page.evaluate(() => window.__bench);
    const loaf = await page.evaluate(() => window.__frames);
    const owners = chunkOwners();
    for (const t of m.tasks) t.by = attribute(t, loaf, owners);
    const beaconOn = await page.evaluate(() => globalThis[Symbol.for('fanfare.beacon')] === true);
    const all = await responses();
    const js = all.filter((r) => r.kind === 'script');
    if (shots) await page.screenshot({ path: join(shots, 'shop.png') });
    return {
      rendered,
      loadJs: { files: loadJs.length, gzip: sum(loadJs, (r) => r.gzip), raw: sum(loadJs, (r) => r.raw) },
      js: { files: js.length, gzip: sum(js, (r) => r.gzip), raw: sum(js, (r) => r.raw) },
      vitals: js.some((r) => r.path.includes('/vitals-')),
      beaconOn,
      api: all.filter((r) => /^\/(e|games)\b/.test(r.path)).map((r) => r.path.split('/')[1]),
      tasks: m.tasks,
      cls: cls(m.shifts),
      inp: inp(m.events),
      external: external.length,
      csp: m.csp,
      problems,
    };
  });
}

/** @returns {Promise<{ views: object[], failures: string[], server: boolean }>} */
export async function run(ctx) {
  const runs = Math.min(ctx.runs, 3);
  const serverCli = `${root}packages/server/dist/cli.js`;
  const dbDir = mkdtempSync(join(tmpdir(), 'fanfare-bench-'));
  const api = existsSync(serverCli)
    ? await startFanfareServer({ db: join(dbDir, 'bench.db'), config: `${root}demo/fanfare.config.json` }).catch((e) => {
        console.error(`fanfare-server did not start (${e.message}); the collector stands in for /e.`);
        return undefined;
      })
    : undefined;
  const shop = await startServer({ api: api?.url ?? ctx.collector.origin });
  const views = [];
  const failures = [];
  try {
    for (let i = 0; i < runs; i++) {
      try {
        views.push(await view(ctx, shop));
      } catch (e) {
        failures.push(failure(e));
      }
    }
  } finally {
    await shop.close();
    await api?.stop();
    rmSync(dbDir, { recursive: true, force: true });
  }
  return { views, failures, server: Boolean(api), runs };
}

export function report({ views, failures, server, runs }) {
  const first = views[0];
  const tbt = (r) => sum(r.tasks, (t) => t.d - 50);
  const longest = (r) => Math.max(0, ...r.tasks.map((t) => t.d));
  const range = (f, fmt) => {
    const xs = views.map(f);
    return xs.length > 1 ? `**${fmt(median(xs))}** (${fmt(Math.min(...xs))}–${fmt(Math.max(...xs))})` : `**${fmt(xs[0])}**`;
  };
  const counts = (list) => Object.entries(list.reduce((o, k) => ({ ...o, [k]: (o[k] ?? 0) + 1 }), {}));
  const csp = [...new Set(views.flatMap((r) => r.csp))];
  const problems = [...new Set(views.flatMap((r) => r.problems))];
  return {
    'shop.ok': views.length > 0,
    'shop.failures': [...new Set(failures)].join(' | '),
    'shop.server': server,
    'shop.views': runs,
    'shop.table': first
      ? table(
          ['JS gzip B at render (files)', 'JS gzip B after interactions (files)', 'all six rendered at', 'long tasks', 'longest task', 'longest task ran', 'total blocking time', 'CLS', 'INP'],
          [
            [
              `${n(first.loadJs.gzip)} (${first.loadJs.files})`,
              `**${n(first.js.gzip)}** (${first.js.files}; ${n(first.js.raw)} B uncompressed)`,
              range((r) => r.rendered, ms),
              range((r) => r.tasks.length, String),
              range(longest, ms),
              views.map((r) => r.tasks.reduce((a, t) => (t.d > (a?.d ?? 0) ? t : a), undefined)?.by ?? 'none').join('; '),
              range(tbt, ms),
              range((r) => r.cls, (x) => x.toFixed(4)),
              range((r) => r.inp.value, (x) => (x ? ms(x) : 'under 16 ms')),
            ],
          ],
        )
      : '',
    'shop.vitalsViews': views.filter((r) => r.vitals).length,
    'shop.inpPerView': views
      .map((r) => (r.inp.worst ? `${ms(r.inp.value)} (\`${r.inp.worst.name}\` on \`${r.inp.worst.target}\`, ${r.inp.count} interactions over 16 ms)` : 'none over 16 ms'))
      .join('; '),
    'shop.tasksPerView': views.map((r) => r.tasks.map((t) => `${Math.round(t.d)} (${t.by})`).join(' + ') || 'none').join('; '),
    'shop.beaconOn': Boolean(first?.beaconOn),
    'shop.apiRequests': first?.api.length ? counts(first.api).map(([k, v]) => `${v} × /${k}`).join(', ') : 'none',
    'shop.notes': [
      csp.length ? `- CSP reports: ${csp.join('; ')}.` : '',
      problems.length ? `- console errors: ${problems.join(' | ')}.` : '',
      views.length && failures.length ? `- ${failures.length} page views did not finish: ${[...new Set(failures)].join(' | ')}.` : '',
    ]
      .filter(Boolean)
      .join('\n'),
    'shop.external': sum(views, (r) => r.external),
  };
}
