import { html, nothing, type PropertyValues } from 'lit';
import {
  Session,
  type EndReason,
  type SessionElementStatus,
  type ModerationDetail,
} from '../../session/session.js';
import { attributeProblems, tokenAttributeProblem } from '../../session/config.js';
import {
  KeyCommandController,
  type KeyMap,
  activeKeyMap,
  keysProblem,
} from '../../controllers/key-commands.js';
import { normaliseProperties } from './property-values.js';
import { type ConnectionStats, StatsReader } from './stats-reader.js';
import { IdleDialog } from './idle-dialog.js';
import { SessionMedia } from './media.js';
import type { Capabilities, FileRef, UploadOptions } from '../../platform/session-client.js';
import { DEFAULT_API_URL, PLATFORM_MAX_DURATION } from '../../internal/constants.js';
import { ProblemLog, written } from '../../internal/numbers.js';
import { LocalizeController, format } from '../../controllers/localize.js';
import { KeepFocusController } from '../../controllers/keep-focus.js';
import { SessionAttributes } from './attributes.js';
import type { PlatformCost } from '../../platform/platform-cost.js';
import type { Cost } from '../../platform/pricing.js';
import { StoreConsumer } from '../../store/store-consumer.js';
import { SessionActions } from './actions.js';
import { sessionStyles } from './styles.js';
import { describeFailure, sessionMessages, type SessionErrorDetail } from './messages.js';
import {
  announcement,
  costLine,
  endedBill,
  errorBlock,
  moderationLine,
  retryLine,
} from './view.js';
import { keysHint, qualityBadge } from './controls.js';
import { debugChecklist, stage } from './stage.js';
import { relaySession } from './relay.js';
import { LIMITS, SETTINGS } from './property-values.js';
import { say } from '../../internal/console.js';
import { captureFrame } from '../../controls/frame-capture.js';
import { ModelControlsController } from '../../controls/model-controls-controller.js';
import { controlsPanel } from '../../controls/templates.js';
import { controlStyles } from '../../controls/styles.js';
import './event-map.js';

export type {
  EndReason,
  ModerationDetail,
  SessionElementStatus,
  SessionErrorDetail,
  PlatformCost,
  Capabilities,
  ConnectionStats,
  FileRef,
  KeyMap,
};

