export * from '../icons/line.js';
export const url = 'https://social-plugins.line.me/lineit/share?url=u&text=m';
