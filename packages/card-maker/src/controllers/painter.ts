import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { warn, warnAttribute } from '@fanfare/core';
import { Task } from '@fanfare/core/task';
import type { CardState, Template } from '../logic/card.js';
import type { Picture } from '../draw.js';

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
  private images: Task<[Template, string, string], Loaded>;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    this.images = new Task(host, async ([t, logo, message]) => {
      const draw = await import('../draw.js');
      const { artPicture, picture, loadFont } = draw;
      const fonts = [t.text, ...(t.headline ? [t.headline] : [])];
      const words = `${message}${t.headline ? t.headline.text.en + t.headline.text['zh-CN'] : ''}`;
      const [background, logoImage, pattern, layers, loaded] = await Promise.all([
        t.background.image ? picture(t.background.image) : undefined,
        logo ? picture(logo) : undefined,
        t.background.pattern ? artPicture(t.background.pattern) : undefined,
        Promise.all(t.layers.map(artPicture)),
        Promise.all(fonts.map((f) => loadFont(f, words))),
      ]);
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
    if (key.every((v, i) => v === this.shown[i])) return false;
    this.shown = key;
    const got = await this.images.run(template, logo, card.message);
    if (!got) return false;
    // An image the browser could not load with CORS would taint the canvas: it is left out, once with a warning.
    if (logo && !got.logo && !warned.has(logo)) {
      warned.add(logo);
      warnAttribute(this.host, 'logo', logo, 'it could not be loaded with CORS');
    }
    got.draw.drawCard(canvas.getContext('2d')!, {
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
    });
    return true;
  }
}
