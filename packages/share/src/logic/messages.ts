import type { Messages } from '@fanfare/core';

/** email and native: those buttons' accessible names (copy's is its name). */
type Key = 'group' | 'shareOn' | 'copied' | 'email' | 'native';

export const messages: Messages<Key> = {
  en: {
    group: 'Share',
    shareOn: 'Share on {name}',
    copied: 'Copied',
    email: 'Share by email',
    native: 'More ways to share',
  },
  'zh-CN': {
    group: '分享',
    shareOn: '分享到{name}',
    copied: '已复制',
    email: '通过邮件分享',
    native: '更多分享方式',
  },
};

/**
 * What each button says: networks' names as their own brands write them, where Chinese
 * pages use the Chinese names.
 */
export const names: Record<string, string> = {
  native: 'Share',
  copy: 'Copy link',
  email: 'Email',
  wechat: 'WeChat',
  weibo: 'Weibo',
  qq: 'QQ',
  qzone: 'Qzone',
  douban: 'Douban',
  x: 'X',
  facebook: 'Facebook',
  linkedin: 'LinkedIn',
  whatsapp: 'WhatsApp',
  telegram: 'Telegram',
  reddit: 'Reddit',
  pinterest: 'Pinterest',
  line: 'LINE',
  bluesky: 'Bluesky',
  threads: 'Threads',
  mastodon: 'Mastodon',
  vk: 'VK',
};

export const namesZh: Record<string, string> = {
  native: '分享',
  copy: '复制链接',
  email: '邮件',
  wechat: '微信',
  weibo: '微博',
  qzone: 'QQ空间',
  douban: '豆瓣',
};
