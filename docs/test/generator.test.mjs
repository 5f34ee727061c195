// The docs generator: widgets read from a manifest, reference tables, widget pages made
// for widgets nobody wrote one for, and the check that fails on broken links or a page
// without its tables.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findProblems, linksOf, resolveLink } from '../scripts/lib/check.mjs';
import { expandCode, expandExamples, reserveCss } from '../scripts/lib/html.mjs';
import { cssDefaults } from '../scripts/lib/css-defaults.mjs';
import { defaultIn, widgetsFrom } from '../scripts/lib/manifest.mjs';
import { buildSite } from '../scripts/lib/site.mjs';

const base = { name: 'FanElement', module: '../packages/core/src/fan-element.ts' };
const manifest = {
  modules: [
    {
      path: '../packages/core/src/fan-element.ts',
      declarations: [{ kind: 'class', name: 'FanElement', attributes: [{ name: 'lang' }] }],
    },
    {
      path: '../packages/poll/src/fan-poll.ts',
      declarations: [
        {
          kind: 'class',
          name: 'FanPoll',
          tagName: 'fan-poll',
          summary: 'Ask fans a question.',
          attributes: [
            { name: 'question', fieldName: 'question', type: { text: 'string' }, default: "''", description: 'What to ask, e.g. `Which colour?`' },
            { name: 'lang', inheritedFrom: base },
            // Lit's static properties give internal state an attribute; the analyzer lists them.
            { name: 'packs', fieldName: 'packs', type: { text: 'Partial<Record<Network, Pack>>' } },
            { name: 'copied', fieldName: 'copied', type: { text: 'boolean' } },
            { name: 'helper', fieldName: 'helper', type: { text: 'string' } },
          ],
          members: [
            { kind: 'field', name: 'question', description: 'What to ask', attribute: 'question' },
            { kind: 'field', name: 'votes', type: { text: 'number' }, description: 'Votes so far.' },
            { kind: 'field', name: 'secret', privacy: 'private', description: 'Not for you.' },
            { kind: 'field', name: 'packs', privacy: 'private', description: 'Loaded chunks.', attribute: 'packs' },
            { kind: 'field', name: 'copied', state: true, type: { text: 'boolean' }, description: 'Just copied.', attribute: 'copied' },
            { kind: 'field', name: 'helper', description: '@internal For the panels only.', attribute: 'helper' },
            { kind: 'field', name: 'open', privacy: 'public', type: { text: 'boolean' }, description: 'Whether the results show.' },
            { kind: 'method', name: 'reset', description: 'Start again.', return: { type: { text: 'void' } } },
            { kind: 'method', name: 'emit', inheritedFrom: base },
          ],
          events: [{ name: 'fan-vote', description: '`{choice}` when a fan votes.' }, { name: 'name', inheritedFrom: base }],
          cssProperties: [
            { name: '--fan-poll-bar', description: 'Bar colour.' },
            { name: '--fan-poll-width', description: 'Widest the poll grows (default 30rem).' },
            { name: '--fan-poll-gap', description: 'Space between bars (8px).', default: '6px' },
          ],
          cssParts: [{ name: 'bar', description: 'Each result bar.' }],
        },
      ],
    },
    { path: '../packages/share/src/fan-share.ts', declarations: [{ kind: 'class', name: 'FanShare', tagName: 'fan-share', attributes: [] }] },
  ],
};

test('widgets come from tagged classes, with only what a site owner can use', () => {
  const widgets = widgetsFrom(manifest);
  assert.deepEqual(widgets.map((w) => w.tag), ['fan-share', 'fan-poll'], 'known widgets first, then new ones');
  const poll = widgets[1];
  assert.equal(poll.package, '@fanfare/poll');
  assert.deepEqual(poll.attributes.map((a) => a.name), ['question', 'lang']);
  assert.match(poll.attributes[1].description, /zh-CN/, 'the inherited lang is explained');
  assert.deepEqual(poll.properties.map((p) => p.name), ['votes', 'open'], 'private, state and @internal members stay out');
  assert.deepEqual(poll.methods.map((m) => m.signature), ['reset(): void']);
  assert.deepEqual(poll.events.map((e) => e.name), ['fan-vote'], "the base class's emit() is not an event");
});

