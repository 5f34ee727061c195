import { FanBuyerShow } from './fan-buyer-show.js';

FanBuyerShow.define('fan-buyer-show');

declare global {
  interface HTMLElementTagNameMap {
    'fan-buyer-show': FanBuyerShow;
  }
}
