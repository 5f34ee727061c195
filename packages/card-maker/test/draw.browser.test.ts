// The card's ground is drawn in parts, a task each (controllers/painter.ts): what one part
// may draw is held here, on a real canvas, since a part that draws a whole large layer is a
// long task on a slow phone (the demo shop's tulip frame: 110 ms at 4× CPU slowdown).
import { expect, fixture, html } from '@open-wc/testing';
import '../src/define.js';
import { waitFor } from '../../core/testing/index.js';
import { drawGround, drawTop, picture, STRIP, type CardArt, type Picture } from '../src/draw.js';
import { BUILTINS } from '../src/logic/builtins.js';
import { CARD, type Layer, type Template } from '../src/logic/card.js';

// A frame as tall as the card, with a blur: the costliest kind of layer to rasterise.
const FRAME = `<svg xmlns="http://www.w3.org/2000/svg" width="1080" height="1230"><filter id="s"><feGaussianBlur stdDeviation="8"/></filter><rect x="40" y="40" width="1000" height="1150" fill="none" stroke="#d6336c" stroke-width="12" filter="url(#s)"/></svg>`;
const svgUrl = (svg: string) => URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));

function art(template: Template, layers: (Picture | undefined)[]): CardArt {
  return { template, message: 'Hi', stickers: [], layers, brandText: 'Shop', locale: 'en' };
}

/** Each part's drawing calls, with the clip it drew under (the last rect before clip()). */
function parts(a: CardArt) {
  const canvas = Object.assign(document.createElement('canvas'), { width: CARD.w, height: CARD.h });
  const c = canvas.getContext('2d')!;
  const seen: { clip?: number[]; images: number }[] = [{ images: 0 }];
  let rect: number[] = [];
  const rectOf = c.rect.bind(c);
  const clipOf = c.clip.bind(c);
  const drawOf = c.drawImage.bind(c) as (...a: unknown[]) => void;
  c.rect = (...r: number[]) => ((rect = r), rectOf(...(r as [number, number, number, number])));
  c.clip = () => ((seen.at(-1)!.clip = rect), clipOf());
  c.drawImage = ((...a: unknown[]) => (seen.at(-1)!.images++, drawOf(...a))) as typeof c.drawImage;
  for (const _ of drawGround(c, a)) seen.push({ images: 0 });
  return { seen, canvas };
}

describe('drawing the ground in parts', () => {
  it('draws a large layer one strip at a time, a part each', async () => {
    const frame: Layer = { svg: FRAME, x: 0, y: 0, w: 1080, h: 1230, opacity: 1, blend: 'normal', place: 'under' };
    const template: Template = { ...BUILTINS[0]!, layers: [frame], photo: undefined };
    const { seen } = parts(art(template, [await picture(svgUrl(FRAME))]));
    const drawing = seen.filter((p) => p.images);
    // 1230 px tall in strips of STRIP px: every strip a part of its own.
    expect(drawing.length).to.equal(Math.ceil(1230 / STRIP));
    for (const [i, p] of drawing.entries()) {
      expect(p.images, `part ${i}`).to.equal(1);
      expect(p.clip, `part ${i}`).to.deep.equal([0, i * STRIP, CARD.w, Math.min(STRIP, 1230 - i * STRIP)]);
    }
  });

  it('leaves out a layer whose picture did not load, without parts for it', () => {
    const frame: Layer = { svg: FRAME, x: 0, y: 0, w: 1080, h: 1230, opacity: 1, blend: 'normal', place: 'under' };
    const template: Template = { ...BUILTINS[0]!, layers: [frame], photo: undefined };
    const { seen } = parts(art({ ...template, background: { colors: ['#fff'] } }, [undefined]));
    expect(seen.length).to.equal(1);
  });

  it('draws the same card in strips as it does whole', async () => {
    const frame: Layer = { svg: FRAME, x: 0, y: 0, w: 1080, h: 1230, opacity: 0.8, blend: 'multiply', place: 'under' };
    const template: Template = { ...BUILTINS[0]!, layers: [frame], photo: undefined, background: { colors: ['#fff4f7', '#fbe0e8'] } };
    const a = art(template, [await picture(svgUrl(FRAME))]);
    const { canvas } = parts(a);
    // Whole: the same layer with no clip, drawn straight onto a plain ground.
    const whole = Object.assign(document.createElement('canvas'), { width: CARD.w, height: CARD.h }).getContext('2d')!;
    const g = whole.createLinearGradient(0, 0, CARD.w, CARD.h);
    g.addColorStop(0, '#fff4f7');
    g.addColorStop(1, '#fbe0e8');
    whole.fillStyle = g;
    whole.fillRect(0, 0, CARD.w, CARD.h);
    whole.globalAlpha = 0.8;
    whole.globalCompositeOperation = 'multiply';
    whole.drawImage(a.layers![0]!.src, 0, 0, 1080, 1230);
    const px = (c: CanvasRenderingContext2D) => c.getImageData(0, 0, CARD.w, 1230).data;
    const [x, y] = [px(canvas.getContext('2d')!), px(whole)];
    let off = 0;
    for (let i = 0; i < x.length; i++) off = Math.max(off, Math.abs(x[i]! - y[i]!));
    // Strips meet without a seam: no pixel differs by more than rounding.
    expect(off).to.be.at.most(2);
  });
});

