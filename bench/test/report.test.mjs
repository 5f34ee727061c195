// The bench report: the template's prose filled from every suite's report() of made-up
// figures, so a placeholder no suite supplies, or a section left open, fails here and not
// after a three-minute run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fill, render } from '../lib/report.mjs';
import * as beacon from '../suites/beacon.mjs';
import * as buyer from '../suites/buyer-show.mjs';
import * as share from '../suites/share.mjs';
import * as shop from '../suites/shop.mjs';

const site = { relax: { '/share/shariff.html': { why: 'jQuery builds HTML strings' } } };
const shareView = { arrived: 100, laid: 120, first: 150, cls: 0, js: 16_000, css: 0, files: 13, other: 0, otherKinds: [], external: 0, csp: [], problems: [] };
const beaconRun = { requests: 2, events: 20, bytes: 3000, modes: ['cors'], ms: 900, js: 2100, files: 3, start: { js: 1800, files: 2 }, breakdown: 'fanfare.js 700', oneFile: 1900, external: 0, csp: [], problems: [], delivered: 5, closeModes: ['no-cors'], closeFailures: [] };
const shopView = {
  rendered: 1800,
  loadJs: { files: 9, gzip: 30_000, raw: 90_000 },
  js: { files: 12, gzip: 36_000, raw: 110_000 },
  vitals: false,
  beaconOn: true,
  api: ['games', 'e'],
  tasks: [{ d: 70 }],
  cls: 0,
  inp: { value: 40, worst: { name: 'keydown', target: 'fan-2048 div' }, count: 3 },
  external: 0,
  csp: [],
  problems: [],
};
const buyerOut = 'fanfare 9000 300 800 0.0000 45\nembla 3000 250 9000 0.0000 60\n  ours loads the lightbox on demand\n';

function figures({ shopViews = [shopView, shopView], buyerStdout = buyerOut } = {}) {
  return {
    date: '2026-12-01T00:00:00Z', cpu: '2 × Test CPU', memory: '4.0 GiB', os: 'Linux', node: 'v20', chromium: '150', protocol: 'HTTP/2', runs: 2, seconds: 60, external: 0,
    ...share.report(
      {
        loopback: { '`<fan-share>`': [shareView, shareView], '`<fan-share>`, files named in the page': [shareView], shareon: [shareView], shariff: [shareView] },
        phone: {
          '`<fan-share>`': [{ ...shareView, first: 900 }],
          '`<fan-share>`, files named in the page': [{ ...shareView, first: 800 }],
          shareon: [{ ...shareView, first: 1000 }],
          shariff: [shareView],
          '(bound) the least a share bar can be, after a loader': [{ ...shareView, first: 1100 }],
          '(bound) the same, named in the page': [{ ...shareView, first: 700 }],
        },
      },
      { site },
    ),
    ...beacon.report({
      '`@fanfare/beacon` (embed loader)': beaconRun,
      '`fanfare-beacon.js` (the beacon alone)': { ...beaconRun, oneFile: undefined, start: { js: 1500, files: 1 }, js: 2400, breakdown: 'fanfare-beacon.js 1500' },
      'plausible-tracker': { failed: 'timeout' },
    }),
    ...shop.report({ views: shopViews, failures: [], server: true, runs: 2 }),
    ...buyer.report({ code: 0, out: buyerStdout, err: '', runs: 2 }),
  };
}

test('every placeholder of the template is filled by some suite, and every section closes', () => {
  const md = render(figures());
  assert.doesNotMatch(md, /\{\{|\}\}/);
  assert.match(md, /^# Fanfare against its peers/);
  assert.match(md, /\| `<fan-share>` \| 16,000 \|/);
  // Both profiles, each with <fan-share>'s time over shareon's.
  assert.match(md, /On loopback \(`<fan-share>` ÷ shareon, first render complete: \*\*1\.00\*\*\)/);
  assert.match(md, /as a mid-range phone on 4G would load them[^\n]*\*\*0\.90\*\*/i);
  // The page that names its files: its own ratio, and when the last file arrived.
  assert.match(md, /Its ratio to shareon: 1\.00 on loopback, 0\.80 on the phone profile/);
  // The bounds: their ratios, each way (a bound missing from a profile prints a dash).
  assert.match(md, /Their ratio to shareon, after a loader: — on loopback, 1\.10 on the phone profile; named in the page: 0\.70 on the phone profile\./);
  assert.match(md, /\| \(bound\) the same, named in the page \| 16,000 \|/);
  assert.match(md, /\| `<fan-share>` \| 16,000 \| 0 \| \*\*16,000\*\* \(13\) \| 100 ms \| 120 ms \|/);
  assert.match(md, /- shariff: CSP relaxed: jQuery builds HTML strings\./);
  assert.match(md, /\| `<fan-buyer-show>` \| 9,000 \| 300 ms \|/);
  assert.match(md, /- ours loads the lightbox on demand/);
  assert.match(md, /\| plausible-tracker \| did not start: timeout \|/);
  // What a page loads before anything happens on it, then after the events.
  assert.match(md, /\| `@fanfare\/beacon` \(embed loader\) \| \*\*1,800\*\* \(2\) \| 2,100 \(3\) \| \*\*2\*\* \|/);
  assert.match(md, /\| `fanfare-beacon\.js` \(the beacon alone\) \| \*\*1,500\*\* \(1\) \| 2,400 \(3\) \|/);
  assert.match(md, /- `fanfare-beacon\.js` \(the beacon alone\): files \(gzip B\): fanfare-beacon\.js 1500; served with/);
  assert.match(md, /files \(gzip B\): fanfare\.js 700; the same files joined into one: 1,900 B \(200 B are the cost of the file boundaries\);/);
  assert.match(md, /with the real fanfare-server behind `\/e` and `\/games`/);
  assert.match(md, /none of the views was sampled for Core Web Vitals/);
  assert.match(md, /requests to the fanfare-server during the first view: 1 × \/games, 1 × \/e/);
  assert.doesNotMatch(md, /\n\n\n/, 'no blank lines left where a section or an empty value was');
});

test('a suite that produced nothing says so in one line instead of its prose', () => {
  const md = render(figures({ shopViews: [], buyerStdout: 'crashed\n' }));
  assert.match(md, /## The demo shop[^\n]*\n\nNo page view finished:\s*$/);
  assert.doesNotMatch(md, /CPU slowed 4×/);
  assert.match(md, /bench\/buyer-show-1000\.mjs gave no table \(exit 0: crashed\)/);
});

test('the template language: values, sections on their own lines or inside one, and a name nobody supplies', () => {
  assert.equal(fill('a {{x}} b\n{{empty}}\nc\n', { x: 1, empty: '' }), 'a 1 b\nc\n');
  assert.equal(fill('{{#on}}\nyes\n{{/on}}\n{{^on}}\nno\n{{/on}}\nend\n', { on: false }), 'no\nend\n');
  assert.equal(fill('it {{#on}}is{{/on}}{{^on}}is not{{/on}} on.\n', { on: true }), 'it is on.\n');
  assert.throws(() => fill('{{missing}}', {}), /names \{\{missing\}\}, which no suite supplies/);
});
