/**
 * The attributes and properties of `<reactor-session>`: each documented for the manifest, with
 * its converter and its default. Behaviour is in reactor-session.ts.
 */
import { ReactorElement } from '../../internal/reactor-element.js';
import { decimal, onUnlessFalse, onWhenPresent } from '../../internal/converters.js';
import type { BackgroundPolicy } from '../../session/background.js';
import type { KeyMap } from '../../controllers/key-commands.js';
import type { TokenProvider } from '../../platform/tokens.js';
import type { ControlLabels } from '../../controls/labels.js';

export class SessionAttributes extends ReactorElement {
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

  /** Seconds the idle warning lasts before the session is ended (20 or more: WCAG 2.2.1 gives a visitor 20 s to answer). */
  idleWarning = 20;

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
}
