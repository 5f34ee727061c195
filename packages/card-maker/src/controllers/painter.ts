import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { warn, warnAttribute } from '@fanfare/core';
import { Task } from '@fanfare/core/task';
import { CARD, type CardState, type Template } from '../logic/card.js';
import type { CardArt, Picture } from '../draw.js';

/** Everything that shows on the card, and the canvas it goes on. */
export interface Art {
  canvas: HTMLCanvasElement;
  template: Template;
  card: CardState;
  /** The message is the design's sample, drawn greyed. */
  sample?: boolean;
  photo?: Picture | undefined;
  logo: string;
  brandText: string;
  locale: string;
}

type Draw = typeof import('../draw.js');
type Loaded = { draw: Draw; background?: Picture; logo?: Picture; pattern?: Picture; layers: (Picture | undefined)[] };

/** A new task: what is left runs after the page has had its turn (input, a frame). */
const nextTask = () => new Promise<void>((go) => setTimeout(() => go()));

/**
 * A card-sized canvas's pixels: the browser makes them on the canvas's first drawing, and
 * at 4× CPU slowdown that alone is 20-27 ms (5.8 MB), as much again as copying a card onto
 * it. Touched with a pixel's clearing, in a task before the drawing proper; a canvas the
 * page shows is touched only before its first card, a blank pixel then.
 */
const touched = new WeakSet<HTMLCanvasElement>();
function touch(canvas: HTMLCanvasElement): boolean {
  if (touched.has(canvas)) return false;
  touched.add(canvas);
  canvas.getContext('2d')!.clearRect(0, 0, 1, 1);
  return true;
}

// One warning per logo or font URL on the page, however many cards use it and however often they redraw.
const warned = new Set<string>();

/**
 * Paints the card on the preview canvas, which is also the source of the exported image.
 * The drawing code, images and fonts load first (drawing never waits); a card that
 * changes meanwhile wins, and the answer for the older one is dropped.
 */
