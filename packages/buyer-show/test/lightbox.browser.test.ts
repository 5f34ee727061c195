import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { FanBuyerShow } from '../src/index.js';
import '../src/define.js';
import { sendKeys } from './commands.js';
import { $, FEED_URL, loaded, nextEvent, text } from './helpers.js';

async function mount(): Promise<FanBuyerShow> {
  const wrap = await fixture<HTMLDivElement>(html`<div style="width: 600px"></div>`);
  const el = document.createElement('fan-buyer-show');
  el.src = FEED_URL;
  wrap.append(el);
  await loaded(el);
  return el;
}

describe('<fan-buyer-show> lightbox', () => {
  it('opens a review’s photos in a dialog, moves with arrows, closes on Escape and gives focus back', async () => {
    const el = await mount();
    const opener = $(el, '.slide .shot');
    const opened = nextEvent<{ id: string }>(el, 'fan-review-open');
    opener.click();
    expect((await opened).detail.id).to.equal('r1');
    const dialog = $<HTMLDialogElement>(el, 'dialog');
    expect(dialog.open).to.equal(true);
    expect(dialog.matches(':modal')).to.equal(true);
    expect(dialog.getAttribute('aria-label')).to.equal('Photos from L***a');
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
    const el = await mount();
    $(el, '.slide .shot').click();
    await waitUntil(() => $<HTMLDialogElement>(el, 'dialog').open);
    const strip = $(el, '.strip');
    strip.scrollTo({ left: strip.clientWidth, behavior: 'instant' });
    await waitUntil(() => text(el, 'dialog .pos') === 'Photo 2 of 2', 'the counter did not follow');
    // A click on the dialog element itself is a click on its backdrop.
    $(el, 'dialog').click();
    await waitUntil(() => !$<HTMLDialogElement>(el, 'dialog').open, 'a backdrop click did not close');
  });

  it('is accessible while open', async () => {
    const el = await mount();
    $(el, '.slide .shot').click();
    await waitUntil(() => $<HTMLDialogElement>(el, 'dialog').open);
    await expect(el).to.be.accessible();
    $(el, 'dialog .close').click();
    await waitUntil(() => !$<HTMLDialogElement>(el, 'dialog').open, 'Close did not close');
  });
});
