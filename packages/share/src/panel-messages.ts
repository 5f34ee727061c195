import type { Messages } from '@fanfare/core';

type PanelKey =
  | 'wechat' | 'mastodon' | 'copy' | 'copyFailed' | 'wechatScan' | 'wechatHint' | 'wechatQrAlt' | 'close'
  | 'mastodonServer' | 'mastodonGo' | 'mastodonBad';

// The popover panels' words, downloaded with panels.ts on the first click that opens one
// (see messages.ts for the buttons' words and why the two tables are apart).

/** `wechat`, `mastodon` and `copy` name each panel's dialog: what it is for, not only the network. */
export const panelMessages: Messages<PanelKey> = {
  en: {
    wechat: 'Share on WeChat',
    mastodon: 'Share on Mastodon',
    copy: 'Copy the link by hand',
    copyFailed: 'Could not copy. Select the link and copy it yourself.',
    wechatScan: 'Scan with WeChat, then share with friends or Moments.',
    wechatHint: 'Tap ··· at the top right to send this page to a friend or share it to Moments.',
    wechatQrAlt: 'QR code of the link to this page',
    close: 'Close',
    mastodonServer: 'Your Mastodon server',
    mastodonGo: 'Share',
    mastodonBad: 'Enter a server name such as mastodon.social.',
  },
  'zh-CN': {
    wechat: '分享到微信',
    mastodon: '分享到 Mastodon',
    copy: '手动复制链接',
    copyFailed: '复制失败，请选中链接后手动复制。',
    wechatScan: '用微信扫一扫，即可发送给朋友或分享到朋友圈。',
    wechatHint: '点击右上角“···”，即可发送给朋友或分享到朋友圈。',
    wechatQrAlt: '本页链接的二维码',
    close: '关闭',
    mastodonServer: '你所在的 Mastodon 服务器',
    mastodonGo: '分享',
    mastodonBad: '请输入服务器域名，例如 mastodon.social。',
  },
};
