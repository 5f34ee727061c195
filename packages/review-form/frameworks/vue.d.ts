// Generated from custom-elements.json by scripts/gen-framework-types.mjs: do not edit; run `node scripts/gen-framework-types.mjs`.
// Vue 3: `import '@fanfare/review-form/vue'` defines <fan-review-form> as `import '@fanfare/review-form'` does,
// and types it in templates (vue-tsc, Volar). Vue sets a property where the element has one, so each prop
// is typed as its property, which also takes its attribute's text; `@fan-*` handlers get the
// event's detail type. A misspelled prop is an error under vue-tsc's strictTemplates (without it,
// Vue lets any attribute through). The app still marks fan-* tags as custom elements
// (compilerOptions.isCustomElement).
import type { EmitFn, HTMLAttributes, PublicProps } from 'vue';
import type { FanReviewSubmitDetail } from '@fanfare/core/events';
import type { FanReviewForm } from '@fanfare/review-form';

export * from '@fanfare/review-form';

/** `data-*` attributes, which vue-tsc's strictTemplates checks as camelCase props (`data-track` → dataTrack). */
type DataAttributes = { [name: `data${Capitalize<string>}`]: unknown };

/** What `<fan-review-form>` takes in a Vue template, besides any HTML element's attributes. */
export interface FanReviewFormProps {
  /** The product's id, as the shop's feed knows it. */
  product?: string;
  /** The product's name, shown under the title. */
  productName?: string;
  /** The product's page, where its buyer show is: a review published at once links to it. */
  productUrl?: string;
  /** The server's `/reviews` URL. */
  endpoint?: string;
  /** The order, from the shop's review-request link. */
  order?: string;
  /** The shop's token for this order and product (from the review-request link); a valid one earns the "verified buyer" badge. */
  orderToken?: string;
  /** How many photos a fan may add: 0 (none) to 5. */
  maxPhotos?: number | `${number}`;
  /** The widget's language: `en` or `zh-CN` (any `zh-*` reads Chinese). Default: the page-wide `lang` setting, else the closest `[lang]` around it, else the browser's language. */
  lang?: 'en' | 'zh-CN' | (string & {});
  /** The server took the review: `{id, status, photos}` (`status` is `pending` or `published`). */
  onFanReviewSubmit?: (event: CustomEvent<FanReviewSubmitDetail>) => void;
}

/** `<fan-review-form>`'s events, for `@fan-review-submit="…"`. */
export interface FanReviewFormEvents {
  'fan-review-submit': (event: CustomEvent<FanReviewSubmitDetail>) => void;
}

declare module 'vue' {
  interface GlobalComponents {
    'fan-review-form': new () => FanReviewForm & {
      $props: Omit<HTMLAttributes, keyof FanReviewFormProps> & FanReviewFormProps & DataAttributes & PublicProps;
      $emit: EmitFn<FanReviewFormEvents>;
    };
  }
}
