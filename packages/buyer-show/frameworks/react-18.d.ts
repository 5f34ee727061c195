// Generated from custom-elements.json by scripts/gen-framework-types.mjs: do not edit; run `node scripts/gen-framework-types.mjs`.
// React 18: `import '@fanfare/buyer-show/react-18'` defines <fan-buyer-show> as `import '@fanfare/buyer-show'` does,
// and types it in JSX. React 18 writes every prop of a custom element as an attribute, as text, and
// listens for none of its events: so each prop is named and typed as its attribute, and an
// `onfan-*` prop is an error (listen on a ref instead). React 19 users take `/react`.
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { FanBuyerShow, Filter } from '@fanfare/buyer-show';

export * from '@fanfare/buyer-show';

/** What `<fan-buyer-show>` takes in React 18 JSX, besides any HTML element's props. */
export interface FanBuyerShowProps {
  /** URL of the JSON feed. Without it, the feed is the child `<script type="application/json">`. */
  src?: string;
  /** Seconds between slides; autoplay is off without it. */
  autoplay?: number | `${number}`;
  /** Which reviews to show: `all`, `photos` (with photos) or `5` (five stars). */
  filter?: Filter;
  /** When present, write schema.org JSON-LD into the light DOM; its value names the product (else the feed's first product). */
  seo?: string | null;
  /** `masked` (default) shows buyers' names as initials (`L.`) or, in Chinese, as `王**明`; `full` shows them as the feed has them. */
  names?: 'masked' | 'full';
  /** The widget's language: `en` or `zh-CN` (any `zh-*` reads Chinese). Default: the page-wide `lang` setting, else the closest `[lang]` around it, else the browser's language. */
  lang?: 'en' | 'zh-CN' | (string & {});
  /** React 18 never calls it: add the listener on a ref, `el.addEventListener('fan-slide-change', …)` in an effect. */
  'onfan-slide-change'?: never;
  /** React 18 never calls it: add the listener on a ref, `el.addEventListener('fan-review-open', …)` in an effect. */
  'onfan-review-open'?: never;
  /** React 18 never calls it: add the listener on a ref, `el.addEventListener('fan-review-click', …)` in an effect. */
  'onfan-review-click'?: never;
}

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'fan-buyer-show': Omit<DetailedHTMLProps<HTMLAttributes<FanBuyerShow>, FanBuyerShow>, keyof FanBuyerShowProps> & FanBuyerShowProps;
    }
  }
}
