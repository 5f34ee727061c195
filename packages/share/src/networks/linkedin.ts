export * from '../icons/linkedin.js';
export const url = 'https://www.linkedin.com/sharing/share-offsite/?url=u';
