export * from '../icons/facebook.js';
export const url = 'https://www.facebook.com/sharer/sharer.php?u=u';
