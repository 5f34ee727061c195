// Generated from custom-elements.json by scripts/gen-framework-types.mjs: do not edit; run `node scripts/gen-framework-types.mjs`.
// React 19: `import '@fanfare/invite/react'` defines <fan-invite> as `import '@fanfare/invite'` does,
// and types it in JSX. React 19 sets a property where the element has one (else the attribute),
// so each prop is typed as its property, which also takes its attribute's text; an
// `onfan-*` prop listens for that event. A server-rendered page (hydrateRoot) gets neither
// property values nor `onfan-*` listeners until the element renders again (React 19 bug
// react#35446): there, write each prop as its attribute, in text and with its dashes, and
// listen on a ref.
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { FanInviteStartDetail, FanRewardDetail, FanShareDetail } from '@fanfare/core/events';
import type { FanInvite } from '@fanfare/invite';

export * from '@fanfare/invite';

/** What `<fan-invite>` takes in React 19 JSX, besides any HTML element's props. */
export interface FanInviteProps {
  /** The server's `referrals.<name>`. */
  campaign?: string;
  /** The server's `/referrals` endpoint. */
  rewardEndpoint?: string;
  /** The server's `/referrals` endpoint. `rewardEndpoint` as its attribute, the form a server render keeps. */
  'reward-endpoint'?: string;
  /** Networks of the share buttons, as `<fan-share networks>`; the locale's default when empty. */
  networks?: string;
  /** What the widget says inside WeChat, where no reward may be tied to sharing. Default: "Enjoying it? Share it with your friends". */
  wechatText?: string;
  /** What the widget says inside WeChat, where no reward may be tied to sharing. `wechatText` as its attribute, the form a server render keeps. */
  'wechat-text'?: string;
  /** The widget's language: `en` or `zh-CN` (any `zh-*` reads Chinese). Default: the page-wide `lang` setting, else the closest `[lang]` around it, else the browser's language. */
  lang?: 'en' | 'zh-CN' | (string & {});
  /**
   * `{campaign}` when the server gave this fan an invite (not when one kept on the device shows again).
   * On a server-rendered page, hydrateRoot leaves it unattached until the next render (react#35446): listen on a ref there.
   */
  'onfan-invite-start'?: (event: CustomEvent<FanInviteStartDetail>) => void;
  /**
   * `{title, tier: 0, code}` when the fan claims the reward.
   * On a server-rendered page, hydrateRoot leaves it unattached until the next render (react#35446): listen on a ref there.
   */
  'onfan-reward'?: (event: CustomEvent<FanRewardDetail>) => void;
  /**
   * From the share buttons inside, for each share: its `ref` is the invite's.
   * On a server-rendered page, hydrateRoot leaves it unattached until the next render (react#35446): listen on a ref there.
   */
  'onfan-share'?: (event: CustomEvent<FanShareDetail>) => void;
}

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'fan-invite': Omit<DetailedHTMLProps<HTMLAttributes<FanInvite>, FanInvite>, keyof FanInviteProps> & FanInviteProps;
    }
  }
}
