import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { FanBuyerShow } from '../src/index.js';
import '../src/define.js';
import { nextEvent, sleep, warningsDuring } from '../../core/testing/index.js';
import { $, $$, FEED_URL, inlineFeed, loaded, mount, place, review, shownPos, spokenPos, text } from './helpers.js';

const names = (el: FanBuyerShow) => $$(el, '.slide .who span:first-child').map((s) => s.textContent);

describe('<fan-buyer-show> data', () => {
  it('loads a feed from its URL: stars, masked names, badge, date, product link', async () => {
    const el = await mount((e) => (e.src = FEED_URL));
    const first = $(el, '.slide');
    expect(first.querySelector('.stars')!.getAttribute('aria-label')).to.equal('5 out of 5 stars');
    expect(first.querySelector('.who span')!.textContent).to.equal('L.');
    expect(first.querySelector('.who')!.textContent).to.contain('Verified buyer');
    expect(first.querySelector('time')!.textContent).to.equal('May 1, 2024');
    expect(first.querySelector('img')!.src).to.equal(new URL('./photos/p1.svg', FEED_URL).href);
    expect(first.querySelector('a')!.href).to.equal('https://shop.example/p/linen-wrap-dress');
    expect(text(el, '.summary')).to.contain('4.5').and.contain('8 reviews');
    expect($(el, '.summary .stars').getAttribute('aria-label')).to.equal('Average rating 4.5 out of 5');
    expect(shownPos(el)).to.equal('1 of 8');
    // Nothing reaches an element's shadow as HTML, and nothing lands in the light DOM without seo.
    expect(el.children).to.have.length(0);
  });

  it('loads what is in view eagerly and the rest lazily', async () => {
    const el = await mount((e) => (e.src = FEED_URL));
    const loading = $$<HTMLImageElement>(el, '.slide img').map((i) => i.loading);
    expect(loading[0]).to.equal('eager');
    expect(loading.at(-1)).to.equal('lazy');
  });

  it('reads an inline feed and speaks Chinese', async () => {
    const el = await zhFeed();
    const second = $$(el, '.slide')[1];
    expect(second.querySelector('.who')!.textContent).to.contain('王**明').and.contain('已购买');
    expect(second.querySelector('time')!.textContent).to.equal('2024年4月18日');
    expect(second.querySelector('.stars')!.getAttribute('aria-label')).to.equal('4 星（满分 5 星）');
    expect(second.querySelector('a')!.textContent).to.contain('买同款');
    expect(text(el, '.summary')).to.contain('8 条评价');
    expect(shownPos(el)).to.equal('1 / 8');
  });

  it('shows a calm notice of the reserved size for a broken feed, with one warning', async () => {
    let loadingHeight = 0;
    const seen = await warningsDuring(async () => {
      const el = await place((e) => (e.src = new URL('./broken.json', FEED_URL).href));
      await el.updateComplete;
      loadingHeight = el.getBoundingClientRect().height;
      await loaded(el);
      expect(text(el, '.notice')).to.equal('Reviews are not available right now.');
      expect(el.getBoundingClientRect().height).to.equal(loadingHeight);
      expect($$(el, '.slide.skeleton')).to.have.length.greaterThan(0);
    });
    expect(loadingHeight).to.be.greaterThan(300);
    expect(seen).to.have.length(1);
    expect(seen[0]).to.contain('<fan-buyer-show>').and.contain('not valid JSON');
  });

  it('keeps the same height from placeholder to loaded carousel (no layout shift)', async () => {
    const el = await place((e) => (e.src = FEED_URL));
    await el.updateComplete;
    const before = el.getBoundingClientRect().height;
    await loaded(el);
    expect(el.getBoundingClientRect().height).to.equal(before);
  });

  it('retries a failed fetch once', async () => {
    const real = window.fetch;
    let calls = 0;
    window.fetch = (...args: Parameters<typeof fetch>) => (++calls === 1 ? Promise.reject(new TypeError('offline')) : real(...args));
    try {
      const el = await mount((e) => (e.src = FEED_URL));
      expect(calls).to.equal(2);
      expect($$(el, '.slide')).to.have.length.greaterThan(0);
    } finally {
      window.fetch = real;
    }
  });

  it('keeps hostile content inert and drops unsafe URLs with one warning', async () => {
    const w = window as unknown as { pwned?: number };
    delete w.pwned;
    const evil = '<img src=x onerror="window.pwned=1"><script>window.pwned=1</script>';
    let el!: FanBuyerShow;
    const seen = await warningsDuring(async () => {
      el = await mount((e) =>
        e.append(
          inlineFeed({
            reviews: [
              review(1, { author: evil, text: evil, product: { name: evil, url: 'javascript:window.pwned=1' } }),
              review(2, { photos: [{ src: 'javascript:window.pwned=1', width: 1, height: 1 }] }),
              review(3, { rating: 9 }),
            ],
          }),
        ),
      );
    });
    await new Promise((r) => setTimeout(r, 100));
    expect(w.pwned).to.equal(undefined);
    expect($$(el, '.slide')).to.have.length(2);
    expect($(el, '.slide .text').textContent).to.equal(evil);
    expect($$(el, 'script, img[src="x"], [onerror]')).to.have.length(0);
    expect($$(el, 'a')).to.have.length(0);
    expect(seen).to.have.length(1);
    expect(seen[0]).to.contain('javascript:').and.contain('rating 9');
  });
});

