/**
 * A live session as the page's account store sees it: what it has billed so far and what it
 * burns now, read live from its meter and its model's price (the store freezes it at the end).
 */
import type { BillingMeter } from '../platform/meter.js';
import type { BilledSession } from '../store/account-store.js';
import type { LivePrice } from './live-price.js';

export /** The account store's view of a live session: its credits so far and its burn rate. */
function billedSession(
  host: object,
  model: string,
  meter: BillingMeter,
  price: LivePrice,
): BilledSession {
  return {
    element: host instanceof Element ? host : null,
    model,
    get credits() {
      return meter.billedSeconds * price.creditsPerSecond;
    },
    get burnRate() {
      return meter.running ? price.creditsPerSecond : 0;
    },
  };
}
