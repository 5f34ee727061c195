// The widget kit: each mechanism every widget relies on, tested once here.
import { expect, fixture, html } from '@open-wc/testing';
import { LitElement, css, html as litHtml } from 'lit';
import { FanElement, configure, listOf, localize, oneOf, uid, url, warn, type Messages } from '../src/index.js';
import { widgetLabel } from '../src/warn.js';
import { checkAttribute } from '../src/check.js';
import { copyText } from '../src/clipboard.js';
import { adoptLazyStyles } from '../src/lazy-styles.js';
import { getItem, getJson, setItem, setJson } from '../src/storage.js';
import { Task } from '../src/task.js';
import { fanfare } from '../src/config.js';
import { captureWarnings, sleep, waitFor, warningsDuring } from '../testing/index.js';

const messages: Messages<'hi' | 'n'> = {
  en: { hi: 'Hello', n: '{n} left' },
  'zh-CN': { hi: '你好', n: '还剩 {n} 个' },
};

class FanKitProbe extends FanElement {
  static override properties = {
    size: { converter: oneOf(['s', 'm'] as const, 'm') },
    nets: { converter: listOf(['x', 'wechat'], []) },
    href: { attribute: 'link', converter: url() },
    label: {},
    busy: { state: true },
  };
  size = 'm';
  nets: string[] = [];
  href = '';
  label = '';
  busy = false;
  t = localize(this, messages);
  override render() {
    return litHtml`<p>${this.t('hi')} ${this.t('n', { n: 3 })}</p>`;
  }
}
FanKitProbe.define('fan-kit-probe');

describe('warn', () => {
  it('names the element with its id, and the fan-* widgets around it', async () => {
    const outer = await fixture<HTMLElement>(html`<fan-outer-probe id="spring"></fan-outer-probe>`);
    const root = outer.attachShadow({ mode: 'open' });
    const wrap = document.createElement('div');
    const inner = document.createElement('fan-kit-probe');
    wrap.append(inner);
    root.append(wrap);
    expect(widgetLabel(inner)).to.equal('<fan-outer-probe#spring> <fan-kit-probe>');
    const seen = await warningsDuring(() => warn(inner, 'could not load x.'));
    expect(seen).to.deep.equal(['<fan-outer-probe#spring> <fan-kit-probe> could not load x.']);
  });

  it('names an element in a detached tree, even one whose root is a link (a link\'s host is its URL\'s)', () => {
    const link = document.createElement('a');
    link.href = 'https://shop.example/';
    const inner = document.createElement('fan-kit-probe');
    link.append(inner);
    expect(widgetLabel(inner)).to.equal('<fan-kit-probe>');
  });

  it('an attribute warning of a nested widget names the outer one, and keeps the default', async () => {
    const outer = await fixture<HTMLElement>(html`<fan-outer-probe id="game"></fan-outer-probe>`);
    const root = outer.attachShadow({ mode: 'open' });
    const { warnings, restore } = captureWarnings();
    try {
      const inner = document.createElement('fan-kit-probe') as FanKitProbe;
      inner.setAttribute('size', 'xl');
      root.append(inner);
      await inner.updateComplete;
      expect(inner.size).to.equal('m');
      expect(warnings).to.deep.equal(['<fan-outer-probe#game> <fan-kit-probe> ignored size="xl": expected one of s, m. Keeping the default.']);
    } finally {
      restore();
    }
  });

  it('a partly good list keeps the good names and says which', async () => {
    const seen = await warningsDuring(async () => {
      const el = await fixture<FanKitProbe>(html`<fan-kit-probe nets="x twiter wechat"></fan-kit-probe>`);
      expect(el.nets).to.deep.equal(['x', 'wechat']);
    });
    expect(seen).to.deep.equal(['<fan-kit-probe> ignored nets="x twiter wechat": skipped unknown twiter. Keeping x, wechat.']);
  });
});

describe('a property set with its attribute’s string form', () => {
  it('is parsed, resolved against the page and warned about as the attribute would be', async () => {
    const el = await fixture<FanKitProbe>(html`<fan-kit-probe></fan-kit-probe>`);
    const seen = await warningsDuring(async () => {
      (el as unknown as { nets: unknown }).nets = 'x, wechat';
      expect(el.nets).to.deep.equal(['x', 'wechat']);
      el.href = '/p/42';
      expect(el.href).to.equal(new URL('/p/42', document.baseURI).href);
      el.size = 'S';
      expect(el.size).to.equal('s');
      el.size = 'xl';
      expect(el.size, 'a bad string keeps the default').to.equal('m');
      el.href = 'javascript:alert(1)';
      expect(el.href).to.equal('');
      el.href = '';
      expect(el.href, 'an empty string clears without a warning').to.equal('');
      await el.updateComplete;
    });
    expect(seen).to.deep.equal([
      '<fan-kit-probe> ignored size="xl": expected one of s, m. Keeping the default.',
      '<fan-kit-probe> ignored href="javascript:alert(1)": only http:, https: or relative URLs are allowed. Keeping the default.',
    ]);
  });

  it('takes a value of the property’s own type as it is, and an attribute is converted once', async () => {
    const seen = await warningsDuring(async () => {
      const el = await fixture<FanKitProbe>(html`<fan-kit-probe size="xl" link="/a"></fan-kit-probe>`);
      expect(el.size).to.equal('m');
      expect(el.href).to.equal(new URL('/a', document.baseURI).href);
      el.nets = ['wechat'];
      expect(el.nets).to.deep.equal(['wechat']);
      el.label = 'any text';
      expect(el.label).to.equal('any text');
    });
    expect(seen, 'one warning for the bad attribute, none for its converted value').to.have.length(1);
  });
});