export { PLATFORM_MAX_DURATION, DEFAULT_API_URL };

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
 * @csspart take-over-button - "Move it here", when the visitor's session is live in another tab.
 * @csspart idle-dialog - The "still there?" dialog.
 * @csspart keep-alive-button - The dialog's "Keep session" button.
 * @csspart error - The error message.
 * @csspart moderation - The platform's moderation message (a live region), when it refused an input.
 * @csspart controls - The visitor controls (`controls`): built from the model's contract, under the video.
 * @csspart control - Each control: also named by its kind (`prompt`, `hold-pad`, `hold-group`, `choice`, `toggle`, `slider`, `upload`).
 * @csspart prompt - A text box with its send button, for a command that takes text.
 * @csspart prompt-count - The prompt's characters so far and its limit.
 * @csspart hold-pad - Direction buttons held to move (press: `pressed: true`, release: `pressed: false`).
 * @csspart hold-button - One held button.
 * @csspart snapshot-button - Saves (or shares) the current frame as a PNG.
 * @csspart fullscreen-button - The player full screen with its controls.
 * @csspart controls-status - The controls' live region: what the last use did, or why it failed.
 * @csspart keys-hint - The keys that steer the model (with `keys`), over the video.
 * @csspart mute-button - Turns the model's sound on and off (when it sends audio).
 * @csspart quality - The connection quality while live: good, fair or poor (`data-quality`).
 * @csspart debug - The setup checklist (`debug`), or the line that says to load its script.
 *
 * @cssprop --reactor-accent - The accent colour of buttons and highlights.
 * @cssprop --reactor-danger - The colour of errors and warnings.
 * @cssprop --reactor-radius - The corner radius.
 * @cssprop --reactor-font - The font family.
 * @cssprop --reactor-video-fit - How the video fills its box (`object-fit`), default `contain`.
 * @cssprop --reactor-stage-background - The background of the video area.
 * @cssprop --reactor-focus-ring - The focus ring's outer colour (default `#1b1d23`).
 * @cssprop --reactor-focus-ring-inner - The focus ring's inner band (default `#fff`): with the outer, 3:1 on any background.
 *
 * @fires {CustomEvent<{ status: SessionElementStatus; previous: SessionElementStatus }>} reactor-status-change - `{status, previous}` on every status change.
 * @fires {CustomEvent<{ sessionId: string | null }>} reactor-ready - `{sessionId}` when the session is live (billing starts).
 * @fires {CustomEvent<{ secondsLeft: number }>} reactor-idle-warning - `{secondsLeft}` when the idle warning opens.
 * @fires {CustomEvent<SessionEndDetail>} reactor-end - `{reason, sessionId, billedSeconds, credits, usd, message}` when a session is over (the meter's figures; `message`: the platform's own words when it ended it).
 * @fires {CustomEvent<SessionReceiptDetail>} reactor-receipt - `{sessionId, billedSeconds, credits, usd, final: true}` after `reactor-end`, when the platform states the session's effective cost.
 * @fires {CustomEvent<SessionErrorDetail>} reactor-error - `{code, status, message, retryAfter, setup}` for any failure (`setup`: the site's configuration or token route is at fault; the visitor sees a calm line, the console the fix).
 * @fires {CustomEvent<{ message: unknown }>} reactor-message - `{message}` for each message from the model.
 * @fires {CustomEvent<{ capabilities: Capabilities }>} reactor-capabilities - `{capabilities}` when the session is live (its tracks), and again when the model's contract arrives (its commands).
 * @fires {CustomEvent<ModerationDetail>} reactor-moderation - `{action, message, command, categories}` when the platform moderated an input: `warn` (the session goes on; the visitor reads the message) or `terminate` (the session ends, reason `moderation`).
 * @fires {CustomEvent<{ name: string; loaded: number; total: number }>} reactor-upload-progress - `{name, loaded, total}` while `uploadFile` sends the bytes.
 * @fires {CustomEvent<{ file: File }>} reactor-snapshot - `{file}`, a PNG of the current frame, from the snapshot button or `snapshot()`. Cancel it to keep the file from being shared or downloaded (the page takes it).
 * @fires {CustomEvent<{ stats: ConnectionStats }>} reactor-stats - `{stats}` every 2 s while live: `{rtt, fps, packetLoss, bitrate, quality}`.
 */
export class ReactorSession extends SessionAttributes {
  static override styles = [sessionStyles, controlStyles];

  private get video() {
    return this.shadowRoot?.querySelector('video');
  }

  private readonly store = new StoreConsumer(this);
  private readonly problems = new ProblemLog('reactor-session');
  private readonly msg = new LocalizeController(this, 'session', sessionMessages);
  /** The session's life: client, meter, safeguards, store entry, and the one `finish`. */
  private readonly session = new Session(this, this, () => this.store.store);
  private readonly media = new SessionMedia(
    this,
    () => this.video,
    () => this.videoTrack,
    () => this.session.busy,
  );
  private readonly idleDialog = new IdleDialog(
    () => this.shadowRoot,
    (fn) => this.session.quietly(fn),
    () => this.keepAlive(),
  );
  private readonly connection = new StatsReader(this, (stats) =>
    this.emit('reactor-stats', { stats }),
  );
  private readonly keyCommands = new KeyCommandController(
    this,
    () => this.activeKeyMap,
    (name, data) => void this.sendCommand(name, data).catch(() => undefined),
    () => this.keepAlive(),
  );

  private readonly panel = new ModelControlsController(this, {
    send: (name, data) => this.sendCommand(name, data),
    upload: (file, accept) => this.uploadFile(file, { accept }),
    activity: () => this.keepAlive(),
    video: () => this.video,
    model: () => this.model,
    snapped: (file) => this.emit('reactor-snapshot', { file }, true),
    texts: () => this.msg.t,
  });

  private readonly actions = new SessionActions({
    connect: () => void this.connect(),
    takeOver: () => void this.takeOver(),
    disconnect: () => this.disconnect(),
    hint: () => this.session.prefetchToken(),
    // The visitor turns the sound on or off.
    toggleSound: () => {
      this.muted = !this.muted;
      this.media.setMuted(this.muted);
    },
  });

  constructor() {
    super();
    // A replaced button or the controls' end leaves focus on the action button in their place.
    new KeepFocusController(
      this,
      () => this.shadowRoot?.querySelector<HTMLElement>('.actions button'),
      (fn) => this.session.quietly(fn),
    );
    relaySession(this.session, {
      emit: (name, detail) => this.emit(name, detail),
      stop: () => {
        this.panel.stop();
        this.idleDialog.close();
        this.media.detach();
        this.connection.stop();
      },
      live: () =>
        this.connection.start(() =>
          this.session.status === 'ready' ? this.session.live('').stats() : null,
        ),
      describe: (failure) => describeFailure(failure, this.msg.t),
      idleWarning: (open) => (open ? this.idleDialog.open() : this.idleDialog.close()),
      track: (name, track) => this.media.attach(name, track),
    });
  }

  // ---- read-only state ---------------------------------------------------------------------

  /** `disconnected` before the first connect; `connecting` | `waiting` | `ready` | `reconnecting`; then `ended` or `error`. */
  get status(): SessionElementStatus {
    return this.session.status;
  }

  /** The current (or last) session's id. */
  get sessionId(): string | null {
    return this.session.sessionId;
  }

  /** Billed seconds of the current (or last) session, from the monotonic clock. */
  get billedSeconds(): number {
    return this.session.billedSeconds;
  }

  /** Cost of the current (or last) session at the live rate (zero while the rate is unknown). */
  get cost(): Cost {
    return this.session.cost;
  }

  /**
   * The platform's effective cost of the last session (`{credits, usd, seconds}`), once it
   * stated one after the end; null before (and from a platform that does not). Final, where
   * `cost` is the page's own count.
   */
  get receipt(): PlatformCost | null {
    return this.session.receipt;
  }

  /** What the model of the current (or last) session declares: its tracks and its commands. */
  get capabilities(): Capabilities | null {
    return this.session.capabilities;
  }

  /** The connection's quality while live (`{rtt, fps, packetLoss, bitrate, quality}`), else null. */
  get stats(): ConnectionStats | null {
    return this.connection.stats;
  }

  /** Seconds left before the hard timeout: the whole cap before a session, 0 after it. */
  get remainingSeconds(): number {
    return this.session.remainingSeconds;
  }

  // ---- public methods ----------------------------------------------------------------------

  /** Starts a session. Resolves when it is live, or when it failed (see `reactor-error`). */
  connect(): Promise<void> {
    return this.session.connect();
  }

  /**
   * Ends this visitor's session in another tab or player of the site (status `elsewhere`), then
   * starts one here.
   */
  takeOver(): Promise<void> {
    return this.session.connect(true);
  }

  /** Ends the session for good (non-recoverable); also cancels a connect in progress. */
  disconnect(): void {
    this.session.disconnect();
  }

  /**
   * Sends a command to the model. Resolves once sent; rejects with a PlatformError when the
   * session is not live, when the model does not declare `name`, when `data` misses a required
   * field or has one of the wrong type, or when it is larger than the connection allows.
   * Pass a `FileRef` from `uploadFile` as a value to send a file.
   */
  async sendCommand(name: string, data: unknown = {}): Promise<void> {
    this.session.live(`send "${name}"`).sendCommand(name, data);
  }

  /**
   * Uploads a file for the model while live (checked first: not empty, at most `maxBytes`, of a
   * type `accept` names); resolves with the reference to pass inside `sendCommand` data. Fires
   * `reactor-upload-progress`; the session's end cancels it.
   */
  async uploadFile(
    file: Blob,
    options: Pick<UploadOptions, 'name' | 'accept' | 'maxBytes'> = {},
  ): Promise<FileRef> {
    const name = options.name ?? (file as File).name ?? 'upload';
    return this.session.live('upload a file').uploadFile(file, {
      ...options,
      name,
      onProgress: (loaded, total) => this.emit('reactor-upload-progress', { name, loaded, total }),
    });
  }

  /**
   * The current frame as a PNG `File` (null while there is no frame); fires `reactor-snapshot`.
   * Unlike the snapshot button, it neither shares nor downloads the file.
   */
  async snapshot(): Promise<File | null> {
    const video = this.video;
    const file = video ? await captureFrame(video, this.model) : null;
    if (file) this.emit('reactor-snapshot', { file });
    return file;
  }

  /** Counts as page activity: resets the idle timer and closes the idle warning. */
  keepAlive(): void {
    this.session.keepAlive();
  }

  // ---- lifecycle ---------------------------------------------------------------------------

  override connectedCallback(): void {
    super.connectedCallback();
    this.store.store.nameApiUrl(this.apiUrl);
    const token = this.getAttribute('token');
    if (token !== null) say(tokenAttributeProblem(token), 'error');
  }

  /** The keys that steer the model: `keyMap`, else the `keys` preset. */
  private get activeKeyMap(): KeyMap | null {
    return activeKeyMap(this.keys, this.keyMap);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    for (const line of normaliseProperties(this, changed)) say(`<reactor-session>: ${line}`);
    const keys = changed.has('keys') && !this.keyMap && keysProblem(this.keys);
    if (keys) say(keys);
    if (changed.has('apiUrl') || changed.has('model')) void this.session.loadPrice();
    if (LIMITS.some((name) => changed.has(name)))
      this.problems.say(
        attributeProblems(this, (attribute, value) => written(this, attribute, value)),
      );
    // Live: a stricter limit applies at once, any other change to the next session.
    if (this.hasUpdated && SETTINGS.some((name) => changed.has(name)))
      this.session.settingsChanged();
  }

  protected override firstUpdated(): void {
    if (this.autoconnect) {
      say(
        '<reactor-session autoconnect>: a billed session starts as the page loads, without a click.',
      );
      void this.updateComplete.then(() => this.connect());
    }
    // Say at load what would stop a session (a page's script may still set tokenProvider first).
    setTimeout(() => {
      const problem =
        this.isConnected && this.status === 'disconnected' && this.session.setup.problem();
      if (problem) say(`<reactor-session>: ${problem}`);
    });
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('muted') && this.video) this.video.muted = this.muted;
  }

  // ---- render ------------------------------------------------------------------------------

  override render() {
    const { session, msg } = this;
    const t = msg.t;
    const { status, busy } = session;
    const live = status === 'ready' || status === 'reconnecting';
    const keyMap = this.activeKeyMap;
    return html`
      <div
        part="base"
        class=${this.panel.filled ? 'base filled' : 'base'}
        data-status=${status}
        lang=${msg.textLang}
      >
        ${stage(
          keyMap,
          t,
          this.keyCommands,
          html`${this.media.render(
              this.muted,
              format(t.poster, { model: this.model || 'Reactor' }),
              format(t.videoLabel, { model: this.model || 'Reactor' }),
            )}
            ${keysHint(keyMap, t)} ${live ? qualityBadge(this.connection.stats, t) : nothing}
            <div class="overlay"><slot name="overlay"></slot></div>
            ${this.idleDialog.render(t, session.idleSecondsLeft)}`,
        )}
        ${
          live && this.controls !== null
            ? controlsPanel(
                this.panel,
                this.panel.plan(
                  session.capabilities?.commands ?? [],
                  this.controls,
                  this.controlLabels,
                ),
                t,
              )
            : nothing
        }
        ${moderationLine(session)}
        <p part="status" class="status" role="status" aria-live="polite">
          ${announcement(session, t, msg.lang)} ${endedBill(session, t, msg.lang)}
        </p>
        ${retryLine(session, t)} ${costLine(session, t, msg.lang, live)}
        ${errorBlock(session, t, this.topupUrl)}
        ${this.actions.render(
          status,
          { busy, live, muted: this.muted, hasAudio: this.media.hasAudio },
          t,
        )}
        ${this.debug ? debugChecklist(this) : nothing}
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'reactor-session': ReactorSession;
  }
}
