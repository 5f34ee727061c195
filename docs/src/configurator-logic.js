// The configurator's pure half: which control an attribute gets, the checks a marketer's
// input goes through before it reaches the widget, and the code it writes. No DOM here,
// so node tests can cover it (docs/test/configurator-logic.test.mjs). The site-key rule
// is core's own (@fanfare/core/site-key, pure), so the docs cannot disagree with the server.
import { parseSiteKey } from '@fanfare/core/site-key';

/** Controls that need more than the attribute's type to choose. */
const SPECIAL = {
  'fan-share.networks': 'networks',
  'fan-2048.share': 'networks',
  'fan-2048.rewards': 'rewards',
  'fan-card-maker.templates': 'url-or-json',
};

/** The order a marketer thinks in: the main choices first; the rest as the manifest lists them, `lang` last. */
const FIRST = {
  'fan-share': ['networks', 'layout', 'variant', 'size', 'utm'],
  'fan-2048': ['campaign', 'size', 'rewards', 'reward-endpoint'],
  'fan-card-maker': ['templates', 'brand-text', 'logo', 'link'],
  'fan-buyer-show': ['src', 'filter', 'autoplay'],
};

export function fieldOrder(tag, attributes) {
  const first = FIRST[tag] ?? [];
  const rank = (a) => (a.name === 'lang' ? 1e4 : first.includes(a.name) ? first.indexOf(a.name) : 100 + attributes.indexOf(a));
  return [...attributes].sort((a, b) => rank(a) - rank(b));
}

/** The string literals of a union type such as `'row' | 'column'`, or null. */
export function literalUnion(type) {
  const parts = String(type).split('|').map((s) => s.trim());
  return parts.length && parts.every((p) => /^'[^']*'$/.test(p)) ? parts.map((p) => p.slice(1, -1)) : null;
}

/**
 * The values a select offers: the literals of a union type, else, for a named type the
 * manifest cannot expand (`Filter`), the `code` values its description lists, when the
 * default is one of them.
 */