describe('uid', () => {
  it('makes URL-safe ids of the asked length, all different', () => {
    const ids = Array.from({ length: 2000 }, () => uid());
    expect(new Set(ids).size).to.equal(2000);
    for (const id of ids) expect(id).to.match(/^[A-Za-z0-9_-]{21}$/);
    expect(uid(12)).to.match(/^[A-Za-z0-9_-]{12}$/);
    // Every one of the 64 characters turns up: six random bits each.
    expect(new Set(ids.join('')).size).to.equal(64);
  });
});

describe('localize', () => {
  it('follows lang and the page-wide setting at each render', async () => {
    const el = await fixture<FanKitProbe>(html`<fan-kit-probe lang="en"></fan-kit-probe>`);
    expect(el.shadowRoot!.textContent).to.contain('Hello 3 left');
    el.setAttribute('lang', 'zh-CN');
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.contain('你好 还剩 3 个');
    el.removeAttribute('lang');
    fanfare().configure({ lang: 'en' });
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.contain('Hello');
    fanfare().configure({ lang: 'zh-CN' });
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.contain('你好');
  });
});

describe('configure()', () => {
  it('is exported for bundled apps, and is the page’s one window.fanfare.configure', () => {
    configure({ vitalsSample: 0.5 });
    expect(fanfare().config.vitalsSample).to.equal(0.5);
    expect((window.fanfare as { config: { vitalsSample: number } }).config.vitalsSample).to.equal(0.5);
    configure({ vitalsSample: 0.1 });
  });

  it('refuses a site key the server would refuse, with one warning, and keeps the last good one', async () => {
    fanfare().configure({ site: 'bloom-shop' });
    const seen = await warningsDuring(() => fanfare().configure({ site: 'bloom.shop' }));
    expect(fanfare().config.site).to.equal('bloom-shop');
    expect(seen).to.have.length(1);
    expect(seen[0]).to.contain('site="bloom.shop"');
  });
});

describe('checkAttribute', () => {
  it('runs the converter’s own parser, without a warning', async () => {
    const seen = await warningsDuring(() => {
      expect(checkAttribute('fan-kit-probe', 'size', 'xl')).to.deep.equal({ ok: false, reason: 'expected one of s, m' });
      expect(checkAttribute('fan-kit-probe', 'size', 's')).to.deep.equal({ ok: true, value: 's' });
      expect(checkAttribute('fan-kit-probe', 'nets', 'x bogus')).to.deep.equal({ ok: true, value: ['x'], partial: { skipped: 'unknown bogus', keeping: 'x' } });
      expect(checkAttribute('fan-kit-probe', 'link', 'javascript:alert(1)').ok).to.equal(false);
      expect(checkAttribute('fan-kit-probe', 'link', '/a')).to.deep.equal({ ok: true, value: new URL('/a', document.baseURI).href });
      expect(checkAttribute('fan-kit-probe', 'label', 'anything')).to.deep.equal({ ok: true, value: 'anything' });
    });
    expect(seen).to.deep.equal([]);
  });

  it('says when the attribute is not public or the tag is unknown', () => {
    expect(checkAttribute('fan-kit-probe', 'busy', 'true').ok).to.equal(false);
    expect(checkAttribute('fan-kit-probe', 'href', 'x').ok, 'the property name is not the attribute').to.equal(false);
    expect(checkAttribute('fan-nothing', 'size', 's')).to.deep.equal({ ok: false, reason: '<fan-nothing> is not defined' });
  });
});

