// The configurator: a form built from custom-elements.json for the chosen widget, the
// real widget beside it (loaded by the page's fanfare.js, as on a site owner's page), and
// the code to paste. A value is checked twice before it reaches the code: by the checks
// in configurator-logic.js, then by the widget itself, whose one console warning for a
// value it ignores is caught and shown under the field. Everything is built with DOM
// calls: the page runs under Trusted Types.
import data from './widgets.json';
import {
  cssKind,
  choices,
  cssSnippet,
  fieldKind,
  fieldOrder,
  jsonProblem,
  rewardsFrom,
  siteProblem,
  snippet,
  urlOrJsonProblem,
  urlProblem,
  warningReason,
} from './configurator-logic.js';

const $ = (id) => document.getElementById(id);
const optionsBox = $('cfg-options');
const styleBox = $('cfg-style');
const pageBox = $('cfg-page');
const stage = $('preview');
const previewStatus = $('preview-status');
const output = $('snippet');
const cssOutput = $('css-snippet');
const cssWrap = $('css-out');
const copyStatus = $('copy-status');

// Brand names come from the share widget's own messages (via widgets.json); the three
// actions get names that say what they do, for a marketer choosing them.
const NETWORK_NAMES = { native: 'Share sheet', copy: 'Copy link', email: 'Email', ...data.networkNames };

/** Values that start filled in, so the preview shows something real; the note says to replace them. */
const SAMPLES = {
  'fan-buyer-show.src': { value: 'examples/reviews.json', note: "A sample feed from these docs: put your own feed's URL here." },
};

let seq = 0;
const nextId = (name) => `cfg-${name.replace(/[^a-z0-9]+/gi, '-')}-${++seq}`;

/** createElement with attributes and children; strings become text, never markup. */
function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === false || v === undefined || v === null) continue;
    if (k === 'class') el.className = v;
    else if (k === 'text') el.textContent = v;
    else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? '' : v);
  }
  el.append(...children.filter((c) => c !== null && c !== undefined && c !== false));
  return el;
}

/** JSDoc prose with `code` spans, as DOM nodes. */
function rich(text) {
  return String(text ?? '')
    .split('`')
    .map((part, i) => (i % 2 ? h('code', { text: part }) : document.createTextNode(part)));
}

/**
 * One field: its markup and a read() that returns { value (null = leave the attribute out),
 * problem (why the value is not used), note (a neutral hint) }.
 */
function makeField({ name, label, description, control, read, wide = false }) {
  const msgId = nextId(`${name}-msg`);
  const descId = nextId(`${name}-desc`);
  const msg = h('p', { class: 'field-msg', id: msgId, 'aria-live': 'polite' });
  const wrap = h(
    'div',
    { class: `field${wide ? ' field-wide' : ''}` },
    label,
    description ? h('p', { class: 'field-desc', id: descId }, ...rich(description)) : null,
    control,
    msg,
  );
  const inputs = () => wrap.querySelectorAll('input:not([type=checkbox]):not([type=color]), select, textarea');
  for (const input of inputs()) {
    const ids = [description ? descId : '', msgId].filter(Boolean).join(' ');
    input.setAttribute('aria-describedby', ids);
  }
  return {
    name,
    wrap,
    read,
    show(problem, note = '') {
      msg.textContent = problem || note;
      msg.classList.toggle('bad', Boolean(problem));
      wrap.classList.toggle('invalid', Boolean(problem));
      for (const input of inputs()) {
        if (problem) input.setAttribute('aria-invalid', 'true');
        else input.removeAttribute('aria-invalid');
      }
    },
  };
}

function labelFor(id, name, extra) {
  return h('label', { class: 'field-label', for: id }, h('code', { text: name }), extra ? h('span', { text: extra }) : null);
}

