// Generated from custom-elements.json by scripts/gen-framework-types.mjs: do not edit; run `node scripts/gen-framework-types.mjs`.
// Vue 3: `import '@fanfare/buyer-show/vue'` defines <fan-buyer-show> as `import '@fanfare/buyer-show'` does,
// and types it in templates (vue-tsc, Volar). Vue sets a property where the element has one, so each prop
// is typed as its property, which also takes its attribute's text; `@fan-*` handlers get the
// event's detail type. A misspelled prop is an error under vue-tsc's strictTemplates (without it,
// Vue lets any attribute through). The app still marks fan-* tags as custom elements
// (compilerOptions.isCustomElement).
import type { EmitFn, HTMLAttributes, PublicProps } from 'vue';
import type { FanReviewClickDetail, FanReviewOpenDetail, FanSlideChangeDetail } from '@fanfare/core/events';
import type { FanBuyerShow, Filter } from '@fanfare/buyer-show';

export * from '@fanfare/buyer-show';

/** `data-*` attributes, which vue-tsc's strictTemplates checks as camelCase props (`data-track` → dataTrack). */
type DataAttributes = { [name: `data${Capitalize<string>}`]: unknown };

/** What `<fan-buyer-show>` takes in a Vue template, besides any HTML element's attributes. */
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
  /** The carousel settled on another slide: `{index}`. */
  onFanSlideChange?: (event: CustomEvent<FanSlideChangeDetail>) => void;
  /** A fan opened a review's photos: `{id}`. */
  onFanReviewOpen?: (event: CustomEvent<FanReviewOpenDetail>) => void;
  /** A fan followed a review's product link: `{id, url}`. */
  onFanReviewClick?: (event: CustomEvent<FanReviewClickDetail>) => void;
}

/** `<fan-buyer-show>`'s events, for `@fan-slide-change="…"`. */
export interface FanBuyerShowEvents {
  'fan-slide-change': (event: CustomEvent<FanSlideChangeDetail>) => void;
  'fan-review-open': (event: CustomEvent<FanReviewOpenDetail>) => void;
  'fan-review-click': (event: CustomEvent<FanReviewClickDetail>) => void;
}

declare module 'vue' {
  interface GlobalComponents {
    'fan-buyer-show': new () => FanBuyerShow & {
      $props: Omit<HTMLAttributes, keyof FanBuyerShowProps> & FanBuyerShowProps & DataAttributes & PublicProps;
      $emit: EmitFn<FanBuyerShowEvents>;
    };
  }
}
