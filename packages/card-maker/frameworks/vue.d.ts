// Generated from custom-elements.json by scripts/gen-framework-types.mjs: do not edit; run `node scripts/gen-framework-types.mjs`.
// Vue 3: `import '@fanfare/card-maker/vue'` defines <fan-card-maker> as `import '@fanfare/card-maker'` does,
// and types it in templates (vue-tsc, Volar). Vue sets a property where the element has one, so each prop
// is typed as its property, which also takes its attribute's text; `@fan-*` handlers get the
// event's detail type. A misspelled prop is an error under vue-tsc's strictTemplates (without it,
// Vue lets any attribute through). The app still marks fan-* tags as custom elements
// (compilerOptions.isCustomElement).
import type { EmitFn, HTMLAttributes, PublicProps } from 'vue';
import type { FanCardCreateDetail, FanCardExportDetail, FanCardShareDetail } from '@fanfare/core/events';
import type { FanCardMaker } from '@fanfare/card-maker';

export * from '@fanfare/card-maker';

/** `data-*` attributes, which vue-tsc's strictTemplates checks as camelCase props (`data-track` → dataTrack). */
type DataAttributes = { [name: `data${Capitalize<string>}`]: unknown };

/** What `<fan-card-maker>` takes in a Vue template, besides any HTML element's attributes. */
export interface FanCardMakerProps {
  /** URL of a templates JSON file, or the JSON itself; the six built-in designs when absent. */
  templates?: string;
  /** Logo drawn in the brand zone of every card (http, https or relative URL). */
  logo?: string;
  /** Text drawn in the brand zone of every card; without it and without a logo, the host of `link` (this site's). */
  brandText?: string;
  /** Where "make your own" leads; this page by default. */
  link?: string;
  /** Largest photo a fan may pick, in MB. */
  maxPhotoMb?: number | `${number}`;
  /** The widget's language: `en` or `zh-CN` (any `zh-*` reads Chinese). Default: the page-wide `lang` setting, else the closest `[lang]` around it, else the browser's language. */
  lang?: 'en' | 'zh-CN' | (string & {});
  /** `{template}` when a fan finishes a card and reaches the last step. */
  onFanCardCreate?: (event: CustomEvent<FanCardCreateDetail>) => void;
  /** `{format, bytes}` when the image is saved or sent. */
  onFanCardExport?: (event: CustomEvent<FanCardExportDetail>) => void;
  /** `{channel, ref?, parent?}` (`files`, `link`, `download`, `wechat`, `copy`) when the card is sent; `ref` is the share token in the link sent (`files`, `link`, `copy`), `parent` the token this page view arrived with, if any. */
  onFanCardShare?: (event: CustomEvent<FanCardShareDetail>) => void;
}

/** `<fan-card-maker>`'s events, for `@fan-card-create="…"`. */
export interface FanCardMakerEvents {
  'fan-card-create': (event: CustomEvent<FanCardCreateDetail>) => void;
  'fan-card-export': (event: CustomEvent<FanCardExportDetail>) => void;
  'fan-card-share': (event: CustomEvent<FanCardShareDetail>) => void;
}

declare module 'vue' {
  interface GlobalComponents {
    'fan-card-maker': new () => FanCardMaker & {
      $props: Omit<HTMLAttributes, keyof FanCardMakerProps> & FanCardMakerProps & DataAttributes & PublicProps;
      $emit: EmitFn<FanCardMakerEvents>;
    };
  }
}
