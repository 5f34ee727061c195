import { expect, waitUntil } from '@open-wc/testing';
import type { FanBuyerShow } from '../src/index.js';
import '../src/define.js';
import { emulateMedia, resetMouse, sendMouse } from '@web/test-runner-commands';
import { nextEvent, sleep, trackTimers, warningsDuring } from '../../core/testing/index.js';
import { $, inlineFeed, mount, review } from './helpers.js';

// Three slides in 600px (two in view): stops at 0 and 1, then rewinds to 0.
async function mountPlaying(autoplay = '2', style?: string): Promise<FanBuyerShow> {
  const el = await mount((e) => {
    e.setAttribute('autoplay', autoplay);
    e.append(inlineFeed({ reviews: [review(1), review(2), review(3)] }));
  }, style);
  await sleep(50); // the IntersectionObserver's first report
  return el;
}

// Screen readers hear slide changes only while the carousel is not rotating.
const live = (el: FanBuyerShow) => $(el, '.pos').getAttribute('aria-live');

/** No slide change for a little longer than one autoplay period. */
async function staysPut(el: FanBuyerShow): Promise<void> {
  let moved = false;
  const mark = () => (moved = true);
  el.addEventListener('fan-slide-change', mark);
  await sleep(2600);
  el.removeEventListener('fan-slide-change', mark);
  expect(moved, 'the carousel moved').to.equal(false);
}

describe('<fan-buyer-show> autoplay', () => {
  afterEach(async () => {
    await emulateMedia({ reducedMotion: 'no-preference' });
    await resetMouse();
  });

  it('is off unless asked for: no pause control, announcements on', async () => {
    const el = await mount((e) => e.append(inlineFeed({ reviews: [review(1), review(2), review(3)] })));
    expect($(el, '.play')).to.equal(null);
    expect(live(el)).to.equal('polite');
  });

  it('advances on its timer and rewinds at the end instead of looping through clones', async () => {
    const el = await mountPlaying();
    expect(live(el)).to.equal('off');
    expect((await nextEvent<{ index: number }>(el, 'fan-slide-change', 3000)).detail.index).to.equal(1);
    expect((await nextEvent<{ index: number }>(el, 'fan-slide-change', 3000)).detail.index).to.equal(0);
    expect(el.shadowRoot!.querySelectorAll('.slide')).to.have.length(3);
  });

  it('puts the pause control first in tab order; focus pauses, pause holds, play resumes', async () => {
    const el = await mountPlaying();
    const focusable = el.shadowRoot!.querySelectorAll<HTMLElement>('button, a, [tabindex="0"]');
    const play = $(el, '.play');
    expect(focusable[0]).to.equal(play);
    expect(play.getAttribute('aria-label')).to.equal('Pause slideshow');
    play.focus();
    await el.updateComplete;
    expect(live(el)).to.equal('polite');
    play.click();
    await el.updateComplete;
    expect(play.getAttribute('aria-label')).to.equal('Play slideshow');
    play.blur();
    await el.updateComplete;
    expect(live(el)).to.equal('polite');
    await staysPut(el);
    // Play is explicit consent: it rotates even though the button still has focus.
    play.focus();
    play.click();
    await el.updateComplete;
    expect(play.getAttribute('aria-label')).to.equal('Pause slideshow');
    expect(live(el)).to.equal('off');
    expect((await nextEvent<{ index: number }>(el, 'fan-slide-change', 3000)).detail.index).to.equal(1);
  });

  it('pauses while the pointer is over it', async () => {
    const el = await mountPlaying();
    const r = el.getBoundingClientRect();
    await sendMouse({ type: 'move', position: [Math.round(r.x + 50), Math.round(r.y + 50)] });
    await waitUntil(() => live(el) === 'polite', 'hover did not pause');
    await staysPut(el);
    await sendMouse({ type: 'move', position: [Math.round(r.right + 100), Math.round(r.bottom + 100)] });
    await waitUntil(() => live(el) === 'off', 'leaving did not resume');
  });

  it('pauses while off screen', async () => {
    const el = await mountPlaying('2', 'width: 600px; margin-top: 3000px');
    expect(live(el)).to.equal('polite');
    await staysPut(el);
    el.scrollIntoView();
    await waitUntil(() => live(el) === 'off', 'coming into view did not resume');
  });

  it('never rotates under prefers-reduced-motion', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    const el = await mountPlaying();
    expect($(el, '.play')).to.equal(null);
    expect(live(el)).to.equal('polite');
    await staysPut(el);
  });

  it('stops its timer when removed from the page', async () => {
    const timers = trackTimers();
    try {
      const el = await mountPlaying();
      // open-wc's waitUntil leaves its own timeout pending; the widget's interval is the one that must go.
      const running = timers.pending();
      el.remove();
      expect(timers.pending(), 'the autoplay interval was not cleared').to.equal(running - 1);
      await staysPut(el);
    } finally {
      timers.restore();
    }
  });

  it('warns about a bad autoplay value and stays off', async () => {
    let el!: FanBuyerShow;
    const seen = await warningsDuring(async () => {
      el = await mountPlaying('fast');
    });
    expect(el.autoplay).to.equal(0);
    expect($(el, '.play')).to.equal(null);
    expect(seen).to.have.length(1);
    expect(seen[0]).to.contain('autoplay="fast"');
  });

  it('is accessible while rotating', async () => {
    const el = await mountPlaying();
    await expect(el).to.be.accessible();
  });
});
