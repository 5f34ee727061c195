// Generated from custom-elements.json by scripts/gen-framework-types.mjs: do not edit; run `node scripts/gen-framework-types.mjs`.
// React 19: `import '@fanfare/share/react'` defines <fan-share> as `import '@fanfare/share'` does,
// and types it in JSX. React 19 sets a property where the element has one (else the attribute),
// so each prop is typed as its property, which also takes its attribute's text; an
// `onfan-*` prop listens for that event. A server-rendered page (hydrateRoot) gets neither
// property values nor `onfan-*` listeners until the element renders again (React 19 bug
// react#35446): there, write each prop as its attribute, in text and with its dashes, and
// listen on a ref.
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { FanShareDetail } from '@fanfare/core/events';
import type { FanShare, Network } from '@fanfare/share';

export * from '@fanfare/share';

/** What `<fan-share>` takes in React 19 JSX, besides any HTML element's props. */
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
  /**
   * `{network, url, ref, parent}` when a fan picks a network; cancelable. `url` carries `fanref=<ref>`, a fresh share token for each share action; `parent` is the token this page view arrived with, if any.
   * On a server-rendered page, hydrateRoot leaves it unattached until the next render (react#35446): listen on a ref there.
   */
  'onfan-share'?: (event: CustomEvent<FanShareDetail>) => void;
}

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'fan-share': Omit<DetailedHTMLProps<HTMLAttributes<FanShare>, FanShare>, keyof FanShareProps> & FanShareProps;
    }
  }
}
