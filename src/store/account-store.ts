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
  /**
   * The platform stated what an ended session cost: `delta` credits more than it was counted
   * (negative: fewer). Its record now holds the platform's figure.
   */
  'session-settled': { session: BilledSession; delta: number };
  /** The platform answered 402: the account has no credits left. */
  'payment-required': { message: string };
}

export type SessionFilter = (session: BilledSession) => boolean;

export class AccountStore extends Emitter<AccountEvents> {
  private readonly sessions = new Set<BilledSession>();
  /**
   * What ended sessions billed, frozen at their end: one record per element and model, so a
   * page that starts a thousand sessions keeps a few numbers, not a thousand meters.
   */
  private readonly settled: {
    element: Element | null;
    model: string;
    credits: number;
    burnRate: 0;
  }[] = [];
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

  /** Announces that `session` stopped billing; what it billed stays counted. */
  ended(session: BilledSession): void {
    if (this.sessions.delete(session)) {
      const { element, model, credits } = session;
      const record = this.settled.find((r) => r.element === element && r.model === model);
      if (record) record.credits += credits;
      else this.settled.push({ element, model, credits, burnRate: 0 });
    }
    this.emit('session-end', { session });
  }

  /** An ended session's cost, as the platform stated it, is `delta` credits off what it billed. */
  settle(session: BilledSession, delta: number): void {
    const { element, model } = session;
    const record = this.settled.find((r) => r.element === element && r.model === model);
    if (!record || !delta) return;
    record.credits += delta;
    this.emit('session-settled', { session, delta });
  }

  paymentRequired(message: string): void {
    this.emit('payment-required', { message });
  }

  /** Credits billed so far by the page's sessions (optionally only those `filter` accepts). */
  billedCredits(filter?: SessionFilter): number {
    let total = 0;
    for (const s of [...this.sessions, ...this.settled])
      if (!filter || filter(s)) total += s.credits;
    return total;
  }

  /** How many of the page's sessions are billing now. */
  get liveSessions(): number {
    return this.sessions.size;
  }

  /** Credits per second the page's sessions burn right now. */
  burnRate(filter?: SessionFilter): number {
    let total = 0;
    for (const s of this.sessions) if (!filter || filter(s)) total += s.burnRate;
    return total;
  }
}
