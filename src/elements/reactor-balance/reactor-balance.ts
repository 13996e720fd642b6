import type { PropertyValues } from 'lit';
import { ClockController } from '../../controllers/clock.js';
import { PollController } from '../../controllers/poll.js';
import { LocalizeController } from '../../controllers/localize.js';
import { decimal } from '../../internal/converters.js';
import { ReactorElement } from '../../internal/reactor-element.js';
import {
  type Balance,
  type BalanceSource,
  creditFloor,
  loadBalance,
} from '../../platform/balance.js';
import { PlatformError, messageOf } from '../../platform/errors.js';
import type { AccountStore, SessionFilter } from '../../store/account-store.js';
import { StoreConsumer } from '../../store/store-consumer.js';
import { apiUrlFor } from '../../internal/api-url.js';
import { balanceMessages } from './messages.js';
import { BalanceProjection } from './projection.js';
import { balanceStyles } from './styles.js';
import { balanceView } from './view.js';
import { ProblemLog, numberAtLeast, refreshProblem } from '../../internal/numbers.js';
import { say } from '../../internal/console.js';

/** Detail of `reactor-balance-change`. */
export interface BalanceChangeDetail {
  /** The balance as last fetched. */
  credits: number;
  /** The fetched balance minus what the page's sessions have billed since the fetch. */
  projected: number;
}

/**
 * The account balance from a source the site provides (Reactor has no public balance endpoint
 * yet), projected down live while sessions on the page are billed, with a low-balance warning.
 *
 * @summary The account balance, falling in step with the page's live sessions.
 * @tagname reactor-balance
 *
 * @csspart base - The outer wrapper.
 * @csspart amount - The balance in credits.
 * @csspart money - The balance's money value.
 * @csspart mode - Prepaid or postpaid (invoice) billing, and the auto top-up state.
 * @csspart estimate - "≈ N min left at the current rate", while sessions are billed.
 * @csspart warning - The low-balance or out-of-credits warning.
 * @csspart topup-link - The link to buy credits (`topup-url`).
 * @csspart error - The error message.
 *
 * @cssprop --reactor-danger - The colour of the warning.
 * @cssprop --reactor-border - The panel border colour.
 *
 * @fires {CustomEvent<BalanceChangeDetail>} reactor-balance-change - `{credits, projected}` when the shown balance changes.
 * @fires {CustomEvent<BalanceChangeDetail & { threshold: number }>} reactor-balance-low - `{credits, projected, threshold}` once each time the balance falls to `low-threshold`.
 */
export class ReactorBalance extends ReactorElement {
  static override styles = balanceStyles;

  static override properties = {
    src: { reflect: true },
    source: { attribute: false },
    refresh: { converter: decimal, reflect: true },
    lowThreshold: { attribute: 'low-threshold', converter: decimal, reflect: true },
    topupUrl: { attribute: 'topup-url', reflect: true },
    apiUrl: { attribute: 'api-url', reflect: true },
    session: { reflect: true },
    balance: { state: true },
    error: { state: true },
    outOfCredits: { state: true },
    creditsPerDollar: { state: true },
  };

  /** A URL on the site's backend that answers `{credits, mode?, credit_limit?, auto_topup?}`. */
  src = '';

  /** Instead of `src`: an async function that answers the same document. */
  source: BalanceSource | undefined = undefined;

  /** Seconds between refetches (paused while the tab is hidden); 0 disables. */
  refresh = 60;

  /** Warn when the balance is at or below this many credits. */
  lowThreshold: number | null = null;

  /** Where to buy credits. */
  topupUrl = '';

  /**
   * The Reactor API origin whose price list converts credits to money. Default: the page's
   * `<meta name="reactor-api-url">`, else the one the page's other reactor elements name, else
   * `https://api.reactor.inc`.
   */
  apiUrl = '';

  /** Count only the session with this id (`<reactor-session id="…">`); all of the page's by default. */
  session = '';

  private balance: Balance | null = null;
  private error: string | null = null;
  private outOfCredits = false;
  private creditsPerDollar: number | null = null;

  private low = false;
  private lastEmitted: number | null = null;
  private storeEvents: (() => void)[] = [];
  /** The source of the last fetch, so a new `src` or `source` fetches at once. */
  private requestedSource: string | BalanceSource | null = null;

  private readonly store = new StoreConsumer(this, (store) => {
    // Another scope now applies: what its sessions billed before now is not ours to subtract.
    this.projection.rebase();
    this.watch(store);
  });
  private readonly projection = new BalanceProjection(
    () => this.store.store,
    () => this.filter,
  );
  private readonly clock = new ClockController(this, 500);
  private readonly problems = new ProblemLog('reactor-balance');
  private readonly msg = new LocalizeController(this, 'balance', balanceMessages);
  private readonly poll = new PollController(this, {
    run: (signal, round) => this.load(signal, round),
    intervalMs: () => (numberAtLeast(this.refresh, 0) ?? 60) * 1000,
  });

