import { expect, waitUntil } from '@open-wc/testing';
import type { FanBuyerShow } from '../src/index.js';
import '../src/define.js';
import { sendKeys } from '@web/test-runner-commands';
import { nextEvent } from '../../core/testing/index.js';
import { $, FEED_URL, inlineFeed, loaded, mount, review, text } from './helpers.js';

const fromUrl = (e: FanBuyerShow) => (e.src = FEED_URL);

/** Tap the first photo; resolves once its dialog is open. */
async function openFirst(el: FanBuyerShow): Promise<HTMLDialogElement> {
  $(el, '.slide .shot').click();
  await waitUntil(() => $<HTMLDialogElement>(el, 'dialog')?.open, 'the dialog did not open');
  return $<HTMLDialogElement>(el, 'dialog');
}

async function closeWith(el: FanBuyerShow, sel: string, what: string): Promise<void> {
  $(el, sel).click();
  await waitUntil(() => !$<HTMLDialogElement>(el, 'dialog').open, `${what} did not close`);
}

describe('<fan-buyer-show> lightbox', () => {
  it('opens a review’s photos in a dialog, moves with arrows, closes on Escape and gives focus back', async () => {
    const el = await mount(fromUrl);
    const opener = $(el, '.slide .shot');
    const opened = nextEvent<{ id: string }>(el, 'fan-review-open');
    opener.click();
    expect((await opened).detail.id).to.equal('r1');
    const dialog = $<HTMLDialogElement>(el, 'dialog');
    expect(dialog.open).to.equal(true);
    expect(dialog.matches(':modal')).to.equal(true);
    // A masked name is read as a name ("L", "王星星明"), so the dialog does not use it.
    expect(dialog.getAttribute('aria-label')).to.equal('Photos from a customer');
    expect(dialog.contains(el.shadowRoot!.activeElement)).to.equal(true);
    expect(text(el, 'dialog .pos')).to.equal('Photo 1 of 2');
    expect($<HTMLImageElement>(el, 'dialog img').alt).to.equal('A woman in a green linen dress');
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(text(el, 'dialog .pos')).to.equal('Photo 2 of 2');
    await waitUntil(() => $(el, '.strip').scrollLeft > 100, 'the photo strip did not move');
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(text(el, 'dialog .pos')).to.equal('Photo 2 of 2');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog.open, 'Escape did not close');
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal(opener);
  });

  it('follows a swipe: the strip scrolls and the counter keeps up', async () => {
    const el = await mount(fromUrl);
    await openFirst(el);
    const strip = $(el, '.strip');
    strip.scrollTo({ left: strip.clientWidth, behavior: 'instant' });
    await waitUntil(() => text(el, 'dialog .pos') === 'Photo 2 of 2', 'the counter did not follow');
    // A click on the dialog element itself is a click on its backdrop.
    await closeWith(el, 'dialog', 'a backdrop click');
  });

  it('is accessible while open', async () => {
    const el = await mount(fromUrl);
    await openFirst(el);
    await expect(el).to.be.accessible();
    await closeWith(el, 'dialog .close', 'Close');
  });

  it('speaks Chinese: photo buttons by measure word, the dialog by the buyer or their full name', async () => {
    const feed = { reviews: [review(1, { author: '王小明', photos: [review(1).photos, review(2).photos].flat() })] };
    for (const names of ['masked', 'full']) {
      const el = await mount((e) => {
        e.lang = 'zh-CN';
        e.setAttribute('names', names);
        e.append(inlineFeed(feed));
      });
      const dialog = await openFirst(el);
      expect(dialog.getAttribute('aria-label')).to.equal(names === 'full' ? '王小明的晒图' : '买家的晒图');
      const [prev, next] = [...el.shadowRoot!.querySelectorAll('dialog .bar button')];
      expect(prev.getAttribute('aria-label')).to.equal('上一张');
      expect(next.getAttribute('aria-label')).to.equal('下一张');
      expect(text(el, 'dialog .pos')).to.equal('第 1 张，共 2 张');
      await closeWith(el, 'dialog .close', 'Close');
    }
  });

  it('closes when the widget leaves the page, and opens again when it is back', async () => {
    const el = await mount(fromUrl);
    await openFirst(el);
    const parent = el.parentElement!;
    el.remove();
    parent.append(el);
    await waitUntil(() => !$(el, 'dialog')?.hasAttribute('open'), 'the dialog stayed open');
    await loaded(el);
    expect((await openFirst(el)).matches(':modal'), 'the dialog did not open again').to.equal(true);
  });
});
