import { FanReviewForm } from './fan-review-form.js';

FanReviewForm.define('fan-review-form');

declare global {
  interface HTMLElementTagNameMap {
    'fan-review-form': FanReviewForm;
  }
}