describe('<fan-buyer-show> feed loading', () => {
  /** fetch, with the answers for `slow` held back until `release()`. */
  function holdBack(slow: string) {
    const real = window.fetch;
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    window.fetch = async (...args: Parameters<typeof fetch>) => {
      if (String(args[0]) === slow) await held;
      return real(...args);
    };
    return { release, restore: () => (window.fetch = real) };
  }
  const BROKEN = new URL('./broken.json', FEED_URL).href;

  // The first slides replace the skeleton without scrolling the track when it is at its
  // start (a scroll there would lay them out inside the render's own task); one the fan
  // moved while loading still comes back to the first slide.
  it('starts at the first slide when the reviews arrive, even if the fan scrolled the loading placeholders', async () => {
    const net = holdBack(FEED_URL);
    try {
      const el = await place((e) => (e.src = FEED_URL), 'width: 300px');
      await el.updateComplete;
      const track = $(el, '.track');
      track.scrollTo({ left: 200, behavior: 'instant' });
      await waitUntil(() => track.scrollLeft > 100, 'the placeholders did not scroll');
      await sleep(50);
      net.release();
      await loaded(el);
      await waitUntil(() => track.scrollLeft === 0, `the carousel stayed at ${track.scrollLeft}px`);
      expect(shownPos(el)).to.equal('1 of 8');
      expect($(el, '.slide').getAttribute('data-index')).to.equal('0');
    } finally {
      net.restore();
    }
  });

  it('shows only the latest source: a late answer for an earlier src is dropped, and says nothing', async () => {
    const net = holdBack(BROKEN);
    try {
      let el!: FanBuyerShow;
      const seen = await warningsDuring(async () => {
        el = await place((e) => (e.src = BROKEN));
        await el.updateComplete;
        // The first answer is still on its way when the page changes its mind.
        el.src = FEED_URL;
        await loaded(el);
        net.release();
        await sleep(300);
      });
      expect(seen).to.deep.equal([]);
      expect($$(el, '.slide')).to.have.length.greaterThan(0);
      expect(shownPos(el)).to.equal('1 of 8');
    } finally {
      net.restore();
    }
  });

  it('drops an answer that comes after the widget left the page', async () => {
    const net = holdBack(BROKEN);
    try {
      const seen = await warningsDuring(async () => {
        const el = await place((e) => (e.src = BROKEN));
        await el.updateComplete;
        el.remove();
        net.release();
        await sleep(300);
      });
      expect(seen).to.deep.equal([]);
    } finally {
      net.restore();
    }
  });

  it('loads again when put back on the page, and warns in the shared format', async () => {
    let el!: FanBuyerShow;
    const seen = await warningsDuring(async () => {
      el = await mount((e) => {
        e.id = 'looks';
        e.src = BROKEN;
      });
      const wrap = el.parentElement!;
      el.remove();
      wrap.append(el);
      await el.updateComplete;
      await waitUntil(() => $(el, '.notice'), 'the feed was not read again');
    });
    expect(seen).to.deep.equal([
      '<fan-buyer-show#looks> could not show its feed: the feed is not valid JSON.',
      '<fan-buyer-show#looks> could not show its feed: the feed is not valid JSON.',
    ]);
  });
});

