// Generated from custom-elements.json by scripts/gen-framework-types.mjs: do not edit; run `node scripts/gen-framework-types.mjs`.
// React 19: `import '@fanfare/game-2048/react'` defines <fan-2048> as `import '@fanfare/game-2048'` does,
// and types it in JSX. React 19 sets a property where the element has one (else the attribute),
// so each prop is typed as its property, which also takes its attribute's text; an
// `onfan-*` prop listens for that event. A server-rendered page (hydrateRoot) gets neither
// property values nor `onfan-*` listeners until the element renders again (React 19 bug
// react#35446): there, write each prop as its attribute, in text and with its dashes, and
// listen on a ref.
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { FanGameOverDetail, FanGameStartDetail, FanRewardDetail } from '@fanfare/core/events';
import type { Fan2048, Reward, Skin } from '@fanfare/game-2048';

export * from '@fanfare/game-2048';

/** What `<fan-2048>` takes in React 19 JSX, besides any HTML element's props. */
export interface Fan2048Props {
  /** Board width and height in tiles, 3–6. */
  size?: number | `${number}`;
  /** Namespaces saved progress and analytics, so two games on a page stay apart. */
  campaign?: string;
  /** JSON array of `{tile}` or `{score}` thresholds with a `title` and, inline, a `code`. In server mode, a preview until the server sends its own. */
  rewards?: Reward[] | string;
  /** Server mode: the game asks this endpoint for a seed and its rewards, and gets codes after a replay. */
  rewardEndpoint?: string;
  /** Server mode: the game asks this endpoint for a seed and its rewards, and gets codes after a replay. `rewardEndpoint` as its attribute, the form a server render keeps. */
  'reward-endpoint'?: string;
  /** JSON object: tile value → `{label, image, color}`. */
  skin?: Skin | string;
  /** Brand logo shown above the board. */
  logo?: string;
  /** Networks for "share my score" (as `<fan-share networks>`); the locale's default when empty. */
  share?: string;
  /** The widget's language: `en` or `zh-CN` (any `zh-*` reads Chinese). Default: the page-wide `lang` setting, else the closest `[lang]` around it, else the browser's language. */
  lang?: 'en' | 'zh-CN' | (string & {});
  /**
   * A fan makes the first move of a game. `{campaign}`
   * On a server-rendered page, hydrateRoot leaves it unattached until the next render (react#35446): listen on a ref there.
   */
  'onfan-game-start'?: (event: CustomEvent<FanGameStartDetail>) => void;
  /**
   * No move is left. `{score, maxTile, moves}`
   * On a server-rendered page, hydrateRoot leaves it unattached until the next render (react#35446): listen on a ref there.
   */
  'onfan-game-over'?: (event: CustomEvent<FanGameOverDetail>) => void;
  /**
   * A reward is won. `{title, tier, code?}`
   * On a server-rendered page, hydrateRoot leaves it unattached until the next render (react#35446): listen on a ref there.
   */
  'onfan-reward'?: (event: CustomEvent<FanRewardDetail>) => void;
}

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'fan-2048': Omit<DetailedHTMLProps<HTMLAttributes<Fan2048>, Fan2048>, keyof Fan2048Props> & Fan2048Props;
    }
  }
}