describe('drawing the words in parts', () => {
  it('draws the headline, the message and the brand zone each in a part of its own', () => {
    // A headline with a shadow: words at a new size with a blur, 25-40 ms at 4× CPU slowdown.
    const template: Template = { ...BUILTINS.find((t) => t.headline?.shadow)!, photo: undefined };
    const a: CardArt = { ...art(template, []), message: 'Happy birthday! May all your wishes come true.', stickers: [{ emoji: '🎉', x: 300, y: 300, scale: 100, rotation: 0 }] };
    const c = Object.assign(document.createElement('canvas'), { width: CARD.w, height: CARD.h }).getContext('2d')!;
    const texts: string[][] = [[]];
    const fill = c.fillText.bind(c);
    c.fillText = (s: string, x: number, y: number, w?: number) => (texts.at(-1)!.push(s), fill(s, x, y, w));
    for (const _ of drawTop(c, a)) texts.push([]);
    const headline = template.headline!.text.en;
    expect(texts[0]).to.deep.equal([headline]);
    // The message's lines, all of them and nothing else.
    expect(texts[1]!.join(' ').replace(/\s+/g, ' ')).to.equal(a.message);
    expect(texts[2]).to.deep.equal(['🎉']);
    expect(texts[3]).to.deep.equal(['Shop']);
    expect(texts.length).to.equal(4);
  });

  it('puts only the finished card on the page\'s canvas: one copy, no words drawn there', async () => {
    const el = await fixture<HTMLElement & { drawn: Promise<unknown>; updateComplete: Promise<unknown> }>(html`<fan-card-maker lang="en" brand-text="Shop"></fan-card-maker>`);
    await waitFor(() => el.shadowRoot!.querySelector('.template'), 'no designs were offered', 10000);
    await el.drawn;
    const c = el.shadowRoot!.querySelector('canvas')!.getContext('2d')!;
    const calls: string[] = [];
    for (const name of ['drawImage', 'fillText', 'strokeText', 'fillRect'] as const) {
      const f = (c[name] as (...a: unknown[]) => unknown).bind(c);
      (c as unknown as Record<string, unknown>)[name] = (...a: unknown[]) => (calls.push(name), f(...a));
    }
    // Another design: a whole new card, ground and words.
    el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.template')[1]!.click();
    await waitFor(() => calls.length, 'the new card never reached the canvas', 10000);
    await el.drawn;
    expect(calls).to.deep.equal(['drawImage']);
  });
});

