// Generated from custom-elements.json by scripts/gen-framework-types.mjs: do not edit; run `node scripts/gen-framework-types.mjs`.
// React 19: `import '@fanfare/card-maker/react'` defines <fan-card-maker> as `import '@fanfare/card-maker'` does,
// and types it in JSX. React 19 sets a property where the element has one (else the attribute),
// so each prop is typed as its property, which also takes its attribute's text; an
// `onfan-*` prop listens for that event. A server-rendered page (hydrateRoot) gets neither
// property values nor `onfan-*` listeners until the element renders again (React 19 bug
// react#35446): there, write each prop as its attribute, in text and with its dashes, and
// listen on a ref.
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { FanCardCreateDetail, FanCardExportDetail, FanCardShareDetail } from '@fanfare/core/events';
import type { FanCardMaker } from '@fanfare/card-maker';

export * from '@fanfare/card-maker';

/** What `<fan-card-maker>` takes in React 19 JSX, besides any HTML element's props. */
export interface FanCardMakerProps {
  /** URL of a templates JSON file, or the JSON itself; the six built-in designs when absent. */
  templates?: string;
  /** Logo drawn in the brand zone of every card (http, https or relative URL). */
  logo?: string;
  /** Text drawn in the brand zone of every card; without it and without a logo, the host of `link` (this site's). */
  brandText?: string;
  /** Text drawn in the brand zone of every card; without it and without a logo, the host of `link` (this site's). `brandText` as its attribute, the form a server render keeps. */
  'brand-text'?: string;
  /** Where "make your own" leads; this page by default. */
  link?: string;
  /** Largest photo a fan may pick, in MB. */
  maxPhotoMb?: number | `${number}`;
  /** Largest photo a fan may pick, in MB. `maxPhotoMb` as its attribute, the form a server render keeps. */
  'max-photo-mb'?: number | `${number}`;
  /** The widget's language: `en` or `zh-CN` (any `zh-*` reads Chinese). Default: the page-wide `lang` setting, else the closest `[lang]` around it, else the browser's language. */
  lang?: 'en' | 'zh-CN' | (string & {});
  /**
   * `{template}` when a fan finishes a card and reaches the last step.
   * On a server-rendered page, hydrateRoot leaves it unattached until the next render (react#35446): listen on a ref there.
   */
  'onfan-card-create'?: (event: CustomEvent<FanCardCreateDetail>) => void;
  /**
   * `{format, bytes}` when the image is saved or sent.
   * On a server-rendered page, hydrateRoot leaves it unattached until the next render (react#35446): listen on a ref there.
   */
  'onfan-card-export'?: (event: CustomEvent<FanCardExportDetail>) => void;
  /**
   * `{channel, ref?, parent?}` (`files`, `link`, `download`, `wechat`, `copy`) when the card is sent; `ref` is the share token in the link sent (`files`, `link`, `copy`), `parent` the token this page view arrived with, if any.
   * On a server-rendered page, hydrateRoot leaves it unattached until the next render (react#35446): listen on a ref there.
   */
  'onfan-card-share'?: (event: CustomEvent<FanCardShareDetail>) => void;
}

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'fan-card-maker': Omit<DetailedHTMLProps<HTMLAttributes<FanCardMaker>, FanCardMaker>, keyof FanCardMakerProps> & FanCardMakerProps;
    }
  }
}
