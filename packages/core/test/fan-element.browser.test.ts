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
    document.addEventListener('fan-share', (e) => (got = e), { once: true });
    const allowed = el.emit('fan-share', { network: 'x', url: 'https://a.example/?fanref=abcdefgh', ref: 'abcdefgh' }, { cancelable: true });
    expect(allowed).to.equal(true);
    expect(got?.detail.network).to.equal('x');
    expect(got?.composed).to.equal(true);
  });
});

