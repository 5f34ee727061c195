// Generated from custom-elements.json by scripts/gen-framework-types.mjs: do not edit; run `node scripts/gen-framework-types.mjs`.
// Vue 3: `import '@fanfare/invite/vue'` defines <fan-invite> as `import '@fanfare/invite'` does,
// and types it in templates (vue-tsc, Volar). Vue sets a property where the element has one, so each prop
// is typed as its property, which also takes its attribute's text; `@fan-*` handlers get the
// event's detail type. A misspelled prop is an error under vue-tsc's strictTemplates (without it,
// Vue lets any attribute through). The app still marks fan-* tags as custom elements
// (compilerOptions.isCustomElement).
import type { EmitFn, HTMLAttributes, PublicProps } from 'vue';
import type { FanInviteStartDetail, FanRewardDetail, FanShareDetail } from '@fanfare/core/events';
import type { FanInvite } from '@fanfare/invite';

export * from '@fanfare/invite';

/** `data-*` attributes, which vue-tsc's strictTemplates checks as camelCase props (`data-track` → dataTrack). */
type DataAttributes = { [name: `data${Capitalize<string>}`]: unknown };

/** What `<fan-invite>` takes in a Vue template, besides any HTML element's attributes. */
export interface FanInviteProps {
  /** The server's `referrals.<name>`. */
  campaign?: string;
  /** The server's `/referrals` endpoint. */
  rewardEndpoint?: string;
  /** Networks of the share buttons, as `<fan-share networks>`; the locale's default when empty. */
  networks?: string;
  /** What the widget says inside WeChat, where no reward may be tied to sharing. Default: "Enjoying it? Share it with your friends". */
  wechatText?: string;
  /** The widget's language: `en` or `zh-CN` (any `zh-*` reads Chinese). Default: the page-wide `lang` setting, else the closest `[lang]` around it, else the browser's language. */
  lang?: 'en' | 'zh-CN' | (string & {});
  /** `{campaign}` when the server gave this fan an invite (not when one kept on the device shows again). */
  onFanInviteStart?: (event: CustomEvent<FanInviteStartDetail>) => void;
  /** `{title, tier: 0, code}` when the fan claims the reward. */
  onFanReward?: (event: CustomEvent<FanRewardDetail>) => void;
  /** From the share buttons inside, for each share: its `ref` is the invite's. */
  onFanShare?: (event: CustomEvent<FanShareDetail>) => void;
}

/** `<fan-invite>`'s events, for `@fan-invite-start="…"`. */
export interface FanInviteEvents {
  'fan-invite-start': (event: CustomEvent<FanInviteStartDetail>) => void;
  'fan-reward': (event: CustomEvent<FanRewardDetail>) => void;
  'fan-share': (event: CustomEvent<FanShareDetail>) => void;
}

declare module 'vue' {
  interface GlobalComponents {
    'fan-invite': new () => FanInvite & {
      $props: Omit<HTMLAttributes, keyof FanInviteProps> & FanInviteProps & DataAttributes & PublicProps;
      $emit: EmitFn<FanInviteEvents>;
    };
  }
}
