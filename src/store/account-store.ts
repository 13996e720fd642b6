/**
 * The account state that every element on a page shares: the price list (one request per API
 * origin), what the page's sessions have billed, and account events (a session ended, the
 * account is out of credits). Framework-free; elements reach it through @lit/context.
 */
import { Emitter } from '../platform/emitter.js';
import { type Pricing, sharedPricingCache } from '../platform/pricing.js';

/** What a billed session tells the store. Values are live: read them when needed. */
export interface BilledSession {
  /** The element that runs the session (for `session="id"` scoping). */
  readonly element: Element | null;
  readonly model: string;
  /** Credits billed so far by this session. */
  readonly credits: number;
  /** Credits per second while the session is billed, 0 once it has ended. */
  readonly burnRate: number;
}

export interface AccountEvents {
  /** A session started billing. */
  'session-start': { session: BilledSession };
  /** A session stopped billing (any reason). */
  'session-end': { session: BilledSession };
  /** The platform answered 402: the account has no credits left. */
  'payment-required': { message: string };
}

export type SessionFilter = (session: BilledSession) => boolean;

export class AccountStore extends Emitter<AccountEvents> {
  private readonly sessions = new Set<BilledSession>();
  private named: string | null = null;

  /** The API origin the first element with an `api-url` named (the default for its siblings). */
  get namedApiUrl(): string | null {
    return this.named;
  }

  /** An element on the page names its API origin; the first one is kept. */
  nameApiUrl(url: string): void {
    this.named ??= url.trim() || null;
  }

  /** The price list of `apiUrl`, from the page-wide cache (one request per origin). */
  pricing(
    apiUrl: string,
    options: { signal?: AbortSignal; fresh?: boolean } = {},
  ): Promise<Pricing> {
    return sharedPricingCache().get(apiUrl, options);
  }

  /** Records a session that started billing. It stays counted after it ends: its cost is spent. */
  track(session: BilledSession): void {
    this.sessions.add(session);
    this.emit('session-start', { session });
  }

  /** Announces that `session` stopped billing. */
  ended(session: BilledSession): void {
    this.emit('session-end', { session });
  }

  paymentRequired(message: string): void {
    this.emit('payment-required', { message });
  }

  /** Credits billed so far by the page's sessions (optionally only those `filter` accepts). */
  billedCredits(filter?: SessionFilter): number {
    let total = 0;
    for (const s of this.sessions) if (!filter || filter(s)) total += s.credits;
    return total;
  }

  /** Credits per second the page's sessions burn right now. */
  burnRate(filter?: SessionFilter): number {
    let total = 0;
    for (const s of this.sessions) if (!filter || filter(s)) total += s.burnRate;
    return total;
  }
}
