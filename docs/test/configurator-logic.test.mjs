// The configurator's pure half: controls chosen from the manifest, the checks on what a
// marketer types, and the code it writes (which must read back as exactly the values set).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { intIn, listOf, oneOf, url } from '@fanfare/core';
import { checkAttribute } from '@fanfare/core/check';
import { SITE_KEY, SITE_KEY_RULE } from '@fanfare/core/site-key';
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
  refusal,
  urlProblem,
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

/**
 * A stand-in widget in a stand-in registry: what checkAttribute() reads of a Lit element
 * (its elementProperties, with core's real converters), so core's own parsers decide.
 */
function registerStandIn() {
  class StandIn {
    static elementProperties = new Map([
      ['size', { converter: oneOf(['s', 'm', 'l'], 'm') }],
      ['networks', { converter: listOf(['x', 'weibo', 'copy'], []) }],
      ['url', { converter: url() }],
      ['boardSize', { attribute: 'board-size', converter: intIn(3, 6, 4) }],
      ['copied', { state: true }],
    ]);
  }
  const defined = new Map([['fan-stand-in', StandIn]]);
  globalThis.customElements = { get: (tag) => defined.get(tag) };
  globalThis.document = { baseURI: 'https://shop.example/page/' };
}

test("the widget's refusals come from core's check, never from a warning's wording", () => {
  registerStandIn();
  const warned = [];
  const original = console.warn;
  // Any warning, in any wording, is only noted: nothing below may depend on one.
  console.warn = (...args) => warned.push(args.map(String).join(' ').split('').reverse().join(''));
  try {
    const check = (name, value) => refusal(checkAttribute('fan-stand-in', name, value));
    assert.equal(check('size', 'l'), '');
    assert.equal(check('board-size', '5'), '');
    assert.equal(check('size', 'xl'), 'The widget ignores this value: expected one of s, m, l.');
    assert.match(check('board-size', '9'), /ignores this value: expected a whole number from 3 to 6/);
    // Unknown networks: the known ones the widget would keep are named.
    assert.equal(check('networks', 'x twiter copy'), 'The widget skips unknown twiter and keeps only x copy.');
    assert.match(check('networks', 'twiter'), /ignores this value: unknown: twiter/);
    assert.equal(check('url', '/spring?ref=1'), '');
    assert.match(check('url', 'javascript:alert(1)'), /ignores this value: only http:, https: or relative URLs are allowed/);
    assert.match(check('url', 'https://shop.example/a b'), /ignores this value: not a valid URL/);
    // Internal state is no attribute; an attribute the widget lacks is said so.
    assert.match(check('copied', ''), /has no attribute copied/);
    assert.equal(check('lang', 'zh-CN'), '');
    assert.deepEqual(warned, [], 'checking a value logs nothing');
  } finally {
    console.warn = original;
  }
});

test('site keys follow core’s one rule, the one the server applies', () => {
  for (const ok of ['bloom-shop_2', 'b', 'x'.repeat(64), '', '  bloom  ']) assert.equal(siteProblem(ok), '', ok);
  // bloom.shop passed here while the server refused it (and the beacon dropped its events).
  for (const bad of ['bloom.shop', 'bloom shop', '-bloom', 'x'.repeat(65)]) {
    assert.equal(SITE_KEY.test(bad.trim()), false, bad);
    assert.ok(siteProblem(bad).includes(SITE_KEY_RULE), bad);
  }
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

test('the snippet: the stylesheet beside the script, the script tag with its data-* settings, then the widget; long tags wrap', () => {
  assert.equal(
    snippet({ tag: 'fan-share', attrs: [['networks', 'weibo x copy']], script: { src: '/fanfare/fanfare.js', data: [['site', 'bloom']] } }),
    '<link rel="stylesheet" href="/fanfare/fanfare.css">\n<script type="module" src="/fanfare/fanfare.js" data-site="bloom"></script>\n<fan-share networks="weibo x copy"></fan-share>',
  );
  assert.match(snippet({ tag: 'fan-x', attrs: [], script: { src: 'https://cdn.example/v2/fanfare.js?x=1&y=2', data: [] } }), /^<link rel="stylesheet" href="https:\/\/cdn\.example\/v2\/fanfare\.css">/);
  assert.equal(snippet({ tag: 'fan-x', attrs: [['autoplay', ''], ['seo', '']] }), '<fan-x autoplay seo></fan-x>');
  const long = snippet({ tag: 'fan-2048', attrs: [['campaign', 'spring'], ['rewards', '[{"tile": 512, "title": "10% off", "code": "SPRING10"}]']] });
  assert.equal(long, `<fan-2048\n  campaign="spring"\n  rewards='[{"tile": 512, "title": "10% off", "code": "SPRING10"}]'></fan-2048>`);
  assert.equal(cssSnippet('fan-share', []), '');
  assert.equal(cssSnippet('fan-share', [['--fan-color-brand', '#0b6e4f']]), 'fan-share {\n  --fan-color-brand: #0b6e4f;\n}');
});
