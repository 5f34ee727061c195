import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../src/index.js';
import { FanInvite } from '../src/fan-invite.js';
import { placeholderCss } from '../../embed/src/placeholders.js';
import { captureWarnings, nextEvent, sleep, trackTimers, waitFor, warningsDuring } from '../../core/testing/index.js';

const ENDPOINT = 'https://stats.example/referrals';
const REF = 'AbCdEfGh12345678';
const KEY = 'k'.repeat(22);
const root = (el: FanInvite) => el.shadowRoot!;
const heading = (el: FanInvite) => root(el).querySelector('[part=heading]')!.textContent!.trim();
const status = (el: FanInvite) => root(el).querySelector('.status')!.textContent!.replace(/\s+/g, ' ').trim();
const button = (el: FanInvite) => root(el).querySelector<HTMLButtonElement>('[part=button]');
const share = (el: FanInvite) => root(el).querySelector('fan-share');

interface Call {
  method: string;
  url: string;
  body?: unknown;
}

/**
 * A stand-in for the server's /referrals, answering as packages/server does: `friends`
 * grows when a test says so; `answer` overrides every call (an error, or never).
 */
function fakeServer(opts: { friends?: number; needed?: number; holdout?: boolean; answer?: 'never' | { status: number; body: unknown } } = {}) {
  const calls: Call[] = [];
  const state = { friends: opts.friends ?? 0, code: '' };
  const realFetch = window.fetch;
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    const call: Call = { method: init?.method ?? 'GET', url, ...(init?.body ? { body: JSON.parse(String(init.body)) } : {}) };
    calls.push(call);
    const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
    if (opts.answer === 'never') {
      return new Promise<Response>((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    }
    if (opts.answer) return json(opts.answer.status, opts.answer.body);
    const needed = opts.needed ?? 3;
    if (url === ENDPOINT) {
      return json(200, opts.holdout ? { holdout: true, ref: REF, expires: Date.now() + 86_400_000 } : { ref: REF, key: KEY, needed, title: '15% off', expires: Date.now() + 86_400_000 });
    }
    if (url === `${ENDPOINT}/${REF}?key=${KEY}`) return json(200, { friends: state.friends, needed, ...(state.code && { code: state.code }) });
    if (url === `${ENDPOINT}/${REF}/claim`) {
      if (state.friends < needed) return json(422, { error: 'not_enough_friends', message: 'x' });
      if (state.code) return json(409, { error: 'invite_claimed', message: 'x' });
      state.code = 'SPRING-7';
      return json(200, { code: state.code, title: '15% off' });
    }
    return json(403, { error: 'bad_invite', message: 'x' });
  };
  return { calls, state, restore: () => (window.fetch = realFetch) };
}

let server: ReturnType<typeof fakeServer> | undefined;
let campaign = 0;
const fresh = () => `spring${++campaign}-${Date.now()}`;

afterEach(() => {
  fixtureCleanup();
  server?.restore();
  server = undefined;
  FanInvite.timeout = 8000;
});

async function invite(c: string, lang = 'en') {
  const el = await fixture<FanInvite>(html`<fan-invite lang=${lang} campaign=${c} reward-endpoint=${ENDPOINT} networks="weibo x copy"></fan-invite>`);
  await waitFor(() => !root(el).querySelector('[aria-busy=true]'), 'the invite loads');
  await el.updateComplete;
  return el;
}

describe('<fan-invite>', () => {
  it('starts an invite, shares its ref as fanref, shows progress politely, and fires fan-invite-start', async () => {
    server = fakeServer({ friends: 1 });
    const c = fresh();
    const started = nextEvent<{ campaign: string }>(document, 'fan-invite-start');
    const el = await invite(c);
    expect((await started).detail).to.deep.equal({ campaign: c });
    expect(server.calls[0]).to.deep.equal({ method: 'POST', url: ENDPOINT, body: { campaign: c } });
    expect(heading(el)).to.equal('Invite 3 friends and get 15% off when they visit');
    await share(el)!.updateComplete;
    expect(share(el)!.ref).to.equal(REF);
    const weibo = share(el)!.shadowRoot!.querySelector<HTMLAnchorElement>('[data-network=weibo]')!;
    const shared = nextEvent<{ ref: string; url: string }>(document, 'fan-share');
    const stay = (e: Event) => e.preventDefault();
    window.addEventListener('click', stay);
    weibo.click();
    window.removeEventListener('click', stay);
    const e = await shared;
    expect(e.detail.ref).to.equal(REF);
    expect(new URL(e.detail.url).searchParams.get('fanref')).to.equal(REF);
    // The key never leaves in a link.
    expect(e.detail.url).to.not.contain(KEY);
    // A fresh invite reads its progress only when asked: a refresh, or coming back to the tab.
    expect(status(el)).to.equal('0 of 3 friends have visited');
    expect(root(el).querySelector('.status')!.getAttribute('aria-live')).to.equal('polite');
    button(el)!.click();
    await waitFor(() => status(el) === '1 of 3 friends have visited', 'the refreshed progress');
    expect(button(el)!.textContent).to.equal('Refresh');
    await expect(el).to.be.accessible();
  });

  it('refreshes once when the fan comes back to the tab, not in a loop', async () => {
    server = fakeServer({ friends: 0 });
    const el = await invite(fresh());
    server.state.friends = 2;
    await sleep(10);
    // Within five seconds of the last check a focus does not ask again.
    window.dispatchEvent(new FocusEvent('focus'));
    await sleep(50);
    expect(server.calls.filter((c) => c.method === 'GET')).to.have.length(0);
    (el as unknown as { checked: number }).checked = 0;
    window.dispatchEvent(new FocusEvent('focus'));
    window.dispatchEvent(new FocusEvent('focus'));
    await waitFor(() => status(el) === '2 of 3 friends have visited', 'the progress after focus');
    expect(server.calls.filter((c) => c.method === 'GET')).to.have.length(1);
    const timers = trackTimers();
    try {
      await sleep(200);
      expect(server.calls.filter((c) => c.method === 'GET'), 'no polling').to.have.length(1);
    } finally {
      timers.restore();
    }
  });

  it('claims once enough friends came, shows the code with a copy button, keeps it for a reload, and fires fan-reward', async () => {
    server = fakeServer({ friends: 3 });
    const c = fresh();
    const el = await invite(c);
    button(el)!.click();
    await waitFor(() => button(el)!.textContent === 'Get my reward', 'the claim button');
    expect(status(el)).to.equal('3 of 3 friends have visited');
    await expect(el).to.be.accessible();
    const reward = nextEvent<{ title: string; tier: number; code: string }>(el, 'fan-reward');
    button(el)!.click();
    expect((await reward).detail).to.deep.equal({ title: '15% off', tier: 0, code: 'SPRING-7' });
    await el.updateComplete;
    expect(heading(el)).to.equal('Your reward: 15% off');
    expect(status(el)).to.equal('Your code:SPRING-7');
    expect(button(el)!.textContent).to.equal('Copy code');
    await expect(el).to.be.accessible();
    // A reload: the code is back from the device, with no call to the server.
    fixtureCleanup();
    const calls = server.calls.length;
    const again = await fixture<FanInvite>(html`<fan-invite lang="zh-CN" campaign=${c} reward-endpoint=${ENDPOINT}></fan-invite>`);
    expect(heading(again)).to.equal('你的奖励：15% off');
    expect(status(again)).to.equal('你的券码：SPRING-7');
    expect(button(again)!.textContent).to.equal('复制券码');
    expect(server.calls.length).to.equal(calls);
    await expect(again).to.be.accessible();
  });

  it('keeps the ref and key on the device: a reload reads the progress of the same invite, no new one', async () => {
    server = fakeServer({ friends: 1 });
    const c = fresh();
    await invite(c);
    fixtureCleanup();
    const el = await invite(c, 'zh-CN');
    await waitFor(() => status(el) === '已有 1 位好友到访，共需 3 位', 'the progress in Chinese');
    expect(server.calls.map((x) => x.method)).to.deep.equal(['POST', 'GET']);
    expect(heading(el)).to.equal('邀请 3 位好友来逛逛，即可获得 15% off');
    await expect(el).to.be.accessible();
  });

  it('says why a claim was refused, in the fan’s language', async () => {
    server = fakeServer({ friends: 3 });
    const el = await invite(fresh(), 'zh-CN');
    button(el)!.click();
    await waitFor(() => button(el)!.textContent === '领取奖励', 'the claim button');
    server.state.friends = 1;
    button(el)!.click();
    await waitFor(() => status(el) === '到访的好友还不够，再邀请几位吧。', 'the refusal');
  });

  it('in the holdout shows the share buttons with the invite’s ref and no offer', async () => {
    server = fakeServer({ holdout: true });
    const el = await invite(fresh());
    expect(heading(el)).to.equal('Enjoying it? Share it with your friends');
    expect(share(el)!.ref).to.equal(REF);
    expect(button(el)).to.equal(null);
    expect(status(el)).to.equal('');
    await expect(el).to.be.accessible();
  });

  it('inside WeChat ties no reward to sharing: the marketer’s text, no invite, no server call', async () => {
    Object.defineProperty(navigator, 'userAgent', { value: 'Mozilla/5.0 (iPhone) MicroMessenger/8.0.50', configurable: true });
    try {
      server = fakeServer();
      const el = await fixture<FanInvite>(html`<fan-invite campaign=${fresh()} reward-endpoint=${ENDPOINT} wechat-text="春日花束，分享给好友"></fan-invite>`);
      await sleep(50);
      expect(heading(el)).to.equal('春日花束，分享给好友');
      expect(server.calls).to.have.length(0);
      expect(share(el)!.ref).to.equal('');
      expect(button(el)).to.equal(null);
      const plain = await fixture<FanInvite>(html`<fan-invite lang="zh-CN" campaign="x" reward-endpoint=${ENDPOINT}></fan-invite>`);
      expect(heading(plain)).to.equal('喜欢就分享给好友吧');
      expect(heading(plain)).to.not.match(/邀请|奖励|获得/);
    } finally {
      delete (navigator as unknown as Record<string, unknown>).userAgent;
    }
  });
});

describe('<fan-invite> with a broken setup: a calm widget and one warning, never a page error', () => {
  let errors: unknown[] = [];
  const onError = (e: ErrorEvent | PromiseRejectionEvent) => errors.push('reason' in e ? e.reason : e.error);
  beforeEach(() => {
    errors = [];
    addEventListener('error', onError);
    addEventListener('unhandledrejection', onError);
  });
  afterEach(() => {
    removeEventListener('error', onError);
    removeEventListener('unhandledrejection', onError);
    expect(errors).to.deep.equal([]);
  });

  async function broken(answer: 'never' | { status: number; body: unknown }, c = fresh()) {
    server = fakeServer({ answer });
    const { warnings, restore } = captureWarnings();
    try {
      const el = await fixture<FanInvite>(html`<fan-invite campaign=${c} reward-endpoint=${ENDPOINT} networks="weibo copy"></fan-invite>`);
      await waitFor(() => !root(el).querySelector('[aria-busy=true]'), 'the widget settles', 3000);
      await el.updateComplete;
      await sleep(20);
      return { el, warnings: [...warnings] };
    } finally {
      restore();
    }
  }

  it('an unknown campaign: the share buttons alone, and a warning naming the campaign', async () => {
    const { el, warnings } = await broken({ status: 404, body: { error: 'unknown_campaign', message: 'no referral campaign "nope"' } }, 'nope');
    expect(warnings).to.deep.equal([`<fan-invite> reward-endpoint="${ENDPOINT}" refused campaign="nope" (unknown_campaign); showing the share buttons alone`]);
    expect(heading(el)).to.equal('Enjoying it? Share it with your friends');
    expect(share(el)).to.not.equal(null);
    expect(button(el)).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('a reward-endpoint that answers 500', async () => {
    const { el, warnings } = await broken({ status: 500, body: { error: 'internal', message: 'x' } });
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain('(internal)');
    expect(share(el)).to.not.equal(null);
    await expect(el).to.be.accessible();
  });

  it('a reward-endpoint that never answers: loading, then the share buttons alone once it stops waiting', async () => {
    FanInvite.timeout = 300;
    server = fakeServer({ answer: 'never' });
    const warnings = await warningsDuring(async () => {
      const el = await fixture<FanInvite>(html`<fan-invite campaign=${fresh()} reward-endpoint=${ENDPOINT}></fan-invite>`);
      expect(heading(el)).to.equal('Loading your invite…');
      expect(root(el).querySelector('[aria-busy=true]')).to.not.equal(null);
      await expect(el).to.be.accessible();
      await waitFor(() => !root(el).querySelector('[aria-busy=true]'), 'the widget stops waiting', 2000);
      expect(heading(el)).to.equal('Enjoying it? Share it with your friends');
      await expect(el).to.be.accessible();
    });
    expect(warnings).to.deep.equal([`<fan-invite> got no answer from reward-endpoint="${ENDPOINT}"; showing the share buttons alone`]);
  });

  it('no campaign or endpoint at all', async () => {
    const warnings = await warningsDuring(async () => {
      const el = await fixture<FanInvite>(html`<fan-invite></fan-invite>`);
      await sleep(20);
      expect(share(el)).to.not.equal(null);
    });
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain('needs campaign and reward-endpoint');
  });

  it('a refresh that fails keeps the last progress, says so calmly and warns once', async () => {
    server = fakeServer({ friends: 1 });
    const el = await invite(fresh());
    server.restore();
    server = fakeServer({ answer: { status: 500, body: { error: 'internal', message: 'x' } } });
    const warnings = await warningsDuring(async () => {
      for (let i = 0; i < 3; i++) {
        button(el)!.click();
        await waitFor(() => status(el) === 'Could not check just now; try Refresh in a moment.' && button(el)!.textContent === 'Refresh', 'the calm note');
      }
    });
    expect(warnings).to.have.length(1);
  });
});

describe('<fan-invite> takes the same room in every state (no layout shift)', () => {
  const ph = () => {
    const probe = document.createElement('div');
    probe.style.minHeight = /min-height:([^;}]+)/.exec(placeholderCss('fan-invite'))![1]!;
    document.body.append(probe);
    const h = probe.getBoundingClientRect().height;
    probe.remove();
    return h;
  };

  for (const width of [390, 1280]) {
    it(`at ${width} px, in English and Chinese`, async () => {
      await setViewport({ width, height: 900 });
      const want = ph();
      expect(want).to.be.greaterThan(100);
      for (const lang of ['en', 'zh-CN']) {
        server = fakeServer({ friends: 3 });
        const c = fresh();
        const el = await fixture<FanInvite>(html`<div class="page"><fan-invite lang=${lang} campaign=${c} reward-endpoint=${ENDPOINT}></fan-invite></div>`);
        const inv = el.querySelector('fan-invite')!;
        const h = () => inv.getBoundingClientRect().height;
        expect(h(), `${lang} loading`).to.equal(want);
        // The first render is a task after the one that defined the widget (FanElement).
        await inv.updateComplete;
        await waitFor(() => !root(inv).querySelector('[aria-busy=true]'));
        await inv.updateComplete;
        expect(h(), `${lang} inviting`).to.equal(want);
        button(inv)!.click();
        await waitFor(() => root(inv).querySelector('.primary'));
        expect(h(), `${lang} ready`).to.equal(want);
        button(inv)!.click();
        await waitFor(() => root(inv).querySelector('[part=code]'));
        expect(h(), `${lang} won`).to.equal(want);
        server.restore();
        server = fakeServer({ holdout: true });
        const held = await fixture<FanInvite>(html`<fan-invite lang=${lang} campaign=${fresh()} reward-endpoint=${ENDPOINT}></fan-invite>`);
        await waitFor(() => !root(held).querySelector('[aria-busy=true]'));
        expect(held.getBoundingClientRect().height, `${lang} holdout`).to.equal(want);
        server.restore();
        server = undefined;
      }
    });
  }
});

describe('<fan-invite> as an element', () => {
  it('survives a second define and clears its timers when it leaves', async () => {
    expect(() => FanInvite.define('fan-invite')).to.not.throw();
    server = fakeServer({ friends: 3 });
    const el = await invite(fresh());
    button(el)!.click();
    await waitFor(() => root(el).querySelector('.primary'));
    button(el)!.click();
    await waitFor(() => root(el).querySelector('[part=code]'));
    const timers = trackTimers();
    try {
      el.remove();
      await sleep(10);
      expect(timers.pending()).to.equal(0);
    } finally {
      timers.restore();
    }
  });
});
