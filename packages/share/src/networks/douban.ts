export * from '../icons/douban.js';
export const url = 'https://www.douban.com/share/service?href=u&name=t&text=x&image=i';
