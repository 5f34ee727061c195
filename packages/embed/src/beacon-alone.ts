// fanfare-beacon.js: the beacon alone, for a page with no widget on it (a checkout, a
// thank-you page, a blog post). Page views, single-page-app routes, track()'s goals and
// orders, <fan-conversion>, the share token's credit, the outbox and delivery across page
// close, sampled Core Web Vitals: what the beacon behind fanfare.js does, less what listens
// to widgets, in one file with no loader before it (scripts/ship-beacon.mjs builds it).
// A page with widgets uses fanfare.js, which loads the beacon with them.
import { fanfare } from '@fanfare/core/config';
import { startBeacon } from '@fanfare/beacon';
// <fan-conversion>, a thank-you page's order as HTML: defined here, not loaded when seen, so a
// tag the shop's own script adds later (as the demo's checkout does) is read too.
import '@fanfare/beacon/conversion';

// The settings on this script's own tag: every data-* attribute is one, so a misspelt name
// is warned about rather than ignored.
const own = [...document.querySelectorAll<HTMLScriptElement>('script[src]')].find((s) => s.src === import.meta.url);
if (own) fanfare().configure({ ...own.dataset });
startBeacon();
