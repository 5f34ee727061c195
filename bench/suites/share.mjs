// Share buttons: <fan-share> against shareon and shariff, the same six networks on the
// same page, each page view in a fresh context, the contenders interleaved.
import { join } from 'node:path';
import { cls, median, n, pause, PHONE_4G, sum, withPage } from '../lib/browser.mjs';
import { ms, table } from '../lib/report.mjs';

const sized = (els) => els.length === 6 && els.every((el) => el.offsetWidth > 0 && el.offsetHeight > 0);
const contenders = {
  '`<fan-share>`': {
    page: '/share/fanfare.html',
    laid: () => sized([...(document.querySelector('fan-share')?.shadowRoot?.querySelectorAll('.btn') ?? [])]),
    // Six buttons laid out, each with its glyph drawn (each network's glyph, colours and
    // link arrive as its own small chunk; until then its button holds its place, unseen).
    ready: () => {
      const btns = [...(document.querySelector('fan-share')?.shadowRoot?.querySelectorAll('.btn') ?? [])];
      return sized(btns) && btns.every((b) => b.querySelector('path')?.getAttribute('d'));
    },
  },
  // Not the README's snippet: the same page with a modulepreload line for each file the
  // loader requests at start, as a page could carry for one version of the folder. It shows
  // what the loader's round trip costs, apart from the bytes.
  '`<fan-share>`, files named in the page': {
    page: '/share/fanfare-preload.html',
    laid: null,
    ready: null,
  },
  shareon: {
    page: '/share/shareon.html',
    laid: () => sized([...document.querySelectorAll('.shareon > a')]),
    // The links laid out and given their share URLs (the icons are in the stylesheet).
    ready: () => {
      const links = [...document.querySelectorAll('.shareon > a')];
      return sized(links) && links.every((a) => a.href);
    },
  },
  shariff: {
    page: '/share/shariff.html',
    laid: () => sized([...document.querySelectorAll('.shariff a')]),
    // The buttons laid out and the icon font loaded.
    ready: () => sized([...document.querySelectorAll('.shariff a')]) && document.fonts.check('16px "Font Awesome 5 Brands"'),
  },
};
// Bounds, not contenders (bench/lib/floor.mjs): the least a share bar can be, a custom element
// with no Lit and no core and each network's glyph in its own file, loaded as DESIGN.md's
// embedding loads a widget (a loader's weight, then the widget's files) and named by the page.
const FLOOR = '(bound) the least a share bar can be, after a loader';
const FLOOR_NAMED = '(bound) the same, named in the page';
contenders[FLOOR] = { page: '/share/floor.html' };
contenders[FLOOR_NAMED] = { page: '/share/floor-named.html' };
for (const name of ['`<fan-share>`, files named in the page', FLOOR, FLOOR_NAMED]) {
  contenders[name].laid = contenders['`<fan-share>`'].laid;
  contenders[name].ready = contenders['`<fan-share>`'].ready;
}
// The probes run in the page, where `sized` does not exist: it goes in with them.
const inline = (f) => String(f).replace(/\bsized\(/g, `(${sized})(`);

// Each contender on loopback, and as a mid-range phone on 4G would load it.
const PROFILES = {
  loopback: {},
  phone: { network: PHONE_4G, throttle: PHONE_4G.cpu },
};

async function view({ browser, site, shots }, c, shotTaken, profile) {
  return withPage(browser, inline(c.ready), { laid: inline(c.laid), ...PROFILES[profile] }, async ({ page, external, problems, measure }) => {
    await page.goto(site.origin + c.page);
    const shown = await page.waitForFunction(() => window.__bench.ready > 0, undefined, { timeout: 20_000 }).then(
      () => true,
      () => false,
    );
    if (shown) await pause(1000); // late shifts: fonts, icons
    if (shots && profile === 'loopback' && !shotTaken.has(c.page)) {
      shotTaken.add(c.page);
      await page.screenshot({ path: join(shots, `share-${c.page.split('/').pop().replace('.html', '')}.png`) });
    }
    const { bench: m, responses: res } = await measure();
    // When the last byte of the page's scripts and stylesheets arrived: the network's part.
    const arrived = await page.evaluate(() =>
      Math.max(0, ...performance.getEntriesByType('resource').filter((r) => /\.(js|css)$/.test(new URL(r.name).pathname)).map((r) => r.responseEnd)),
    );
    if (!shown) return { failed: true, csp: m.csp, problems, external: external.length };
    const code = res.filter((r) => r.kind === 'script' || r.kind === 'stylesheet');
    return {
      laid: m.laid,
      first: m.ready,
      arrived,
      cls: cls(m.shifts),
      js: sum(code.filter((r) => r.kind === 'script'), (r) => r.gzip),
      css: sum(code.filter((r) => r.kind === 'stylesheet'), (r) => r.gzip),
      files: code.length,
      other: sum(res.filter((r) => !code.includes(r)), (r) => r.gzip),
      otherKinds: [...new Set(res.filter((r) => !code.includes(r)).map((r) => r.kind))],
      external: external.length,
      csp: m.csp,
      problems,
    };
  });
}

/** @returns {Promise<Record<string, Record<string, object[]>>>} each profile's page views of each contender */
export async function run(ctx) {
  const results = {};
  const shotTaken = new Set();
  for (let i = 0; i < ctx.runs; i++) {
    // Interleaved, so a busy moment on the machine does not land on one contender only.
    for (const profile of Object.keys(PROFILES)) {
      for (const [name, c] of Object.entries(contenders)) ((results[profile] ??= {})[name] ??= []).push(await view(ctx, c, shotTaken, profile));
    }
  }
  return results;
}

/** `<fan-share>`'s complete render over shareon's, median of the interleaved page views of one profile. */
function ratio(byName, ours = '`<fan-share>`') {
  const first = (name) => median((byName[name] ?? []).filter((x) => !x.failed).map((x) => x.first));
  const r = first(ours) / first('shareon');
  return Number.isFinite(r) ? r.toFixed(2) : '—';
}

export function report(all, ctx) {
  const loopback = tableOf(all.loopback, ctx);
  const phone = tableOf(all.phone, ctx);
  return {
    'share.table': loopback.table,
    'share.phoneTable': phone.table,
    'share.ratio': ratio(all.loopback),
    'share.phoneRatio': ratio(all.phone),
    'share.preloadRatio': ratio(all.loopback, '`<fan-share>`, files named in the page'),
    'share.phonePreloadRatio': ratio(all.phone, '`<fan-share>`, files named in the page'),
    'share.floorRatio': ratio(all.loopback, FLOOR),
    'share.phoneFloorRatio': ratio(all.phone, FLOOR),
    'share.phoneFloorNamedRatio': ratio(all.phone, FLOOR_NAMED),
    'share.notes': loopback.notes,
    'share.external': sum(Object.values(all).flatMap((byName) => Object.values(byName).flat()), (r) => r.external),
  };
}

function tableOf(results, { site }) {
  const rows = Object.entries(results).map(([name, all]) => {
    const rs = all.filter((x) => !x.failed);
    const r = rs[0];
    if (!r) return [name, '—', '—', '—', '—', '—', 'never rendered', '—', '—'];
    return [
      name,
      n(r.js),
      n(r.css),
      `**${n(r.js + r.css)}** (${r.files})`,
      ms(median(rs.map((x) => x.arrived))),
      ms(median(rs.map((x) => x.laid))),
      `**${ms(median(rs.map((x) => x.first)))}**${rs.length < all.length ? ` (${all.length - rs.length} of ${all.length} loads never rendered)` : ''}`,
      `**${Math.max(...rs.map((x) => x.cls)).toFixed(4)}**`,
      r.other ? `${n(r.other)} B gzip (${r.otherKinds.join(', ')})` : '—',
    ];
  });
  const notes = Object.entries(results).map(([name, rs]) => {
    const relaxed = site.relax[contenders[name].page];
    const said = [relaxed ? `CSP relaxed: ${relaxed.why}` : 'served with the strict CSP (Trusted Types required, no inline styles)'];
    const csps = [...new Set(rs.flatMap((r) => r.csp))];
    if (csps.length) said.push(`CSP reports: ${csps.join('; ')}`);
    const problems = [...new Set(rs.flatMap((r) => r.problems))];
    if (problems.length) said.push(`console errors: ${problems.join(' | ')}`);
    return `- ${name}: ${said.join('; ')}.`;
  });
  return {
    table: table(
      ['library', 'JS gzip B', 'CSS gzip B', 'JS+CSS gzip B (files)', 'last file arrived (median)', 'buttons laid out (median)', 'first render, complete (median)', 'CLS (worst)', 'other bytes'],
      rows,
    ),
    notes: notes.join('\n'),
  };
}
