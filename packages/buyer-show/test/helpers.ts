import { fixture, html, waitUntil } from '@open-wc/testing';
import type { FanBuyerShow } from '../src/fan-buyer-show.js';

export const FEED_URL = new URL('./fixtures/feed.json', import.meta.url).href;

export const $ = <T extends Element = HTMLElement>(el: FanBuyerShow, sel: string) => el.shadowRoot!.querySelector<T>(sel)!;
export const $$ = <T extends Element = HTMLElement>(el: FanBuyerShow, sel: string) => [...el.shadowRoot!.querySelectorAll<T>(sel)];
export const text = (el: FanBuyerShow, sel: string) => $(el, sel)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
/** The carousel's position as the eye reads it ("1 of 8", "1 / 8"); a screen reader hears `spokenPos()`. */
export const shownPos = (el: FanBuyerShow) => text(el, '.pos [aria-hidden="true"]');
export const spokenPos = (el: FanBuyerShow) => text(el, '.pos .sr-only');

/** A <fan-buyer-show> made ready by `setup`, put on the page in a box of `style`; its feed is still loading. */
export async function place(setup: (el: FanBuyerShow) => void = () => {}, style = 'width: 600px'): Promise<FanBuyerShow> {
  const wrap = await fixture<HTMLDivElement>(html`<div style=${style}></div>`);
  const el = document.createElement('fan-buyer-show');
  setup(el);
  wrap.append(el);
  return el;
}

/** The same, once its feed is read. */
export async function mount(setup?: (el: FanBuyerShow) => void, style?: string): Promise<FanBuyerShow> {
  const el = await place(setup, style);
  await loaded(el);
  return el;
}

/** Resolves when the feed has been read and the first slides are on screen. */
export async function loaded(el: FanBuyerShow): Promise<void> {
  await waitUntil(() => el.shadowRoot?.querySelector('.slide:not(.skeleton), .notice'), 'feed never loaded', { timeout: 5000 });
  await el.updateComplete;
}

export function review(i: number, patch: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: `r${i}`,
    author: `Buyer ${i}`,
    rating: (i % 5) + 1,
    text: `Review number ${i}`,
    date: '2024-05-01',
    verified: i % 2 === 0,
    photos: [{ src: new URL(`./fixtures/photos/p${(i % 6) + 1}.svg`, import.meta.url).href, width: 800, height: 1000, alt: `Photo ${i}` }],
    ...patch,
  };
}

/** An inline feed script, built with DOM calls so the test itself writes no HTML from strings. */
export function inlineFeed(feed: unknown): HTMLScriptElement {
  const s = document.createElement('script');
  s.type = 'application/json';
  s.textContent = JSON.stringify(feed);
  return s;
}
