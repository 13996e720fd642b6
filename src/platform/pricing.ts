/**
 * The public price list (`GET {api-url}/pricing`), validated, and one shared cache per page:
 * every element (and a second copy of the bundle) asks the same cache, so a page makes one
 * request per API origin and time-to-live.
 */
import { PlatformError, cancelled } from './errors.js';
import { requestJson } from './http.js';
import { isNumber, isRecord } from './values.js';

export interface ModelPrice {
  id: string | null;
  /** The short model name, e.g. `helios`. */
  name: string;
  creditsPerSecond: number;
}

export interface Pricing {
  creditsPerDollar: number;
  /** Empty when the platform lists no public prices (an absent `models` field too). */
  models: ModelPrice[];
}

export interface Cost {
  credits: number;
  usd: number;
}

/** `reactor/helios` and `helios` name the same model. */
export function shortModelName(name: string): string {
  const trimmed = name.trim();
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

/**
 * The price of `name`: an entry of exactly that name first, then of its short name, then one
 * that differs only in case (a list that names a model twice resolves to the exact entry).
 */
export function findModel(pricing: Pricing, name: string): ModelPrice | undefined {
  const full = name.trim();
  const short = shortModelName(name);
  const { models } = pricing;
  return (
    models.find((m) => m.name === full) ??
    models.find((m) => m.name === short) ??
    models.find((m) => m.name.toLowerCase() === short.toLowerCase())
  );
}

/** What `seconds` of a model at `creditsPerSecond` cost. */
export function costOf(creditsPerSecond: number, seconds: number, creditsPerDollar: number): Cost {
  const credits = creditsPerSecond * Math.max(0, seconds);
  return { credits, usd: credits / creditsPerDollar };
}

/**
 * The lowest rate that is a price, in credits a second. A rate of 0, or one as vanishing as
 * 1e-300, is no price: a budget (`max-cost`) or a daily ceiling could not bound what the
 * platform then bills, so such a model is read as having no public price.
 */
export const MIN_RATE = 1e-6;

const bad = (message: string) => new PlatformError('bad-response', `Invalid pricing: ${message}`);

/** Validates a pricing document; unknown fields are ignored. Throws a PlatformError on bad data. */
export function parsePricing(data: unknown): Pricing {
  if (!isRecord(data)) throw bad('not an object.');
  const doc = data as { settings?: { credits_per_dollar?: unknown }; models?: unknown };
  const perDollar = doc.settings?.credits_per_dollar;
  if (!isNumber(perDollar) || perDollar <= 0 || perDollar > Number.MAX_SAFE_INTEGER) {
    throw bad(
      `settings.credits_per_dollar must be a positive number, not ${JSON.stringify(perDollar)}.`,
    );
  }
  if (doc.models !== undefined && doc.models !== null && !Array.isArray(doc.models)) {
    throw bad('models must be a list.');
  }
  const listed = ((doc.models as unknown[] | null | undefined) ?? []).map((entry, i) => {
    const m = (entry ?? {}) as {
      id?: unknown;
      name?: unknown;
      rate?: { amount_per_sec?: unknown };
    };
    if (typeof m.name !== 'string' || !m.name.trim()) throw bad(`models[${i}] has no name.`);
    const rate = m.rate?.amount_per_sec;
    if (!isNumber(rate) || rate < 0 || rate > Number.MAX_SAFE_INTEGER) {
      throw bad(
        `the rate of ${m.name} must be a non-negative number, not ${typeof rate === 'number' ? rate : (JSON.stringify(rate) ?? 'missing')}.`,
      );
    }
    return {
      id: typeof m.id === 'string' ? m.id : null,
      name: shortModelName(m.name),
      creditsPerSecond: rate,
    };
  });
  const models = listed.filter((m) => m.creditsPerSecond >= MIN_RATE);
  return { creditsPerDollar: perDollar, models };
}

interface Entry {
  promise: Promise<Pricing>;
  settledAt: number | null;
}

/** One in-flight request and one cached copy per API origin. Failures are not cached. */
export class PricingCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    readonly ttlMs = 5 * 60_000,
    private readonly now: () => number = () => Date.now(),
    /** Gives up on a request after this long (default 15 s). */
    readonly timeoutMs = 15_000,
  ) {}

  /**
   * The pricing of `apiUrl`. `signal` cancels this caller's wait, not the shared request;
   * `fresh` skips the cached copy (a refresh button) but still joins a request in flight.
   */
  get(apiUrl: string, options: { signal?: AbortSignal; fresh?: boolean } = {}): Promise<Pricing> {
    const key = apiUrl.replace(/\/+$/, '');
    let entry = this.entries.get(key);
    const expired =
      entry?.settledAt != null && (options.fresh || this.now() - entry.settledAt > this.ttlMs);
    if (!entry || expired) {
      const fresh: Entry = { promise: this.load(key), settledAt: null };
      fresh.promise.then(
        () => (fresh.settledAt = this.now()),
        () => this.entries.get(key) === fresh && this.entries.delete(key),
      );
      this.entries.set(key, fresh);
      entry = fresh;
    }
    return options.signal ? abortable(entry.promise, options.signal) : entry.promise;
  }

  /** Forgets every cached copy (tests, or after the site changes its API origin). */
  clear(): void {
    this.entries.clear();
  }

  private async load(apiUrl: string): Promise<Pricing> {
    const { data } = await requestJson(`${apiUrl}/pricing`, { timeoutMs: this.timeoutMs });
    return parsePricing(data);
  }
}

function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(cancelled());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(cancelled());
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

const SHARED = Symbol.for('reactor-elements.pricing-cache');

/** The page-wide cache, shared by every copy of the library loaded on the page. */
export function sharedPricingCache(): PricingCache {
  const store = globalThis as { [SHARED]?: PricingCache };
  return (store[SHARED] ??= new PricingCache());
}