describe('Task', () => {
  class Host extends LitElement {
    renders = 0;
    override render() {
      this.renders++;
      return litHtml``;
    }
  }
  customElements.define('kit-task-host', Host);

  it('keeps only the latest call’s answer, aborting the one before', async () => {
    const host = await fixture<Host>(html`<kit-task-host></kit-task-host>`);
    const aborted: string[] = [];
    const task = new Task<[string, number], string>(host, ([v, ms], signal) => {
      signal.addEventListener('abort', () => aborted.push(v));
      return sleep(ms).then(() => v);
    });
    const slow = task.run('slow', 60);
    const fast = task.run('fast', 5);
    expect(task.status).to.equal('pending');
    expect(await fast).to.equal('fast');
    expect(await slow).to.equal(undefined);
    expect(task.value).to.equal('fast');
    expect(task.status).to.equal('complete');
    expect(aborted).to.deep.equal(['slow']);
    expect(task.render({ complete: (v) => `got ${v}` })).to.equal('got fast');
  });

  it('reports errors, and drops an answer that arrives after the host left the page', async () => {
    const host = await fixture<Host>(html`<kit-task-host></kit-task-host>`);
    const task = new Task<[boolean], string>(host, ([fail]) => sleep(10).then(() => (fail ? Promise.reject(new Error('no')) : 'yes')));
    await task.run(true);
    expect(task.status).to.equal('error');
    expect(task.render({ error: (e) => (e as Error).message })).to.equal('no');
    const late = task.run(false);
    host.remove();
    expect(await late).to.equal(undefined);
    expect(task.value).to.equal(undefined);
    expect(task.status).to.equal('initial');
  });
});

describe('copyText', () => {
  it('falls back to the selection command where the Clipboard API refuses, and says false when both fail', async () => {
    const root = (await fixture<HTMLElement>(html`<div></div>`)).attachShadow({ mode: 'open' });
    const clip = navigator.clipboard.writeText;
    const exec = document.execCommand;
    const copied: string[] = [];
    navigator.clipboard.writeText = () => Promise.reject(new DOMException('denied', 'NotAllowedError'));
    document.execCommand = (cmd: string) => {
      const area = root.querySelector('textarea');
      copied.push(`${cmd}:${area?.value}:${area?.selectionEnd}`);
      return true;
    };
    try {
      expect(await copyText('https://a.example/', root)).to.equal(true);
      expect(copied).to.deep.equal(['copy:https://a.example/:18']);
      expect(root.querySelector('textarea'), 'the helper textarea is removed').to.equal(null);
      document.execCommand = () => false;
      expect(await copyText('x', root)).to.equal(false);
    } finally {
      navigator.clipboard.writeText = clip;
      document.execCommand = exec;
    }
  });
});

describe('storage', () => {
  /** Run `fn` with localStorage throwing at every read and write, as when storage is blocked. */
  function blocked(fn: () => void): void {
    const proto = Object.getPrototypeOf(localStorage) as Storage;
    const { getItem: g, setItem: s } = proto;
    proto.getItem = () => {
      throw new DOMException('blocked', 'SecurityError');
    };
    proto.setItem = proto.getItem;
    try {
      fn();
    } finally {
      proto.getItem = g;
      proto.setItem = s;
    }
  }

  it('keeps values in memory for the page view when localStorage throws', () => {
    blocked(() => {
      setItem('kit:a', 'one');
      expect(getItem('kit:a')).to.equal('one');
      setJson('kit:b', { best: 4 });
      expect(getJson('kit:b')).to.deep.equal({ best: 4 });
      expect(getJson('kit:none')).to.equal(undefined);
    });
    setItem('kit:c', '{broken');
    expect(getJson('kit:c')).to.equal(undefined);
    setItem('kit:c', '');
    expect(localStorage.getItem('kit:c'), 'an empty value removes the key').to.equal(null);
  });

  it('shares that memory with every other copy of the module on the page', async () => {
    // A second copy, as fanfare-beacon.js's lazy chunks and a bundled widget beside the
    // script tag each carry one: the same file under another URL is another module.
    const copy = (await import(/* @vite-ignore */ `${new URL('../src/storage.ts', import.meta.url).href}?copy`)) as typeof import('../src/storage.js');
    expect(copy.setItem).to.not.equal(setItem);
    blocked(() => {
      setItem('kit:shared', 'from the first');
      expect(copy.getItem('kit:shared')).to.equal('from the first');
      copy.setJson('kit:shared', { from: 'the copy' });
      expect(getJson('kit:shared')).to.deep.equal({ from: 'the copy' });
    });
    setItem('kit:shared', '');
  });
});

describe('adoptLazyStyles', () => {
  it('adds a lazily loaded part’s styles after the widget’s own, once', async () => {
    const el = await fixture<FanKitProbe>(html`<fan-kit-probe></fan-kit-probe>`);
    const before = el.shadowRoot!.adoptedStyleSheets.length;
    const extra = css`p { letter-spacing: 3px; }`;
    adoptLazyStyles(el, extra);
    adoptLazyStyles(el, extra);
    expect(el.shadowRoot!.adoptedStyleSheets.length).to.equal(before + 1);
    await waitFor(() => getComputedStyle(el.shadowRoot!.querySelector('p')!).letterSpacing === '3px');
  });
});
