// The card model: its size and zones, the limits every part of the widget keeps to, and
// the shapes of a template, a sticker and a card. It imports nothing, so geometry,
// validation, the link encoding and the built-ins can all depend on it and not on each other.
// Everything is in card pixels: the exported image is 1080×1350 and the preview is the
// same canvas scaled by CSS, so what the fan sees is what is saved.

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export const CARD = { w: 1080, h: 1350 } as const;
/** The brand's band at the foot of every card: logo and brand text, never the fan's. */
export const BRAND: Rect = { x: 0, y: 1230, w: 1080, h: 120 };
/** Longest message, in graphemes. */
export const MAX_MESSAGE = 120;
export const MAX_STICKERS = 12;
/** A sticker's font size at 100 % scale. */
export const STICKER_SIZE = 160;
/** A sticker's scale, in percent of STICKER_SIZE. */
export const SCALE = { min: 40, max: 300 } as const;
/** What comes before the card's state in a shared link (see state.ts). */
export const HASH_KEY = '#fan-card=';
/** A template id: it travels in links and file names, so it is kept plain. */
export const TEMPLATE_ID = /^[a-z0-9][a-z0-9-]{0,31}$/;

export interface Sticker {
  /** One emoji. */
  emoji: string;
  /** Centre, in card pixels. */
  x: number;
  y: number;
  /** In percent of the base size. */
  scale: number;
  /** In degrees, -180 to 180. */
  rotation: number;
}

/** What a fan made: everything a shared link carries (never the photo). */
export interface CardState {
  /** The template's id. */
  template: string;
  message: string;
  stickers: Sticker[];
  /** Text colour chosen by the fan, `#rrggbb`; the template's when absent. */
  color?: string;
}

export type Shape = { type: 'circle' | 'star' | 'heart' | 'ring'; x: number; y: number; size: number; color: string };

/** Text in both languages; a template given in one language uses it for both. */
export type ByLang = { en: string; 'zh-CN': string };

/** How a layer mixes with what is under it: CSS mix-blend-mode names, as a canvas takes them. */
export const BLENDS = ['normal', 'multiply', 'screen', 'overlay', 'soft-light', 'hard-light', 'darken', 'lighten', 'color-dodge', 'color-burn', 'luminosity'] as const;
export type Blend = (typeof BLENDS)[number];

/** Artwork: inline SVG markup (drawn as an image, so it runs nothing) or the URL of an image. */
export interface Art {
  svg?: string;
  image?: string;
}

/** An illustration drawn in `rect` (card pixels; it may bleed off the edges), under or over the text. */
export interface Layer extends Rect, Art {
  opacity: number;
  blend: Blend;
  place: 'under' | 'over';
}

/** The design's own words above the fan's message, in a type of its own. */
export interface Headline extends Rect {
  text: ByLang;
  color: string;
  font: string;
  fontUrl?: string;
  weight: number;
  align: 'left' | 'center' | 'right';
  /** Largest and smallest font size: the largest that fits the rect is used. */
  min: number;
  max: number;
  /** Line height, in ems. */
  leading: number;
  outline?: { color: string; width: number };
  shadow?: { color: string; blur: number; x: number; y: number };
  /** Chinese set top to bottom, columns right to left (English stays across). */
  vertical: boolean;
}

export interface Template {
  id: string;
  name: ByLang;
  background: {
    /** Gradient colours top-left to bottom-right (one colour: flat). */
    colors: string[];
    /** Background image URL, drawn over the colours (cover). */
    image?: string;
    /** A tile repeated over the whole card: a pattern or a paper texture. */
    pattern?: Art & { size: number; opacity: number; blend: Blend };
  };
  text: Rect & {
    color: string;
    font: string;
    fontUrl?: string;
    weight: number;
    align: 'left' | 'center' | 'right';
    min: number;
    max: number;
  };
  photo?: Rect;
  wishes: { en: string[]; 'zh-CN': string[] };
  shapes: Shape[];
  /** Illustrations, in drawing order. */
  layers: Layer[];
  headline?: Headline;
  /** Shown greyed in the preview until the fan writes (else the first wish). */
  sample?: ByLang;
}
