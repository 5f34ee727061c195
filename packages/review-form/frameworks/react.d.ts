// Generated from custom-elements.json by scripts/gen-framework-types.mjs: do not edit; run `node scripts/gen-framework-types.mjs`.
// React 19: `import '@fanfare/review-form/react'` defines <fan-review-form> as `import '@fanfare/review-form'` does,
// and types it in JSX. React 19 sets a property where the element has one (else the attribute),
// so each prop is typed as its property, which also takes its attribute's text; an
// `onfan-*` prop listens for that event. A server-rendered page (hydrateRoot) gets neither
// property values nor `onfan-*` listeners until the element renders again (React 19 bug
// react#35446): there, write each prop as its attribute, in text and with its dashes, and
// listen on a ref.
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { FanReviewSubmitDetail } from '@fanfare/core/events';
import type { FanReviewForm } from '@fanfare/review-form';

export * from '@fanfare/review-form';

/** What `<fan-review-form>` takes in React 19 JSX, besides any HTML element's props. */
export interface FanReviewFormProps {
  /** The product's id, as the shop's feed knows it. */
  product?: string;
  /** The product's name, shown under the title. */
  productName?: string;
  /** The product's name, shown under the title. `productName` as its attribute, the form a server render keeps. */
  'product-name'?: string;
  /** The product's page, where its buyer show is: a review published at once links to it. */
  productUrl?: string;
  /** The product's page, where its buyer show is: a review published at once links to it. `productUrl` as its attribute, the form a server render keeps. */
  'product-url'?: string;
  /** The server's `/reviews` URL. */
  endpoint?: string;
  /** The order, from the shop's review-request link. */
  order?: string;
  /** The shop's token for this order and product (from the review-request link); a valid one earns the "verified buyer" badge. */
  orderToken?: string;
  /** The shop's token for this order and product (from the review-request link); a valid one earns the "verified buyer" badge. `orderToken` as its attribute, the form a server render keeps. */
  'order-token'?: string;
  /** How many photos a fan may add: 0 (none) to 5. */
  maxPhotos?: number | `${number}`;
  /** How many photos a fan may add: 0 (none) to 5. `maxPhotos` as its attribute, the form a server render keeps. */
  'max-photos'?: number | `${number}`;
  /** The widget's language: `en` or `zh-CN` (any `zh-*` reads Chinese). Default: the page-wide `lang` setting, else the closest `[lang]` around it, else the browser's language. */
  lang?: 'en' | 'zh-CN' | (string & {});
  /**
   * The server took the review: `{id, status, photos}` (`status` is `pending` or `published`).
   * On a server-rendered page, hydrateRoot leaves it unattached until the next render (react#35446): listen on a ref there.
   */
  'onfan-review-submit'?: (event: CustomEvent<FanReviewSubmitDetail>) => void;
}

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'fan-review-form': Omit<DetailedHTMLProps<HTMLAttributes<FanReviewForm>, FanReviewForm>, keyof FanReviewFormProps> & FanReviewFormProps;
    }
  }
}
