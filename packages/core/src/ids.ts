/**
 * A random id, URL-safe (base64url): `size` characters of 6 random bits each, from the
 * platform's cryptographic generator (also on plain-http pages, unlike randomUUID). 21
 * characters give 126 bits, as much as a v4 UUID; fewer do for DOM ids.
 */
export const uid = (size = 21): string =>
  btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(size))))
    .slice(0, size)
    .replace(/[+/]/g, (c) => (c === '+' ? '-' : '_'));
