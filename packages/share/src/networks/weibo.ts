export * from '../icons/weibo.js';
export const url = 'https://service.weibo.com/share/share.php?url=u&title=m&pic=i';