test('a new widget gets a page, a nav entry and its reference tables without anyone writing a page', () => {
  const widgets = widgetsFrom(manifest);
  const sources = new Map([['index.html', '<h1>Start</h1><p class="lead">Hello.</p><a href="widgets/fan-poll.html">Poll</a>']]);
  const { pages } = buildSite({ sources, widgets, embedded: new Set(['fan-poll']) });
  const poll = pages.find((p) => p.path === 'widgets/fan-poll.html');
  assert.ok(poll);
  assert.match(poll.html, /<title>&lt;fan-poll&gt; · Fanfare docs<\/title>/);
  assert.match(poll.html, /<div class="example-stage"><fan-poll><\/fan-poll><\/div>/);
  assert.match(poll.html, /data-reference="fan-poll"/);
  assert.match(poll.html, /<th scope="row"><code>question<\/code><\/th>[\s\S]*What to ask, e.g. <code>Which colour\?<\/code>/);
  assert.match(poll.html, /<code>--fan-poll-bar<\/code>/);
  assert.match(poll.html, /href="\.\.\/widgets\/fan-poll\.html" aria-current="page"/);
  const index = pages.find((p) => p.path === 'index.html');
  assert.match(index.html, /href="\.\/widgets\/fan-poll\.html"/);

  const problems = findProblems({ pages: new Map(pages.map((p) => [p.path, p.html])), widgets, exists: () => true });
  assert.deepEqual(problems.filter((p) => !p.includes('guides/')), []);
});

test('a widget missing from the built fanfare.js gets no live example, only its code', () => {
  const html = expandExamples('<!-- example: Caption -->\n<fan-poll question="A &amp; B"></fan-poll>\n<!-- /example -->', { live: false });
  assert.doesNotMatch(html, /<fan-poll/);
  assert.match(html, /&lt;fan-poll question=&quot;A &amp;amp; B&quot;&gt;/);
  assert.match(html, /does not include this widget yet/);
});

test('an example can keep room for its wrapped rows on phones, through a stylesheet rule', () => {
  const html = expandExamples('<!-- example reserve=121: Wraps on phones -->\n<fan-share variant="label"></fan-share>\n<!-- /example -->');
  assert.match(html, /<div class="example-stage reserve-121"><fan-share variant="label"><\/fan-share><\/div>/);
  assert.match(html, /<figcaption>Wraps on phones<\/figcaption>/);
  const css = reserveCss([html, html.replace('121', '90')]);
  assert.match(css, /@media \(max-width: 640px\)/);
  assert.match(css, /\.example-stage\.reserve-90 \{ min-height: 90px;[^}]*\}\n\s*\.example-stage\.reserve-121 \{ min-height: 121px;/);
  assert.equal(reserveCss(['<div class="example-stage">']), '');
});

test('code blocks are written raw and shown escaped', () => {
  assert.equal(
    expandCode('<pre data-code="html">\n  <script src="/f.js"></script>\n</pre>'),
    '<pre class="code" data-lang="html"><code>&lt;script src=&quot;/f.js&quot;&gt;&lt;/script&gt;</code></pre>',
  );
});

test('links resolve relative to their page', () => {
  const cases = [
    ['index.html', 'widgets/fan-share.html', ['widgets/fan-share.html', '']],
    ['widgets/fan-share.html', '../guides/theming.html#shared-properties', ['guides/theming.html', 'shared-properties']],
    ['widgets/fan-share.html', '#reference', ['widgets/fan-share.html', 'reference']],
    ['guides/a.html', '../', ['index.html', '']],
    ['guides/a.html', './fanfare/fanfare.js?v=1', ['guides/fanfare/fanfare.js', '']],
    ['index.html', '../outside.html', [null, '']],
  ];
  for (const [from, href, expected] of cases) assert.deepEqual(resolveLink(from, href), expected, `${from} → ${href}`);
  assert.deepEqual(
    linksOf('<a href="x.html">x</a><pre><code>&lt;a href="no.html"&gt;</code></pre><img src=\'i.svg\'><fan-buyer-show src="f.json">').map((l) => l.value),
    ['x.html', 'i.svg', 'f.json'],
  );
});

test('the check fails on a broken link, a missing fragment, and a widget page without its tables', () => {
  const widgets = widgetsFrom(manifest);
  const tables = (tag) =>
    `<section class="reference" data-reference="${tag}"><h3 id="attributes"></h3><table class="ref ref-attributes"></table><h3 id="events"></h3><h3 id="css-properties"></h3><h3 id="css-parts"></h3></section>`;
  const pages = new Map([
    ['index.html', '<a href="widgets/fan-share.html#reference">ok</a><a href="gone.html">gone</a><a href="widgets/fan-poll.html#nope">frag</a><a href="https://x.example">away</a><img src="logo.svg">'],
    ['widgets/fan-share.html', `<h2 id="reference"></h2>${tables('fan-share')}`],
    ['widgets/fan-poll.html', '<h1>Poll</h1><p>No tables here.</p>'],
  ]);
  const problems = findProblems({ pages, widgets, exists: (p) => p === 'logo.svg' });
  assert.deepEqual(problems, [
    'index.html: <a href="gone.html"> leads to gone.html, which is not in the site',
    'index.html: <a href="widgets/fan-poll.html#nope"> names #nope, which widgets/fan-poll.html does not have',
    'widgets/fan-poll.html: the generated reference tables for <fan-poll> are missing',
  ]);
  pages.delete('widgets/fan-poll.html');
  assert.ok(findProblems({ pages, widgets, exists: () => true }).includes('<fan-poll> has no page (widgets/fan-poll.html)'));
});

