import { html, nothing, type PropertyValues } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import {
  Session,
  type EndReason,
  type SessionElementStatus,
  type ModerationDetail,
} from '../../session/session.js';
import { attributeProblems, tokenAttributeProblem } from '../../session/config.js';
import type { BackgroundPolicy } from '../../session/background.js';
import {
  KeyCommandController,
  type KeyMap,
  activeKeyMap,
  keysProblem,
} from '../../controllers/key-commands.js';
import { decimal, onUnlessFalse, onWhenPresent } from '../../internal/converters.js';
import { normaliseProperties } from './property-values.js';
import { type ConnectionStats, StatsReader } from './stats-reader.js';
import { IdleDialog } from './idle-dialog.js';
import { SessionMedia } from './media.js';
import type { Capabilities, FileRef, UploadOptions } from '../../platform/session-client.js';
import { DEFAULT_API_URL, PLATFORM_MAX_DURATION } from '../../internal/constants.js';
import { ProblemLog, written } from '../../internal/numbers.js';
import { LocalizeController, format } from '../../controllers/localize.js';
import { ReactorElement } from '../../internal/reactor-element.js';
import type { PlatformCost } from '../../platform/platform-cost.js';
import type { Cost } from '../../platform/pricing.js';
import type { TokenProvider } from '../../platform/tokens.js';
import { StoreConsumer } from '../../store/store-consumer.js';
import { SessionActions } from './actions.js';
import { sessionStyles } from './styles.js';
import { describeFailure, sessionMessages, type SessionErrorDetail } from './messages.js';
import { announcement, costLine, errorBlock, moderationLine, retryLine } from './view.js';
import { keyNames, keysHint, qualityBadge } from './controls.js';
import { say } from '../../internal/console.js';
import { captureFrame } from '../../controls/frame-capture.js';
import { ModelControlsController } from '../../controls/model-controls-controller.js';
import { controlsPanel } from '../../controls/templates.js';
import { controlStyles } from '../../controls/styles.js';
import type { ControlLabels } from '../../controls/labels.js';
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
export class ReactorSession extends ReactorElement {
  static override styles = [sessionStyles, controlStyles];

  static override properties = {
    model: { reflect: true },
    tokenUrl: { attribute: 'token-url', reflect: true },
    apiUrl: { attribute: 'api-url', reflect: true },
    maxDuration: { attribute: 'max-duration', converter: decimal, reflect: true },
    idleTimeout: { attribute: 'idle-timeout', converter: decimal, reflect: true },
    idleWarning: { attribute: 'idle-warning', converter: decimal, reflect: true },
    hiddenTimeout: { attribute: 'hidden-timeout', converter: decimal, reflect: true },
    maxCost: { attribute: 'max-cost', converter: decimal, reflect: true },
    background: { reflect: true },
    autoconnect: { converter: onWhenPresent, reflect: true },
    reconnect: { converter: onUnlessFalse, reflect: true },
    exclusive: { converter: onUnlessFalse, reflect: true },
    muted: { converter: onUnlessFalse, reflect: true },
    videoTrack: { attribute: 'video-track', reflect: true },
    topupUrl: { attribute: 'topup-url', reflect: true },
    keys: { reflect: true },
    controls: { reflect: true },
    controlLabels: { attribute: 'control-labels' },
    debug: { converter: onWhenPresent, reflect: true },
    keyMap: { attribute: false },
    token: { attribute: false },
    tokenProvider: { attribute: false },
  };

  /** The model to run, e.g. `helios` (required). */
  model = '';

  /** The site's own route that answers a short-lived session token (`{jwt, expires_at}`). */
  tokenUrl = '';

  /**
   * The Reactor API origin. Default: the page's `<meta name="reactor-api-url">`, else the one the
   * page's other reactor elements name, else `https://api.reactor.inc`.
   */
  apiUrl = '';

  /** Hard cap on one session, in seconds; clamped to 1..1200 (the platform's own limit). */
  maxDuration = 300;

  /** Seconds without page activity before the idle warning; `0` disables idle detection. */
  idleTimeout = 60;

  /** Seconds the idle warning lasts before the session is ended. */
  idleWarning = 15;

  /**
   * Seconds a live player may stay on the page unseen (`display: none` on it or an ancestor, as a
   * framework's hidden route or a closed panel; `visibility: hidden`; `content-visibility:
   * hidden`) before the session ends (reason `hidden`); shown again sooner, it goes on. Scrolled
   * out of view is not hidden. `0`: no limit.
   */
  hiddenTimeout = 5;

  /** Optional budget in credits: the session ends when its cost reaches it. */
  maxCost: number | null = null;

  /**
   * What a live session does while the page is put away (hidden: the home screen, another app or
   * tab). `hold`: the stream stops at once with a recoverable disconnect; the platform holds the
   * GPU, billed, for its recoverable window (about 30 s), and the session resumes when the page
   * is back within it, else the platform ends it. `end`: the session ends (reason `background`).
   * `keep`: it runs on, under the idle detector and the time limit. `auto` (default): `hold` on a
   * touch-first device (coarse pointer: phones, tablets), `keep` elsewhere. A frozen page ends
   * its session whatever this says.
   */
  background: 'auto' | BackgroundPolicy = 'auto';

  /** Connect as soon as the element is on the page (off by default: pre-warming is discouraged). */
  autoconnect = false;

  /** Recover a dropped connection within the platform's window (on unless `reconnect="false"`). */
  reconnect = true;

