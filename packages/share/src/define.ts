import { FanShare } from './fan-share.js';

FanShare.define('fan-share');

declare global {
  interface HTMLElementTagNameMap {
    'fan-share': FanShare;
  }
}
