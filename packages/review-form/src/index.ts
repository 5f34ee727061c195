// The package entry defines <fan-review-form> (the embed loader imports it for that);
// import './fan-review-form.js' instead for the class alone, to register it yourself.
import './define.js';

export { FanReviewForm } from './fan-review-form.js';
