// The configurator's pure half: controls chosen from the manifest, the checks on what a
// marketer types, and the code it writes (which must read back as exactly the values set).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  choices,
  cssKind,
  cssSnippet,
  fieldKind,
  fieldOrder,
  jsonProblem,
  quoteAttr,
  rewardsFrom,
  siteProblem,
  snippet,
  urlOrJsonProblem,
  urlProblem,
  warningReason,
} from '../src/configurator-logic.js';

test('each attribute gets the control its type calls for', () => {
  const cases = [
    ['fan-share', { name: 'networks', type: 'Network[]' }, 'networks'],
    ['fan-2048', { name: 'share', type: 'string' }, 'networks'],
    ['fan-2048', { name: 'rewards', type: 'Reward[]' }, 'rewards'],
    ['fan-card-maker', { name: 'templates', type: 'string' }, 'url-or-json'],
    ['fan-share', { name: 'layout', type: "'row' | 'column' | 'floating'" }, 'select'],
    ['fan-2048', { name: 'size', type: 'number' }, 'number'],
    ['fan-buyer-show', { name: 'filter', type: 'Filter', default: "'all'", description: '`all`, `photos` (with photos) or `5`.' }, 'select'],
    ['fan-x', { name: 'muted', type: 'boolean' }, 'boolean'],
    ['fan-buyer-show', { name: 'seo', type: 'string | null' }, 'optional-text'],
    ['fan-2048', { name: 'skin', type: 'Skin', description: 'JSON object: tile value → …' }, 'json'],
    ['fan-share', { name: 'url', type: 'string' }, 'url'],
    ['fan-buyer-show', { name: 'src', type: 'string', description: 'URL of the JSON feed.' }, 'url'],
    ['fan-2048', { name: 'reward-endpoint', type: 'string' }, 'url'],
    ['fan-card-maker', { name: 'logo', type: 'string' }, 'url'],
    ['fan-share', { name: 'utm', type: 'string' }, 'text'],
    ['fan-share', { name: 'lang' }, 'lang'],
  ];
  for (const [tag, attr, kind] of cases) assert.equal(fieldKind(tag, attr), kind, `${tag} ${attr.name}`);
});

test('select options come from a union type, or from the values a named type\'s description lists', () => {
  assert.deepEqual(choices({ type: "'s' | 'm' | 'l'" }), ['s', 'm', 'l']);
  assert.deepEqual(choices({ type: 'Filter', default: "'all'", description: 'Which: `all`, `photos` (with photos) or `5`.' }), ['all', 'photos', '5']);
  assert.equal(choices({ type: 'Skin', default: '{}', description: 'JSON object: `{label}`, `{image}`.' }), null);
  assert.equal(choices({ type: 'Mode', default: "'x'", description: 'Either `a` or `b`.' }), null, 'the default must be listed');
  assert.equal(choices({ type: 'string', default: "''" }), null);
});

test('the main choices come first and lang last', () => {
  const attrs = ['url', 'title', 'networks', 'layout', 'lang', 'utm', 'extra'].map((name) => ({ name }));
  assert.deepEqual(
    fieldOrder('fan-share', attrs).map((a) => a.name),
    ['networks', 'layout', 'utm', 'url', 'title', 'extra', 'lang'],
  );
  assert.deepEqual(fieldOrder('fan-new', attrs.slice(0, 3)).map((a) => a.name), ['url', 'title', 'networks']);
});

test('URLs: http, https and relative pass; anything else is explained', () => {
  for (const ok of ['', 'https://shop.example/p?x=1', 'http://a.example', '/img/logo.png', 'feed.json', '../x']) {
    assert.equal(urlProblem(ok), '', ok);
  }
  for (const [bad, reason] of [
    ['javascript:alert(1)', /Only http:, https: or relative URLs are allowed, not javascript:/],
    ['data:image/png;base64,AAA', /not data:/],
    ['https://shop.example/a b', /cannot contain spaces/],
    ['http://[::1', /not a URL/],
  ]) {
    assert.match(urlProblem(bad), reason, bad);
  }
});

test('JSON and URL-or-JSON values', () => {
  assert.equal(jsonProblem('{"2": {"label": "Seed"}}'), '');
  assert.equal(jsonProblem(''), '');
  assert.match(jsonProblem('{"2": '), /not valid JSON/);
  assert.equal(urlOrJsonProblem('/cards/templates.json'), '');
  assert.equal(urlOrJsonProblem('[{"id": "a"}]'), '');
  assert.match(urlOrJsonProblem('[{"id": }]'), /not valid JSON/);
  assert.match(urlOrJsonProblem('ftp://x.example/t.json'), /not ftp:/);
});

