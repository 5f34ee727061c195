// Facts about the fan's browser, asked at the moment of use (a fan may switch reduced
// motion on while the page is open).

export { isWeChat } from './logic/env.js';

/** The reduced-motion query itself, for code that must follow its changes (autoplay). */
export const reducedMotionQuery = (): MediaQueryList => matchMedia('(prefers-reduced-motion: reduce)');

export const prefersReducedMotion = (): boolean => reducedMotionQuery().matches;
