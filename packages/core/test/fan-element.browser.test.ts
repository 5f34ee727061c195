import { expect, fixture, html } from '@open-wc/testing';
import { FanElement, type FanfareGlobal } from '../src/index.js';
import { oneOf } from '../src/converters.js';
import { property } from 'lit/decorators.js';
import { html as litHtml } from 'lit';

class FanProbe extends FanElement {
  @property({ converter: oneOf(['a', 'b'] as const, 'a') }) mode: 'a' | 'b' = 'a';
  override render() {
    return litHtml`<p>${this.locale}:${this.mode}</p>`;
  }
}
FanProbe.define('fan-probe');

describe('FanElement', () => {
  it('renders each widget in a task of its own after the one that defined it, reserved meanwhile', async () => {
    // Two on the page before their tag is defined, as the loader finds them; a third inside a shadow root.
    const page = document.createElement('div');
    page.innerHTML = '<fan-first-probe></fan-first-probe><fan-first-probe></fan-first-probe><div></div>';
    document.body.append(page);
    const inner = page.lastElementChild!.attachShadow({ mode: 'open' });
    inner.innerHTML = '<fan-first-probe></fan-first-probe>';
    const rendered: string[] = [];
    const together: boolean[] = [];
    class FanFirst extends FanElement {
      override render() {
        return litHtml`<p>first</p>`;
      }
      override firstUpdated() {
        rendered.push(this.getRootNode() === document ? 'page' : 'shadow');
        // Whether the other one on the page has rendered by the end of this task's microtasks.
        const other = [...page.querySelectorAll<FanFirst>('fan-first-probe')].find((el) => el !== this);
        if (this.getRootNode() === document) queueMicrotask(() => together.push(other!.hasUpdated));
      }
    }
    try {
      FanFirst.define('fan-first-probe');
      const [a, b] = page.querySelectorAll('fan-first-probe');
      await Promise.resolve();
      await Promise.resolve();
      // A page's stylesheet reserves nothing in a shadow root: that one renders at once.
      expect(rendered).to.deep.equal(['shadow']);
      expect([a!.matches(':state(pending)'), b!.matches(':state(pending)')]).to.deep.equal([true, true]);
      expect(a!.shadowRoot!.querySelector('p')).to.equal(null);
      await new Promise((r) => setTimeout(r));
      expect(rendered).to.deep.equal(['shadow', 'page', 'page']);
      // Each in a task of its own: the second had not rendered when the first one's task ended.
      expect(together).to.deep.equal([false, true]);
      expect([a!.matches(':state(pending)'), b!.matches(':state(pending)')]).to.deep.equal([false, false]);
      expect(b!.shadowRoot!.querySelector('p')).not.to.equal(null);
    } finally {
      page.remove();
    }
  });

  it('renders at once where custom states are missing: nothing would hold the reservation', async () => {
    const page = document.createElement('div');
    page.innerHTML = '<fan-stateless-probe></fan-stateless-probe>';
    document.body.append(page);
    class FanStateless extends FanElement {
      // As before Chromium 125 or Safari 17.4: internals without `states` (or refusing a bare name).
      override attachInternals(): ElementInternals {
        return {} as ElementInternals;
      }
      override render() {
        return litHtml`<p>now</p>`;
      }
    }
    try {
      FanStateless.define('fan-stateless-probe');
      await Promise.resolve();
      await Promise.resolve();
      expect(page.firstElementChild!.shadowRoot!.querySelector('p')).not.to.equal(null);
    } finally {
      page.remove();
    }
  });

  it('survives being defined twice', () => {
    expect(() => FanProbe.define('fan-probe')).not.to.throw();
    class Other extends FanElement {}
    expect(() => Other.define('fan-probe')).not.to.throw();
    expect(customElements.get('fan-probe')).to.equal(FanProbe);
  });

  it('makes window.fanfare at define time, so a bundled app can configure before any widget connects', () => {
    const saved = window.fanfare;
    delete window.fanfare;
    try {
      class FanLate extends FanElement {}
      FanLate.define('fan-late-probe');
      // Read afresh: TypeScript would keep the narrowing from the delete above.
      const now = () => window.fanfare as FanfareGlobal | undefined;
      expect(typeof now()?.configure).to.equal('function');
      now()!.configure({ lang: 'zh-CN' });
      expect(now()!.config.lang).to.equal('zh-CN');
    } finally {
      window.fanfare = saved;
    }
  });

  it('warns once naming element, attribute and value, and keeps the default', async () => {
    const warnings: string[] = [];
    const orig = console.warn;
    console.warn = (m: string) => warnings.push(m);
    try {
      const el = await fixture<FanProbe>(html`<fan-probe mode="zzz"></fan-probe>`);
      expect(el.mode).to.equal('a');
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.contain('<fan-probe>').and.contain('mode="zzz"');
    } finally {
      console.warn = orig;
    }
  });

  it('resolves the locale from lang, then the closest [lang] ancestor', async () => {
    const wrap = await fixture(html`<div lang="zh-Hans"><fan-probe></fan-probe><fan-probe lang="en"></fan-probe></div>`);
    const [a, b] = wrap.querySelectorAll<FanProbe>('fan-probe');
    expect(a.locale).to.equal('zh-CN');
    expect(b.locale).to.equal('en');
    b.setAttribute('lang', 'zh');
    await b.updateComplete;
    expect(b.shadowRoot!.textContent).to.contain('zh-CN');
    // Taking lang away renders again in the language around it.
    wrap.setAttribute('lang', 'en');
    b.removeAttribute('lang');
    await b.updateComplete;
    expect(b.shadowRoot!.textContent).to.contain('en:');
  });

  it('takes the nearest [lang]: an ancestor inside the shadow root, then the host itself, then above it', async () => {
    const wrap = await fixture(html`<section lang="en"><div lang="zh-CN"></div></section>`);
    const host = wrap.querySelector('div')!;
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = '<fan-probe></fan-probe><p lang="en"><fan-probe></fan-probe></p><p lang=""><fan-probe></fan-probe></p>';
    const [direct, nested, blank] = root.querySelectorAll<FanProbe>('fan-probe');
    expect(direct.locale).to.equal('zh-CN');
    expect(nested.locale).to.equal('en');
    // An empty lang is the nearest one: it stops the search (and then the browser's language decides).
    expect(blank.locale).to.equal(navigator.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en');
    host.removeAttribute('lang');
    expect(direct.locale).to.equal('en');
  });

  it('reads its locale out of the page too: in a detached tree, whatever element is its root', () => {
    // A link's `host` is its URL's host, a string: the climb out of shadow roots must not take it for one.
    const link = document.createElement('a');
    link.href = 'https://shop.example/';
    const probe = document.createElement('fan-probe') as FanProbe;
    link.append(probe);
    const browser = navigator.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
    expect(probe.locale).to.equal(browser);
    link.setAttribute('lang', 'zh-CN');
    expect(probe.locale).to.equal('zh-CN');
  });

  it('finds the closest [lang] across shadow roots (a widget inside another widget)', async () => {
    const wrap = await fixture(html`<section lang="zh-CN"><div></div></section>`);
    const root = wrap.querySelector('div')!.attachShadow({ mode: 'open' });
    const inner = document.createElement('fan-probe') as FanProbe;
    root.append(inner);
    await inner.updateComplete;
    expect(inner.locale).to.equal('zh-CN');
    expect(inner.shadowRoot!.textContent).to.contain('zh-CN');
  });

  it('emits composed, bubbling, typed events', async () => {
    const el = await fixture<FanProbe>(html`<fan-probe></fan-probe>`);
    let got: CustomEvent | undefined;
    const listen = (e: CustomEvent) => (got = e);
    document.addEventListener('fan-share', listen);
    const allowed = el.emit('fan-share', { network: 'x', url: 'https://a.example/?fanref=abcdefgh', ref: 'abcdefgh' }, { cancelable: true });
    expect(allowed).to.equal(true);
    expect(got?.detail.network).to.equal('x');
    expect(got?.composed).to.equal(true);
    expect(got?.cancelable).to.equal(true);
    el.emit('fan-share', { network: 'x', url: 'https://a.example/?fanref=abcdefgh', ref: 'abcdefgh' });
    expect(got?.cancelable).to.equal(false);
    document.removeEventListener('fan-share', listen);
  });
});

