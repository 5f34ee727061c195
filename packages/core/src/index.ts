export { FanElement } from './fan-element.js';
export { fanfare, type FanfareGlobal, type FanfareStub, type FanConfig, type Consent } from './config.js';
export { converter, listOf, oneOf, intIn, json, url, color, warnAttribute } from './converters.js';
export * from './events.js';
export { tokens } from './tokens.js';
export { uid } from './ids.js';
export { format, pickLocale, matchLocale, LOCALES, type Locale, type Messages } from './logic/locale.js';
export * from './logic/parse.js';
