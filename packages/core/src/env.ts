// Facts about the fan's browser, asked at the moment of use (a fan may switch reduced
// motion on while the page is open).

export { isWeChat } from './logic/env.js';

export const prefersReducedMotion = (): boolean => matchMedia('(prefers-reduced-motion: reduce)').matches;
