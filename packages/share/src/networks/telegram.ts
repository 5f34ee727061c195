export * from '../icons/telegram.js';
export const url = 'https://t.me/share/url?url=u&text=m';
