/**
 * The life of one `<reactor-session>`, apart from how it looks: the session client, the billing
 * meter, the safeguards (hard timeout, budget, idle, page unload, removal from the page), the
 * entry in the shared account store, and `finish(reason)`, the one place a session ends.
 *
 * Money rules, all enforced here: billing is counted from `ready`; every way out (the visitor,
 * idle, the time limit, the budget, the page going away, the element removed, an error, the
 * platform) goes through `finish`, which terminates the session exactly once and stops the
 * meter; a page that goes away terminates with a `keepalive` DELETE that outlives it.
 */
import type { ReactiveControllerHost } from 'lit';
import { apiUrlFor } from '../internal/api-url.js';
import { Emitter } from '../platform/emitter.js';
import { PlatformError, asPlatformError } from '../platform/errors.js';
import { BillingMeter } from '../platform/meter.js';
import type { Cost } from '../platform/pricing.js';
import {
  type Capabilities,
  SessionClient,
  type SessionStatus,
} from '../platform/session-client.js';
import { type TabLease, takeOver, tryAcquire } from '../platform/tab-lock.js';
import type { TokenSource } from '../platform/tokens.js';
import type { AccountStore, BilledSession } from '../store/account-store.js';
import { ClockController } from './clock.js';
import { DeadlineController } from './deadline.js';
import { IdleController } from './idle.js';
import { ModelPriceController } from './model-price.js';
import { type PlatformCost, type SessionEstimate, PlatformFigures } from './platform-figures.js';
import { billedSession } from './billed-session.js';
import {
  type SessionConfig,
  budgetCredits,
  capSeconds,
  idleTimes,
  tokenSourceFor,
  warnOnMissingTrack,
} from './session-config.js';
import type {
  EndReason,
  SessionElementStatus,
  SessionEvents,
  SessionFailure,
} from './session-events.js';
import { RemovalController } from './removal.js';
import { TokenPrefetch } from './token-prefetch.js';
import { UnloadController } from './unload.js';

export type { SessionConfig };
export type * from './session-events.js';

/** A host that can tell whether it is on the page (an element). */
export type SessionHost = ReactiveControllerHost & { readonly isConnected: boolean };

const BUSY: ReadonlySet<SessionElementStatus> = new Set([
  'connecting',
  'waiting',
  'ready',
  'reconnecting',
]);

export class SessionController extends Emitter<SessionEvents> {
  /** The price of the configured model (for the estimate, the ticker and `max-cost`). */
  readonly price: ModelPriceController;
  private _status: SessionElementStatus = 'disconnected';
  private _endReason: EndReason | null = null;
  private _failure: SessionFailure | null = null;
  private _rateLimit: { retryAfter: number; until: number } | null = null;
  private client: SessionClient | null = null;
  private meter = new BillingMeter();
  private lastSessionId: string | null = null;
  private billed: BilledSession | null = null;
  /** The token fetched ahead while the pointer is on Start. */
  private readonly prefetch = new TokenPrefetch(() => {
    const { tokenUrl, token, tokenProvider } = this.config;
    return [this.apiUrl, tokenUrl, token, tokenProvider];
  });
  /** The site-wide lock of the current attempt (see `exclusive`). */
  private lease: TabLease | null = null;
  private unsubscribe: (() => void)[] = [];
  private warnedModel = '';
  private readonly clock: ClockController;
  private readonly deadline: DeadlineController;
  private readonly budget: DeadlineController;
  private readonly idle: IdleController;
  /** The platform's dry-run estimate and effective cost. */
  private readonly figures: PlatformFigures;
  private _receipt: PlatformCost | null = null;
  private _capabilities: Capabilities | null = null;
  private _onThisPage = false;

  constructor(
    private readonly host: SessionHost,
    private readonly config: SessionConfig,
    private readonly store: () => AccountStore,
  ) {
    super();
    this.price = new ModelPriceController(host);
    this.clock = new ClockController(host, 250);
    this.deadline = new DeadlineController(host, () => this.finish('timeout'));
    this.budget = new DeadlineController(host, () => this.finish('budget'));
    this.idle = new IdleController(host);
    this.figures = new PlatformFigures(host, () => `${this.apiUrl} ${this.config.model.trim()}`);
    // Leaving the page ends the session with a keepalive DELETE that outlives the page.
    new UnloadController(
      host,
      () => this.finish('unload', undefined, true),
      () => host.requestUpdate(),
    );
    // Removed from the page (not moved within it): its safeguards stop, so the session ends.
    new RemovalController(host, () => this.finish('removed'));
  }

  // ---- read-only state ---------------------------------------------------------------------

  get status(): SessionElementStatus {
    return this._status;
  }

  /** True from `connect()` until the session ended or failed. */
  get busy(): boolean {
    return BUSY.has(this._status);
  }

