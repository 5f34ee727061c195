// window.fanfare.configure()'s warnings: config writes the kit's page-level label itself
// (importing warn.ts would make a page with only the beacon load the labels of elements in
// widgets), so this holds it to warn(undefined, …)'s text, word for word.
import { expect } from '@open-wc/testing';
import { fanfare } from '../src/config.js';
import { SITE_KEY_RULE } from '../src/logic/site-key.js';
import { warn } from '../src/warn.js';
import { warningsDuring } from '../testing/index.js';

describe('configure() warnings', () => {
  it('are one per bad setting, in the kit’s format for a warning about no element', async () => {
    // `colour` is no setting: as a page's script might pass it, past the type.
    const settings: Record<string, unknown> = { site: 'bloom.shop', consent: 'maybe', vitalsSample: '0.5', endpoint: 'javascript:alert(1)', colour: 'red' };
    const seen = await warningsDuring(() => fanfare().configure(settings));
    const kit = await warningsDuring(() => {
      warn(undefined, `configure() ignored site="bloom.shop": ${SITE_KEY_RULE}.`);
      warn(undefined, 'configure() ignored consent="maybe": expected one of granted, pending, denied.');
      warn(undefined, 'configure() ignored endpoint="javascript:alert(1)": only http:, https: or relative URLs are allowed.');
      warn(undefined, 'configure() ignored colour="red": unknown setting.');
    });
    expect(seen).to.deep.equal(kit);
    expect(fanfare().config.vitalsSample).to.equal(0.5);
    fanfare().configure({ vitalsSample: 0.1 });
  });
});
