export * from '../icons/reddit.js';
export const url = 'https://www.reddit.com/submit?url=u&title=t';
