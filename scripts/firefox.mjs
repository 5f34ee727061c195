// Finds the Firefox that the second-engine end-to-end test drives over WebDriver BiDi
// (puppeteer-core, which downloads no browser): FIREFOX_PATH, then Debian's firefox-esr,
// then an installed Firefox. `node scripts/firefox.mjs --check` exits 1 with one line
// saying how to get one when there is none.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const candidates = [
  process.env.FIREFOX_PATH,
  '/usr/bin/firefox-esr',
  '/usr/bin/firefox',
  '/Applications/Firefox.app/Contents/MacOS/firefox',
  'C:\\Program Files\\Mozilla Firefox\\firefox.exe',
].filter(Boolean);

export function findFirefox() {
  return candidates.find((p) => existsSync(p));
}

export const missingFirefox =
  'No Firefox found: install one (Debian/Ubuntu: sudo apt-get install firefox-esr) or set FIREFOX_PATH to a Firefox binary.';

/** Options for puppeteer.launch(): a headless Firefox on a closed network. */
export function firefoxOptions() {
  return {
    browser: 'firefox',
    executablePath: findFirefox(),
    headless: true,
    // A page that hangs fails its test in seconds, not after puppeteer's default 3 minutes.
    protocolTimeout: 30_000,
    extraPrefsFirefox: {
      // Lets the test read back what a widget copied: without it readText() asks the fan
      // through a paste menu that no one can click in a headless browser.
      'dom.events.testing.asyncClipboard': true,
      // Tells the page each time Firefox paints, so a test can see what moved between two
      // painted frames: Firefox has no layout-shift entries.
      'dom.send_after_paint_to_content': true,
      // Nothing the browser does of its own accord reaches for a network the machine may not have.
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
      'browser.safebrowsing.update.enabled': false,
    },
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv.includes('--check')) {
  if (!findFirefox()) {
    console.error(missingFirefox);
    process.exit(1);
  }
}
