// The form's fields. Each attribute gets the builder its kind names (configurator-logic.js
// chooses the kind from the manifest, or from `tag.attr` for the few that need more than a
// type, as SAMPLES below is keyed); a --fan-* property gets a text box, with a colour picker
// for colours; the page settings describe the script tag. A field that changes without a
// native input event (a reordered network, a removed reward) sends a bubbling `change`,
// so the form hears every change in one place.
import data from '../widgets.json';
import { cssKind, choices, fieldKind, jsonProblem, rewardsFrom, siteProblem, urlOrJsonProblem, urlProblem } from '../configurator-logic.js';
import { $, arrow, h, labelFor, makeField, nextId } from './dom.js';

// Brand names come from the share widget's own messages (via widgets.json); the three
// actions get names that say what they do, for a marketer choosing them.
const NETWORK_NAMES = { native: 'Share sheet', copy: 'Copy link', email: 'Email', ...data.networkNames };

/** Values that start filled in, so the preview shows something real; the note says to replace them. */
const SAMPLES = {
  'fan-buyer-show.src': { value: 'examples/reviews.json', note: "A sample feed from these docs: put your own feed's URL here." },
};

const announce = (el) => el.dispatchEvent(new Event('change', { bubbles: true }));
const unquote = (value) => String(value ?? '').replace(/^'(.*)'$/, '$1');

/** The language choice; the Chinese option is marked as Chinese, so a screen reader says it in Chinese. */
function langOptions(defaultLabel) {
  return [
    h('option', { value: '', text: defaultLabel }),
    h('option', { value: 'en', text: 'English (en)' }),
    h('option', { value: 'zh-CN', lang: 'zh-CN', text: '简体中文 (zh-CN)' }),
  ];
}

/** One builder per kind: ({ widget, attr, id, base, def }) → field. */
const BUILDERS = {
  select({ attr, id, base, def }) {
    const options = choices(attr);
    const select = h('select', { id }, ...options.map((o) => h('option', { value: o, text: o === def ? `${o} (default)` : o })));
    select.value = options.includes(def) ? def : options[0];
    return makeField({ ...base, label: labelFor(id, attr.name), control: select, read: () => ({ value: select.value === def ? null : select.value }) });
  },
  lang({ attr, id, base }) {
    const select = h('select', { id }, ...langOptions("The page's language (default)"));
    return makeField({ ...base, label: labelFor(id, attr.name), control: select, read: () => ({ value: select.value || null }) });
  },
  number({ attr, id, base, def }) {
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
  },
  boolean({ attr, id, base }) {
    const box = h('input', { id, type: 'checkbox' });
    return makeField({ ...base, label: h('label', { class: 'field-check', for: id }, box, h('code', { text: attr.name })), control: null, read: () => ({ value: box.checked ? '' : null }) });
  },
  'optional-text'({ attr, id, base }) {
    const box = h('input', { id, type: 'checkbox' });
    const input = h('input', { id: `${id}-v`, type: 'text', disabled: true, 'aria-label': `${attr.name} value (optional)`, placeholder: 'optional value' });
    box.addEventListener('change', () => (input.disabled = !box.checked));
    return makeField({
      ...base,
      label: h('label', { class: 'field-check', for: id }, box, h('code', { text: attr.name })),
      control: input,
      read: () => ({ value: box.checked ? input.value.trim() : null }),
    });
  },
  networks: networksField,
  rewards: rewardsField,
  json: jsonField,
  'url-or-json': jsonField,
  url({ widget, attr, id, base }) {
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
  },
  text({ attr, id, base }) {
    const input = h('input', { id, type: 'text', autocomplete: 'off' });
    return makeField({ ...base, label: labelFor(id, attr.name), control: input, read: () => ({ value: input.value.trim() || null }) });
  },
};

/** The field for one attribute from custom-elements.json. */
export function attributeField(widget, attr) {
  const kind = fieldKind(widget.tag, attr);
  const build = BUILDERS[kind] ?? BUILDERS.text;
  return build({ widget, attr, kind, id: nextId(attr.name), base: { name: attr.name, description: attr.description }, def: unquote(attr.default) });
}

