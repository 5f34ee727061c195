import { parseColor, parseUrl, type Parsed } from './logic/parse.js';

// The page-bound forms of the pure checks: URLs resolve against the document, colours
// are judged by the browser's own CSS parser. Every widget uses these, never its own.

/** http(s) or relative to the page; the absolute URL. */
export const pageUrl = (raw: string): Parsed<string> => parseUrl(raw, document.baseURI);

/** A colour this browser can draw (so `bleu` is refused). */
export const pageColor = (raw: string): Parsed<string> => parseColor(raw, (v) => CSS.supports('color', v));
