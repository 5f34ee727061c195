// A page with no widget reports what happens on it as goals, the way plausible.js's page
// reports its custom event: fanfare.track(), which fanfare-beacon.js sends.
document.querySelector('#fire').addEventListener('click', () => window.fanfare.track('share'));
