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

