import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/index.js';
import type { FanShare } from '../src/fan-share.js';
import { captureWarnings, sleep, trackTimers, waitFor } from '../../core/testing/index.js';
import { qrPath } from '../src/logic/qr.js';

// This page was opened from a shared link: every share made here names that token as its
// parent. Set before the first widget reads it (core's share-link takes it out of the address).
const PARENT = 'parentTok_1';
history.replaceState(null, '', `${location.pathname}${location.search ? `${location.search}&` : '?'}fanref=${PARENT}${location.hash}`);

/** A share URL's own token, checked against the rule (8–16 of A-Za-z0-9_-). */
function tokenOf(url: string): string {
  const ref = new URL(url).searchParams.get('fanref')!;
  expect(ref).to.match(/^[\w-]{8,16}$/);
  return ref;
}

const buttons = (el: FanShare) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part="button"]')];
const byNetwork = (el: FanShare, n: string) => el.shadowRoot!.querySelector<HTMLElement>(`[data-network="${n}"]`)!;

/** Run `fn` with a clipboard that accepts every write; returns what was written last. */
async function withClipboard(fn: () => unknown): Promise<string> {
  let written = '';
  const orig = navigator.clipboard.writeText;
  navigator.clipboard.writeText = async (t: string) => void (written = t);
  try {
    await fn();
  } finally {
    navigator.clipboard.writeText = orig;
  }
  return written;
}