test('reward rows become the rewards attribute; each bad row says why and is left out', () => {
  const rows = [
    { kind: 'tile', amount: '512', title: '10% off', code: 'SPRING10' },
    { kind: 'score', amount: '5000', title: 'Free delivery', code: '' },
    { kind: 'tile', amount: '100', title: 'Nope', code: '' },
    { kind: 'score', amount: '-3', title: 'Nope', code: '' },
    { kind: 'tile', amount: '2', title: 'Nope', code: '' },
    { kind: 'tile', amount: '64', title: ' ', code: '' },
    { kind: 'tile', amount: '', title: '', code: '' },
  ];
  const { value, problems } = rewardsFrom(rows);
  assert.deepEqual(JSON.parse(value), [
    { tile: 512, title: '10% off', code: 'SPRING10' },
    { score: 5000, title: 'Free delivery' },
  ]);
  assert.equal(problems[0], '');
  assert.equal(problems[1], '');
  assert.match(problems[2], /power of two above 2/);
  assert.match(problems[3], /whole number above 0/);
  assert.match(problems[4], /power of two above 2/);
  assert.match(problems[5], /title/);
  assert.equal(problems[6], '', 'an empty row is skipped quietly');
  assert.equal(rewardsFrom([]).value, '');
});

test("the reason in a widget's warning is read back for the form", () => {
  assert.equal(
    warningReason('<fan-2048> ignored size="9": expected a whole number from 3 to 6. Keeping the default.'),
    'expected a whole number from 3 to 6',
  );
  assert.equal(
    warningReason('<fan-share#main> ignored networks="foo": unknown: foo. Keeping the default.'),
    'unknown: foo',
  );
  assert.equal(
    warningReason('<fan-share> ignored networks="x twiter": skipped unknown twiter. Keeping x.'),
    'skipped unknown twiter',
  );
  assert.equal(warningReason('Something else entirely'), '');
});

test('site keys follow the server’s rule', () => {
  assert.equal(siteProblem('bloom-shop_2'), '');
  assert.equal(siteProblem(''), '');
  assert.match(siteProblem('bloom shop'), /Letters, digits/);
  assert.match(siteProblem('-bloom'), /starting with a letter or digit/);
});

test('CSS properties are recognised as colours, lengths, numbers or fonts', () => {
  const cases = [
    [{ name: '--fan-color-brand' }, 'color'],
    [{ name: '--fan-share-button-bg', description: 'One background for every button' }, 'color'],
    [{ name: '--fan-2048-board', description: 'Board background.' }, 'color'],
    [{ name: '--fan-share-gap', description: 'Space between buttons (8px).' }, 'length'],
    [{ name: '--fan-radius' }, 'length'],
    [{ name: '--fan-buyer-show-photo-ratio', description: 'Photo height over width' }, 'number'],
    [{ name: '--fan-font' }, 'font'],
  ];
  for (const [prop, kind] of cases) assert.equal(cssKind(prop), kind, prop.name);
});

/** Read an attribute value back the way an HTML parser does, for the quoting forms quoteAttr writes. */
function parseBack(quoted) {
  const inner = quoted.slice(1, -1);
  return inner.replaceAll('&quot;', '"').replaceAll('&amp;', '&');
}

test('attribute values are quoted so the page reads back exactly what was set', () => {
  for (const value of ['plain', 'Petal & Stem', '[{"tile": 512, "title": "10% off"}]', `it's "quoted"`, '&amp; literally', '']) {
    const quoted = quoteAttr(value);
    assert.equal(parseBack(quoted), value, quoted);
  }
  assert.equal(quoteAttr('[{"tile": 8}]'), `'[{"tile": 8}]'`, 'JSON reads best in single quotes');
});

test('the snippet: script tag with its data-* settings, then the widget; long tags wrap', () => {
  assert.equal(
    snippet({ tag: 'fan-share', attrs: [['networks', 'weibo x copy']], script: { src: '/fanfare/fanfare.js', data: [['site', 'bloom']] } }),
    '<script type="module" src="/fanfare/fanfare.js" data-site="bloom"></script>\n<fan-share networks="weibo x copy"></fan-share>',
  );
  assert.equal(snippet({ tag: 'fan-x', attrs: [['autoplay', ''], ['seo', '']] }), '<fan-x autoplay seo></fan-x>');
  const long = snippet({ tag: 'fan-2048', attrs: [['campaign', 'spring'], ['rewards', '[{"tile": 512, "title": "10% off", "code": "SPRING10"}]']] });
  assert.equal(long, `<fan-2048\n  campaign="spring"\n  rewards='[{"tile": 512, "title": "10% off", "code": "SPRING10"}]'></fan-2048>`);
  assert.equal(cssSnippet('fan-share', []), '');
  assert.equal(cssSnippet('fan-share', [['--fan-color-brand', '#0b6e4f']]), 'fan-share {\n  --fan-color-brand: #0b6e4f;\n}');
});
