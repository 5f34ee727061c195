import type { Network } from '../logic/networks.js';

type Loader = () => Promise<{ default: string }>;

/**
 * Brand glyphs, one chunk each, so a page loads only the networks it names.
 * Action networks without a brand (copy, email, native) draw line glyphs from own.ts.
 */
export const brandIcons: Partial<Record<Network, Loader>> = {
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
};
