/**
 * The balance projected between fetches: the fetched balance minus what the page's sessions have
 * billed since that fetch, and which fetch already includes a session's final cost. Framework-free.
 */
import type { AccountStore, BilledSession, SessionFilter } from '../../store/account-store.js';

export class BalanceProjection {
  /** The page's billed credits when the shown balance was fetched. */
  private billedAtFetch = 0;
  /** Fetches started, and the one the shown balance comes from. */
  private fetchesStarted = 0;
  private shownFetch = 0;
  /** How many fetches had started when each session ended. */
  private readonly endedAtFetch = new WeakMap<BilledSession, number>();

  constructor(
    private readonly store: () => AccountStore,
    private readonly filter: () => SessionFilter | undefined,
  ) {}

  /** `credits` (a fetched balance) less what was billed since it was fetched. */
  projected(credits: number): number {
    return credits - (this.store().billedCredits(this.filter()) - this.billedAtFetch);
  }

  /** A fetch starts: its number, for `fetched`. */
  fetching(): number {
    return ++this.fetchesStarted;
  }

  /** Fetch `fetch` answered: the shown balance counts from now. */
  fetched(fetch: number): void {
    this.shownFetch = fetch;
    this.rebase();
  }

  /** Counts from now (another store or another session filter applies). */
  rebase(): void {
    this.billedAtFetch = this.store().billedCredits(this.filter());
  }

  /** A session ended: a fetch started after this already includes what it billed. */
  ended(session: BilledSession): void {
    this.endedAtFetch.set(session, this.fetchesStarted);
  }

  /**
   * The platform stated a session's cost, `delta` credits off what was counted. A balance fetched
   * after the session ended already has it: keep it. Else the projection settles on it now, not
   * at the next fetch.
   */
  settle(session: BilledSession, delta: number): void {
    if (this.shownFetch > (this.endedAtFetch.get(session) ?? Infinity)) this.billedAtFetch += delta;
  }
}
