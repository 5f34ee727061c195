// Generated from custom-elements.json by scripts/gen-framework-types.mjs: do not edit; run `node scripts/gen-framework-types.mjs`.
// Vue 3: `import '@fanfare/share/vue'` defines <fan-share> as `import '@fanfare/share'` does,
// and types it in templates (vue-tsc, Volar). Vue sets a property where the element has one, so each prop
// is typed as its property, which also takes its attribute's text; `@fan-*` handlers get the
// event's detail type. A misspelled prop is an error under vue-tsc's strictTemplates (without it,
// Vue lets any attribute through). The app still marks fan-* tags as custom elements
// (compilerOptions.isCustomElement).
import type { EmitFn, HTMLAttributes, PublicProps } from 'vue';
import type { FanShareDetail } from '@fanfare/core/events';
import type { FanShare, Network } from '@fanfare/share';

export * from '@fanfare/share';

/** `data-*` attributes, which vue-tsc's strictTemplates checks as camelCase props (`data-track` → dataTrack). */
type DataAttributes = { [name: `data${Capitalize<string>}`]: unknown };

/** What `<fan-share>` takes in a Vue template, besides any HTML element's attributes. */
export interface FanShareProps {
  /** The URL to share: absolute or relative, http(s) only. Default: the canonical link, else the page without its hash. */
  url?: string;
  /** Title of what is shared. Default: the document's title. */
  title?: string;
  /** Longer text for networks that take one. */
  text?: string;
  /** An image URL for networks that take one (Pinterest, Weibo, QQ, VK, Douban). */
  image?: string;
  /** Networks in order, space- or comma-separated. Default depends on the locale. */
  networks?: Network[] | string;
  /** `row`, `column`, or `floating` (fixed to the viewport's start edge on wide screens). */
  layout?: 'row' | 'column' | 'floating';
  /** `icon` (glyph only) or `label` (glyph and name). */
  variant?: 'icon' | 'label';
  /** Button size: `s`, `m` or `l`. */
  size?: 's' | 'm' | 'l';
  /** Campaign name: adds utm_source, utm_medium=social and utm_campaign to the shared URL. */
  utm?: string;
  /** The widget's language: `en` or `zh-CN` (any `zh-*` reads Chinese). Default: the page-wide `lang` setting, else the closest `[lang]` around it, else the browser's language. */
  lang?: 'en' | 'zh-CN' | (string & {});
  /** `{network, url, ref, parent}` when a fan picks a network; cancelable. `url` carries `fanref=<ref>`, a fresh share token for each share action; `parent` is the token this page view arrived with, if any. */
  onFanShare?: (event: CustomEvent<FanShareDetail>) => void;
}

/** `<fan-share>`'s events, for `@fan-share="…"`. */
export interface FanShareEvents {
  'fan-share': (event: CustomEvent<FanShareDetail>) => void;
}

declare module 'vue' {
  interface GlobalComponents {
    'fan-share': new () => FanShare & {
      $props: Omit<HTMLAttributes, keyof FanShareProps> & FanShareProps & DataAttributes & PublicProps;
      $emit: EmitFn<FanShareEvents>;
    };
  }
}
