import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { ClockController } from '../controllers/clock.js';
import { DeadlineController } from '../controllers/deadline.js';
import { IdleController } from '../controllers/idle.js';
import { UnloadController } from '../controllers/unload.js';
import { ReactorElement } from '../internal/reactor-element.js';
import {
  formatCredits,
  formatDuration,
  formatMoney,
  localeOf,
  spokenDuration,
} from '../internal/format.js';
import { PlatformError } from '../platform/errors.js';
import { BillingMeter } from '../platform/meter.js';
import { type Cost, type ModelPrice, type Pricing, findModel } from '../platform/pricing.js';
import { SessionClient, type SessionStatus } from '../platform/session-client.js';
import { TokenSource, refuseApiKey, type TokenProvider } from '../platform/tokens.js';
import type { BilledSession } from '../store/account-store.js';
import { StoreController } from '../store/store-controller.js';
import {
  END_TEXT,
  STATUS_TEXT,
  describeError,
  type EndReason,
  type SessionElementStatus,
  type SessionErrorDetail,
} from './session-messages.js';
import { sessionStyles } from './reactor-session.styles.js';
import { DEFAULT_API_URL, PLATFORM_MAX_DURATION } from './constants.js';

export type { EndReason, SessionElementStatus, SessionErrorDetail };

export { PLATFORM_MAX_DURATION, DEFAULT_API_URL };

/** Detail of `reactor-end`. */
export interface SessionEndDetail {
  reason: EndReason;
  sessionId: string | null;
  billedSeconds: number;
  credits: number;
  usd: number;
}

/** A boolean attribute that is on unless it says `false` (`off`, `0`, `no`). */
const onUnlessFalse = {
  fromAttribute: (value: string | null) =>
    value === null || !/^(false|off|0|no)$/i.test(value.trim()),
  toAttribute: (value: boolean) => (value ? null : 'false'),
};

const number = (value: unknown, fallback: number) =>
  typeof value === 'number' && Number.isFinite(value) ? value : fallback;

const BUSY: ReadonlySet<SessionElementStatus> = new Set([
  'connecting',
  'waiting',
  'ready',
  'reconnecting',
]);

/**
 * A live Reactor GPU session that cannot run up a bill by accident: connect flow, video surface,
 * idle detector, hard timeout, cost ticker, and a disconnect that reaches the server when the
 * page goes away or the element is removed.
 *
 * @summary A live Reactor session with an idle detector, a hard timeout and a visible cost.
 * @tagname reactor-session
 *
 * @slot connect-label - The label of the connect button.
 * @slot poster - Shown in the video area until the first frame arrives (and after the session).
 * @slot overlay - Controls laid over the video.
 *
 * @csspart base - The outer wrapper.
 * @csspart stage - The video area.
 * @csspart video - The `<video>` that shows the model's video track.
 * @csspart status - The announced status line.
 * @csspart cost - The cost line: the estimate before, the live ticker during, the receipt after.
 * @csspart countdown - The time left before the hard timeout.
 * @csspart connect-button - The button that starts a session.
 * @csspart disconnect-button - The button that ends (or cancels) a session.
 * @csspart idle-dialog - The "still there?" dialog.
 * @csspart keep-alive-button - The dialog's "Keep session" button.
 * @csspart error - The error message.
 *
 * @cssprop --reactor-accent - The accent colour of buttons and highlights.
 * @cssprop --reactor-danger - The colour of errors and warnings.
 * @cssprop --reactor-radius - The corner radius.
 * @cssprop --reactor-font - The font family.
 * @cssprop --reactor-video-fit - How the video fills its box (`object-fit`), default `contain`.
 * @cssprop --reactor-stage-background - The background of the video area.
 *
 * @fires reactor-status-change - `{status, previous}` on every status change.
 * @fires reactor-ready - `{sessionId}` when the session is live (billing starts).
 * @fires reactor-idle-warning - `{secondsLeft}` when the idle warning opens.
 * @fires reactor-end - `{reason, sessionId, billedSeconds, credits, usd}` when a session is over.
 * @fires reactor-error - `{code, status, message, retryAfter}` for any failure.
 * @fires reactor-message - `{message}` for each message from the model.
 */
export class ReactorSession extends ReactorElement {
  static override styles = sessionStyles;

  /** The model to run, e.g. `helios` (required). */
  @property({ reflect: true }) model = '';