function attributeField(widget, attr) {
  const kind = fieldKind(widget.tag, attr);
  const id = nextId(attr.name);
  const def = String(attr.default ?? '').replace(/^'(.*)'$/, '$1');
  const base = { name: attr.name, description: attr.description };
  switch (kind) {
    case 'select': {
      const options = choices(attr);
      const select = h('select', { id }, ...options.map((o) => h('option', { value: o, text: o === def ? `${o} (default)` : o })));
      select.value = options.includes(def) ? def : options[0];
      return makeField({ ...base, label: labelFor(id, attr.name), control: select, read: () => ({ value: select.value === def ? null : select.value }) });
    }
    case 'lang': {
      const select = h(
        'select',
        { id },
        h('option', { value: '', text: "The page's language (default)" }),
        h('option', { value: 'en', text: 'English (en)' }),
        h('option', { value: 'zh-CN', text: '简体中文 (zh-CN)' }),
      );
      return makeField({ ...base, label: labelFor(id, attr.name), control: select, read: () => ({ value: select.value || null }) });
    }
    case 'number': {
      const input = h('input', { id, type: 'number', inputmode: 'numeric', placeholder: def || '' });
      return makeField({
        ...base,
        label: labelFor(id, attr.name),
        control: input,
        read: () => {
          const v = input.value.trim();
          if (!v) return { value: null, problem: input.validity.badInput ? 'Type a number.' : '' };
          return { value: v };
        },
      });
    }
    case 'boolean': {
      const box = h('input', { id, type: 'checkbox' });
      return makeField({ ...base, label: h('label', { class: 'field-check', for: id }, box, h('code', { text: attr.name })), control: null, read: () => ({ value: box.checked ? '' : null }) });
    }
    case 'optional-text': {
      const box = h('input', { id, type: 'checkbox' });
      const input = h('input', { id: `${id}-v`, type: 'text', disabled: true, 'aria-label': `${attr.name} value (optional)`, placeholder: 'optional value' });
      box.addEventListener('change', () => (input.disabled = !box.checked));
      return makeField({
        ...base,
        label: h('label', { class: 'field-check', for: id }, box, h('code', { text: attr.name })),
        control: input,
        read: () => ({ value: box.checked ? input.value.trim() : null }),
      });
    }
    case 'networks':
      return networksField(widget, attr, id);
    case 'rewards':
      return rewardsField(attr, id);
    case 'json':
    case 'url-or-json': {
      const area = h('textarea', { id, rows: 4, spellcheck: 'false', class: 'mono', placeholder: kind === 'json' ? 'JSON' : 'https://… or JSON' });
      const check = kind === 'json' ? jsonProblem : urlOrJsonProblem;
      return makeField({ ...base, label: labelFor(id, attr.name), control: area, wide: true, read: () => ({ value: area.value.trim() || null, problem: check(area.value) }) });
    }
    case 'url': {
      const sample = SAMPLES[`${widget.tag}.${attr.name}`];
      const input = h('input', { id, type: 'text', inputmode: 'url', autocomplete: 'off', spellcheck: 'false', placeholder: 'https://… or /path', value: sample?.value });
      return makeField({
        ...base,
        label: labelFor(id, attr.name),
        control: input,
        read: () => ({
          value: input.value.trim() || null,
          problem: urlProblem(input.value),
          note: sample && input.value.trim() === sample.value ? sample.note : '',
        }),
      });
    }
    default: {
      const input = h('input', { id, type: 'text', autocomplete: 'off' });
      return makeField({ ...base, label: labelFor(id, attr.name), control: input, read: () => ({ value: input.value.trim() || null }) });
    }
  }
}

