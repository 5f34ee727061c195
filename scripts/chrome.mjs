// Finds the Chromium that browser tests drive: CHROME_PATH, then Debian's chromium,
// then an installed Chrome. `node scripts/chrome.mjs --check` exits 1 with one line
// saying how to get one when there is none.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const candidates = [
  process.env.CHROME_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
].filter(Boolean);

export function findChrome() {
  return candidates.find((p) => existsSync(p));
}

/** Flags for a headless Chromium on a closed network, run as root in CI. */
export const chromeArgs = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv.includes('--check')) {
  if (!findChrome()) {
    console.error(
      'No Chromium found: install one (Debian/Ubuntu: sudo apt-get install chromium) or set CHROME_PATH to a Chrome or Chromium binary.',
    );
    process.exit(1);
  }
}
