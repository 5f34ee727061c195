/** The Chromium the browser tests drive: CHROME_PATH, Debian's chromium, or an installed Chrome. */
export function findChrome(): string | undefined;
/** Flags for a headless Chromium on a closed network, run as root in CI. */
export const chromeArgs: string[];
