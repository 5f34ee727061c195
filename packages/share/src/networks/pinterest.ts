export * from '../icons/pinterest.js';
export const url = 'https://www.pinterest.com/pin/create/button/?url=u&media=i&description=m';