function jsonField({ attr, id, base, kind }) {
  const area = h('textarea', { id, rows: 4, spellcheck: 'false', class: 'mono', placeholder: kind === 'json' ? 'JSON' : 'https://… or JSON' });
  const check = kind === 'json' ? jsonProblem : urlOrJsonProblem;
  return makeField({ ...base, label: labelFor(id, attr.name), control: area, wide: true, read: () => ({ value: area.value.trim() || null, problem: check(area.value) }) });
}

/** Networks to show, in order: a checkbox each and buttons to move it up or down. */
function networksField({ attr, id }) {
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
    announce(list);
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
          announce(list);
        });
        const on = chosen.has(n);
        const last = on && (i === order.length - 1 || !chosen.has(order[i + 1]));
        const name = NETWORK_NAMES[n] ?? n;
        return h(
          'li',
          { class: on ? 'on' : '' },
          h('label', { for: `${id}-${n}` }, box, h('span', { text: name }), h('code', { text: n, 'aria-hidden': 'true' })),
          on
            ? h(
                'span',
                { class: 'net-move' },
                h('button', { type: 'button', 'data-key': `${n}:up`, 'aria-label': `Move ${name} up`, disabled: i === 0, onclick: () => move(n, -1) }, arrow('up')),
                h('button', { type: 'button', 'data-key': `${n}:down`, 'aria-label': `Move ${name} down`, disabled: last, onclick: () => move(n, 1) }, arrow('down')),
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

/** 2048 rewards as rows (tile or score, title, optional code) instead of hand-written JSON. */
function rewardsField({ attr, id }) {
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
    const n = nextId('reward');
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
      announce(box);
    });
    rows.push(entry);
    box.append(wrap);
    return amount;
  }
  add.addEventListener('click', () => {
    addRow().focus();
    announce(box);
  });
  return field;
}

/** `#fff` → `#ffffff`: a colour input takes only the six-digit form. */
function sixDigitHex(value) {
  const v = String(value ?? '').trim();
  if (/^#[0-9a-f]{6}$/i.test(v)) return v.toLowerCase();
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(v);
  return short ? `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`.toLowerCase() : '';
}

/**
 * A --fan-* property: a text box, with a colour picker beside it for colours. Its
 * placeholder and the picker's swatch show the property's real default (from the widget's
 * styles); a property with no single default shows none rather than a made-up one.
 */
export function cssField(prop) {
  const kind = cssKind(prop);
  const id = nextId(prop.name);
  const input = h('input', { id, type: 'text', autocomplete: 'off', spellcheck: 'false', placeholder: prop.default || '' });
  let control = input;
  if (kind === 'color') {
    const picker = h('input', { type: 'color', 'aria-label': `Pick ${prop.name}`, tabindex: '-1' });
    // A colour input always shows some colour; with no single default, black says "none set" best.
    picker.value = sixDigitHex(prop.default) || '#000000';
    picker.addEventListener('input', () => {
      input.value = picker.value;
    });
    input.addEventListener('input', () => {
      const hex = sixDigitHex(input.value);
      if (hex) picker.value = hex;
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
export function pageFields() {
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
  const choice = (name, label, options) => {
    const id = `cfg-page-${name}`;
    const select = h('select', { id }, ...options);
    return makeField({ name, label: h('label', { class: 'field-label', for: id }, h('span', { text: label })), control: select, read: () => ({ value: select.value || null }) });
  };
  const option = ([value, text]) => h('option', { value, text });
  return [
    includeField,
    text('src', 'Where fanfare.js is hosted', 'The URL of fanfare.js in the folder you host.', (v) => (v ? urlProblem(v) : 'Needed: where your pages load fanfare.js from, such as /fanfare/fanfare.js.'), '/fanfare/fanfare.js'),
    text('site', 'Site key (data-site)', 'Your site key on the Fanfare server.', siteProblem),
    text('endpoint', 'Beacon endpoint (data-endpoint)', 'Where the beacon reports; without it nothing is sent.', urlProblem),
    choice('consent', 'Consent (data-consent)', [['', 'granted (default)'], ['pending', 'pending: hold events until granted'], ['denied', 'denied: send nothing']].map(option)),
    choice('lang', 'Language for the page (data-lang)', langOptions("The page's own language (default)")),
  ];
}