describe('<fan-share>', () => {
  it('renders the locale default networks, links as <a> and actions as <button>', async () => {
    const el = await fixture<FanShare>(html`<fan-share lang="zh-CN" url="https://shop.example/p/1"></fan-share>`);
    const list = buttons(el).map((b) => b.dataset.network);
    expect(list).to.deep.equal(['wechat', 'weibo', 'qq', 'qzone', 'douban', 'copy']);
    expect(byNetwork(el, 'weibo').tagName).to.equal('A');
    expect(byNetwork(el, 'wechat').tagName).to.equal('BUTTON');
    expect(byNetwork(el, 'weibo').getAttribute('aria-label')).to.equal('分享到微博');
    // Every brand glyph arrived: no empty icon.
    for (const b of buttons(el)) expect(b.querySelector('path')!.getAttribute('d')).to.not.equal('');
  });

  it('uses English names and leaves out native where the browser cannot share', async () => {
    const el = await fixture<FanShare>(html`<fan-share lang="en"></fan-share>`);
    const expected = ['native', 'x', 'facebook', 'linkedin', 'whatsapp', 'telegram', 'email', 'copy'].filter(
      (n) => n !== 'native' || typeof navigator.share === 'function',
    );
    expect(buttons(el).map((b) => b.dataset.network)).to.deep.equal(expected);
    expect(byNetwork(el, 'x').getAttribute('aria-label')).to.equal('Share on X');
  });

  it('follows attributes: networks order, utm, title and url', async () => {
    const el = await fixture<FanShare>(
      html`<fan-share networks="x, weibo copy" utm="spring" title="春日花束 & more" url="/p/42?id=1#top"></fan-share>`,
    );
    expect(buttons(el).map((b) => b.dataset.network)).to.deep.equal(['x', 'weibo', 'copy']);
    const href = new URL(byNetwork(el, 'x').getAttribute('href')!);
    const shared = new URL(href.searchParams.get('url')!);
    expect(shared.pathname).to.equal('/p/42');
    expect(shared.searchParams.get('utm_source')).to.equal('x');
    expect(shared.searchParams.get('utm_campaign')).to.equal('spring');
    expect(shared.hash).to.equal('#top');
    expect(href.searchParams.get('text')).to.equal('春日花束 & more');
    el.networks = ['telegram'];
    await el.updateComplete;
    expect(buttons(el).map((b) => b.dataset.network)).to.deep.equal(['telegram']);
    // A button reused for another network takes that network's colours, or the neutral ones.
    el.networks = ['wechat', 'copy'];
    await el.updateComplete;
    expect(getComputedStyle(byNetwork(el, 'wechat')).backgroundColor).to.equal('rgb(5, 135, 67)');
    el.networks = ['copy'];
    await el.updateComplete;
    expect(getComputedStyle(byNetwork(el, 'copy')).backgroundColor).to.equal('rgb(61, 71, 82)');
  });

  it('warns once per bad attribute and keeps the default', async () => {
    const { warnings, restore } = captureWarnings();
    try {
      const el = await fixture<FanShare>(
        html`<fan-share lang="en" layout="grid" size="xl" url="javascript:alert(1)" networks="x twiter"></fan-share>`,
      );
      expect(el.layout).to.equal('row');
      expect(el.size).to.equal('m');
      expect(el.url).to.equal('');
      expect(el.networks).to.deep.equal(['x']);
      expect(warnings).to.have.length(4);
      expect(warnings.join('\n')).to.contain('<fan-share> ignored layout="grid"').and.contain('url="javascript:alert(1)"').and.contain('twiter');
      // Part of the list was good: the warning says what is kept, not "the default".
      expect(warnings.find((w) => w.includes('twiter'))).to.contain('skipped unknown twiter. Keeping x.');
      expect(byNetwork(el, 'x').getAttribute('href')).to.not.contain('javascript');
    } finally {
      restore();
    }
  });

  it('fires a cancelable fan-share event with the network and URL', async () => {
    const el = await fixture<FanShare>(html`<fan-share networks="weibo" url="https://shop.example/a"></fan-share>`);
    const link = byNetwork(el, 'weibo') as HTMLAnchorElement;
    let opened = false;
    const onWindow = (e: Event) => {
      opened = !e.defaultPrevented;
      e.preventDefault(); // never leave the test page
    };
    window.addEventListener('click', onWindow);
    const heard = oneEvent(el, 'fan-share');
    el.addEventListener('fan-share', (e) => e.preventDefault(), { once: true });
    link.click();
    const e = await heard;
    window.removeEventListener('click', onWindow);
    const ref = tokenOf(e.detail.url);
    expect(e.detail).to.deep.equal({ network: 'weibo', url: `https://shop.example/a?fanref=${ref}`, ref, parent: PARENT });
    expect(e.composed && e.bubbles && e.cancelable).to.equal(true);
    expect(opened).to.equal(false);
  });

  it('puts the token set as `ref` in every share instead of a fresh one (an invite’s), and ignores one that is not a token', async () => {
    const el = await fixture<FanShare>(html`<fan-share networks="weibo" url="https://shop.example/i"></fan-share>`);
    el.ref = 'InviteRef1234567';
    const link = byNetwork(el, 'weibo') as HTMLAnchorElement;
    const shares: string[] = [];
    el.addEventListener('fan-share', (e) => (shares.push(e.detail.ref), e.preventDefault()));
    const stay = (e: Event) => e.preventDefault();
    window.addEventListener('click', stay);
    try {
      link.click();
      link.click();
      el.ref = 'not a token!';
      link.click();
    } finally {
      window.removeEventListener('click', stay);
    }
    expect(shares.slice(0, 2)).to.deep.equal(['InviteRef1234567', 'InviteRef1234567']);
    expect(shares[2]).to.not.equal('not a token!');
    expect(shares[2]).to.match(/^[\w-]{12}$/);
  });

  it('copies the link, says Copied without changing the button size, and announces it', async () => {
    const el = await fixture<FanShare>(html`<fan-share lang="en" variant="label" networks="copy" url="https://shop.example/c"></fan-share>`);
    const btn = byNetwork(el, 'copy');
    const before = btn.getBoundingClientRect();
    const written = await withClipboard(async () => {
      btn.click();
      await waitFor(() => el.shadowRoot!.querySelector('[role="status"]')!.textContent);
    });
    expect(written).to.equal(`https://shop.example/c?fanref=${tokenOf(written)}`);
    const visible = [...btn.querySelectorAll('.swap > span')].find((s) => !s.classList.contains('off'))!;
    expect(visible.textContent).to.equal('Copied');
    const after = btn.getBoundingClientRect();
    expect(after.width).to.equal(before.width);
    expect(after.height).to.equal(before.height);
    expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent).to.equal('Copied');
    // Its name is what it shows, for speech input too.
    expect(btn.getAttribute('aria-label')).to.equal('Copied');
    await expect(el).to.be.accessible();
  });

  it('falls back to a selectable link when the clipboard is refused', async () => {
    const el = await fixture<FanShare>(html`<fan-share lang="en" networks="copy" url="https://shop.example/d"></fan-share>`);
    const orig = navigator.clipboard.writeText;
    const exec = document.execCommand;
    navigator.clipboard.writeText = () => Promise.reject(new DOMException('denied', 'NotAllowedError'));
    document.execCommand = () => false;
    try {
      byNetwork(el, 'copy').click();
      await waitFor(() => el.shadowRoot!.querySelector('.popover input'));
    } finally {
      navigator.clipboard.writeText = orig;
      document.execCommand = exec;
    }
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('.popover input')!;
    expect(input.value).to.equal(`https://shop.example/d?fanref=${tokenOf(input.value)}`);
    // Named for what it is for, and the link is selected, ready to copy.
    expect(el.shadowRoot!.querySelector('.popover')!.getAttribute('aria-label')).to.equal('Copy the link by hand');
    await waitFor(() => el.shadowRoot!.activeElement === input, 'the link field never took focus');
    expect([input.selectionStart, input.selectionEnd]).to.deep.equal([0, input.value.length]);
    await expect(el).to.be.accessible();
    el.lang = 'zh-CN';
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.popover')!.getAttribute('aria-label')).to.equal('手动复制链接');
  });

  it('with icons only, shows 已复制 by the ✓ and announces it, moving nothing', async () => {
    const wrap = await fixture<HTMLElement>(
      html`<div style="padding-top: 48px"><fan-share lang="zh-CN" networks="weibo copy" url="https://shop.example/i"></fan-share></div>`,
    );
    const el = wrap.querySelector<FanShare>('fan-share')!;
    await el.updateComplete;
    const btn = byNetwork(el, 'copy');
    const label = btn.querySelector<HTMLElement>('[part="label"]')!;
    expect(label.checkVisibility()).to.equal(false);
    const [before, whole] = [btn.getBoundingClientRect(), el.getBoundingClientRect()];
    await withClipboard(async () => {
      btn.click();
      await waitFor(() => el.shadowRoot!.querySelector('[role="status"]')!.textContent);
    });
    expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent).to.equal('已复制');
    // Seen, not only heard: the word is on screen, just above the button, and only that word.
    expect(label.checkVisibility()).to.equal(true);
    expect(label.innerText).to.equal('已复制');
    expect(btn.getAttribute('aria-label')).to.equal('已复制');
    const tag = label.getBoundingClientRect();
    expect(tag.width).to.be.greaterThan(0);
    expect(tag.bottom).to.be.at.most(before.top);
    expect(tag.top).to.be.at.least(0);
    expect(getComputedStyle(label).color).to.equal(getComputedStyle(btn).color);
    expect(getComputedStyle(label).backgroundColor).to.equal(getComputedStyle(btn).backgroundColor);
    // Out of the flow: neither the button nor the widget changes size.
    expect([btn.getBoundingClientRect().width, btn.getBoundingClientRect().height]).to.deep.equal([before.width, before.height]);
    expect(el.getBoundingClientRect().height).to.equal(whole.height);
    await expect(el).to.be.accessible();
    // It goes with the ✓.
    await waitFor(() => !btn.classList.contains('done'), 'the copied state never ended', 4000);
    expect(label.checkVisibility()).to.equal(false);
  });

  it('shows a QR code for WeChat, keyboard only, and hands focus back on Escape', async () => {
    const el = await fixture<FanShare>(html`<fan-share lang="zh-CN" networks="wechat copy" url="https://shop.example/q"></fan-share>`);
    const btn = byNetwork(el, 'wechat');
    btn.focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => el.shadowRoot!.querySelector('.popover .qr path')?.getAttribute('d'));
    const panel = el.shadowRoot!.querySelector<HTMLElement>('.popover')!;
    expect(panel.textContent).to.contain('用微信扫一扫');
    expect(panel.getAttribute('aria-label')).to.equal('分享到微信');
    expect(btn.getAttribute('aria-expanded')).to.equal('true');
    // Focus moves in once the panel is placed and shown.
    await waitFor(() => el.shadowRoot!.activeElement === panel.querySelector('.close'));
    // The panel is on screen, just below its button.
    const r = panel.getBoundingClientRect();
    const b = btn.getBoundingClientRect();
    expect(r.top).to.be.closeTo(b.bottom + 8, 1);
    expect(r.left).to.be.at.least(0);
    expect(r.right).to.be.at.most(window.innerWidth);
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.popover')).to.equal(null);
    expect(el.shadowRoot!.activeElement).to.equal(btn);
    expect(btn.getAttribute('aria-expanded')).to.equal('false');
  });

  it('closes the popover on an outside click', async () => {
    const el = await fixture<FanShare>(html`<fan-share networks="wechat" url="https://shop.example/q"></fan-share>`);
    byNetwork(el, 'wechat').click();
    await waitFor(() => el.shadowRoot!.querySelector('.popover .qr path')?.getAttribute('d'));
    document.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.popover')).to.equal(null);
  });

  it('asks for the Mastodon server and refuses a bad one in place', async () => {
    const el = await fixture<FanShare>(html`<fan-share lang="en" networks="mastodon"></fan-share>`);
    byNetwork(el, 'mastodon').click();
    await waitFor(() => el.shadowRoot!.querySelector('.popover input'));
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('.popover input')!;
    // The fan can type straight away: the field, not the close button, has focus.
    await waitFor(() => el.shadowRoot!.activeElement === input);
    input.value = 'not a server';
    el.shadowRoot!.querySelector<HTMLButtonElement>('.popover .go')!.click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.error')!.textContent).to.contain('mastodon.social');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('shares to the Mastodon server the fan names and remembers it for next time', async () => {
    localStorage.removeItem('fanfare:mastodon-server');
    const el = await fixture<FanShare>(html`<fan-share lang="en" networks="mastodon" url="https://shop.example/m"></fan-share>`);
    const opened: string[] = [];
    const open = window.open;
    window.open = (u?: string | URL) => (opened.push(String(u)), null);
    try {
      byNetwork(el, 'mastodon').click();
      const input = await waitFor(() => el.shadowRoot!.querySelector<HTMLInputElement>('.popover input'));
      input.value = ' @fan@Mastodon.Social ';
      const heard = oneEvent(el, 'fan-share');
      el.shadowRoot!.querySelector<HTMLButtonElement>('.popover .go')!.click();
      const { detail } = await heard;
      const ref = tokenOf(detail.url);
      expect(detail).to.deep.equal({ network: 'mastodon', url: `https://shop.example/m?fanref=${ref}`, ref, parent: PARENT });
      // What opens carries the token the event announced.
      await waitFor(() => opened.length);
      expect(opened[0]).to.contain(encodeURIComponent(detail.url));
    } finally {
      window.open = open;
    }
    expect(opened).to.have.length(1);
    expect(new URL(opened[0]).origin + new URL(opened[0]).pathname).to.equal('https://mastodon.social/share');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.popover')).to.equal(null);
    // The next visit offers the same server.
    const again = await fixture<FanShare>(html`<fan-share lang="en" networks="mastodon"></fan-share>`);
    byNetwork(again, 'mastodon').click();
    const input = await waitFor(() => again.shadowRoot!.querySelector<HTMLInputElement>('.popover input'));
    expect(input.value).to.equal('@fan@Mastodon.Social');
    localStorage.removeItem('fanfare:mastodon-server');
  });

  it('renders native only where navigator.share exists, decided before first paint', async () => {
    const had = Object.getOwnPropertyDescriptor(Navigator.prototype, 'share');
    let shared: ShareData | undefined;
    Object.defineProperty(navigator, 'share', { configurable: true, value: async (d: ShareData) => void (shared = d) });
    Object.defineProperty(navigator, 'canShare', { configurable: true, value: () => true });
    try {
      const el = await fixture<FanShare>(html`<fan-share lang="en" networks="native copy" title="Tulips" url="https://shop.example/n"></fan-share>`);
      expect(buttons(el).map((b) => b.dataset.network)).to.deep.equal(['native', 'copy']);
      byNetwork(el, 'native').click();
      await new Promise((r) => setTimeout(r));
      expect(shared).to.deep.include({ title: 'Tulips', url: `https://shop.example/n?fanref=${tokenOf(shared!.url!)}` });
    } finally {
      delete (navigator as unknown as Record<string, unknown>).share;
      delete (navigator as unknown as Record<string, unknown>).canShare;
      if (had) Object.defineProperty(Navigator.prototype, 'share', had);
    }
  });

  it('draws the chunks of its networks together once all are in, not a render for each', async () => {
    const el = document.createElement('fan-share') as FanShare;
    el.setAttribute('networks', 'x facebook linkedin telegram reddit copy');
    let renders = 0;
    const update = (el as unknown as { update: (c: unknown) => void }).update;
    Object.assign(el, { update: (c: unknown) => (renders++, update.call(el, c)) });
    document.body.append(el);
    await el.updateComplete;
    // The first render (buttons held in place, unseen), then one with every glyph and link.
    expect(renders).to.equal(2);
    expect(buttons(el).map((b) => b.localName)).to.deep.equal(['a', 'a', 'a', 'a', 'a', 'button']);
    el.remove();
  });

  it('keeps the same size from first paint (icons load without shifting anything)', async () => {
    const el = document.createElement('fan-share') as FanShare;
    el.setAttribute('networks', 'x weibo telegram');
    document.body.append(el);
    // The first render, a task after the one that defined the widget (FanElement), before any
    // network's chunk has arrived (rAF would not fire in a background tab).
    await Promise.resolve();
    await new Promise((r) => setTimeout(r));
    const waiting = byNetwork(el, 'x');
    expect(waiting.querySelector('path')!.getAttribute('d')).to.equal('');
    // Held in place but unseen, so no empty grey button flashes before its colour and glyph.
    expect(getComputedStyle(waiting).visibility).to.equal('hidden');
    // Clicked by a script meanwhile, it neither announces a share nor opens anything.
    let announced = 0;
    el.addEventListener('fan-share', () => announced++);
    waiting.click();
    expect(announced).to.equal(0);
    const first = el.getBoundingClientRect();
    await el.updateComplete;
    const later = el.getBoundingClientRect();
    expect([later.width, later.height]).to.deep.equal([first.width, first.height]);
    const x = byNetwork(el, 'x');
    expect(getComputedStyle(x).visibility).to.equal('visible');
    expect(getComputedStyle(x).backgroundColor).to.equal('rgb(0, 0, 0)');
    expect(x.getAttribute('href')).to.match(/^https:\/\/x\.com\/intent\/post\?/);
    el.remove();
  });

  it('leaves out a network whose chunk fails to load, says why once, and keeps the rest', async () => {
    const { packs } = await import('../src/networks/index.js');
    const load = packs.reddit!;
    // As if the chunk could not be fetched (offline, or blocked by a filter list).
    packs.reddit = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
    const { warnings, restore } = captureWarnings();
    const el = document.createElement('fan-share') as FanShare;
    try {
      el.setAttribute('networks', 'reddit x copy');
      document.body.append(el);
      await el.updateComplete;
      expect(buttons(el).map((b) => b.dataset.network)).to.deep.equal(['x', 'copy']);
      el.title = 'Re-rendered';
      await el.updateComplete;
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.contain('<fan-share> could not load reddit');
    } finally {
      restore();
      packs.reddit = load;
      el.remove();
    }
  });

  it('is accessible in each layout and variant, RTL included', async () => {
    for (const attrs of [
      { layout: 'row', variant: 'icon' },
      { layout: 'column', variant: 'label' },
      { layout: 'floating', variant: 'icon' },
    ]) {
      const el = await fixture<FanShare>(
        html`<div dir="rtl"><fan-share lang="en" layout=${attrs.layout} variant=${attrs.variant} networks="wechat weibo qq qzone whatsapp line reddit x facebook linkedin email copy"></fan-share></div>`,
      );
      await expect(el).to.be.accessible();
    }
  });

  it('leaves no timer pending once removed, however soon after a copy', async () => {
    const el = await fixture<FanShare>(html`<fan-share networks="copy"></fan-share>`);
    const timers = trackTimers();
    try {
      await withClipboard(async () => {
        byNetwork(el, 'copy').click();
        // The copy settles within microtasks; the announcement (50 ms) is still to come.
        await sleep(0);
      });
      expect(timers.pending(), 'the copy started no timer: this test would prove nothing').to.be.greaterThan(0);
      el.remove();
      expect(timers.pending()).to.equal(0);
    } finally {
      timers.restore();
    }
    // Reattached after the copied state's timer would have fired: it starts fresh.
    document.body.append(el);
    await el.updateComplete;
    expect(byNetwork(el, 'copy').querySelector('.swap > span:not(.off)')!.textContent).to.not.equal('Copied');
    el.remove();
  });

  it('took the token it arrived with out of the address, leaving the rest as it was', () => {
    expect(location.href).to.not.contain('fanref');
    expect(location.search).to.not.equal('?');
  });

  it('gives each click of a link network its own token, in the href it opens and in the event', async () => {
    const el = await fixture<FanShare>(html`<fan-share networks="x" utm="spring" url="https://shop.example/p/7?color=red#top"></fan-share>`);
    const link = byNetwork(el, 'x') as HTMLAnchorElement;
    // Drawn, the link carries no token: one nobody clicks (or opens by middle-click) is no share.
    expect(new URL(new URL(link.href).searchParams.get('url')!).searchParams.get('fanref')).to.equal(null);
    const seen: { detail: { url: string; ref: string; parent?: string }; href: string }[] = [];
    el.addEventListener('fan-share', (e) => seen.push({ detail: e.detail, href: '' }));
    // Last to see the click, so the href is the one the browser would open; never leave the test page.
    const stop = (e: Event) => {
      seen.at(-1)!.href = link.href;
      e.preventDefault();
    };
    window.addEventListener('click', stop);
    try {
      link.click();
      link.click();
      await sleep(0);
    } finally {
      window.removeEventListener('click', stop);
    }
    expect(seen).to.have.length(2);
    const [a, b] = seen.map(({ detail, href }) => {
      const shared = new URL(new URL(href).searchParams.get('url')!);
      // The link opened carries the token the event reported, with UTM, the page's own parameters and its hash.
      expect(shared.href).to.equal(detail.url);
      expect(shared.searchParams.get('color')).to.equal('red');
      expect(shared.searchParams.get('utm_campaign')).to.equal('spring');
      expect(shared.hash).to.equal('#top');
      expect(detail.ref).to.equal(tokenOf(detail.url));
      expect(detail.parent).to.equal(PARENT);
      return detail.ref;
    });
    expect(a).to.not.equal(b);
  });

  it('puts the token of the share action in the WeChat QR code and in its event', async () => {
    const el = await fixture<FanShare>(html`<fan-share lang="zh-CN" networks="wechat" url="https://shop.example/w"></fan-share>`);
    const heard = oneEvent(el, 'fan-share');
    byNetwork(el, 'wechat').click();
    const { detail } = await heard;
    const ref = tokenOf(detail.url);
    expect(detail).to.deep.equal({ network: 'wechat', url: `https://shop.example/w?fanref=${ref}`, ref, parent: PARENT });
    const d = await waitFor(() => el.shadowRoot!.querySelector('.popover .qr path')?.getAttribute('d'));
    expect(d).to.equal(qrPath(detail.url).d);
  });

  it('copies a new token each time, the one its event names', async () => {
    const el = await fixture<FanShare>(html`<fan-share lang="en" networks="copy" url="https://shop.example/c2"></fan-share>`);
    const refs: string[] = [];
    el.addEventListener('fan-share', (e) => refs.push(e.detail.ref));
    const first = await withClipboard(async () => {
      byNetwork(el, 'copy').click();
      await waitFor(() => refs.length === 1);
    });
    const second = await withClipboard(async () => {
      byNetwork(el, 'copy').click();
      await waitFor(() => refs.length === 2);
    });
    expect([tokenOf(first), tokenOf(second)]).to.deep.equal(refs);
    expect(refs[0]).to.not.equal(refs[1]);
  });
});
