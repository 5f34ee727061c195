import { createHmac } from 'node:crypto';
import { sameSecret } from '../auth.js';

// The order token of a review-request link: the shop's backend makes it with the site's
// reviewSecret (README, "Making the order token"), the server checks it to grant the
// verified-buyer badge. Only a shop that knows the secret can vouch for an order.

/** hex HMAC-SHA256(reviewSecret, `site|order|product`), as DESIGN.md defines it. */
export function orderToken(secret: string, site: string, order: string, product: string): string {
  return createHmac('sha256', secret).update(`${site}|${order}|${product}`).digest('hex');
}

/** Does `given` vouch for this order and product? Compared in constant time; never throws. */
export function verifyOrderToken(secret: string | undefined, site: string, order: string, product: string, given: string): boolean {
  if (secret === undefined || !/^[0-9a-f]{64}$/i.test(given)) return false;
  return sameSecret(given.toLowerCase(), orderToken(secret, site, order, product));
}
