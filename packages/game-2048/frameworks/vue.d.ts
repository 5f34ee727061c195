// Generated from custom-elements.json by scripts/gen-framework-types.mjs: do not edit; run `node scripts/gen-framework-types.mjs`.
// Vue 3: `import '@fanfare/game-2048/vue'` defines <fan-2048> as `import '@fanfare/game-2048'` does,
// and types it in templates (vue-tsc, Volar). Vue sets a property where the element has one, so each prop
// is typed as its property, which also takes its attribute's text; `@fan-*` handlers get the
// event's detail type. A misspelled prop is an error under vue-tsc's strictTemplates (without it,
// Vue lets any attribute through). The app still marks fan-* tags as custom elements
// (compilerOptions.isCustomElement).
import type { EmitFn, HTMLAttributes, PublicProps } from 'vue';
import type { FanGameOverDetail, FanGameStartDetail, FanRewardDetail } from '@fanfare/core/events';
import type { Fan2048, Reward, Skin } from '@fanfare/game-2048';

export * from '@fanfare/game-2048';

/** `data-*` attributes, which vue-tsc's strictTemplates checks as camelCase props (`data-track` → dataTrack). */
type DataAttributes = { [name: `data${Capitalize<string>}`]: unknown };

/** What `<fan-2048>` takes in a Vue template, besides any HTML element's attributes. */
export interface Fan2048Props {
  /** Board width and height in tiles, 3–6. */
  size?: number | `${number}`;
  /** Namespaces saved progress and analytics, so two games on a page stay apart. */
  campaign?: string;
  /** JSON array of `{tile}` or `{score}` thresholds with a `title` and, inline, a `code`. In server mode, a preview until the server sends its own. */
  rewards?: Reward[] | string;
  /** Server mode: the game asks this endpoint for a seed and its rewards, and gets codes after a replay. */
  rewardEndpoint?: string;
  /** JSON object: tile value → `{label, image, color}`. */
  skin?: Skin | string;
  /** Brand logo shown above the board. */
  logo?: string;
  /** Networks for "share my score" (as `<fan-share networks>`); the locale's default when empty. */
  share?: string;
  /** The widget's language: `en` or `zh-CN` (any `zh-*` reads Chinese). Default: the page-wide `lang` setting, else the closest `[lang]` around it, else the browser's language. */
  lang?: 'en' | 'zh-CN' | (string & {});
  /** A fan makes the first move of a game. `{campaign}` */
  onFanGameStart?: (event: CustomEvent<FanGameStartDetail>) => void;
  /** No move is left. `{score, maxTile, moves}` */
  onFanGameOver?: (event: CustomEvent<FanGameOverDetail>) => void;
  /** A reward is won. `{title, tier, code?}` */
  onFanReward?: (event: CustomEvent<FanRewardDetail>) => void;
}

/** `<fan-2048>`'s events, for `@fan-game-start="…"`. */
export interface Fan2048Events {
  'fan-game-start': (event: CustomEvent<FanGameStartDetail>) => void;
  'fan-game-over': (event: CustomEvent<FanGameOverDetail>) => void;
  'fan-reward': (event: CustomEvent<FanRewardDetail>) => void;
}

declare module 'vue' {
  interface GlobalComponents {
    'fan-2048': new () => Fan2048 & {
      $props: Omit<HTMLAttributes, keyof Fan2048Props> & Fan2048Props & DataAttributes & PublicProps;
      $emit: EmitFn<Fan2048Events>;
    };
  }
}
