// Generated from custom-elements.json by scripts/gen-framework-types.mjs: do not edit; run `node scripts/gen-framework-types.mjs`.
// React 18: `import '@fanfare/share/react-18'` defines <fan-share> as `import '@fanfare/share'` does,
// and types it in JSX. React 18 writes every prop of a custom element as an attribute, as text, and
// listens for none of its events: so each prop is named and typed as its attribute, and an
// `onfan-*` prop is an error (listen on a ref instead). React 19 users take `/react`.
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { FanShare } from '@fanfare/share';

export * from '@fanfare/share';

/** What `<fan-share>` takes in React 18 JSX, besides any HTML element's props. */
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
  networks?: string;
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
  /** React 18 never calls it: add the listener on a ref, `el.addEventListener('fan-share', …)` in an effect. */
  'onfan-share'?: never;
}

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'fan-share': Omit<DetailedHTMLProps<HTMLAttributes<FanShare>, FanShare>, keyof FanShareProps> & FanShareProps;
    }
  }
}