  /** The site's own route that answers a short-lived session token (`{jwt, expires_at}`). */
  @property({ attribute: 'token-url', reflect: true }) tokenUrl = '';

  /** The Reactor API origin. */
  @property({ attribute: 'api-url', reflect: true }) apiUrl = DEFAULT_API_URL;

  /** Hard cap on one session, in seconds; clamped to 1..1200 (the platform's own limit). */
  @property({ attribute: 'max-duration', type: Number, reflect: true }) maxDuration = 300;

  /** Seconds without page activity before the idle warning; `0` disables idle detection. */
  @property({ attribute: 'idle-timeout', type: Number, reflect: true }) idleTimeout = 60;

  /** Seconds the idle warning lasts before the session is ended. */
  @property({ attribute: 'idle-warning', type: Number, reflect: true }) idleWarning = 15;

  /** Optional budget in credits: the session ends when its cost reaches it. */
  @property({ attribute: 'max-cost', type: Number, reflect: true }) maxCost: number | null = null;

  /** Connect as soon as the element is on the page (off by default: pre-warming is discouraged). */
  @property({ type: Boolean, reflect: true }) autoconnect = false;

  /** Recover a dropped connection within the platform's window (on unless `reconnect="false"`). */
  @property({ converter: onUnlessFalse, reflect: true }) reconnect = true;

  /** Mute the audio (on unless `muted="false"`), so autoplay works. */
  @property({ converter: onUnlessFalse, reflect: true }) muted = true;

  /** The name of the video track to show. */
  @property({ attribute: 'video-track', reflect: true }) videoTrack = 'main_video';

  /** Where to buy credits; linked from the out-of-credits message. */
  @property({ attribute: 'topup-url', reflect: true }) topupUrl = '';

  /** A fixed session token (instead of `token-url`); it cannot be refreshed. */
  @property({ attribute: false }) token: string | undefined = undefined;

  /** A function that returns a session token (instead of `token-url`). */
  @property({ attribute: false }) tokenProvider: TokenProvider | undefined = undefined;

  @state() private _status: SessionElementStatus = 'disconnected';
  @state() private endReason: EndReason | null = null;
  @state() private failure: SessionErrorDetail | null = null;
  @state() private hasFrame = false;
  @state() private price: ModelPrice | null = null;
  @state() private pricing: Pricing | null = null;
  @state() private pricingProblem = '';
  @state() private retryUntil: number | null = null;
  @state() private announcement = STATUS_TEXT.disconnected;

  @query('video') private video!: HTMLVideoElement;
  @query('dialog') private dialog!: HTMLDialogElement;

  private client: SessionClient | null = null;
  private meter = new BillingMeter();
  private lastSessionId: string | null = null;
  private billed: BilledSession | null = null;
  private media: MediaStream | null = null;
  private unsubscribe: (() => void)[] = [];
  private focusBeforeDialog: HTMLElement | null = null;
  private pricingRequest: AbortController | null = null;
  private removalCheck: ReturnType<typeof setTimeout> | null = null;

  private readonly store = new StoreController(this);
  private readonly clock = new ClockController(this, 250);
  private readonly deadline = new DeadlineController(this, () => this.finish('timeout'));
  private readonly budget = new DeadlineController(this, () => this.finish('budget'));
  private readonly idle = new IdleController(this);

  constructor() {
    super();
    // Leaving the page ends the session with a keepalive DELETE that outlives the page.
    new UnloadController(
      this,
      () => this.finish('unload', undefined, true),
      () => this.requestUpdate(),
    );
  }

  // ---- read-only state ---------------------------------------------------------------------

  /** `disconnected` before the first connect; `connecting` | `waiting` | `ready` | `reconnecting`; then `ended` or `error`. */
  get status(): SessionElementStatus {
    return this._status;
  }

  /** The current (or last) session's id. */
  get sessionId(): string | null {
    return this.client?.sessionId ?? this.lastSessionId;
  }

  /** Billed seconds of the current (or last) session, from the monotonic clock. */
  get billedSeconds(): number {
    return this.meter.billedSeconds;
  }

  /** Cost of the current (or last) session at the live rate (zero while the rate is unknown). */
  get cost(): Cost {
    if (!this.price || !this.pricing) return { credits: 0, usd: 0 };
    return this.meter.cost(this.price.creditsPerSecond, this.pricing.creditsPerDollar);
  }

