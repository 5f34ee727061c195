import type { Network, Pack } from '../logic/networks.js';

/**
 * Each network's chunk: its glyph, colours and share URL format, so a page downloads
 * only the networks it names. Copy and the system share sheet need none.
 */
export const packs: Partial<Record<Network, () => Promise<Pack>>> = {
  wechat: () => import('./wechat.js'),
  weibo: () => import('./weibo.js'),
  qq: () => import('./qq.js'),
  qzone: () => import('./qzone.js'),
  douban: () => import('./douban.js'),
  x: () => import('./x.js'),
  facebook: () => import('./facebook.js'),
  linkedin: () => import('./linkedin.js'),
  whatsapp: () => import('./whatsapp.js'),
  telegram: () => import('./telegram.js'),
  reddit: () => import('./reddit.js'),
  pinterest: () => import('./pinterest.js'),
  line: () => import('./line.js'),
  bluesky: () => import('./bluesky.js'),
  threads: () => import('./threads.js'),
  mastodon: () => import('./mastodon.js'),
  vk: () => import('./vk.js'),
  email: () => import('./email.js'),
};
