import type { Messages } from '@fanfare/core';

// Every word <fan-share>'s buttons show or say, read through core's localize(). The
// popover panels' words are in panel-messages.ts, read the same way: a module shared by
// the element and the lazily loaded panels would become a chunk of its own that every
// page loads (about 560 B more at start, past share's 4,000 B budget).

const en = {
  group: 'Share',
  shareOn: 'Share on {name}',
  copied: 'Copied',
  // The accessible names of the email and share-sheet buttons (copy's is its name).
  byEmail: 'Share by email',
  moreWays: 'More ways to share',
  // Networks' names, as their own brands write them.
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

export const messages: Messages<keyof typeof en> = {
  en,
  // Chinese pages use the Chinese names of Chinese networks; the others keep their brands' own.
  'zh-CN': {
    ...en,
    group: '分享',
    shareOn: '分享到{name}',
    copied: '已复制',
    byEmail: '通过邮件分享',
    moreWays: '更多分享方式',
    native: '分享',
    copy: '复制链接',
    email: '邮件',
    wechat: '微信',
    weibo: '微博',
    qzone: 'QQ空间',
    douban: '豆瓣',
  },
};