describe('a canvas\'s pixels', () => {
  it('are made in a task of their own, with one pixel cleared, before anything is drawn on a card-sized canvas', async () => {
    // Every drawing call on a card-sized canvas (the ground, the composed card, the page's),
    // with the run of code it was made in: a run ends where its microtasks do.
    const ops: { canvas: number; op: string; run: number }[] = [];
    const ids = new WeakMap<HTMLCanvasElement, number>();
    let run = 0;
    let open = false;
    const stamp = () => {
      if (!open) {
        open = true;
        run++;
        queueMicrotask(() => (open = false));
      }
      return run;
    };
    const wrapped = new WeakSet<object>();
    let made = 0;
    const getContext = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, ...args: unknown[]) {
      const c = (getContext as (...a: unknown[]) => CanvasRenderingContext2D | null).apply(this, args);
      if (c && this.width === CARD.w && this.height === CARD.h && !wrapped.has(c)) {
        wrapped.add(c);
        if (!ids.has(this)) ids.set(this, made++);
        const canvas = ids.get(this)!;
        for (const name of ['clearRect', 'fillRect', 'drawImage', 'fillText', 'strokeText'] as const) {
          const f = (c[name] as (...a: unknown[]) => unknown).bind(c);
          (c as unknown as Record<string, unknown>)[name] = (...a: unknown[]) => {
            ops.push({ canvas, op: name === 'clearRect' ? `clearRect ${a.join(',')}` : name, run: stamp() });
            return f(...a);
          };
        }
      }
      return c;
    } as typeof getContext;
    try {
      const el = await fixture<HTMLElement & { drawn: Promise<unknown> }>(html`<fan-card-maker lang="en" brand-text="Shop"></fan-card-maker>`);
      await waitFor(() => el.shadowRoot!.querySelector('.template'), 'no designs were offered', 10000);
      await el.drawn;
      const canvases = [...new Set(ops.map((o) => o.canvas))];
      // The ground's, the composed card's and the page's.
      expect(canvases.length).to.equal(3);
      for (const canvas of canvases) {
        const first = ops.find((o) => o.canvas === canvas)!;
        expect(first.op, `canvas ${canvas}'s first drawing`).to.equal('clearRect 0,0,1,1');
        expect(ops.filter((o) => o.run === first.run).length, `canvas ${canvas}: drawn on in the run that made its pixels`).to.equal(1);
      }
      el.remove();
    } finally {
      HTMLCanvasElement.prototype.getContext = getContext;
    }
  });
});

describe('asking for a design\'s pictures', () => {
  it('asks for each picture in a task of its own, not all in one', async () => {
    // New colours each run: pictures are kept by their SVG for the page's life.
    const hue = Math.random().toString(16).slice(2, 8);
    const svg = (n: number) => `<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"><rect width="100" height="100" fill="#${hue}" opacity="0.${n}"/></svg>`;
    const at = (x: number) => ({ svg: svg(x + 1), x: x * 100, y: 0, w: 100, h: 100, opacity: 1, blend: 'normal', place: 'under' });
    const json = JSON.stringify([
      { id: 'three', name: { en: 'Three', 'zh-CN': '三' }, background: { colors: ['#fff', '#eee'], pattern: { svg: svg(9), size: 100, opacity: 0.5, blend: 'normal' } }, layers: [at(0), at(1), at(2)] },
    ]);
    // Each blob: URL made, and whether another was made in the same run of code before it
    // (before the microtasks that follow it): the old painter made them all in one.
    const made: string[] = [];
    let busy = false;
    const create = URL.createObjectURL;
    URL.createObjectURL = (b: Blob | MediaSource) => {
      made.push(busy ? 'with the one before' : 'on its own');
      if (!busy) {
        busy = true;
        queueMicrotask(() => (busy = false));
      }
      return create.call(URL, b);
    };
    try {
      const el = await fixture(html`<fan-card-maker lang="en" templates=${json}></fan-card-maker>`);
      await waitFor(() => made.length >= 4, 'the pattern and the three layers were not all asked for', 10000);
      expect(made).to.deep.equal(['on its own', 'on its own', 'on its own', 'on its own']);
      el.remove();
    } finally {
      URL.createObjectURL = create;
    }
  });
});
