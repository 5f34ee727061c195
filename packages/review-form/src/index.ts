// The package entry defines <fan-review-form> (the embed loader imports it for that);
// import './fan-review-form.js' instead for the class alone, to register it yourself.
import './define.js';

export { FanReviewForm } from './fan-review-form.js';
export { fitWithin, MAX_SIDE } from './logic/photo-size.js';
export { check, TEXT_MAX, AUTHOR_MAX, type Draft } from './logic/review.js';
export type { Answer } from './logic/answer.js';
