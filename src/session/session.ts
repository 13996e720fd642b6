/**
 * The life of one `<reactor-session>`, apart from how it looks: the connect sequence, the session
 * client, the billing meter, the safeguards (see `Safeguards`; and page unload, removal from the
 * page), the entry in the shared account store, and `finish(reason)`, the one place a session
 * ends (what follows the platform's answer: `settle`).
 *
 * Money rules, all enforced here: billing is counted from `ready`; every way out (the visitor,
 * idle, the time limit, the budget, the page going away, the element removed, an error, the
 * platform) goes through `finish`, which terminates the session exactly once and stops the
 * meter; a page that goes away terminates with a `keepalive` DELETE that outlives it.
 */
import { PlatformError, asPlatformError } from '../platform/errors.js';
import { BillingMeter } from '../platform/meter.js';
import type { Cost } from '../platform/pricing.js';
import { SessionClient, type SessionStatus } from '../platform/session-client.js';
import { type TabLease, takeOver, tryAcquire } from '../platform/tab-lock.js';
import type { TokenSource } from '../platform/tokens.js';
import type { AccountStore, BilledSession } from '../store/account-store.js';
import { RemovalController } from '../controllers/removal.js';
import { UnloadController } from '../controllers/unload.js';
import { billedSession } from './billed-session.js';
import { Safeguards } from './safeguards.js';
import { settle } from './settlement.js';
import { SessionState, type SessionHost } from './state.js';
import {
  type SessionConfig,
  budgetCredits,
  hiddenMs,
  idleTimes,
  warnOnMissingTrack,
} from './config.js';
import type { EndReason } from './events.js';
import { SessionSetup } from './setup.js';
import { applyBackground } from './background.js';
import { LivePrice } from './live-price.js';
import { LiveLimits } from './live-limits.js';
import { say } from '../internal/console.js';

export type { SessionConfig };
export type * from './events.js';
export type { SessionHost };

export class Session extends SessionState {
  /** The session before it starts: its origin, price, estimate, token and setup problems. */
  readonly setup: SessionSetup;
  private client: SessionClient | null = null;
  private meter = new BillingMeter();
  private lastSessionId: string | null = null;
  private billed: BilledSession | null = null;
  /** The site-wide lock of the current attempt (see `exclusive`). */
  private lease: TabLease | null = null;
  private unsubscribe: (() => void)[] = [];
  /** The hard timeout, the budget, the idle detector and the clock. */
  private readonly guards: Safeguards;
  /**
   * The price of the current (or last) session: its model at the API origin it was started on,
   * loaded at connect and kept for its whole life (the platform bills the model it created).
   */
  private sessionPrice: LivePrice | null = null;
  /** The limits the live session started with; a live change applies only when stricter. */
  private readonly limits = new LiveLimits();
  /** Seconds before the time limit at which the status line says it (0: no session). */
  private warnAt = 0;

  constructor(
    host: SessionHost,
    private readonly config: SessionConfig,
    private readonly store: () => AccountStore,
  ) {
    super(host);
    this.setup = new SessionSetup(host, config, store);
    this.guards = new Safeguards(host, (reason) => this.finish(reason));
    // Leaving the page ends the session with a keepalive DELETE that outlives the page; putting
    // it away (a phone's home screen, another tab) and back applies the `background` policy.
    new UnloadController(
      host,
      () => this.finish('unload', undefined, true),
      () => host.requestUpdate(),
      () => this.onVisibility(),
    );
    // Removed from the page (not moved within it): its safeguards stop, so the session ends.
    new RemovalController(host, () => this.finish('removed'));
  }

  // ---- read-only state ---------------------------------------------------------------------

  get sessionId(): string | null {
    return this.client?.sessionId ?? this.lastSessionId;
  }

  /** True once the current (or last) session was live: the meter has something to show. */
  get wasLive(): boolean {
    return this.meter.started;
  }

  get billedSeconds(): number {
    return this.meter.billedSeconds;
  }

  /** The price the meter counts at: the session's own once one started, else the settings'. */
  private get price(): LivePrice {
    return this.sessionPrice ?? this.setup.price;
  }

  /** The cost so far at the live rate (zero while the rate is unknown). */
  get cost(): Cost {
    return this.price.costOf(this.meter.billedSeconds) ?? { credits: 0, usd: 0 };
  }

