import type { ReactiveControllerHost } from 'lit';
import { messageOf } from '../platform/errors.js';
import { checkApiUrl } from '../platform/http.js';
import {
  type Cost,
  type ModelPrice,
  type Pricing,
  costOf,
  findModel,
} from '../platform/pricing.js';
import type { AccountStore } from '../store/account-store.js';

/**
 * The live price of one model, from the page's shared price list (one `/pricing` request per API
 * origin). A newer `load()` cancels an older one; the host re-renders when the price changes.
 */
export class LivePrice {
  /** The whole price list, once loaded. */
  pricing: Pricing | null = null;
  /** The model's price, when the list has it. */
  price: ModelPrice | null = null;
  /** Why there is no price (empty while loading or when there is one). */
  problem = '';
  private request: AbortController | null = null;

  constructor(private readonly host: ReactiveControllerHost) {}

  /** Credits per second of the model; 0 while unknown. */
  get creditsPerSecond(): number {
    return this.price?.creditsPerSecond ?? 0;
  }

  /** What `seconds` of the model cost; null while the price is unknown. */
  costOf(seconds: number): Cost | null {
    if (!this.price || !this.pricing) return null;
    return costOf(this.price.creditsPerSecond, seconds, this.pricing.creditsPerDollar);
  }

  /** Loads the price of `model` from `apiUrl`; resolves when it is known or known to be missing. */
  async load(store: AccountStore, apiUrl: string, model: string): Promise<void> {
    this.request?.abort();
    const request = new AbortController();
    this.request = request;
    try {
      checkApiUrl(apiUrl);
      const pricing = await store.pricing(apiUrl, { signal: request.signal });
      if (request.signal.aborted) return;
      this.set(pricing, findModel(pricing, model) ?? null, `"${model}" has no public price.`);
    } catch (error) {
      if (!request.signal.aborted) this.set(null, null, messageOf(error));
    }
  }

  private set(pricing: Pricing | null, price: ModelPrice | null, problem: string): void {
    this.pricing = pricing;
    this.price = price;
    this.problem = price ? '' : problem;
    this.host.requestUpdate();
  }
}
