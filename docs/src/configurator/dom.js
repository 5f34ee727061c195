// The configurator's DOM kit: elements made by calls, never from markup strings (the page
// runs under Trusted Types), and the one field frame every control sits in.

export const $ = (id) => document.getElementById(id);

let seq = 0;
/** A page-unique id for a control, readable in the DOM. */
export const nextId = (name) => `cfg-${name.replace(/[^a-z0-9]+/gi, '-')}-${++seq}`;

/** createElement with attributes and children; strings become text, never markup. */
export function h(tag, attrs = {}, ...children) {
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
export function rich(text) {
  return String(text ?? '')
    .split('`')
    .map((part, i) => (i % 2 ? h('code', { text: part }) : document.createTextNode(part)));
}

/** An up or down chevron for the network list's move buttons. */
export function arrow(dir) {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  const path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
  path.setAttribute('d', dir === 'up' ? 'M6 14l6-6 6 6' : 'M6 10l6 6 6-6');
  svg.append(path);
  return svg;
}

export function labelFor(id, name, extra) {
  return h('label', { class: 'field-label', for: id }, h('code', { text: name }), extra ? h('span', { text: extra }) : null);
}

/**
 * One field: its markup and a read() that returns { value (null = leave the attribute out),
 * problem (why the value is not used), note (a neutral hint) }.
 */
export function makeField({ name, label, description, control, read, wide = false }) {
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
