import type { Messages } from '@fanfare/core';

type Key =
  | 'offer' | 'share' | 'progress' | 'refresh' | 'refreshing' | 'claim' | 'claiming' | 'won' | 'code' | 'copy'
  | 'copied' | 'loading' | 'stale' | 'group';

// `offer` never appears inside WeChat (its rules forbid tying a reward to sharing): there
// the widget says `share`, or the marketer's own `wechat-text`.
// `progress` counts people (位 in Chinese), and is spoken politely when it changes.
export const messages: Messages<Key> = {
  en: {
    offer: 'Invite {needed} friends and get {title} when they visit',
    share: 'Enjoying it? Share it with your friends',
    progress: '{n} of {needed} friends have visited',
    refresh: 'Refresh',
    refreshing: 'Checking…',
    claim: 'Get my reward',
    claiming: 'Getting your reward…',
    won: 'Your reward: {title}',
    code: 'Your code:',
    copy: 'Copy code',
    copied: 'Copied',
    loading: 'Loading your invite…',
    stale: 'Could not check just now; try Refresh in a moment.',
    group: 'Invite friends',
  },
  'zh-CN': {
    offer: '邀请 {needed} 位好友来逛逛，即可获得{title}',
    share: '喜欢就分享给好友吧',
    progress: '已有 {n} 位好友到访，共需 {needed} 位',
    refresh: '刷新',
    refreshing: '正在刷新…',
    claim: '领取奖励',
    claiming: '正在领取…',
    won: '你的奖励：{title}',
    code: '你的券码：',
    copy: '复制券码',
    copied: '已复制',
    loading: '正在加载邀请…',
    stale: '暂时无法刷新，请稍后再试。',
    group: '邀请好友',
  },
};