export class CardPainter implements ReactiveController {
  /** What the canvas shows, so a render that changes nothing on the card draws nothing. */
  private shown: unknown[] = [];
  /** The drawing of what `shown` names, until it is on the canvas. */
  private drawing: Promise<unknown> = Promise.resolve();
  private ruler?: CanvasRenderingContext2D;
  /** Where the words are drawn over the ground before the card goes to the page's canvas. */
  private composed?: HTMLCanvasElement;
  /** Counts drawings: an older one stops when a newer has started. */
  private turn = 0;
  /** The ground drawn last, and what it was drawn from. */
  private under?: { parts: unknown[]; image: HTMLCanvasElement };
  private images: Task<[Template, string, string], Loaded>;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    this.images = new Task(host, async ([t, logo, message]) => {
      const draw = await import('../draw.js');
      const { artPicture, picture, loadFont } = draw;
      const fonts = [t.text, ...(t.headline ? [t.headline] : [])];
      const words = `${message}${t.headline ? t.headline.text.en + t.headline.text['zh-CN'] : ''}`;
      const fontsLoaded = Promise.all(fonts.map((f) => loadFont(f, words)));
      // Each picture asked for in a task of its own: a design's SVG becomes a blob: URL and
      // an image, 2-8 ms of main thread each at 4× CPU slowdown (the demo shop's four made
      // one task of 15 ms, 35-42 ms on a busy machine).
      const asked: Promise<Picture | undefined>[] = [];
      for (const get of [
        () => (t.background.image ? picture(t.background.image) : undefined),
        () => (logo ? picture(logo) : undefined),
        () => (t.background.pattern ? artPicture(t.background.pattern) : undefined),
        ...t.layers.map((l) => () => artPicture(l)),
      ]) {
        const got = get();
        asked.push(Promise.resolve(got));
        if (got) await nextTask();
      }
      const [background, logoImage, pattern, ...layers] = await Promise.all(asked);
      const loaded = await fontsLoaded;
      fonts.forEach((f, i) => {
        if (loaded[i] || warned.has(f.fontUrl!)) return;
        warned.add(f.fontUrl!);
        warn(host, `could not load the font ${f.fontUrl} of design "${t.id}": drawing it with ${draw.familyOf(f)}.`);
      });
      return { draw, background, logo: logoImage, pattern, layers } as Loaded;
    });
    host.addController(this);
  }

  hostConnected(): void {
    // Leaving the page drops a drawing still waiting for its images: draw again on return.
    this.shown = [];
  }

  /** Draw `art`, unless the canvas shows it already. True when this call drew the card. */
  async paint(art: Art): Promise<boolean> {
    const { canvas, template, card, photo, logo } = art;
    const key = [canvas, template, photo, JSON.stringify([card, logo, art.brandText, art.locale, art.sample])];
    // Already shown, or on its way: settles once it is on the canvas.
    if (key.every((v, i) => v === this.shown[i])) return this.drawing.then(() => false);
    this.shown = key;
    const drawing = this.draw(art);
    this.drawing = drawing.catch(() => false);
    return drawing;
  }

  private async draw(art: Art): Promise<boolean> {
    const { canvas, template, card, photo, logo } = art;
    const turn = ++this.turn;
    // Not in the task that rendered what asked for this card (the designs' arrival is a
    // long one already): the page paints first.
    await nextTask();
    if (turn !== this.turn) return false;
    const got = await this.images.run(template, logo, card.message);
    if (!got) return false;
    // An image the browser could not load with CORS would taint the canvas: it is left out, once with a warning.
    if (logo && !got.logo && !warned.has(logo)) {
      warned.add(logo);
      warnAttribute(this.host, 'logo', logo, 'it could not be loaded with CORS');
    }
    const { draw } = got;
    const a: CardArt = {
      template,
      message: card.message,
      sample: art.sample,
      color: card.color,
      stickers: card.stickers,
      photo,
      background: got.background,
      pattern: got.pattern,
      layers: got.layers,
      logo: got.logo,
      brandText: art.brandText,
      locale: art.locale,
    };
    // The drawing goes in parts, each a task of its own: all at once it is a long task on a
    // slow phone (over 50 ms at 4× CPU slowdown) that holds up the fan's taps. Only the
    // last part touches the canvas, so no half-drawn card ever shows; a newer card stops
    // this one between parts.
    const later = async () => (await nextTask(), turn === this.turn);
    // Measured on a canvas of its own, out of the page: setting the font of one in the page
    // makes the browser bring the page's styles up to date first, at every size tried.
    const ruler = (this.ruler ??= document.createElement('canvas').getContext('2d')!);
    if (!(await later())) return false;
    const headline = draw.headlineLayout(ruler, a);
    if (!(await later())) return false;
    const message = draw.messageLayout(ruler, a);
    if (!(await later())) return false;
    const ground = await this.ground(draw, a, turn);
    if (!ground) return false;
    // The words go on a card of their own, part by part; the canvas in the page gets the
    // finished card in one copy.
    const composed = (this.composed ??= Object.assign(document.createElement('canvas'), { width: CARD.w, height: CARD.h }));
    // Each a task of its own: the pixels of each canvas (before the first card only), the
    // copy of the ground, then the words part by part.
    for (const made of [composed, canvas]) if (touch(made) && !(await later())) return false;
    const c = composed.getContext('2d')!;
    c.clearRect(0, 0, CARD.w, CARD.h);
    c.drawImage(ground, 0, 0);
    draw.rasterise(c);
    if (!(await later())) return false;
    for (const _ of draw.drawTop(c, a, { headline, message })) {
      draw.rasterise(c);
      if (!(await later())) return false;
    }
    draw.rasterise(c);
    if (!(await later())) return false;
    const shown = canvas.getContext('2d')!;
    shown.clearRect(0, 0, CARD.w, CARD.h);
    shown.drawImage(composed, 0, 0);
    return true;
  }

  /**
   * What lies under the words, drawn part by part, each in a task of its own, and kept
   * while the design and the photo stay: the fan's typing then redraws only the words.
   * Undefined when a newer drawing started meanwhile.
   */
  private async ground(draw: Draw, a: CardArt, turn: number): Promise<HTMLCanvasElement | undefined> {
    const parts = [a.template, a.photo, a.background, a.pattern, ...(a.layers ?? [])];
    const kept = this.under;
    if (kept && parts.length === kept.parts.length && parts.every((p, i) => p === kept.parts[i])) return kept.image;
    const image = document.createElement('canvas');
    [image.width, image.height] = [CARD.w, CARD.h];
    touch(image);
    await nextTask();
    if (turn !== this.turn) return undefined;
    const c = image.getContext('2d')!;
    for (const _ of draw.drawGround(c, a)) {
      draw.rasterise(c);
      await nextTask();
      if (turn !== this.turn) return undefined;
    }
    draw.rasterise(c);
    this.under = { parts, image };
    await nextTask();
    return turn === this.turn ? image : undefined;
  }
}