  get sessionId(): string | null {
    return this.client?.sessionId ?? this.lastSessionId;
  }

  get endReason(): EndReason | null {
    return this._endReason;
  }

  get failure(): SessionFailure | null {
    return this._failure;
  }

  /** A 429 wait in progress: its `Retry-After` and when it ends (`performance.now()`). */
  get rateLimit(): { retryAfter: number; until: number } | null {
    return this._rateLimit;
  }

  /** True once the current (or last) session was live: the meter has something to show. */
  get wasLive(): boolean {
    return this.meter.started;
  }

  get billedSeconds(): number {
    return this.meter.billedSeconds;
  }

  /** The most one session may cost: the platform's dry run when it gave one, else the price list. */
  get estimate(): SessionEstimate {
    return this.figures.estimate(this.capSeconds, this.price.costOf(this.capSeconds));
  }

  /** The platform's effective cost of the last session, once it gave it (final). */
  get receipt(): PlatformCost | null {
    return this._receipt;
  }

  /** The cost so far at the live rate (zero while the rate is unknown). */
  get cost(): Cost {
    return this.price.costOf(this.meter.billedSeconds) ?? { credits: 0, usd: 0 };
  }

  /** The API origin: the element's `api-url`, else the page's (see `apiUrlFor`). */
  get apiUrl(): string {
    return apiUrlFor(this.config.apiUrl, this.store());
  }

  /** `max-duration` clamped to the platform's limits. */
  get capSeconds(): number {
    return capSeconds(this.config);
  }

  /** Seconds left before the hard timeout: the whole cap before a session, 0 after it. */
  get remainingSeconds(): number {
    const left = this.deadline.remainingMs;
    if (left !== null) return left / 1000;
    return this.meter.started ? 0 : this.capSeconds;
  }

  /** Whole seconds left in the idle warning (0 when not warning). */
  get idleSecondsLeft(): number {
    return this.idle.secondsLeft;
  }

  // ---- methods -----------------------------------------------------------------------------

  /**
   * Starts a session. Resolves when it is live, or when it failed (see the `error` event).
   * `takeOver`: first end this visitor's session in another tab or element (`elsewhere`).
   */
  async connect(takeOver = false): Promise<void> {
    if (this.busy) return;
    this._failure = null;
    this._endReason = null;
    this._receipt = null;
    this.lastSessionId = null;
    let tokens: TokenSource;
    try {
      tokens = tokenSourceFor(this.config, this.apiUrl, this.host.isConnected);
      tokens = this.prefetch.take() ?? tokens;
    } catch (error) {
      // Bad configuration: refused before anything was created.
      this._endReason = 'error';
      this.failed(error);
      return;
    }
    const config = this.config;
    const client = new SessionClient({
      apiUrl: this.apiUrl,
      model: config.model.trim(),
      tokens,
      reconnect: config.reconnect,
    });
    this.client = client;
    this.meter = new BillingMeter();
    this.listen(client);
    this.setStatus('connecting');
    if (config.exclusive && !(await this.takeLock(client, takeOver))) return;
    const rate = this.loadPrice();
    if (budgetCredits(config) !== null) {
      await rate;
      if (client !== this.client) return;
      if (!this.price.price) {
        this.finish(
          'error',
          new PlatformError(
            'bad-response',
            `max-cost needs the live price of "${config.model}", which is not available: ${this.price.problem || 'the model is not in the price list.'}`,
          ),
        );
        return;
      }
    }
    try {
      await client.connect();
    } catch (error) {
      if (client === this.client) this.finish('error', error);
    }
  }

  /**
   * The pointer or focus is on Start: fetch the token now (see `TokenPrefetch`), and with it ask
   * the platform's dry run (see `PlatformFigures`).
   */
  prefetchToken(): void {
    if (this.busy) return;
    let tokens: TokenSource;
    try {
      tokens = this.prefetch.warm(tokenSourceFor(this.config, this.apiUrl, this.host.isConnected));
    } catch {
      return; // a setup problem: said at load, and again on Start
    }
    const model = this.config.model.trim();
    const client = new SessionClient({ apiUrl: this.apiUrl, model, tokens });
    void this.figures.ask(client).then((refusal) => {
      // Out of credits: said before the visitor clicks.
      if (refusal && !this.busy) this.refused(refusal);
    });
  }

  /** The platform's 402 outside a connect: shown (the status stays) and told to the page. */
  private refused(refusal: PlatformError): void {
    this.store().paymentRequired(refusal.message);
    this._failure = { error: refusal, unconfirmedEnd: false };
    this.emit('error', this._failure);
  }

  /** Ends the session for good (non-recoverable); also cancels a connect in progress. */
  disconnect(): void {
    this.finish('user');
  }

