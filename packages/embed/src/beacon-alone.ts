// fanfare-beacon.js: the beacon alone, for a page with no widget on it (a checkout, a
// thank-you page, a blog post). Page views, single-page-app routes, track()'s goals and
// orders, <fan-conversion>, the share token's credit, the outbox and delivery across page
// close, sampled Core Web Vitals, the tag's settings: what the beacon behind fanfare.js does, less what listens
// to widgets, in one file with no loader before it (scripts/ship-beacon.mjs builds it).
// A page with widgets uses fanfare.js, which loads the beacon with them.
import { fanfare, isSetting } from '@fanfare/core/config';
import { startBeacon } from '@fanfare/beacon';
// <fan-conversion>, a thank-you page's order as HTML: defined here, not loaded when seen, so a
// tag the shop's own script adds later (as the demo's checkout does) is read too.
import '@fanfare/beacon/conversion';

// The settings on this script's own tag, as the loader reads them: a data-* attribute that
// names no setting is not ours (a CMS's or an optimiser's, such as data-cfasync).
const own = [...document.querySelectorAll<HTMLScriptElement>('script[src]')].find((s) => s.src === import.meta.url);
const settings: Record<string, string | undefined> = {};
for (const k in own?.dataset) if (isSetting(k)) settings[k] = own!.dataset[k];
fanfare().configure(settings);
startBeacon();
