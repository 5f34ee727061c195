import type { Messages } from '@fanfare/core';

type Key =
  | 'copyFailed' | 'wechatScan' | 'wechatHint' | 'wechatQrAlt' | 'close'
  | 'mastodonServer' | 'mastodonGo' | 'mastodonBad';

/** Text of the popover panels, loaded with them on the first click that opens one. */
export const panelMessages: Messages<Key> = {
  en: {
    copyFailed: 'Could not copy. Select the link and copy it yourself.',
    wechatScan: 'Scan with WeChat, then share with friends or Moments.',
    wechatHint: 'Tap ⋯ at the top right to send this page to a friend or share it to Moments.',
    wechatQrAlt: 'QR code of the link to this page',
    close: 'Close',
    mastodonServer: 'Your Mastodon server',
    mastodonGo: 'Share',
    mastodonBad: 'Enter a server name such as mastodon.social.',
  },
  'zh-CN': {
    copyFailed: '复制失败，请选中链接后手动复制。',
    wechatScan: '用微信扫一扫，即可发给好友或分享到朋友圈。',
    wechatHint: '点击右上角的 ⋯，即可发送给朋友或分享到朋友圈。',
    wechatQrAlt: '本页链接的二维码',
    close: '关闭',
    mastodonServer: '你的 Mastodon 实例',
    mastodonGo: '分享',
    mastodonBad: '请输入实例域名，例如 mastodon.social。',
  },
};