  /**
   * One live session per visitor across the site's tabs and players (on unless
   * `exclusive="false"`): another tab shows "live in another tab" with a choice to move it here.
   */
  exclusive = true;

  /** Mute the audio (on unless `muted="false"`), so autoplay works. */
  muted = true;

  /** The name of the video track to show. */
  videoTrack = 'main_video';

  /** Where to buy credits; linked from the out-of-credits message. */
  topupUrl = '';

  /**
   * Keyboard control while the video has focus: `wasd` or `arrows` (the `move` command with a
   * direction, `pressed` true then false). Off by default.
   */
  keys = '';

  /**
   * Controls for visitors, built from the model's own contract, like `<video controls>`: present
   * and empty, every command that maps to a control (a text box, buttons, hold buttons, a
   * switch, a slider, a file picker), with a snapshot and a fullscreen button; a space-separated
   * list of command names picks and orders them. Absent: none.
   */
  controls: string | null = null;

  /**
   * The visitor's names for the controls: JSON (attribute) or an object (property) that maps a
   * command, a field or a value to text, as `{"set_prompt": "Describe a scene"}`. Otherwise a
   * control is named after its command (`set_seed_image`: "Seed image").
   */
  controlLabels: ControlLabels | string | null = null;

  /**
   * Shows the setup checklist inside the element, for the site's owner (never on by default):
   * the page, its frame, the token route and the API, each failing line with its fix. The
   * checklist is its own script, `reactor-elements.debug.js`, loaded after the bundle (npm:
   * `import 'reactor-elements/debug'`); without it, a line says to load it.
   */
  debug = false;

  /** Keys to commands, in place of the `keys` preset: `{w: {command: 'move', data: {…}}}`. */
  keyMap: KeyMap | null = null;

  /** A fixed session token (instead of `token-url`); it cannot be refreshed. */
  token: string | undefined = undefined;

  /** A function that returns a session token (instead of `token-url`). */
  tokenProvider: TokenProvider | undefined = undefined;

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
    const session = this.session;
    session.on('status', (detail) => {
      if (!session.busy) {
        this.panel.stop();
        this.idleDialog.close();
        this.media.detach();
        this.connection.stop();
      } else if (detail.status === 'ready' && detail.previous !== 'reconnecting') {
        this.connection.start(() => (session.status === 'ready' ? session.live('').stats() : null));
      }
      this.emit('reactor-status-change', detail);
    });
    for (const type of [
      'ready',
      'end',
      'receipt',
      'message',
      'capabilities',
      'moderation',
    ] as const)
      session.on(type, (detail) => this.emit(`reactor-${type}`, detail));
    session.on('error', (failure) => {
      const detail = describeFailure(failure, this.msg.t);
      // A setup mistake: the visitor sees a calm line, the developer this one.
      if (detail.setup) say(`<reactor-session>: ${detail.message}`, 'error');
      this.emit('reactor-error', detail);
    });
    session.on('idle-warning', ({ secondsLeft }) => {
      this.emit('reactor-idle-warning', { secondsLeft });
      this.idleDialog.open();
    });
    session.on('idle-resume', () => this.idleDialog.close());
    session.on('track', ({ name, track }) => this.media.attach(name, track));
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
    const checked = [
      'maxDuration',
      'idleTimeout',
      'idleWarning',
      'hiddenTimeout',
      'maxCost',
      'background',
    ] as const;
    if (checked.some((name) => changed.has(name)))
      this.problems.say(
        attributeProblems(this, (attribute, value) => written(this, attribute, value)),
      );
    // Live: a stricter limit applies at once, any other change to the next session.
    const live = ['model', 'apiUrl', 'reconnect', ...checked] as const;
    if (this.hasUpdated && live.some((name) => changed.has(name))) this.session.settingsChanged();
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
    const keys = keyNames(keyMap);
    return html`
      <div part="base" class=${this.panel.filled ? 'base filled' : 'base'} data-status=${status}>
        <div
          part="stage"
          class="stage"
          tabindex=${ifDefined(keyMap ? 0 : undefined)}
          role=${ifDefined(keyMap ? 'group' : undefined)}
          aria-label=${keyMap ? format(t.stageLabel, { keys }) : nothing}
          aria-keyshortcuts=${keyMap ? keys : nothing}
          @keydown=${keyMap ? this.keyCommands.onKeyDown : nothing}
          @keyup=${keyMap ? this.keyCommands.onKeyUp : nothing}
          @focusout=${keyMap ? this.keyCommands.release : nothing}
        >
          ${this.media.render(this.muted, format(t.poster, { model: this.model || 'Reactor' }))}
          ${keysHint(keyMap, t)} ${live ? qualityBadge(this.connection.stats, t) : nothing}
          <div class="overlay"><slot name="overlay"></slot></div>
          ${this.idleDialog.render(t, session.idleSecondsLeft)}
        </div>
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
          ${announcement(session, t)}
        </p>
        ${retryLine(session, t)} ${costLine(session, t, msg.lang, live)}
        ${errorBlock(session, t, this.topupUrl)}
        ${this.actions.render(
          status,
          { busy, live, muted: this.muted, hasAudio: this.media.hasAudio },
          t,
        )}
        ${
          // Defined by the opt-in checklist script, never imported here (so lit-analyzer's
          // no-missing-import rule is off): until it loads, its content says to load it.
          this.debug
            ? html`<reactor-debug part="debug" .session=${this}
                >Load reactor-elements.debug.js after the bundle for the setup
                checklist.</reactor-debug
              >`
            : nothing
        }
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'reactor-session': ReactorSession;
  }
}
