import { FanShare } from '@fanfare/share';
import { Fan2048 } from './fan-2048.js';

// Safe to run twice (the SDK loaded twice): define() skips a tag that is taken.
// <fan-share> is named here, not just imported, so a bundler that trusts
// "sideEffects": false cannot drop the "share my score" buttons.
FanShare.define('fan-share');
Fan2048.define('fan-2048');

declare global {
  interface HTMLElementTagNameMap {
    'fan-2048': Fan2048;
  }
}
