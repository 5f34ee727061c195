// Generated from custom-elements.json by scripts/gen-framework-types.mjs: do not edit; run `node scripts/gen-framework-types.mjs`.
// React 18: `import '@fanfare/card-maker/react-18'` defines <fan-card-maker> as `import '@fanfare/card-maker'` does,
// and types it in JSX. React 18 writes every prop of a custom element as an attribute, as text, and
// listens for none of its events: so each prop is named and typed as its attribute, and an
// `onfan-*` prop is an error (listen on a ref instead). React 19 users take `/react`.
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { FanCardMaker } from '@fanfare/card-maker';

export * from '@fanfare/card-maker';

/** What `<fan-card-maker>` takes in React 18 JSX, besides any HTML element's props. */
export interface FanCardMakerProps {
  /** URL of a templates JSON file, or the JSON itself; the six built-in designs when absent. */
  templates?: string;
  /** Logo drawn in the brand zone of every card (http, https or relative URL). */
  logo?: string;
  /** Text drawn in the brand zone of every card; without it and without a logo, the host of `link` (this site's). */
  'brand-text'?: string;
  /** Where "make your own" leads; this page by default. */
  link?: string;
  /** Largest photo a fan may pick, in MB. */
  'max-photo-mb'?: number | `${number}`;
  /** The widget's language: `en` or `zh-CN` (any `zh-*` reads Chinese). Default: the page-wide `lang` setting, else the closest `[lang]` around it, else the browser's language. */
  lang?: 'en' | 'zh-CN' | (string & {});
  /** React 18 never calls it: add the listener on a ref, `el.addEventListener('fan-card-create', …)` in an effect. */
  'onfan-card-create'?: never;
  /** React 18 never calls it: add the listener on a ref, `el.addEventListener('fan-card-export', …)` in an effect. */
  'onfan-card-export'?: never;
  /** React 18 never calls it: add the listener on a ref, `el.addEventListener('fan-card-share', …)` in an effect. */
  'onfan-card-share'?: never;
}

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'fan-card-maker': Omit<DetailedHTMLProps<HTMLAttributes<FanCardMaker>, FanCardMaker>, keyof FanCardMakerProps> & FanCardMakerProps;
    }
  }
}
