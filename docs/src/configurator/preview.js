// The live preview: the real widget (defined by the page's fanfare.js, as on a site
// owner's page) and the code to paste, both kept in step with the form. A value reaches
// the code only when the form's own check passes and the widget takes it: what the widget
// makes of a value is asked of core's checkAttribute(), the parser the widget's converter
// runs, so no warning is read and a reworded warning changes nothing here.
import { checkAttribute } from '@fanfare/core/check';
import { cssSnippet, refusal, snippet } from '../configurator-logic.js';
import { h } from './dom.js';

/**
 * @param els {{ stage, status, output, cssOutput, cssWrap }} the page's preview and code elements
 * @param pageSettings the script-tag fields (fields.js pageFields())
 */
export function createPreview({ stage, status, output, cssOutput, cssWrap }, pageSettings) {
  let current;
  let pending = Promise.resolve();

  /** Show `widget` with `fields` (its attributes) and `css` (its --fan-* fields). */
  function show(widget, fields, css) {
    const el = document.createElement(widget.tag);
    // Start with what the form already holds (a sample feed), so the widget never first
    // renders without it; update() checks each again once the tag is defined.
    for (const field of fields) {
      const read = field.read();
      if (read.value !== null && !read.problem) el.setAttribute(field.name, read.value);
    }
    stage.replaceChildren(el);
    status.textContent = widget.live ? 'Loading…' : 'No live preview';
    status.dataset.state = widget.live ? 'loading' : 'off';
    if (!widget.live) {
      stage.append(h('p', { class: 'cfg-off', text: `This build's fanfare.js does not include <${widget.tag}> yet; the code below is still right.` }));
    }
    const ready = widget.live
      ? customElements.whenDefined(widget.tag).then(() => {
          if (current?.el !== el) return;
          status.textContent = 'Live';
          status.dataset.state = 'live';
        })
      : Promise.resolve();
    current = { widget, fields, css, el, ready };
    changed();
  }

  /** Queue one update; updates run one at a time, in order. */
  function changed() {
    pending = pending.then(update, update);
    return pending;
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
      if (!problem && read.value !== null && widget.live) problem = refusal(checkAttribute(widget.tag, field.name, read.value));
      if (widget.live) {
        if (problem || read.value === null) el.removeAttribute(field.name);
        else if (el.getAttribute(field.name) !== read.value) el.setAttribute(field.name, read.value);
      }
      field.show(problem, read.note);
      if (!problem && read.value !== null) attrs.push([field.name, read.value]);
    }

    const props = [];
    for (const field of state.css) {
      const read = field.read();
      field.show(read.problem ?? '', read.note);
      if (read.value !== null && !read.problem) {
        props.push([field.name, read.value]);
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
    const cssText = cssSnippet(widget.tag, props);
    cssOutput.value = cssText;
    cssWrap.hidden = !cssText;
  }

  return {
    show,
    changed,
    /** Settles once the form, the code and the current widget have drawn themselves. */
    settled: () => pending.then(() => current.ready).then(() => current.el.updateComplete),
  };
}
