import { FanInvite } from './fan-invite.js';

FanInvite.define('fan-invite');

declare global {
  interface HTMLElementTagNameMap {
    'fan-invite': FanInvite;
  }
}
