// Generated from custom-elements.json by scripts/gen-framework-types.mjs: do not edit; run `node scripts/gen-framework-types.mjs`.
// React 18: `import '@fanfare/game-2048/react-18'` defines <fan-2048> as `import '@fanfare/game-2048'` does,
// and types it in JSX. React 18 writes every prop of a custom element as an attribute, as text, and
// listens for none of its events: so each prop is named and typed as its attribute, and an
// `onfan-*` prop is an error (listen on a ref instead). React 19 users take `/react`.
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { Fan2048 } from '@fanfare/game-2048';

export * from '@fanfare/game-2048';

/** What `<fan-2048>` takes in React 18 JSX, besides any HTML element's props. */
export interface Fan2048Props {
  /** Board width and height in tiles, 3–6. */
  size?: number | `${number}`;
  /** Namespaces saved progress and analytics, so two games on a page stay apart. */
  campaign?: string;
  /** JSON array of `{tile}` or `{score}` thresholds with a `title` and, inline, a `code`. In server mode, a preview until the server sends its own. */
  rewards?: string;
  /** Server mode: the game asks this endpoint for a seed and its rewards, and gets codes after a replay. */
  'reward-endpoint'?: string;
  /** JSON object: tile value → `{label, image, color}`. */
  skin?: string;
  /** Brand logo shown above the board. */
  logo?: string;
  /** Networks for "share my score" (as `<fan-share networks>`); the locale's default when empty. */
  share?: string;
  /** The widget's language: `en` or `zh-CN` (any `zh-*` reads Chinese). Default: the page-wide `lang` setting, else the closest `[lang]` around it, else the browser's language. */
  lang?: 'en' | 'zh-CN' | (string & {});
  /** React 18 never calls it: add the listener on a ref, `el.addEventListener('fan-game-start', …)` in an effect. */
  'onfan-game-start'?: never;
  /** React 18 never calls it: add the listener on a ref, `el.addEventListener('fan-game-over', …)` in an effect. */
  'onfan-game-over'?: never;
  /** React 18 never calls it: add the listener on a ref, `el.addEventListener('fan-reward', …)` in an effect. */
  'onfan-reward'?: never;
}

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'fan-2048': Omit<DetailedHTMLProps<HTMLAttributes<Fan2048>, Fan2048>, keyof Fan2048Props> & Fan2048Props;
    }
  }
}
