/**
 * The daily spend ceiling's arithmetic: what one token can cost at most, from the platform's
 * live price list, and the UTC day it is counted in.
 */
import { findModel, parsePricing, type Pricing } from '../platform/pricing.js';

/** The platform ends every session after 1,200 s. */
export const PLATFORM_MAX_SESSION_S = 1200;

/** How long a fetched price list is used. */
const PRICES_TTL_MS = 10 * 60_000;

/**
 * The most a token can cost: every session it may create, each as long as it may run, at the
 * highest rate among its models. Throws when a model has no public price (nothing to bound by).
 */
export function worstCaseCredits(
  pricing: Pricing,
  models: readonly string[],
  maxSessions: number,
  sessionSeconds: number,
): number {
  const rates = models.map((model) => {
    const price = findModel(pricing, model);
    if (!price) throw new Error(`model ${model} has no public price`);
    return price.creditsPerSecond;
  });
  return maxSessions * sessionSeconds * Math.max(...rates);
}

/** The UTC day of `now` (epoch ms), as a key part, and when it ends. */
export function utcDay(now: number): { day: string; resetAt: number } {
  const start = new Date(now);
  start.setUTCHours(0, 0, 0, 0);
  return { day: start.toISOString().slice(0, 10), resetAt: start.getTime() + 86_400_000 };
}

/**
 * `GET {apiUrl}/pricing`, kept for 10 minutes; the requests that arrive while it is being
 * fetched share that one fetch (a burst of first visitors makes one call); a failed fetch is
 * retried at the next call.
 */
export function priceList(apiUrl: string, doFetch: typeof fetch, now: () => number) {
  let held: { pricing: Pricing; until: number } | null = null;
  let pending: Promise<Pricing> | null = null;
  const load = async (): Promise<Pricing> => {
    const response = await doFetch(`${apiUrl}/pricing`, { signal: AbortSignal.timeout(10_000) });
    if (!response.ok) throw new Error(`GET ${apiUrl}/pricing answered ${response.status}`);
    const pricing = parsePricing(await response.json());
    held = { pricing, until: now() + PRICES_TTL_MS };
    return pricing;
  };
  return (): Promise<Pricing> => {
    if (held && now() < held.until) return Promise.resolve(held.pricing);
    pending ??= load().finally(() => (pending = null));
    return pending;
  };
}