  /** Seconds left before the hard timeout: the whole cap before a session, 0 after it. */
  get remainingSeconds(): number {
    const left = this.guards.remainingMs;
    if (left !== null) return left / 1000;
    return this.meter.started ? 0 : this.setup.capSeconds;
  }

  /** Whole seconds left in the idle warning (0 when not warning). */
  get idleSecondsLeft(): number {
    return this.guards.idleSecondsLeft;
  }

  /**
   * Near the time limit (60 s before it, or half the session when that is shorter): how long
   * before it the status line says so, a fixed figure so that it is said once; else 0.
   */
  get timeWarning(): number {
    const left = this.guards.remainingMs;
    return left !== null && left <= this.warnAt * 1000 ? this.warnAt : 0;
  }

  /** Milliseconds before the session's token expires (past it, nothing could end the session). */
  private tokenLeftMs(): number {
    const deadline = this.client?.tokenDeadline;
    return deadline == null ? Infinity : Math.max(0, deadline - Date.now());
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
    this._moderation = null;
    this.lastSessionId = null;
    let tokens: TokenSource;
    try {
      tokens = this.setup.tokens();
    } catch (error) {
      // Bad configuration: refused before anything was created.
      this._endReason = 'error';
      this.failed(error);
      return;
    }
    const config = this.config;
    const client = new SessionClient({
      apiUrl: this.setup.apiUrl,
      model: config.model.trim(),
      tokens,
      reconnect: config.reconnect,
    });
    this.client = client;
    this.meter = new BillingMeter();
    const sessionPrice = new LivePrice(this.host);
    this.sessionPrice = sessionPrice;
    void sessionPrice
      .load(this.store(), this.setup.apiUrl, config.model.trim())
      .then(() => this.startBudget());
    this.listen(client);
    this.setStatus('connecting');
    if (config.exclusive && !(await this.takeLock(client, takeOver))) return;
    const priced = this.loadPrice();
    if (budgetCredits(config) !== null) {
      await priced;
      if (client !== this.client) return;
      const problem = this.setup.budgetProblem();
      if (problem) return this.finish('error', problem);
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
    void this.setup.warm().then((refusal) => {
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

  /** Counts as page activity: resets the idle timer and dismisses the idle warning. */
  keepAlive(): void {
    this.guards.keepAlive();
  }

  /** Runs `fn` (a programmatic focus move) without counting what it causes as activity. */
  quietly(fn: () => void): void {
    this.guards.quietly(fn);
  }

  /** (Re)loads the price of the configured model (for the estimate and the next session). */
  async loadPrice(): Promise<void> {
    await this.setup.loadPrice();
  }

  /**
   * A setting changed. While a session is live, a lower `max-cost` or `max-duration` applies at
   * once; any other change applies to the next session, and the console says so.
   */
  settingsChanged(): void {
    if (!this.meter.running) return;
    const cap = this.setup.capSeconds;
    for (const line of this.limits.changed(this.config, this.setup.apiUrl, cap))
      say(`<reactor-session>: ${line}`);
    this.startBudget();
    const capMs = this.limits.capSeconds(cap) * 1000 - this.meter.billedMs;
    const left = this.guards.remainingMs;
    if (left !== null && capMs < left) this.guards.shorten(capMs);
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
        this.guards.tick();
        this.host.requestUpdate();
      }),
      client.on('capabilities', (detail) => {
        this._capabilities = detail.capabilities;
        this.emit('capabilities', detail);
      }),
      client.on('moderation', (detail) => {
        this._moderation = detail;
        this.emit('moderation', detail);
      }),
      // Ended by the platform while held: the page stayed away past its recoverable window.
      client.on('ended', ({ reason, error, message }) =>
        this.finish(
          reason === 'server' && client.held ? 'background' : reason,
          reason === 'error' ? error : undefined,
          false,
          message,
        ),
      ),
    ];
  }

  /** The page was put away or brought back, or a ready came while away: see `applyBackground`. */
  private onVisibility(): void {
    const client = this.client;
    if (client) applyBackground(client, this.config, () => this.finish('background'));
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
    if (status === 'ready' && document.hidden) this.onVisibility();
  }

  private startBilling(): void {
    this.meter.start();
    this.limits.arm(this.config, this.setup.apiUrl, this.setup.capSeconds);
    // The hard timeout: max-duration, or earlier where the session's token would expire first
    // (past it, nothing could end the session). The countdown shows whichever comes first.
    const limitMs = Math.min(this.setup.capSeconds * 1000, this.tokenLeftMs());
    this.warnAt = Math.round(Math.min(60, limitMs / 2000));
    this.guards.arm(
      limitMs,
      {
        ...idleTimes(this.config),
        onWarn: (secondsLeft) => this.emit('idle-warning', { secondsLeft }),
        onResume: () => this.emit('idle-resume', null),
      },
      () => this.finish('idle'),
      hiddenMs(this.config),
    );
    this.startBudget();
    this.billed = billedSession(this.host, this.config.model.trim(), this.meter, this.price);
    this.store().track(this.billed);
    this.emit('ready', { sessionId: this.lastSessionId });
  }

  /**
   * Ends the session when its cost reaches `max-cost` (once the rate is known): at the session's
   * own price, and the budget it started with or a lower one set since.
   */
  private startBudget(): void {
    const credits = this.limits.budget(this.config);
    const rate = this.price.creditsPerSecond;
    if (!this.meter.running || credits === null || !rate) return;
    this.guards.armBudget((credits / rate) * 1000 - this.meter.billedMs);
  }

  /**
   * Ends the current attempt for any reason. Idempotent; the only place that stops billing.
   * `unload`: the page is going away, so the DELETE is sent with `keepalive` right now.
   */
  private finish(reason: EndReason, error?: unknown, unload = false, message?: string): void {
    const client = this.client;
    // First, before any loop: Firefox may abort an unload handler at its next interrupt check
    // (see `unloadRequest`). A second call (the second pagehide listener) sends nothing twice.
    if (unload) client?.terminateOnUnload();
    if (!client) return;
    this.client = null;
    const sessionId = client.sessionId ?? client.createdId ?? this.lastSessionId;
    const terminated = this.terminate(client, unload);
    this.releaseLock(reason, terminated);
    this.stopBilling();
    const billed = this.billed;
    this.billed = null;
    const metered = { credits: billed?.credits ?? 0, seconds: this.meter.billedSeconds };
    const rate = this.price.creditsPerSecond;
    void settle(
      client,
      { sessionId, reason, billed, metered, rate, terminated, unload },
      this.store(),
      this.setup.figures,
      {
        receipt: (cost, detail) => {
          if (this.lastSessionId === sessionId) this._receipt = cost;
          this.emit('receipt', detail);
        },
        outOfCredits: (refusal) => {
          if (this.lastSessionId === sessionId && !this.busy) this.refused(refusal);
        },
      },
    );
    this.lastSessionId = sessionId;
    this._endReason = reason;
    this.announceEnd(reason, sessionId, error, message ?? null);
  }

  /** Stops listening to `client` and ends its session (on unload, already sent). */
  private terminate(client: SessionClient, unload: boolean): Promise<PlatformError | null> {
    for (const off of this.unsubscribe) off();
    this.unsubscribe = [];
    const terminated = unload ? Promise.resolve(null) : client.terminate();
    void terminated.then((failure) => failure && this.unconfirmedEnd(failure));
    return terminated;
  }

  /**
   * Handed over: the lock goes once the platform has answered the DELETE, so the next session
   * starts after this one is over. Any other end lets go at once (a new Start right after an
   * End, here or in a sibling player, must not meet "live in another tab").
   */
  private releaseLock(reason: EndReason, terminated: Promise<unknown>): void {
    const lease = this.lease;
    this.lease = null;
    if (reason === 'moved') void terminated.then(() => lease?.release());
    else lease?.release();
  }

  /** The meter and every safeguard stop. */
  private stopBilling(): void {
    this.meter.stop();
    this.limits.disarm();
    this.guards.disarm();
    this._rateLimit = null;
  }

  /** The status (`ended`, or `error` with the failure shown) and `end` with the meter's figures. */
  private announceEnd(
    reason: EndReason,
    sessionId: string | null,
    error: unknown,
    message: string | null,
  ): void {
    const { credits, usd } = this.cost;
    if (error !== undefined) {
      const failure = asPlatformError(error);
      if (failure.code === 'payment-required') this.store().paymentRequired(failure.message);
      this.failed(failure);
    } else {
      this.setStatus('ended');
    }
    this.emit('end', {
      reason,
      sessionId,
      billedSeconds: this.billedSeconds,
      credits,
      usd,
      message,
    });
  }

  /** Every DELETE failed: say so, since the platform bills until it notices on its own. */
  private unconfirmedEnd(error: PlatformError): void {
    const failure = { error, unconfirmedEnd: true };
    if (!this.client) this._failure = failure;
    this.emit('error', failure);
  }
}
