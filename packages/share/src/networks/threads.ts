export * from '../icons/threads.js';
export const url = 'https://www.threads.net/intent/post?text=m&url=u';