export function choices(attr) {
  const union = literalUnion(attr.type ?? '');
  if (union) return union;
  if (!/^[A-Z]\w*$/.test(String(attr.type)) || /\bJSON\b/.test(attr.description ?? '')) return null;
  const listed = [...String(attr.description ?? '').matchAll(/`([^`\s]+)`/g)].map((m) => m[1]);
  const def = String(attr.default ?? '').replace(/^'(.*)'$/, '$1');
  return listed.length > 1 && listed.includes(def) ? [...new Set(listed)] : null;
}

/** The control for one attribute from custom-elements.json. */
export function fieldKind(tag, attr) {
  const special = SPECIAL[`${tag}.${attr.name}`];
  if (special) return special;
  if (attr.name === 'lang') return 'lang';
  if (choices(attr)) return 'select';
  const type = String(attr.type).replace(/\s/g, '');
  if (type === 'number') return 'number';
  if (type === 'boolean') return 'boolean';
  if (type === 'string|null' || type === 'null|string') return 'optional-text';
  if (/(^|-)(url|src|href|endpoint|logo|image|link)$/.test(attr.name)) return 'url';
  if (/\bJSON\b/.test(attr.description ?? '') || /\[\]$/.test(type) || /^[A-Z]/.test(type)) return 'json';
  return 'text';
}

/** Why a URL cannot reach a widget's href or src (http, https or relative only), or ''. */
export function urlProblem(raw) {
  const s = raw.trim();
  if (!s) return '';
  if (/[\u0000-\u001f\u007f\s]/.test(s)) return 'A URL cannot contain spaces.';
  let url;
  try {
    url = new URL(s, 'https://your-site.example/page/');
  } catch {
    return 'This is not a URL.';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return `Only http:, https: or relative URLs are allowed, not ${url.protocol}`;
  }
  return '';
}

export function jsonProblem(raw) {
  if (!raw.trim()) return '';
  try {
    JSON.parse(raw);
    return '';
  } catch (e) {
    return `This is not valid JSON (${String(e.message).replace(/^JSON\.parse: /, '').replace(/\.$/, '')}).`;
  }
}

/** A value that is either a URL or JSON (card templates). */
export function urlOrJsonProblem(raw) {
  const s = raw.trim();
  return /^[[{]/.test(s) ? jsonProblem(s) : urlProblem(s);
}

const isPow2 = (n) => Number.isInteger(n) && n > 2 && (n & (n - 1)) === 0;

/**
 * Reward rows from the form → the `rewards` attribute, and one problem per row ('' when fine).
 * Rows left completely empty are skipped.
 */
export function rewardsFrom(rows) {
  const problems = [];
  const rewards = [];
  for (const row of rows) {
    const title = row.title.trim();
    const code = row.code.trim();
    const amount = row.amount.trim();
    if (!title && !amount && !code) {
      problems.push('');
      continue;
    }
    const n = Number(amount);
    let problem = '';
    if (row.kind === 'tile' && !isPow2(n)) problem = 'A tile is a power of two above 2: 4, 8, 16, … 2048.';
    else if (row.kind === 'score' && !(Number.isInteger(n) && n > 0)) problem = 'A score is a whole number above 0.';
    else if (!title) problem = 'Give the reward a title: the fan sees it.';
    else if (title.length > 200 || code.length > 200) problem = 'Titles and codes are at most 200 characters.';
    problems.push(problem);
    if (!problem) rewards.push({ [row.kind]: n, title, ...(code ? { code } : {}) });
  }
  return { value: rewards.length ? JSON.stringify(rewards) : '', problems };
}

/**
 * What the widget makes of a value, from core's `checkAttribute()` (the parser its
 * converter runs, without a console warning), as the line shown under the field, or ''
 * when the widget takes it whole. A list with unknown names is refused here even though
 * the widget would keep the known ones: the code must not carry names it ignores.
 * Any partly good value (a list with unknown names, 2048 rewards with a broken entry)
 * says what the widget skips and what it keeps.
 * @param {{ ok: true, value: unknown, partial?: { skipped: string, keeping: string } } | { ok: false, reason: string }} checked
 */
export function refusal(checked) {
  if (!checked.ok) return `The widget ignores this value: ${checked.reason}.`;
  if (checked.partial) {
    const kept = Array.isArray(checked.value) && checked.value.every((v) => typeof v === 'string') ? checked.value.join(' ') : checked.partial.keeping;
    return `The widget skips ${checked.partial.skipped} and keeps only ${kept}.`;
  }
  return '';
}

/** Site keys: core's one rule, the one the page's configure() and the server apply. */
export function siteProblem(raw) {
  if (!raw.trim()) return '';
  const parsed = parseSiteKey(raw);
  return parsed.ok ? '' : `Not a site key the server accepts: ${parsed.reason}.`;
}

/** Which kind of value a --fan-* custom property takes, from its name and description. */
export function cssKind(prop) {
  const text = `${prop.name} ${prop.description ?? ''}`.toLowerCase();
  if (/colou?r|-bg\b|background|-board\b|-cell\b/.test(text) && !/gap|radius|width|ratio/.test(prop.name)) return 'color';
  if (/ratio/.test(prop.name)) return 'number';
  if (/font/.test(prop.name)) return 'font';
  return 'length';
}

/** Quote an attribute value so the browser reads back exactly `value`. */
export function quoteAttr(value) {
  const amp = value.replaceAll('&', '&amp;');
  if (amp.includes('"') && !amp.includes("'")) return `'${amp}'`;
  return `"${amp.replaceAll('"', '&quot;')}"`;
}

/** One tag with its attributes; on several lines when one would be long. */
export function tagHtml(tag, attrs, { close = true } = {}) {
  const parts = attrs.map(([name, value]) => (value === '' ? name : `${name}=${quoteAttr(value)}`));
  const end = close ? `></${tag}>` : '>';
  const oneLine = `<${tag}${parts.map((p) => ` ${p}`).join('')}${end}`;
  if (oneLine.length <= 90 && !parts.some((p) => p.includes('\n'))) return oneLine;
  return `<${tag}\n${parts.map((p) => `  ${p}`).join('\n')}${end}`;
}

/**
 * The code to paste: the stylesheet and the script tag (when wanted), then the widget's tag.
 * The stylesheet (fanfare.css, beside fanfare.js) reserves each widget's size before the
 * first paint, so nothing on the page moves when it renders.
 * @param {{ tag: string, attrs: [string, string][], script?: { src: string, data: [string, string][] } }} o
 */
export function snippet({ tag, attrs, script }) {
  const lines = [];
  if (script) {
    lines.push(tagHtml('link', [['rel', 'stylesheet'], ['href', script.src.replace(/[^/]*$/, 'fanfare.css')]], { close: false }));
    lines.push(
      `${tagHtml('script', [['type', 'module'], ['src', script.src], ...script.data.map(([k, v]) => [`data-${k}`, v])], { close: false })}</script>`,
    );
  }
  lines.push(tagHtml(tag, attrs));
  return lines.join('\n');
}

export function cssSnippet(tag, props) {
  if (!props.length) return '';
  return `${tag} {\n${props.map(([name, value]) => `  ${name}: ${value};`).join('\n')}\n}`;
}