/** Networks to show, in order: a checkbox each and buttons to move it up or down. */
function networksField(widget, attr, id) {
  const order = [...data.networks];
  const chosen = new Set();
  const list = h('ul', { class: 'net-list', id, 'aria-label': `${attr.name}: check the networks, then order them` });
  const field = makeField({
    name: attr.name,
    description: attr.description,
    label: h('p', { class: 'field-label' }, h('code', { text: attr.name }), h('span', { text: 'in the order shown' })),
    control: list,
    wide: true,
    read: () => {
      const value = order.filter((n) => chosen.has(n));
      return value.length
        ? { value: value.join(' '), note: value.includes('native') ? 'The share sheet (native) appears only where the browser has one, as on most phones.' : '' }
        : { value: null, note: "None checked: the widget shows its default for the page's language." };
    },
  });
  const move = (n, by) => {
    const i = order.indexOf(n);
    const j = i + by;
    if (j < 0 || j >= order.length) return;
    [order[i], order[j]] = [order[j], order[i]];
    render(`${n}:${by < 0 ? 'up' : 'down'}`);
    changed();
  };
  function render(focusKey) {
    // Checked networks first, in their order, so the list reads like the buttons will.
    order.sort((a, b) => Number(chosen.has(b)) - Number(chosen.has(a)));
    list.replaceChildren(
      ...order.map((n, i) => {
        const box = h('input', { type: 'checkbox', id: `${id}-${n}`, value: n });
        box.checked = chosen.has(n);
        box.addEventListener('change', () => {
          if (box.checked) chosen.add(n);
          else chosen.delete(n);
          render(`${n}:box`);
          changed();
        });
        const on = chosen.has(n);
        const last = on && (i === order.length - 1 || !chosen.has(order[i + 1]));
        return h(
          'li',
          { class: on ? 'on' : '' },
          h('label', { for: `${id}-${n}` }, box, h('span', { text: NETWORK_NAMES[n] ?? n }), h('code', { text: n, 'aria-hidden': 'true' })),
          on
            ? h(
                'span',
                { class: 'net-move' },
                h('button', { type: 'button', 'data-key': `${n}:up`, 'aria-label': `Move ${NETWORK_NAMES[n] ?? n} up`, disabled: i === 0, onclick: () => move(n, -1) }, arrow('up')),
                h('button', { type: 'button', 'data-key': `${n}:down`, 'aria-label': `Move ${NETWORK_NAMES[n] ?? n} down`, disabled: last, onclick: () => move(n, 1) }, arrow('down')),
              )
            : null,
        );
      }),
    );
    if (focusKey) {
      const [n, what] = focusKey.split(':');
      const target = what === 'box' ? $(`${id}-${n}`) : list.querySelector(`[data-key="${focusKey}"]`);
      (target && !target.disabled ? target : $(`${id}-${n}`))?.focus();
    }
  }
  render();
  return field;
}

function arrow(dir) {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  const path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
  path.setAttribute('d', dir === 'up' ? 'M6 14l6-6 6 6' : 'M6 10l6 6 6-6');
  svg.append(path);
  return svg;
}

