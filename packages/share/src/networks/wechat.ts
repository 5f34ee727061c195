// Shares from a popover (see panels.ts), so no share URL.
export * from '../icons/wechat.js';
