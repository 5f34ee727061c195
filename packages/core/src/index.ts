export { FanElement } from './fan-element.js';
export { configure, fanfare, type FanfareGlobal, type FanfareStub, type FanConfig, type Consent } from './config.js';
export { converter, listOf, oneOf, intIn, json, url, color, type FanConverter } from './converters.js';
export { warn, warnAttribute } from './warn.js';
export { localize, type Localized } from './localize.js';
export { pageUrl, pageColor } from './page.js';
export * from './events.js';
export { uid } from './ids.js';
export { tokens } from './tokens.js';
// Only what widgets use: every name here is measured in core's budget.
export { type Locale, type Messages } from './logic/locale.js';
// Raw parsers come from @fanfare/core/parse (the same module, in core's own chunk).
export { parseNumberInRange, type Parsed } from './logic/parse.js';