/** 2048 rewards as rows (tile or score, title, optional code) instead of hand-written JSON. */
function rewardsField(attr, id) {
  const rows = [];
  const box = h('div', { class: 'rewards', id });
  const add = h('button', { type: 'button', class: 'cfg-small', text: 'Add a reward' });
  const control = h('div', {}, box, add);
  const field = makeField({
    name: attr.name,
    description: attr.description,
    label: h('p', { class: 'field-label' }, h('code', { text: attr.name })),
    control,
    wide: true,
    read: () => {
      const { value, problems } = rewardsFrom(rows.map((r) => r.read()));
      rows.forEach((r, i) => r.show(problems[i]));
      const codes = rows.some((r) => r.read().code.trim());
      return {
        value: value || null,
        note: codes ? 'Codes written here can be read by anyone in the page’s HTML; for valuable rewards use reward-endpoint.' : '',
      };
    },
  });
  function addRow(initial = {}) {
    const n = ++seq;
    const kind = h('select', { 'aria-label': 'Reached at', id: `${id}-kind-${n}` }, h('option', { value: 'tile', text: 'Tile' }), h('option', { value: 'score', text: 'Score' }));
    kind.value = initial.kind ?? 'tile';
    const amount = h('input', { type: 'number', inputmode: 'numeric', 'aria-label': 'Tile or score', placeholder: '512', id: `${id}-amount-${n}` });
    amount.value = initial.amount ?? '';
    const title = h('input', { type: 'text', 'aria-label': 'Title', placeholder: 'Title, e.g. 10% off', id: `${id}-title-${n}` });
    title.value = initial.title ?? '';
    const code = h('input', { type: 'text', 'aria-label': 'Code (inline mode)', placeholder: 'Code (optional)', id: `${id}-code-${n}` });
    const msg = h('p', { class: 'field-msg bad', 'aria-live': 'polite' });
    const row = h('div', { class: 'reward-row' }, kind, amount, title, code);
    const remove = h('button', { type: 'button', class: 'cfg-icon', 'aria-label': 'Remove this reward', text: '×' });
    row.append(remove);
    const wrap = h('div', {}, row, msg);
    const entry = {
      read: () => ({ kind: kind.value, amount: amount.value, title: title.value, code: code.value }),
      show: (problem) => {
        msg.textContent = problem ?? '';
        for (const input of [amount, title]) {
          if (problem) input.setAttribute('aria-invalid', 'true');
          else input.removeAttribute('aria-invalid');
        }
      },
    };
    remove.addEventListener('click', () => {
      rows.splice(rows.indexOf(entry), 1);
      wrap.remove();
      add.focus();
      changed();
    });
    rows.push(entry);
    box.append(wrap);
    return amount;
  }
  add.addEventListener('click', () => {
    addRow().focus();
    changed();
  });
  return field;
}

