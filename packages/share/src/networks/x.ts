export * from '../icons/x.js';
export const url = 'https://x.com/intent/post?text=m&url=u';
