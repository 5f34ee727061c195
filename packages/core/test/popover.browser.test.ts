import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { LitElement, html as litHtml, nothing } from 'lit';
import { PopoverController } from '../src/popover.js';

// A widget with one button and its popover, as the share buttons' WeChat panel is.
class FanPopoverProbe extends LitElement {
  pop = new PopoverController(this, () => this.renderRoot.querySelector<HTMLElement>('.panel'));
  override render() {
    return litHtml`<button class="open" @click=${(e: Event) => void this.pop.show('qr', e.currentTarget as HTMLElement)}>Open</button>
      ${this.pop.openFor ? litHtml`<div class="panel" role="dialog" tabindex="-1"><button class="close">Close</button></div>` : nothing}`;
  }
}
customElements.define('fan-popover-probe', FanPopoverProbe);

describe('PopoverController', () => {
  // First in this file: the placing code (and @floating-ui/dom) is not loaded yet.
  it('keeps the panel unseen until the placing code has arrived, then shows it placed, focused and closing on Escape', async () => {
    const el = await fixture<FanPopoverProbe>(html`<fan-popover-probe></fan-popover-probe>`);
    const open = el.shadowRoot!.querySelector<HTMLButtonElement>('.open')!;
    open.focus();
    const shown = el.pop.show('qr', open);
    await el.updateComplete;
    await Promise.resolve();
    const panel = el.shadowRoot!.querySelector<HTMLElement>('.panel')!;
    // Shown now, it would sit unplaced and, with the focus still on the button, deaf to Escape.
    expect(getComputedStyle(panel).visibility).to.equal('hidden');
    await shown;
    expect(getComputedStyle(panel).visibility).to.equal('visible');
    expect(el.shadowRoot!.activeElement).to.equal(panel.querySelector('.close'));
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.panel')).to.equal(null);
    expect(el.shadowRoot!.activeElement).to.equal(open);
  });
});