/** A --fan-* property: a text box, with a colour picker beside it for colours. */
function cssField(prop) {
  const kind = cssKind(prop);
  const id = nextId(prop.name);
  const input = h('input', { id, type: 'text', autocomplete: 'off', spellcheck: 'false', placeholder: prop.default || (kind === 'color' ? '#c2185b' : kind === 'length' ? '8px' : '') });
  let control = input;
  if (kind === 'color') {
    const picker = h('input', { type: 'color', 'aria-label': `Pick ${prop.name}`, tabindex: '-1' });
    picker.value = /^#[0-9a-f]{6}$/i.test(prop.default ?? '') ? prop.default : '#c2185b';
    picker.addEventListener('input', () => {
      input.value = picker.value;
      changed();
    });
    input.addEventListener('input', () => {
      if (/^#[0-9a-f]{6}$/i.test(input.value.trim())) picker.value = input.value.trim();
    });
    control = h('div', { class: 'color-row' }, picker, input);
  }
  return makeField({
    name: prop.name,
    description: prop.description,
    label: h('label', { class: 'field-label', for: id }, h('code', { text: prop.name })),
    control,
    read: () => {
      const v = input.value.trim();
      if (!v) return { value: null };
      const ok =
        kind === 'color' ? CSS.supports('color', v)
        : kind === 'length' ? CSS.supports('width', v)
        : kind === 'number' ? CSS.supports('aspect-ratio', v)
        : CSS.supports('font-family', v);
      const what = { color: 'a CSS colour, such as #0b6e4f or rgb(11 110 79)', length: 'a CSS length, such as 8px or 0.5rem', number: 'a number, such as 1.25', font: 'a font family list' }[kind];
      return ok ? { value: v } : { value: null, problem: `Not used: expected ${what}.` };
    },
  });
}

/** Settings on the script tag; they change only the code (the docs page has its own script tag). */
function pageFields() {
  const include = h('input', { type: 'checkbox', id: 'cfg-include-script', checked: true });
  const includeField = {
    name: 'include-script',
    wrap: h('div', { class: 'field field-wide' }, h('label', { class: 'field-check', for: 'cfg-include-script' }, include, h('span', { text: 'Include the script tag (once per page is enough)' }))),
    read: () => ({ value: include.checked ? '' : null }),
    show() {},
  };
  const text = (name, label, description, check, value = '') => {
    const id = `cfg-page-${name}`;
    const input = h('input', { id, type: 'text', autocomplete: 'off', spellcheck: 'false', value });
    return makeField({
      name,
      description,
      label: h('label', { class: 'field-label', for: id }, h('span', { text: label })),
      control: input,
      read: () => {
        const v = input.value.trim();
        return { value: v || null, problem: check(v) };
      },
    });
  };
  const choice = (name, label, options, description) => {
    const id = `cfg-page-${name}`;
    const select = h('select', { id }, ...options.map(([v, t]) => h('option', { value: v, text: t })));
    return makeField({ name, description, label: h('label', { class: 'field-label', for: id }, h('span', { text: label })), control: select, read: () => ({ value: select.value || null }) });
  };
  return [
    includeField,
    text('src', 'Where fanfare.js is hosted', 'The URL of fanfare.js in the folder you host.', (v) => (v ? urlProblem(v) : 'Needed: where your pages load fanfare.js from, such as /fanfare/fanfare.js.'), '/fanfare/fanfare.js'),
    text('site', 'Site key (data-site)', 'Your site key on the Fanfare server.', siteProblem),
    text('endpoint', 'Beacon endpoint (data-endpoint)', 'Where the beacon reports; without it nothing is sent.', urlProblem),
    choice('consent', 'Consent (data-consent)', [['', 'granted (default)'], ['pending', 'pending: hold events until granted'], ['denied', 'denied: send nothing']]),
    choice('lang', 'Language for the page (data-lang)', [['', "The page's own language (default)"], ['en', 'English (en)'], ['zh-CN', '简体中文 (zh-CN)']]),
  ];
}

const pageSettings = pageFields();
pageBox.append(...pageSettings.map((f) => f.wrap));

let current;

function selectWidget(tag) {
  const widget = data.widgets.find((w) => w.tag === tag) ?? data.widgets[0];
  const fields = fieldOrder(widget.tag, widget.attributes).map((a) => attributeField(widget, a));
  const own = new Set(widget.cssProperties.map((p) => p.name));
  const shared = data.tokens.filter((t) => !own.has(t.name));
  const first = shared.filter((t) => ['--fan-color-brand', '--fan-radius'].includes(t.name));
  const rest = shared.filter((t) => !first.includes(t));
  const cssFields = [...first.map(cssField), ...widget.cssProperties.map(cssField)];
  const moreFields = rest.map(cssField);

  optionsBox.replaceChildren(h('legend', { text: 'Options' }), ...fields.map((f) => f.wrap));
  styleBox.replaceChildren(
    h('legend', { text: 'Colours and shape' }),
    ...cssFields.map((f) => f.wrap),
    moreFields.length ? h('details', { class: 'cfg-more' }, h('summary', { text: 'More theme properties' }), ...moreFields.map((f) => f.wrap)) : null,
  );

  const el = document.createElement(widget.tag);
  // Start with what the form already holds (a sample feed), so the widget never first
  // renders without it; update() sets each again once defined, to hear any warning.
  for (const field of fields) {
    const read = field.read();
    if (read.value !== null && !read.problem) el.setAttribute(field.name, read.value);
  }
  stage.replaceChildren(el);
  previewStatus.textContent = widget.live ? 'Loading…' : 'No live preview';
  previewStatus.dataset.state = widget.live ? 'loading' : 'off';
  if (!widget.live) {
    stage.append(h('p', { class: 'cfg-off', text: `This build's fanfare.js does not include <${widget.tag}> yet; the code below is still right.` }));
  }
  const ready = widget.live
    ? customElements.whenDefined(widget.tag).then(() => {
        if (current?.el !== el) return;
        previewStatus.textContent = 'Live';
        previewStatus.dataset.state = 'live';
      })
    : Promise.resolve();
  current = { widget, fields, css: [...cssFields, ...moreFields], el, ready, applied: new Map() };
  if (location.hash.slice(1) !== widget.tag) history.replaceState(null, '', `#${widget.tag}`);
  changed();
}

/** Set or remove one attribute on the preview, returning the warnings the widget logged meanwhile. */
function applyAttribute(el, name, value) {
  const warnings = [];
  const original = console.warn;
  console.warn = (...args) => warnings.push(args.map(String).join(' '));
  try {
    if (value === null) el.removeAttribute(name);
    else el.setAttribute(name, value);
  } finally {
    console.warn = original;
  }
  return warnings;
}

let pending = Promise.resolve();
function changed() {
  pending = pending.then(update, update);
}

async function update() {
  const state = current;
  await state.ready;
  if (state !== current) return;
  const { widget, el } = state;
  const attrs = [];
  for (const field of state.fields) {
    const read = field.read();
    let problem = read.problem ?? '';
    if (widget.live) {
      const key = `${read.value}`;
      const last = state.applied.get(field.name);
      if (problem) {
        applyAttribute(el, field.name, null);
        state.applied.delete(field.name);
      } else if (last && last.key === key) {
        problem = last.problem;
      } else {
        const reason = applyAttribute(el, field.name, read.value).map(warningReason).find(Boolean);
        if (reason) {
          problem = `The widget ignores this value: ${reason}.`;
          applyAttribute(el, field.name, null);
        }
        state.applied.set(field.name, { key, problem });
      }
    }
    field.show(problem, read.note);
    if (!problem && read.value !== null) attrs.push([field.name, read.value]);
  }

  const css = [];
  for (const field of state.css) {
    const read = field.read();
    field.show(read.problem ?? '', read.note);
    if (read.value !== null && !read.problem) {
      css.push([field.name, read.value]);
      el.style.setProperty(field.name, read.value);
    } else {
      el.style.removeProperty(field.name);
    }
  }

  const page = Object.fromEntries(
    pageSettings.map((f) => {
      const read = f.read();
      f.show(read.problem ?? '', read.note);
      return [f.name, read.problem ? null : read.value];
    }),
  );
  // The page-wide language reaches the preview the way a closest [lang] would.
  if (page.lang) stage.setAttribute('lang', page.lang);
  else stage.removeAttribute('lang');
  const script =
    page['include-script'] !== null && page.src
      ? { src: page.src, data: ['site', 'endpoint', 'consent', 'lang'].filter((k) => page[k]).map((k) => [k, page[k]]) }
      : undefined;
  output.value = snippet({ tag: widget.tag, attrs, script });
  const cssText = cssSnippet(widget.tag, css);
  cssOutput.value = cssText;
  cssWrap.hidden = !cssText;
}

async function copy(text, what) {
  try {
    await navigator.clipboard.writeText(text);
    copyStatus.textContent = `${what} copied. Paste it into your page.`;
  } catch {
    getSelection()?.selectAllChildren(what === 'CSS' ? cssOutput : output);
    copyStatus.textContent = 'Your browser blocked the clipboard: the code is selected, press Ctrl+C (⌘C on a Mac).';
  }
}

$('copy-html').addEventListener('click', () => copy(output.value, 'HTML'));
$('copy-css').addEventListener('click', () => copy(cssOutput.value, 'CSS'));
const form = $('cfg-form');
form.addEventListener('input', changed);
form.addEventListener('change', changed);
form.addEventListener('submit', (e) => e.preventDefault());
for (const radio of document.querySelectorAll('input[name="widget"]')) {
  radio.addEventListener('change', () => radio.checked && selectWidget(radio.value));
}
const fromHash = data.widgets.find((w) => w.tag === location.hash.slice(1));
const initial = fromHash?.tag ?? document.querySelector('input[name="widget"]:checked')?.value ?? data.widgets[0]?.tag;
const radio = document.querySelector(`input[name="widget"][value="${initial}"]`);
if (radio) radio.checked = true;
selectWidget(initial);
// The form and preview are shown once both are built and the widget has drawn itself,
// so the first paint does not move anything that is already visible.
pending
  .then(() => current.ready)
  .then(() => current.el.updateComplete)
  .finally(() => $('configurator').classList.add('ready'));
