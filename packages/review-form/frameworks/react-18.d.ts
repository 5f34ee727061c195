// Generated from custom-elements.json by scripts/gen-framework-types.mjs: do not edit; run `node scripts/gen-framework-types.mjs`.
// React 18: `import '@fanfare/review-form/react-18'` defines <fan-review-form> as `import '@fanfare/review-form'` does,
// and types it in JSX. React 18 writes every prop of a custom element as an attribute, as text, and
// listens for none of its events: so each prop is named and typed as its attribute, and an
// `onfan-*` prop is an error (listen on a ref instead). React 19 users take `/react`.
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { FanReviewForm } from '@fanfare/review-form';

export * from '@fanfare/review-form';

/** What `<fan-review-form>` takes in React 18 JSX, besides any HTML element's props. */
export interface FanReviewFormProps {
  /** The product's id, as the shop's feed knows it. */
  product?: string;
  /** The product's name, shown under the title. */
  'product-name'?: string;
  /** The product's page, where its buyer show is: a review published at once links to it. */
  'product-url'?: string;
  /** The server's `/reviews` URL. */
  endpoint?: string;
  /** The order, from the shop's review-request link. */
  order?: string;
  /** The shop's token for this order and product (from the review-request link); a valid one earns the "verified buyer" badge. */
  'order-token'?: string;
  /** How many photos a fan may add: 0 (none) to 5. */
  'max-photos'?: number | `${number}`;
  /** The widget's language: `en` or `zh-CN` (any `zh-*` reads Chinese). Default: the page-wide `lang` setting, else the closest `[lang]` around it, else the browser's language. */
  lang?: 'en' | 'zh-CN' | (string & {});
  /** React 18 never calls it: add the listener on a ref, `el.addEventListener('fan-review-submit', …)` in an effect. */
  'onfan-review-submit'?: never;
}

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'fan-review-form': Omit<DetailedHTMLProps<HTMLAttributes<FanReviewForm>, FanReviewForm>, keyof FanReviewFormProps> & FanReviewFormProps;
    }
  }
}