  /**
   * The session client while the session is live (commands, uploads, statistics); else a
   * `conflict` error that says `what` could not be done.
   */
  live(what: string): SessionClient {
    if (!this.client || this._status !== 'ready')
      throw new PlatformError('conflict', `Cannot ${what}: the session is ${this._status}.`);
    return this.client;
  }

  /**
   * For `elsewhere` and an end by `moved`: the other player is on this page (not another tab).
   */
  get onThisPage(): boolean {
    return this._onThisPage;
  }

  /** What the model of the current (or last) session declares: its tracks and commands. */
  get capabilities(): Capabilities | null {
    return this._capabilities;
  }

  /** Counts as page activity: resets the idle timer and dismisses the idle warning. */
  keepAlive(): void {
    this.idle.keepAlive();
  }

  /** Runs `fn` (a programmatic focus move) without counting what it causes as activity. */
  quietly(fn: () => void): void {
    this.idle.quietly(fn);
  }

  /** (Re)loads the price of the configured model; the budget starts once it is known. */
  async loadPrice(): Promise<void> {
    const { model } = this.config;
    await this.price.load(this.store(), this.apiUrl, model);
    const listed = this.price.pricing?.models.map((m) => m.name) ?? [];
    if (model.trim() && !this.price.price && listed.length && model !== this.warnedModel) {
      // Most likely a typo, and the price list says so before anyone clicks.
      this.warnedModel = model;
      console.warn(
        `[reactor-elements] <reactor-session>: model "${model}" is not in the price list of ${this.apiUrl} (it lists ${listed.join(', ')}).`,
      );
    }
    this.startBudget();
  }

  /** What in the configuration would stop a session, said for the developer; null if nothing. */
  setupProblem(): string | null {
    try {
      tokenSourceFor(this.config, this.apiUrl, true);
      return null;
    } catch (error) {
      return asPlatformError(error).message;
    }
  }

  // ---- the session -------------------------------------------------------------------------

  /**
   * One session per visitor: takes the site-wide lock for `client`'s attempt, or shows
   * `elsewhere` when another tab or element holds it. False: do not go on.
   */
  private async takeLock(client: SessionClient, force: boolean): Promise<boolean> {
    const onTakeover = (fromThisPage: boolean) => {
      if (this.client !== client) return;
      this._onThisPage = fromThisPage;
      this.finish('moved');
    };
    const lease = await (force ? takeOver(onTakeover) : tryAcquire(onTakeover));
    if (client !== this.client) {
      lease?.release(); // cancelled meanwhile
      return false;
    }
    if (!lease) {
      // Held by a player of this page when one of them is billing now; else another tab.
      this._onThisPage = this.store().liveSessions > 0;
      this.client = null;
      for (const off of this.unsubscribe) off();
      this.unsubscribe = [];
      this.setStatus('elsewhere');
      return false;
    }
    this.lease = lease;
    return true;
  }

  private listen(client: SessionClient): void {
    this.unsubscribe = [
      client.on('status', ({ status }) => this.onClientStatus(client, status)),
      client.on('track', (detail) => this.emit('track', detail)),
      client.on('message', (detail) => this.emit('message', detail)),
      client.on('rate-limited', ({ retryAfter }) => {
        this._rateLimit = { retryAfter, until: performance.now() + retryAfter * 1000 };
        this.clock.start();
        this.host.requestUpdate();
      }),
      client.on('ended', ({ reason, error }) =>
        this.finish(
          reason === 'server' ? 'server' : 'error',
          reason === 'server' ? undefined : error,
        ),
      ),
    ];
  }

  private onClientStatus(client: SessionClient, status: SessionStatus): void {
    if (client !== this.client || status === 'disconnected' || status === 'connecting') return;
    this._rateLimit = null;
    if (status === 'ready') {
      this.lastSessionId = client.sessionId;
      // The first ready starts billing; a ready after a reconnect continues the same meter.
      if (!this.meter.started) {
        this._capabilities = client.capabilities;
        if (this._capabilities) this.emit('capabilities', { capabilities: this._capabilities });
        warnOnMissingTrack(this.config, client.capabilities);
        this.startBilling();
      }
    }
    this.setStatus(status);
  }

  private startBilling(): void {
    this.meter.start();
    // The hard timeout: max-duration, or earlier where the session's token would expire first
    // (past it, nothing could end the session). The countdown shows whichever comes first.
    const tokenEnd = this.client?.tokenDeadline;
    const tokenLeft = tokenEnd == null ? Infinity : Math.max(0, tokenEnd - Date.now());
    this.deadline.start(Math.min(this.capSeconds * 1000, tokenLeft));
    this.startBudget();
    this.clock.start();
    this.idle.arm({
      ...idleTimes(this.config),
      onWarn: (secondsLeft) => this.emit('idle-warning', { secondsLeft }),
      onResume: () => this.emit('idle-resume', null),
      onExpire: () => this.finish('idle'),
    });
    this.billed = billedSession(this.host, this.config.model, this.meter, this.price);
    this.store().track(this.billed);
    this.emit('ready', { sessionId: this.lastSessionId });
  }

