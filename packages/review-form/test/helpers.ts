import { fixture, html } from '@open-wc/testing';
import '../src/index.js';
import type { FanReviewForm } from '../src/fan-review-form.js';
import { waitFor } from '../../core/testing/index.js';

export const ENDPOINT = 'https://reviews.example/reviews';

export const $ = <T extends Element = HTMLElement>(el: FanReviewForm, sel: string) => el.shadowRoot!.querySelector<T>(sel)!;
export const $$ = <T extends Element = HTMLElement>(el: FanReviewForm, sel: string) => [...el.shadowRoot!.querySelectorAll<T>(sel)];
export const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

let n = 0;
/** A fresh product id per test, so no test reads another's draft. */
export const freshProduct = () => `p-${Date.now().toString(36)}-${++n}`;

/** A <fan-review-form> on the page with `attrs`, rendered. */
export async function mount(attrs: Record<string, string> = {}): Promise<FanReviewForm> {
  const wrap = await fixture<HTMLDivElement>(html`<div></div>`);
  const el = document.createElement('fan-review-form');
  for (const [k, v] of Object.entries({ lang: 'en', endpoint: ENDPOINT, product: freshProduct(), ...attrs })) el.setAttribute(k, v);
  wrap.append(el);
  await el.updateComplete;
  return el;
}

/** Type into the text area or the name field as a fan does: the value, then an input event. */
export async function type(el: FanReviewForm, sel: '#text' | '#author', value: string): Promise<void> {
  const f = $<HTMLInputElement>(el, sel);
  f.value = value;
  f.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

export async function rate(el: FanReviewForm, stars: number): Promise<void> {
  $$<HTMLInputElement>(el, 'input[name=rating]')[stars - 1].click();
  await el.updateComplete;
}

/** Pick `files` in the photo picker, as the browser hands them over. */
export async function pick(el: FanReviewForm, files: File[]): Promise<void> {
  const input = $<HTMLInputElement>(el, 'input[type=file]');
  const dt = new DataTransfer();
  for (const f of files) dt.items.add(f);
  input.files = dt.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
  await waitFor(() => !(el as unknown as { photos: { busy: number } }).photos.busy, 'photos prepared', 8000);
  await el.updateComplete;
}

/** A real photo-sized image, drawn on a canvas and encoded as the browser would hand a camera file over. */
export async function photo(width: number, height: number, type = 'image/jpeg', name = 'photo.jpg'): Promise<File> {
  const c = new OffscreenCanvas(width, height);
  const g = c.getContext('2d')!;
  const grad = g.createLinearGradient(0, 0, width, height);
  grad.addColorStop(0, '#c2185b');
  grad.addColorStop(1, '#ffd54f');
  g.fillStyle = grad;
  g.fillRect(0, 0, width, height);
  g.fillStyle = '#fff';
  g.fillRect(width * 0.4, height * 0.4, width * 0.2, height * 0.2);
  const blob = await c.convertToBlob({ type, quality: 0.92 });
  return new File([blob], name, { type });
}

export interface Sent {
  url: string;
  body: FormData;
}

type Reply = { status: number; body?: unknown } | 'hang' | 'offline';

/**
 * A stand-in for XMLHttpRequest, as the 2048 tests stand in for fetch: what the widget
 * sends is recorded, the upload reports progress in three steps, and the answer is
 * whatever the test asks for, a hung or a failed connection included. The real server
 * answers in test-e2e/review-form.e2e.test.mjs.
 */
export function fakeServer(reply: Reply | (() => Reply)) {
  const sent: Sent[] = [];
  const Real = window.XMLHttpRequest;
  class Xhr {
    upload: { onprogress?: (e: ProgressEvent) => void } = {};
    onload?: () => void;
    onerror?: () => void;
    onabort?: () => void;
    status = 0;
    response: unknown = null;
    responseType = '';
    private url = '';
    private aborted = false;
    open(_method: string, url: string) {
      this.url = url;
    }
    abort() {
      if (this.aborted) return;
      this.aborted = true;
      setTimeout(() => this.onabort?.());
    }
    send(body: FormData) {
      sent.push({ url: this.url, body });
      const total = [...body.values()].reduce((s, v) => s + (typeof v === 'string' ? v.length : v.size), 0);
      const r = typeof reply === 'function' ? reply() : reply;
      if (r === 'offline') return void setTimeout(() => !this.aborted && this.onerror?.(), 10);
      [1, 2, 3].forEach((k) =>
        setTimeout(() => {
          if (!this.aborted) this.upload.onprogress?.(new ProgressEvent('progress', { lengthComputable: true, loaded: (total * k) / 3, total }));
        }, k * 20),
      );
      if (r === 'hang') return;
      setTimeout(() => {
        if (this.aborted) return;
        this.status = r.status;
        this.response = r.body ?? null;
        this.onload?.();
      }, 100);
    }
  }
  window.XMLHttpRequest = Xhr as unknown as typeof XMLHttpRequest;
  return { sent, restore: () => (window.XMLHttpRequest = Real) };
}
