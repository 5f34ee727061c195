// plausible-tracker as its README sets it up, bundled by bench/lib/servers.mjs into /built/plausible.js.
// trackLocalhost: the bench runs on 127.0.0.1, which the tracker otherwise ignores.
import Plausible from '/built/plausible.js';

const apiHost = document.querySelector('meta[name=collector]').content;
const { trackEvent } = Plausible({ domain: 'bench.example', apiHost, trackLocalhost: true });
document.querySelector('#fire').addEventListener('click', () => trackEvent('share', { props: { network: 'x' } }));
window.benchReady = true;