  /** The balance as last fetched, in credits (null before the first fetch). */
  get credits(): number | null {
    return this.balance?.credits ?? null;
  }

  /** The fetched balance minus what the page's sessions have billed since the fetch. */
  get projected(): number | null {
    return this.balance && this.projection.projected(this.balance.credits);
  }

  /** Fetches the balance now. */
  reload(): Promise<void> {
    return this.poll.refresh();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.store.store.nameApiUrl(this.apiUrl);
    this.watch(this.store.store);
    void this.loadRate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const off of this.storeEvents) off();
    this.storeEvents = [];
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Before the attribute is reflected back (a NaN would overwrite what the owner wrote).
    if (changed.has('refresh')) this.problems.say([refreshProblem(this, 60)]);
  }

  protected override updated(changed: PropertyValues<this>): void {
    const source = this.source ?? this.src;
    if (source && source !== this.requestedSource) void this.poll.refresh();
    if (changed.has('apiUrl') && changed.get('apiUrl') !== undefined) void this.loadRate();
    if (changed.has('session') && changed.get('session') !== undefined) {
      this.projection.rebase();
      this.watch(this.store.store);
    }
    this.afterRender();
  }

  private get filter(): SessionFilter | undefined {
    const id = this.session.trim();
    return id ? (s) => s.element?.id === id : undefined;
  }

  private watch(store: AccountStore): void {
    for (const off of this.storeEvents) off();
    this.storeEvents = [
      store.on('session-start', ({ session }) => {
        if (this.filter && !this.filter(session)) return;
        this.clock.start();
      }),
      store.on('session-end', ({ session }) => {
        if (this.filter && !this.filter(session)) return;
        this.projection.ended(session);
        if (!store.burnRate(this.filter)) this.clock.stop();
        void this.poll.refresh();
      }),
      store.on('session-settled', ({ session, delta }) => {
        if (this.filter && !this.filter(session)) return;
        this.projection.settle(session, delta);
        this.requestUpdate();
      }),
      store.on('payment-required', () => {
        this.outOfCredits = true;
      }),
    ];
    if (store.burnRate(this.filter)) this.clock.start();
  }

  private async load(signal: AbortSignal, round: number): Promise<void> {
    const source = this.source ?? this.src;
    this.requestedSource = source;
    if (!source) {
      // A page's script may set `source` a moment later (a deferred import, hydration): it is
      // said only if it is still missing two seconds on.
      if (!round) setTimeout(() => !this.requestedSource && void this.poll.refresh(), 2000);
      else this.fail('set src to the URL of your balance route (or set the source property).');
      return;
    }
    const fetch = this.projection.fetching();
    try {
      const balance = await loadBalance(source, signal);
      if (signal.aborted) return;
      this.projection.fetched(fetch);
      this.balance = balance;
      this.error = null;
      if (balance.credits > creditFloor(balance)) this.outOfCredits = false;
      this.lastEmitted = null;
    } catch (error) {
      if (signal.aborted || (error instanceof PlatformError && error.code === 'aborted')) return;
      this.fail(`the balance could not be loaded: ${messageOf(error)}`);
    }
  }

  /** The visitor sees a calm line; the developer, in the console, what went wrong. */
  private fail(problem: string): void {
    this.error = problem;
    say(`<reactor-balance>: ${problem}`);
  }

  private async loadRate(): Promise<void> {
    try {
      const store = this.store.store;
      this.creditsPerDollar = (await store.pricing(apiUrlFor(this.apiUrl, store))).creditsPerDollar;
    } catch {
      this.creditsPerDollar = null;
    }
  }

  /** Events and the low-balance crossing, from what was just rendered. */
  private afterRender(): void {
    const projected = this.projected;
    const credits = this.credits;
    if (projected === null || credits === null) return;
    const rounded = Math.round(projected);
    if (rounded !== this.lastEmitted) {
      this.lastEmitted = rounded;
      this.emit<BalanceChangeDetail>('reactor-balance-change', { credits, projected });
    }
    const threshold = this.lowThreshold;
    const isLow = threshold !== null && Number.isFinite(threshold) && projected <= threshold;
    if (isLow && !this.low) this.emit('reactor-balance-low', { credits, projected, threshold });
    this.low = isLow;
  }

  override render() {
    const { balance, error } = this;
    return balanceView(
      {
        balance,
        failed: error !== null,
        projected: this.projected ?? balance?.credits ?? 0,
        burnRate: this.store.store.burnRate(this.filter),
        lowThreshold: this.lowThreshold,
        outOfCredits: this.outOfCredits,
        creditsPerDollar: this.creditsPerDollar,
        topupUrl: this.topupUrl,
      },
      this.msg.t,
      this.msg.lang,
      this.msg.textLang,
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'reactor-balance': ReactorBalance;
  }
  interface HTMLElementEventMap {
    'reactor-balance-change': CustomEvent<BalanceChangeDetail>;
    'reactor-balance-low': CustomEvent<BalanceChangeDetail & { threshold: number }>;
  }
}
