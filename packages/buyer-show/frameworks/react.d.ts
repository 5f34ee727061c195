// Generated from custom-elements.json by scripts/gen-framework-types.mjs: do not edit; run `node scripts/gen-framework-types.mjs`.
// React 19: `import '@fanfare/buyer-show/react'` defines <fan-buyer-show> as `import '@fanfare/buyer-show'` does,
// and types it in JSX. React 19 sets a property where the element has one (else the attribute),
// so each prop is typed as its property, which also takes its attribute's text; an
// `onfan-*` prop listens for that event. A server-rendered page (hydrateRoot) gets neither
// property values nor `onfan-*` listeners until the element renders again (React 19 bug
// react#35446): there, write each prop as its attribute, in text and with its dashes, and
// listen on a ref.
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { FanReviewClickDetail, FanReviewOpenDetail, FanSlideChangeDetail } from '@fanfare/core/events';
import type { FanBuyerShow, Filter } from '@fanfare/buyer-show';

export * from '@fanfare/buyer-show';

/** What `<fan-buyer-show>` takes in React 19 JSX, besides any HTML element's props. */
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
  /**
   * The carousel settled on another slide: `{index}`.
   * On a server-rendered page, hydrateRoot leaves it unattached until the next render (react#35446): listen on a ref there.
   */
  'onfan-slide-change'?: (event: CustomEvent<FanSlideChangeDetail>) => void;
  /**
   * A fan opened a review's photos: `{id}`.
   * On a server-rendered page, hydrateRoot leaves it unattached until the next render (react#35446): listen on a ref there.
   */
  'onfan-review-open'?: (event: CustomEvent<FanReviewOpenDetail>) => void;
  /**
   * A fan followed a review's product link: `{id, url}`.
   * On a server-rendered page, hydrateRoot leaves it unattached until the next render (react#35446): listen on a ref there.
   */
  'onfan-review-click'?: (event: CustomEvent<FanReviewClickDetail>) => void;
}

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'fan-buyer-show': Omit<DetailedHTMLProps<HTMLAttributes<FanBuyerShow>, FanBuyerShow>, keyof FanBuyerShowProps> & FanBuyerShowProps;
    }
  }
}