describe('<fan-buyer-show> carousel', () => {
  it('moves with arrow keys, Home and End, and reports each settled slide', async () => {
    const el = await mount((e) => (e.src = FEED_URL));
    $(el, '.next').focus();
    let change = nextEvent<{ index: number }>(el, 'fan-slide-change');
    await sendKeys({ press: 'ArrowRight' });
    expect((await change).detail.index).to.equal(1);
    expect(shownPos(el)).to.equal('2 of 8');
    change = nextEvent(el, 'fan-slide-change');
    await sendKeys({ press: 'End' });
    // 600px shows two slides, so the last stop shows slides 7 and 8.
    expect((await change).detail.index).to.equal(6);
    expect(shownPos(el)).to.equal('7 of 8');
    expect($(el, '.next').getAttribute('aria-disabled')).to.equal('true');
    change = nextEvent(el, 'fan-slide-change');
    await sendKeys({ press: 'Home' });
    expect((await change).detail.index).to.equal(0);
    expect($(el, '.track').scrollLeft).to.equal(0);
  });

  it('follows the reading direction in a right-to-left page', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div dir="rtl" style="width: 600px"></div>`);
    const el = document.createElement('fan-buyer-show');
    el.src = FEED_URL;
    wrap.append(el);
    await loaded(el);
    await new Promise((r) => requestAnimationFrame(r));
    $(el, '.next').focus();
    const change = nextEvent<{ index: number }>(el, 'fan-slide-change');
    await sendKeys({ press: 'ArrowLeft' });
    expect((await change).detail.index).to.equal(1);
    expect($(el, '.track').scrollLeft).to.be.below(-200);
  });

  it('lets vertical swipes scroll the page and horizontal ones the carousel', async () => {
    const el = await mount((e) => (e.src = FEED_URL));
    expect(getComputedStyle($(el, '.track')).touchAction).to.equal('pan-x pan-y');
    expect(getComputedStyle($(el, '.track')).scrollSnapType).to.equal('x mandatory');
  });

  it('shows full names only when asked', async () => {
    const el = await mount((e) => {
      e.src = FEED_URL;
      e.setAttribute('names', 'full');
    });
    expect(names(el).slice(0, 2)).to.deep.equal(['Lisa', '王小明']);
  });

  it('moves with the previous and next buttons', async () => {
    const el = await mount((e) => (e.src = FEED_URL));
    const change = nextEvent<{ index: number }>(el, 'fan-slide-change');
    $(el, '.next').click();
    expect((await change).detail.index).to.equal(1);
    await waitUntil(() => $(el, '.track').scrollLeft > 200, 'track did not scroll');
    $(el, '.prev').click();
    await waitUntil(() => shownPos(el) === '1 of 8');
  });

  it('filters: all, with photos, five stars; the attribute and the buttons agree', async () => {
    const el = await mount((e) => (e.src = FEED_URL));
    const buttons = $$(el, '.filters button');
    expect(buttons.map((b) => b.textContent!.trim())).to.deep.equal(['All', 'With photos', '5 stars']);
    buttons[1].click();
    await el.updateComplete;
    expect(el.getAttribute('filter')).to.equal('photos');
    expect(buttons[1].getAttribute('aria-pressed')).to.equal('true');
    expect(names(el)).to.deep.equal(['L.', '王**明', '陈*', 'A.', '李*']);
    expect($$(el, '.slide.no-photo')).to.have.length(0);
    el.setAttribute('filter', '5');
    await el.updateComplete;
    expect($$(el, '.slide .stars').every((s) => s.getAttribute('aria-label') === '5 out of 5 stars')).to.equal(true);
    expect(shownPos(el)).to.equal('1 of 5');
    const seen = await warningsDuring(async () => {
      el.setAttribute('filter', 'best');
      await el.updateComplete;
    });
    expect(el.filter).to.equal('all');
    expect(seen).to.have.length(1);
  });

  it('comes back to the first slide when the filter changes after the fan moved on', async () => {
    const el = await mount((e) => (e.src = FEED_URL));
    const track = $(el, '.track');
    $(el, '.next').click();
    await waitUntil(() => track.scrollLeft > 200, 'track did not scroll');
    await waitUntil(() => shownPos(el) === '2 of 8');
    el.filter = 'photos';
    await el.updateComplete;
    await waitUntil(() => track.scrollLeft === 0, `the carousel stayed at ${track.scrollLeft}px`);
    expect(shownPos(el)).to.equal('1 of 5');
    expect(spokenPos(el)).to.equal('Review 1 of 5');
  });

  it('emits fan-review-click with the product URL', async () => {
    const el = await mount((e) => (e.src = FEED_URL));
    const stay = (e: Event) => e.preventDefault();
    document.addEventListener('click', stay);
    try {
      const got = nextEvent<{ id: string; url: string }>(document, 'fan-review-click');
      $(el, '.slide a').click();
      expect((await got).detail).to.deep.equal({ id: 'r1', url: 'https://shop.example/p/linen-wrap-dress' });
    } finally {
      document.removeEventListener('click', stay);
    }
  });

  it('keeps only the slides near the view in the DOM for 1,000 reviews', async () => {
    const reviews = Array.from({ length: 1000 }, (_, i) => review(i));
    const el = await mount((e) => e.append(inlineFeed({ reviews })));
    expect($$(el, '.slide').length).to.be.within(2, 12);
    expect(shownPos(el)).to.equal('1 of 1,000');
    const track = $(el, '.track');
    // Slides left out still take their room, so the scrollbar tells the truth.
    expect(track.scrollWidth).to.be.greaterThan(1000 * 240);
    const change = nextEvent<{ index: number }>(el, 'fan-slide-change');
    $(el, '.next').focus();
    await sendKeys({ press: 'End' });
    expect((await change).detail.index).to.equal(998);
    await el.updateComplete;
    const labels = $$(el, '.slide').map((s) => s.getAttribute('aria-label'));
    expect(labels).to.include('Review 1000 of 1000');
    expect(labels).not.to.include('Review 1 of 1000');
    expect($$(el, '.slide').length).to.be.within(2, 12);
    expect(el.shadowRoot!.querySelectorAll('*').length).to.be.below(250);
  });

  it('writes JSON-LD into the light DOM only when asked, matching what is shown', async () => {
    const el = await mount((e) => {
      e.src = FEED_URL;
      e.setAttribute('seo', '');
    });
    const ld = () => el.querySelector('script[type="application/ld+json"]');
    await waitUntil(() => ld());
    let data = JSON.parse(ld()!.textContent!);
    expect(data['@type']).to.equal('Product');
    expect(data.name).to.equal('Linen wrap dress');
    expect(data.aggregateRating).to.include({ ratingValue: 4.5, reviewCount: 8 });
    const onScreen = names(el);
    expect(data.review.slice(0, onScreen.length).map((r: { author: { name: string } }) => r.author.name)).to.deep.equal(onScreen);
    expect(data.review[0].author.name).to.equal('L.');
    el.filter = '5';
    await waitUntil(() => JSON.parse(ld()!.textContent!).review.length === 5, 'JSON-LD did not follow the filter');
    data = JSON.parse(ld()!.textContent!);
    expect(data.review.every((r: { reviewRating: { ratingValue: number } }) => r.reviewRating.ratingValue === 5)).to.equal(true);
    expect(el.querySelectorAll('script[type="application/ld+json"]')).to.have.length(1);
    el.removeAttribute('seo');
    await waitUntil(() => !ld(), 'JSON-LD stayed after seo was removed');
  });

  it('is accessible: loaded, filtered to nothing, and failed', async () => {
    const el = await mount((e) => (e.src = FEED_URL));
    await expect(el).to.be.accessible();
    const none = await mount((e) => {
      e.filter = '5';
      e.append(inlineFeed({ reviews: [review(1, { rating: 3 })] }));
    });
    expect(text(none, '.notice')).to.equal('No reviews match this filter yet.');
    await expect(none).to.be.accessible();
    let failed!: FanBuyerShow;
    await warningsDuring(async () => {
      failed = await mount((e) => (e.src = new URL('./missing.json', FEED_URL).href));
    });
    await expect(failed).to.be.accessible();
  });
});

/** What a screen reader gets from `node`: its text outside aria-hidden subtrees, an image's label. */
function spoken(node: Node): string {
  if (node instanceof Element && node.getAttribute('aria-hidden') === 'true') return '';
  if (node instanceof Element && node.getAttribute('role') === 'img') return ` ${node.getAttribute('aria-label')} `;
  if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
  return [...node.childNodes].map(spoken).join('');
}
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The fixture feed, inline, in a widget that speaks Chinese. */
async function zhFeed(): Promise<FanBuyerShow> {
  const feed = await (await fetch(FEED_URL)).json();
  return mount((e) => {
    e.lang = 'zh-CN';
    // The fixture's photo paths are relative to its own folder.
    for (const r of feed.reviews) for (const p of r.photos ?? []) p.src = new URL(p.src, FEED_URL).href;
    e.append(inlineFeed(feed));
  });
}

describe('<fan-buyer-show> for a screen reader', () => {
  it('describes the carousel and its slides in Chinese, not in English', async () => {
    const el = await zhFeed();
    expect($(el, 'section').getAttribute('aria-roledescription')).to.equal('轮播');
    expect($(el, '.slide').getAttribute('aria-roledescription')).to.equal('评价卡片');
    expect($(el, '.prev').getAttribute('aria-label')).to.equal('上一条评价');
    expect($(el, '.next').getAttribute('aria-label')).to.equal('下一条评价');
  });

  it('says the position in words and shows it short: no "slash"', async () => {
    const zh = await zhFeed();
    expect(shownPos(zh)).to.equal('1 / 8');
    expect(spokenPos(zh)).to.equal('第 1 条，共 8 条');
    expect(squash(spoken($(zh, '.pos')))).to.equal('第 1 条，共 8 条');
    const en = await mount((e) => (e.src = FEED_URL));
    expect($(en, 'section').getAttribute('aria-roledescription')).to.equal('carousel');
    expect(shownPos(en)).to.equal('1 of 8');
    expect(squash(spoken($(en, '.pos')))).to.equal('Review 1 of 8');
    const change = nextEvent(en, 'fan-slide-change');
    $(en, '.next').click();
    await change;
    await en.updateComplete;
    expect(squash(spoken($(en, '.pos')))).to.equal('Review 2 of 8');
  });

  it('reads the average once, without the visible number or the dot', async () => {
    const el = await mount((e) => (e.src = FEED_URL));
    const summary = $(el, '.summary');
    expect(squash(summary.textContent!)).to.equal('★★★★★ 4.5 · 8 reviews');
    expect(squash(spoken(summary))).to.equal('Average rating 4.5 out of 5 8 reviews');
  });

  it('names a photo and its product in Chinese punctuation, and never by a masked name', async () => {
    const noAlt = (r: Record<string, unknown>) => ({ ...r, photos: (r.photos as object[]).map((p) => ({ ...p, alt: '' })) });
    const feed = { reviews: [noAlt(review(1, { author: '王小明', product: { name: '亚麻连衣裙', url: 'https://shop.example/p/1' } }))] };
    const masked = await mount((e) => {
      e.lang = 'zh-CN';
      e.append(inlineFeed(feed));
    });
    expect($(masked, '.who span').textContent).to.equal('王**明');
    expect($<HTMLImageElement>(masked, '.shot img').alt).to.equal('买家的晒图');
    expect(text(masked, '.shot .sr-only')).to.equal('（查看大图，共 1 张）');
    expect(text(masked, '.shop')).to.equal('买同款：亚麻连衣裙');
    const full = await mount((e) => {
      e.lang = 'zh-CN';
      e.setAttribute('names', 'full');
      e.append(inlineFeed(feed));
    });
    expect($<HTMLImageElement>(full, '.shot img').alt).to.equal('王小明的晒图');
    const en = await mount((e) => e.append(inlineFeed(feed)));
    expect($<HTMLImageElement>(en, '.shot img').alt).to.equal('Photo from a customer');
    expect(text(en, '.shop')).to.equal('Shop this look: 亚麻连衣裙');
  });
});