  /** Seconds left before the hard timeout: the whole cap before a session, 0 after it. */
  get remainingSeconds(): number {
    const left = this.deadline.remainingMs;
    if (left !== null) return left / 1000;
    return this.meter.started ? 0 : this.capSeconds;
  }

  /** `max-duration` clamped to the platform's limits. */
  private get capSeconds(): number {
    return Math.min(PLATFORM_MAX_DURATION, Math.max(1, number(this.maxDuration, 300)));
  }

  // ---- public methods ----------------------------------------------------------------------

  /** Starts a session. Resolves when it is live, or when it failed (see `reactor-error`). */
  async connect(): Promise<void> {
    if (BUSY.has(this._status)) return;
    this.resetForConnect();
    let tokens: TokenSource;
    try {
      tokens = this.tokenSource();
    } catch (error) {
      this.fail(error);
      return;
    }
    const client = new SessionClient({
      apiUrl: this.apiUrl,
      model: this.model.trim(),
      tokens,
      reconnect: this.reconnect,
    });
    this.client = client;
    this.meter = new BillingMeter();
    this.listen(client);
    this.setStatus('connecting');
    const budgetNeedsRate = this.maxCost !== null && Number.isFinite(this.maxCost);
    const rate = this.loadPricing();
    if (budgetNeedsRate) {
      await rate;
      if (client !== this.client) return;
      if (!this.price) {
        this.finish(
          'error',
          new PlatformError(
            'bad-response',
            `max-cost needs the live price of "${this.model}", which is not available: ${this.pricingProblem || 'the model is not in the price list.'}`,
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

  /** Ends the session for good (non-recoverable); also cancels a connect in progress. */
  disconnect(): void {
    this.finish('user');
  }

  /** Sends a command to the model (only while live). */
  sendCommand(name: string, data: unknown = {}): void {
    if (!this.client || this._status !== 'ready') {
      throw new PlatformError('conflict', `Cannot send "${name}": the session is ${this._status}.`);
    }
    this.client.sendCommand(name, data);
  }

  /** Counts as page activity: resets the idle timer and closes the idle warning. */
  keepAlive(): void {
    this.idle.keepAlive();
  }

  // ---- lifecycle ---------------------------------------------------------------------------

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.removalCheck) {
      // Moved within the page (removed and inserted in the same task): keep the session.
      clearTimeout(this.removalCheck);
      this.removalCheck = null;
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (!this.client) return;
    this.removalCheck = setTimeout(() => {
      this.removalCheck = null;
      if (!this.isConnected) this.finish('removed');
    }, 0);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('apiUrl') || changed.has('model')) void this.loadPricing();
  }

  protected override firstUpdated(): void {
    if (this.autoconnect) void this.updateComplete.then(() => this.connect());
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('muted') && this.video) this.video.muted = this.muted;
  }

  // ---- the session -------------------------------------------------------------------------

  private tokenSource(): TokenSource {
    if (!this.isConnected) {
      // Its safeguards (timeout, idle, unload) only run on the page: never bill without them.
      throw new PlatformError(
        'bad-request',
        'Add <reactor-session> to the page before connecting.',
      );
    }
    if (!this.model.trim()) {
      throw new PlatformError(
        'bad-request',
        'Set the model attribute, for example <reactor-session model="helios">.',
      );
    }
    if (!isAbsoluteUrl(this.apiUrl))
      throw new PlatformError('bad-request', `api-url "${this.apiUrl}" is not an absolute URL.`);
    if (this.tokenUrl) refuseApiKey(this.tokenUrl, 'token-url');
    if (this.tokenProvider) return new TokenSource({ provider: this.tokenProvider });
    if (this.token) return new TokenSource({ token: this.token });
    if (this.tokenUrl) return new TokenSource({ url: this.tokenUrl });
    throw new PlatformError(
      'bad-request',
      'Set token-url to your site route that returns a session token (or set the token or tokenProvider property).',
    );
  }

  private listen(client: SessionClient): void {
    this.unsubscribe = [
      client.on('status', ({ status }) => this.onClientStatus(client, status)),
      client.on('track', ({ name, track }) => this.onTrack(name, track)),
      client.on('message', ({ message }) => this.emit('reactor-message', { message })),
      client.on('rate-limited', ({ retryAfter }) => {
        this.retryUntil = performance.now() + retryAfter * 1000;
        this.announcement = `All GPUs for this site are busy, retrying in ${retryAfter} s.`;
        this.clock.start();
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
    if (client !== this.client || status === 'disconnected') return;
    if (status === 'connecting') return;
    this.retryUntil = null;
    if (status === 'ready') {
      this.lastSessionId = client.sessionId;
      // The first ready starts billing; a ready after a reconnect continues the same meter.
      if (!this.meter.started) {
        this.checkVideoTrack(client);
        this.startBilling();
      }
    }
    this.setStatus(status);
  }

  /** A `video-track` the model does not have would leave the stage dark: say so. */
  private checkVideoTrack(client: SessionClient): void {
    const tracks = client.capabilities?.tracks ?? [];
    if (tracks.some((t) => t.kind === 'video' && t.name === this.videoTrack)) return;
    const names = tracks.filter((t) => t.kind === 'video').map((t) => t.name);
    console.warn(
      `[reactor-elements] video-track "${this.videoTrack}" is not a video track of ${this.model} (it has: ${names.join(', ') || 'none'}).`,
    );
  }

  private startBilling(): void {
    this.meter.start();
    this.deadline.start(this.capSeconds * 1000);
    this.startBudget();
    this.clock.start();
    this.idle.arm({
      timeoutMs: Math.max(0, number(this.idleTimeout, 60)) * 1000,
      warningMs: Math.max(0, number(this.idleWarning, 15)) * 1000,
      onWarn: (secondsLeft) => this.openIdleDialog(secondsLeft),
      onResume: () => this.closeIdleDialog(),
      onExpire: () => this.finish('idle'),
    });
    const meter = this.meter;
    const rate = () => this.price?.creditsPerSecond ?? 0;
    this.billed = {
      element: this,
      model: this.model,
      get credits() {
        return meter.billedSeconds * rate();
      },
      get burnRate() {
        return meter.running ? rate() : 0;
      },
    };
    this.store.store.track(this.billed);
    this.emit('reactor-ready', { sessionId: this.lastSessionId });
  }

  private startBudget(): void {
    if (!this.meter.running || this.maxCost === null || !Number.isFinite(this.maxCost)) return;
    const rate = this.price?.creditsPerSecond;
    if (!rate) return;
    const seconds = Math.max(0, this.maxCost) / rate;
    this.budget.start(seconds * 1000 - this.meter.billedMs);
  }

  /**
   * Ends the current attempt for any reason. Idempotent; the only place that stops billing.
   * `unload`: the page is going away, so the DELETE is sent with `keepalive` right now.
   */
  private finish(reason: EndReason, error?: unknown, unload = false): void {
    const client = this.client;
    if (!client) return;
    this.client = null;
    const sessionId = client.sessionId ?? this.lastSessionId;
    for (const off of this.unsubscribe) off();
    this.unsubscribe = [];
    let terminated: Promise<PlatformError | null> = Promise.resolve(null);
    if (unload) client.terminateOnUnload();
    else terminated = client.terminate();
    void terminated.then((failure) => failure && this.unconfirmedEnd(failure));
    this.meter.stop();
    this.deadline.stop();
    this.budget.stop();
    this.idle.disarm();
    this.clock.stop();
    this.retryUntil = null;
    this.closeIdleDialog();
    this.detachMedia();
    const billed = this.billed;
    const store = this.store.store;
    // Announced once the DELETE is answered, so a balance refetched then is final.
    if (billed) void terminated.then(() => store.ended(billed));
    this.billed = null;
    this.lastSessionId = sessionId;
    this.endReason = reason;
    const { credits, usd } = this.cost;
    if (error !== undefined) {
      this.failure = describeError(error);
      if (this.failure.code === 'payment-required')
        this.store.store.paymentRequired(this.failure.message);
      this.setStatus('error');
      this.emit('reactor-error', this.failure);
    } else {
      this.setStatus('ended');
    }
    this.emit<SessionEndDetail>('reactor-end', {
      reason,
      sessionId,
      billedSeconds: this.billedSeconds,
      credits,
      usd,
    });
  }

  /** Every DELETE failed: say so, since the platform bills until it notices on its own. */
  private unconfirmedEnd(error: PlatformError): void {
    const detail: SessionErrorDetail = {
      code: error.code,
      status: error.status,
      message:
        'Reactor did not confirm the end of the session. The platform stops it, and its billing, ' +
        'once the connection has been gone for its recoverable window (about 30 s).',
      retryAfter: null,
    };
    if (!this.client) this.failure = detail;
    this.emit('reactor-error', detail);
  }

  /** A failure before any session was attempted (bad configuration). */
  private fail(error: unknown): void {
    this.failure = describeError(error);
    this.endReason = 'error';
    this.setStatus('error');
    this.emit('reactor-error', this.failure);
  }

  private resetForConnect(): void {
    this.failure = null;
    this.endReason = null;
    this.hasFrame = false;
    this.lastSessionId = null;
  }

  private setStatus(status: SessionElementStatus): void {
    const previous = this._status;
    if (status === previous) return;
    this._status = status;
    this.announcement =
      status === 'ended' && this.endReason
        ? `${STATUS_TEXT.ended}. ${END_TEXT[this.endReason]}`
        : STATUS_TEXT[status];
    this.emit('reactor-status-change', { status, previous });
  }

  // ---- pricing -----------------------------------------------------------------------------

  private async loadPricing(): Promise<void> {
    this.pricingRequest?.abort();
    const request = new AbortController();
    this.pricingRequest = request;
    if (!isAbsoluteUrl(this.apiUrl)) {
      this.pricing = null;
      this.price = null;
      this.pricingProblem = `api-url "${this.apiUrl}" is not an absolute URL.`;
      return;
    }
    try {
      const pricing = await this.store.store.pricing(this.apiUrl, { signal: request.signal });
      if (request.signal.aborted) return;
      this.pricing = pricing;
      this.price = findModel(pricing, this.model) ?? null;
      this.pricingProblem = this.price ? '' : `"${this.model}" has no public price.`;
      this.startBudget();
    } catch (error) {
      if (request.signal.aborted) return;
      this.pricing = null;
      this.price = null;
      this.pricingProblem = error instanceof Error ? error.message : String(error);
    }
  }

  // ---- media -------------------------------------------------------------------------------

  private onTrack(name: string, track: MediaStreamTrack): void {
    const wanted = track.kind === 'audio' || name === this.videoTrack;
    if (!wanted) return;
    this.media ??= new MediaStream();
    for (const old of this.media.getTracks())
      if (old.kind === track.kind && old !== track) this.media.removeTrack(old);
    this.media.addTrack(track);
    const video = this.video;
    if (video && video.srcObject !== this.media) {
      video.srcObject = this.media;
      video.play().catch(() => undefined);
    }
  }

  private detachMedia(): void {
    if (this.video) this.video.srcObject = null;
    this.media = null;
    this.hasFrame = false;
  }

  private readonly onFirstFrame = () => {
    if (this.client) this.hasFrame = true;
  };

  // ---- idle dialog -------------------------------------------------------------------------

  private openIdleDialog(secondsLeft: number): void {
    this.emit('reactor-idle-warning', { secondsLeft });
    const dialog = this.dialog;
    if (!dialog || dialog.open) return;
    this.focusBeforeDialog = deepActiveElement();
    // Opening the dialog moves focus to its button: not the visitor's activity, so it must not
    // dismiss the warning.
    this.idle.quietly(() => {
      // Not show(): its focusing steps scroll the page, and a scroll (async, so not covered here)
      // would count as the visitor's activity. Focus moves below, without scrolling.
      dialog.open = true;
      this.renderRoot
        .querySelector<HTMLButtonElement>('[part="keep-alive-button"]')
        ?.focus({ preventScroll: true });
    });
  }

  private closeIdleDialog(): void {
    const dialog = this.dialog;
    if (!dialog?.open) return;
    const hadFocus = dialog.contains(this.shadowRoot?.activeElement ?? null);
    dialog.close();
    if (hadFocus) this.focusBeforeDialog?.focus();
    this.focusBeforeDialog = null;
  }

  private readonly onDialogCancel = (event: Event) => event.preventDefault();

  private readonly onConnectClick = () => void this.connect();

  private readonly onDialogKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      this.keepAlive();
    }
  };

  // ---- render ------------------------------------------------------------------------------

  override render() {
    const locale = localeOf(this);
    const live = this._status === 'ready' || this._status === 'reconnecting';
    const busy = BUSY.has(this._status);
    return html`
      <div part="base" class="base" data-status=${this._status}>
        <div part="stage" class="stage">
          <video
            part="video"
            playsinline
            autoplay
            .muted=${this.muted}
            ?hidden=${!this.hasFrame}
            @loadeddata=${this.onFirstFrame}
          ></video>
          ${
            this.hasFrame
              ? nothing
              : html`<div class="poster">
                  <slot name="poster"
                    ><span class="poster-text"
                      >${this.model || 'Reactor'} · live session</span
                    ></slot
                  >
                </div>`
          }
          <div class="overlay"><slot name="overlay"></slot></div>
          <dialog
            part="idle-dialog"
            aria-labelledby="idle-title"
            aria-describedby="idle-text"
            @keydown=${this.onDialogKey}
            @cancel=${this.onDialogCancel}
          >
            <h2 id="idle-title">Still there?</h2>
            <p id="idle-text">
              The session ends in <span class="idle-seconds">${this.idle.secondsLeft}</span> s to
              stop billing.
            </p>
            <button part="keep-alive-button" type="button" @click=${this.keepAlive}>
              Keep session
            </button>
          </dialog>
        </div>
        <p part="status" class="status" role="status" aria-live="polite">${this.announcement}</p>
        ${this.renderRetry()} ${this.renderCost(locale, live)} ${this.renderError()}
        <div class="actions">
          ${
            busy
              ? html`<button
                  part="disconnect-button"
                  class="secondary"
                  type="button"
                  @click=${this.disconnect}
                >
                  ${live ? 'End session' : 'Cancel'}
                </button>`
              : html`<button part="connect-button" type="button" @click=${this.onConnectClick}>
                  <slot name="connect-label">Start session</slot>
                </button>`
          }
        </div>
      </div>
    `;
  }

  private renderRetry() {
    if (this.retryUntil === null) return nothing;
    const left = Math.max(0, Math.ceil((this.retryUntil - performance.now()) / 1000));
    return html`<p class="retry" aria-hidden="true">Retrying in ${left} s…</p>`;
  }

  private renderCost(locale: string, live: boolean) {
    const rate = this.price;
    const money = (cost: Cost) =>
      `${formatCredits(cost.credits, locale)} credits (${formatMoney(cost.usd, locale)})`;
    if (this.meter.started) {
      const billed = this.billedSeconds;
      const remaining = this.remainingSeconds;
      const amount = rate ? money(this.cost) : 'cost unavailable';
      return html`<div part="cost" class="cost ${live ? 'live' : 'receipt'}">
          ${
            live
              ? html`<span class="sr-only">Billed so far:</span>`
              : html`<span class="label">Receipt:</span>`
          }
          <span class="billed" aria-label=${`${spokenDuration(billed)} billed`}
            >${formatDuration(billed)}</span
          >
          billed · <span class="amount">${amount}</span>
        </div>
        ${
          live
            ? html`<div part="countdown" class="countdown">
                <span aria-label=${`${spokenDuration(remaining)} left`}
                  >${formatDuration(remaining)}</span
                >
                left
              </div>`
            : nothing
        }`;
    }
    const cap = this.capSeconds;
    const estimate = rate
      ? html`at most
        ${money({
          credits: rate.creditsPerSecond * cap,
          usd: (rate.creditsPerSecond * cap) / (this.pricing?.creditsPerDollar ?? 1),
        })}`
      : html`<span class="muted"
          >${this.pricingProblem ? 'price unavailable' : 'loading price…'}</span
        >`;
    return html`<div part="cost" class="cost estimate">
      Up to ${formatDuration(cap)} per session, ${estimate}
    </div>`;
  }

  private renderError() {
    if (!this.failure) return nothing;
    const topup =
      this.failure.code === 'payment-required' && this.topupUrl
        ? html` <a href=${this.topupUrl} target="_blank" rel="noopener">Top up credits</a>`
        : nothing;
    return html`<div part="error" class="error" role="alert">${this.failure.message}${topup}</div>`;
  }
}

function isAbsoluteUrl(value: string): boolean {
  try {
    return /^https?:$/.test(new URL(value).protocol);
  } catch {
    return false;
  }
}

/** The focused element, looking into shadow roots. */
function deepActiveElement(): HTMLElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : null;
}

declare global {
  interface HTMLElementTagNameMap {
    'reactor-session': ReactorSession;
  }
  interface HTMLElementEventMap {
    'reactor-status-change': CustomEvent<{
      status: SessionElementStatus;
      previous: SessionElementStatus;
    }>;
    'reactor-ready': CustomEvent<{ sessionId: string | null }>;
    'reactor-idle-warning': CustomEvent<{ secondsLeft: number }>;
    'reactor-end': CustomEvent<SessionEndDetail>;
    'reactor-error': CustomEvent<SessionErrorDetail>;
    'reactor-message': CustomEvent<{ message: unknown }>;
  }
}
