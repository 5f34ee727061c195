import { FanCardMaker } from './fan-card-maker.js';

FanCardMaker.define('fan-card-maker');

declare global {
  interface HTMLElementTagNameMap {
    'fan-card-maker': FanCardMaker;
  }
}