  /** Ends the session when its cost reaches `max-cost` (once the rate is known). */
  private startBudget(): void {
    const credits = budgetCredits(this.config);
    const rate = this.price.creditsPerSecond;
    if (!this.meter.running || credits === null || !rate) return;
    this.budget.start((credits / rate) * 1000 - this.meter.billedMs);
  }

  /**
   * Ends the current attempt for any reason. Idempotent; the only place that stops billing.
   * `unload`: the page is going away, so the DELETE is sent with `keepalive` right now.
   */
  private finish(reason: EndReason, error?: unknown, unload = false): void {
    const client = this.client;
    // First, before any loop: Firefox may abort an unload handler at its next interrupt check
    // (see `unloadRequest`). A second call (the second pagehide listener) sends nothing twice.
    if (unload) client?.terminateOnUnload();
    if (!client) return;
    this.client = null;
    const sessionId = client.sessionId ?? this.lastSessionId;
    for (const off of this.unsubscribe) off();
    this.unsubscribe = [];
    let terminated: Promise<PlatformError | null> = Promise.resolve(null);
    if (!unload) terminated = client.terminate();
    void terminated.then((failure) => failure && this.unconfirmedEnd(failure));
    // Handed over: the lock goes once the platform has answered the DELETE, so the next session
    // starts after this one is over. Any other end lets go at once (a new Start right after an
    // End, here or in a sibling player, must not meet "live in another tab").
    const lease = this.lease;
    this.lease = null;
    if (reason === 'moved') void terminated.then(() => lease?.release());
    else lease?.release();
    this.meter.stop();
    this.deadline.stop();
    this.budget.stop();
    this.idle.disarm();
    this.clock.stop();
    this._rateLimit = null;
    const billed = this.billed;
    const store = this.store();
    // Announced once the DELETE is answered, so a balance refetched then is final.
    const metered = { credits: billed?.credits ?? 0, seconds: this.meter.billedSeconds };
    if (billed)
      void terminated.then(async (failure) => {
        store.ended(billed);
        // Then the platform's own figure, once it has one (never on unload: no time is left).
        if (failure || unload) return;
        await this.settle(client, sessionId, billed, metered);
        // Ended by the platform: say so when it was for lack of credits (its dry run answers 402).
        const refusal = reason === 'server' && (await this.figures.outOfCredits(client));
        if (refusal && this.lastSessionId === sessionId && !this.busy) this.refused(refusal);
      });
    this.billed = null;
    this.lastSessionId = sessionId;
    this._endReason = reason;
    const { credits, usd } = this.cost;
    if (error !== undefined) {
      const failure = asPlatformError(error);
      if (failure.code === 'payment-required') store.paymentRequired(failure.message);
      this.failed(failure);
    } else {
      this.setStatus('ended');
    }
    this.emit('end', { reason, sessionId, billedSeconds: this.billedSeconds, credits, usd });
  }

  /** After a confirmed end: the platform's effective cost, in place of the meter's figure. */
  private async settle(
    client: SessionClient,
    sessionId: string | null,
    billed: BilledSession,
    metered: { credits: number; seconds: number },
  ): Promise<void> {
    const rate = this.price.creditsPerSecond;
    const cost = await this.figures.effectiveCost(client, sessionId, metered, rate);
    if (!cost) return;
    this.store().settle(billed, cost.credits - metered.credits);
    if (this.lastSessionId === sessionId) this._receipt = cost;
    const { credits, usd } = cost;
    const billedSeconds = cost.seconds ?? metered.seconds;
    this.emit('receipt', { sessionId, billedSeconds, credits, usd, final: true });
  }

  /** Every DELETE failed: say so, since the platform bills until it notices on its own. */
  private unconfirmedEnd(error: PlatformError): void {
    const failure = { error, unconfirmedEnd: true };
    if (!this.client) this._failure = failure;
    this.emit('error', failure);
  }

  /** The attempt failed: shown, and announced. */
  private failed(error: unknown): void {
    const failure = { error: asPlatformError(error), unconfirmedEnd: false };
    this._failure = failure;
    this.setStatus('error');
    this.emit('error', failure);
  }

  private setStatus(status: SessionElementStatus): void {
    const previous = this._status;
    if (status === previous) return;
    this._status = status;
    this.emit('status', { status, previous });
  }

  /** Every change the host shows is announced, so each one also asks the host to render. */
  protected override emit<K extends keyof SessionEvents & string>(
    type: K,
    detail: SessionEvents[K],
  ): void {
    this.host.requestUpdate();
    super.emit(type, detail);
  }
}
