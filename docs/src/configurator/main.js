// The configurator page: a form built from custom-elements.json for the chosen widget,
// the real widget beside it, and the code to paste. This file wires the page together:
// the widget choice, the form's groups, the preview and the copy buttons.
// dom.js is the DOM kit, fields.js the controls, preview.js the widget and the code.
import { copyText } from '@fanfare/core/clipboard';
import data from '../widgets.json';
import { fieldOrder } from '../configurator-logic.js';
import { $, h } from './dom.js';
import { attributeField, cssField, pageFields } from './fields.js';
import { createPreview } from './preview.js';

const optionsBox = $('cfg-options');
const styleBox = $('cfg-style');
const output = $('snippet');
const cssOutput = $('css-snippet');
const copyStatus = $('copy-status');

const pageSettings = pageFields();
$('cfg-page').append(...pageSettings.map((f) => f.wrap));
const preview = createPreview(
  { stage: $('preview'), status: $('preview-status'), output, cssOutput, cssWrap: $('css-out') },
  pageSettings,
);

/** The shared theme properties a marketer reaches for first; the rest fold away. */
const FIRST_TOKENS = ['--fan-color-brand', '--fan-radius'];

function selectWidget(tag) {
  const widget = data.widgets.find((w) => w.tag === tag) ?? data.widgets[0];
  const fields = fieldOrder(widget.tag, widget.attributes).map((a) => attributeField(widget, a));
  const own = new Set(widget.cssProperties.map((p) => p.name));
  const shared = data.tokens.filter((t) => !own.has(t.name));
  const first = shared.filter((t) => FIRST_TOKENS.includes(t.name));
  const rest = shared.filter((t) => !first.includes(t));
  const cssFields = [...first.map(cssField), ...widget.cssProperties.map(cssField)];
  const moreFields = rest.map(cssField);

  optionsBox.replaceChildren(h('legend', { text: 'Options' }), ...fields.map((f) => f.wrap));
  styleBox.replaceChildren(
    h('legend', { text: 'Colours and shape' }),
    ...cssFields.map((f) => f.wrap),
    moreFields.length ? h('details', { class: 'cfg-more' }, h('summary', { text: 'More theme properties' }), ...moreFields.map((f) => f.wrap)) : null,
  );
  if (location.hash.slice(1) !== widget.tag) history.replaceState(null, '', `#${widget.tag}`);
  preview.show(widget, fields, [...cssFields, ...moreFields]);
}

async function copy(text, what) {
  if (await copyText(text, document.body)) {
    copyStatus.textContent = `${what} copied. Paste it into your page.`;
  } else {
    // Copy by hand: the code is selected, ready for the keyboard shortcut.
    getSelection()?.selectAllChildren(what === 'CSS' ? cssOutput : output);
    copyStatus.textContent = 'Your browser blocked the clipboard: the code is selected, press Ctrl+C (⌘C on a Mac).';
  }
}

$('copy-html').addEventListener('click', () => copy(output.value, 'HTML'));
$('copy-css').addEventListener('click', () => copy(cssOutput.value, 'CSS'));
const form = $('cfg-form');
form.addEventListener('input', preview.changed);
form.addEventListener('change', preview.changed);
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
preview.settled().finally(() => $('configurator').classList.add('ready'));
