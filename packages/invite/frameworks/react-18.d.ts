// Generated from custom-elements.json by scripts/gen-framework-types.mjs: do not edit; run `node scripts/gen-framework-types.mjs`.
// React 18: `import '@fanfare/invite/react-18'` defines <fan-invite> as `import '@fanfare/invite'` does,
// and types it in JSX. React 18 writes every prop of a custom element as an attribute, as text, and
// listens for none of its events: so each prop is named and typed as its attribute, and an
// `onfan-*` prop is an error (listen on a ref instead). React 19 users take `/react`.
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { FanInvite } from '@fanfare/invite';

export * from '@fanfare/invite';

/** What `<fan-invite>` takes in React 18 JSX, besides any HTML element's props. */
export interface FanInviteProps {
  /** The server's `referrals.<name>`. */
  campaign?: string;
  /** The server's `/referrals` endpoint. */
  'reward-endpoint'?: string;
  /** Networks of the share buttons, as `<fan-share networks>`; the locale's default when empty. */
  networks?: string;
  /** What the widget says inside WeChat, where no reward may be tied to sharing. Default: "Enjoying it? Share it with your friends". */
  'wechat-text'?: string;
  /** The widget's language: `en` or `zh-CN` (any `zh-*` reads Chinese). Default: the page-wide `lang` setting, else the closest `[lang]` around it, else the browser's language. */
  lang?: 'en' | 'zh-CN' | (string & {});
  /** React 18 never calls it: add the listener on a ref, `el.addEventListener('fan-invite-start', …)` in an effect. */
  'onfan-invite-start'?: never;
  /** React 18 never calls it: add the listener on a ref, `el.addEventListener('fan-reward', …)` in an effect. */
  'onfan-reward'?: never;
  /** React 18 never calls it: add the listener on a ref, `el.addEventListener('fan-share', …)` in an effect. */
  'onfan-share'?: never;
}

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'fan-invite': Omit<DetailedHTMLProps<HTMLAttributes<FanInvite>, FanInvite>, keyof FanInviteProps> & FanInviteProps;
    }
  }
}
