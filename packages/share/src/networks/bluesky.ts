export * from '../icons/bluesky.js';
export const url = 'https://bsky.app/intent/compose?text=s';
