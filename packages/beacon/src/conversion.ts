// <fan-conversion order="1001" value="49.00" currency="CNY">: an order reported from plain
// HTML, for thank-you pages a marketer can only edit as HTML. It renders nothing and does
// what window.fanfare.track('conversion', …) does; the loader loads it when the tag is on
// the page. No Lit: it is a few lines on top of the beacon.
import { fanfare } from '@fanfare/core/config';

export class FanConversion extends HTMLElement {
  // Unset until the element first enters a page (no initialiser: a constructor of its own
  // costs fanfare-beacon.js, which defines the tag, bytes it has not got).
  private sent?: true;

  connectedCallback(): void {
    // Once per element: moving it in the page is not a second order (nor is a reload: the
    // beacon remembers the orders it reported).
    if (this.sent) return;
    this.sent = true;
    const [order, value, currency] = ['order', 'value', 'currency'].map((a) => this.getAttribute(a));
    const g = fanfare();
    const props = { order, value, currency };
    // Before the beacon runs, the call waits where the loader's stub queues them.
    if (g.track) g.track('conversion', props);
    else (g.t ??= []).push(['conversion', props]);
  }
}

if (!customElements.get('fan-conversion')) customElements.define('fan-conversion', FanConversion);

declare global {
  interface HTMLElementTagNameMap {
    'fan-conversion': FanConversion;
  }
}