test('only public API reaches the reference and the configurator: no internal state, private or @internal member', () => {
  const [, poll] = widgetsFrom(manifest);
  const names = [...poll.attributes.map((a) => a.name), ...poll.properties.map((p) => p.name), ...poll.methods.map((m) => m.name)];
  for (const internal of ['packs', 'copied', 'helper', 'secret']) assert.ok(!names.includes(internal), internal);
  const { pages } = buildSite({ sources: new Map(), widgets: widgetsFrom(manifest), embedded: new Set() });
  const page = pages.find((p) => p.path === 'widgets/fan-poll.html').html;
  assert.doesNotMatch(page, /<code>(packs|copied|helper)<\/code>/);
});

test('a CSS property\'s default: the widget\'s own styles, else what its description states, else none', () => {
  assert.equal(defaultIn('Widest the game grows (default 30rem).'), '30rem');
  assert.equal(defaultIn('Space between tiles (a length, default 8px).'), '8px');
  assert.equal(defaultIn('Space between buttons (8px).'), '8px');
  assert.equal(defaultIn('Stacking order of the floating bar (1000).'), '1000');
  assert.equal(defaultIn('Button corners (falls back to --fan-radius).'), '');
  assert.equal(defaultIn('Board background.'), '');

  const fromStyles = cssDefaults([
    `:host { --_fan-radius: var(--fan-radius, 10px); --_fan-surface: var(--fan-color-surface, #fff); }`,
    `:host { max-width: var(--fan-2048-max-width, 30rem); --_g: var(--fan-2048-gap, 8px); --_b: var(--fan-2048-board, #bbada0); }
     i { background: var(--fan-2048-cell, #cdc1b4); border-radius: var(--fan-share-radius, var(--_fan-radius)); }
     .card { background: var(--fan-card-maker-surface, var(--_fan-surface)); width: var(--fan-slide, min(240px, 78cqi)); }
     .btn { background: var(--fan-share-button-bg, var(--_bg, #3d4752)); }`,
  ]);
  assert.equal(fromStyles.get('--fan-2048-board'), '#bbada0', 'the board is beige, not the brand pink');
  assert.equal(fromStyles.get('--fan-2048-cell'), '#cdc1b4');
  assert.equal(fromStyles.get('--fan-2048-max-width'), '30rem');
  assert.equal(fromStyles.get('--fan-share-radius'), '10px', 'through the private token to the shared default');
  assert.equal(fromStyles.get('--fan-card-maker-surface'), '#fff');
  assert.equal(fromStyles.get('--fan-slide'), 'min(240px, 78cqi)');
  assert.equal(fromStyles.has('--fan-share-button-bg'), false, 'a per-network colour is no single default');

  const [, poll] = widgetsFrom(manifest, { cssDefaults: new Map([['--fan-poll-bar', '#bbada0'], ['--fan-poll-width', '31rem']]) });
  assert.deepEqual(
    poll.cssProperties.map((p) => [p.name, p.default]),
    [['--fan-poll-bar', '#bbada0'], ['--fan-poll-width', '31rem'], ['--fan-poll-gap', '6px']],
  );
  assert.equal(widgetsFrom(manifest)[1].cssProperties[1].default, '30rem');
});

test("the configurator's script and stylesheet load on the configurator page only", () => {
  const sources = new Map([
    ['index.html', '<h1>Start</h1>'],
    ['configurator.html', '<h1>Configurator</h1><!-- widget-picker -->'],
  ]);
  const { pages } = buildSite({ sources, widgets: widgetsFrom(manifest), embedded: new Set() });
  const html = (path) => pages.find((p) => p.path === path).html;
  assert.match(html('configurator.html'), /<link rel="stylesheet" href="\.\/_src\/configurator\.css">/);
  assert.match(html('configurator.html'), /<script type="module" src="\.\/_src\/configurator\/main\.js">/);
  for (const other of ['index.html', 'widgets/fan-poll.html', 'widgets/fan-share.html']) {
    assert.doesNotMatch(html(other), /configurator\.css|configurator\/main\.js/, other);
    assert.match(html(other), /_src\/docs\.css/, other);
  }
});
