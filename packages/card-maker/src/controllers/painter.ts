import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { warnAttribute } from '@fanfare/core';
import { Task } from '@fanfare/core/task';
import type { CardState, Template } from '../logic/card.js';
import { drawCard, loadFont, picture, type Picture } from '../draw.js';

/** Everything that shows on the card, and the canvas it goes on. */
export interface Art {
  canvas: HTMLCanvasElement;
  template: Template;
  card: CardState;
  photo?: Picture | undefined;
  logo: string;
  brandText: string;
  locale: string;
}

type Images = [background: Picture | undefined, logo: Picture | undefined];

// One warning per logo URL on the page, however many cards use it and however often they redraw.
const warned = new Set<string>();

/**
 * Paints the card on the preview canvas, which is also the source of the exported image.
 * Images and fonts load first (drawing never waits); a card that changes meanwhile
 * wins, and the answer for the older one is dropped.
 */
export class CardPainter implements ReactiveController {
  /** What the canvas shows, so a render that changes nothing on the card draws nothing. */
  private shown: unknown[] = [];
  private images: Task<[Template, string, string], Images>;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    this.images = new Task(host, async ([t, logo, message]) => {
      const [background, logoImage] = await Promise.all([
        t.background.image ? picture(t.background.image) : undefined,
        logo ? picture(logo) : undefined,
        loadFont(t, message),
      ]);
      return [background, logoImage];
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
    const key = [canvas, template, photo, JSON.stringify([card, logo, art.brandText, art.locale])];
    if (key.every((v, i) => v === this.shown[i])) return false;
    this.shown = key;
    const images = await this.images.run(template, logo, card.message);
    if (!images) return false;
    const [background, logoImage] = images;
    // An image the browser could not load with CORS would taint the canvas: it is left out, once with a warning.
    if (logo && !logoImage && !warned.has(logo)) {
      warned.add(logo);
      warnAttribute(this.host, 'logo', logo, 'it could not be loaded with CORS');
    }
    drawCard(canvas.getContext('2d')!, {
      template,
      message: card.message,
      color: card.color,
      stickers: card.stickers,
      photo,
      background,
      logo: logoImage,
      brandText: art.brandText,
      locale: art.locale,
    });
    return true;
  }
}
