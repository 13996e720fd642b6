// Generated from custom-elements.json by @wc-toolkit/jsx-types (`npm run manifest`).
// Do not edit. The generator's own style (an `any` for children, `{}` for no props) is kept.
/* eslint-disable */
import type {
  ReactorAccount,
  ReactorBalance,
  ReactorPricing,
  ModerationDetail,
  SessionElementStatus,
  SessionErrorDetail,
  Capabilities,
  ConnectionStats,
  ReactorSession,
  BalanceChangeDetail,
  SessionEndDetail,
  SessionReceiptDetail,
  Pricing,
} from '../elements/index.js';

/**
 * This type can be used to create scoped tags for your components.
 *
 * Usage:
 *
 * ```ts
 * import type { ScopedElements } from "path/to/library/jsx-integration";
 *
 * declare module "my-library" {
 *   namespace JSX {
 *     interface IntrinsicElements
 *       extends ScopedElements<'test-', ''> {}
 *   }
 * }
 * ```
 *
 * @deprecated Runtime scoped elements result in duplicate types and can confusing for developers. It is recommended to use the `prefix` and `suffix` options to generate new types instead.
 */
export type ScopedElements<Prefix extends string = '', Suffix extends string = ''> = {
  [Key in keyof CustomElements as `${Prefix}${Key}${Suffix}`]: CustomElements[Key];
};

/**
 * A generic type for strongly typing custom events with their targets
 * @template T - The type of the event target (extends EventTarget)
 * @template D - The type of the detail payload for the custom event
 */
type TypedEvent<T extends EventTarget, E = Event> = E & {
  target: T;
};

type BaseProps<T extends HTMLElement> = {
  /** Content added between the opening and closing tags of the element */
  children?: any | undefined;
  /** Used for declaratively styling one or more elements using CSS (Cascading Stylesheets) */
  class?: string | undefined;
  /** Used for declaratively styling one or more elements using CSS (Cascading Stylesheets) */
  className?: string | undefined;
  /** Takes an object where the key is the class name(s) and the value is a boolean expression. When true, the class is applied, and when false, it is removed. */
  classList?: Record<string, boolean | undefined> | undefined;
  /** Specifies the text direction of the element. */
  dir?: 'ltr' | 'rtl' | undefined;
  /** Contains a space-separated list of the part names of the element that should be exposed on the host element. */
  exportparts?: string | undefined;
  /** For <label> and <output>, lets you associate the label with some control. */
  htmlFor?: string | undefined;
  /** Specifies whether the element should be hidden. */
  hidden?: boolean | string | undefined;
  /** A unique identifier for the element. */
  id?: string | undefined;
  /** Keys tell React which array item each component corresponds to */
  key?: string | number | undefined;
  /** Specifies the language of the element. */
  lang?: string | undefined;
  /** Defines the element's semantic role for accessibility APIs. */
  role?: string | undefined;
  /** Contains a space-separated list of the part names of the element. Part names allows CSS to select and style specific elements in a shadow tree via the ::part pseudo-element. */
  part?: string | undefined;
  /** Use the ref attribute with a variable to assign a DOM element to the variable once the element is rendered. */
  ref?: (T | ((e: T) => void)) | undefined;
  /** Adds a reference for a custom element slot */
  slot?: string | undefined;
  /** Prop for setting inline styles */
  style?: Record<string, string | number> | undefined;
  /** Overrides the default Tab button behavior. Avoid using values other than -1 and 0. */
  tabIndex?: number | undefined;
  /** Specifies the tooltip text for the element. */
  title?: string | undefined;
  /** Passing 'no' excludes the element content from being translated. */
  translate?: 'yes' | 'no' | undefined;
  /** The popover global attribute is used to designate an element as a popover element. */
  popover?: 'auto' | 'hint' | 'manual' | undefined;
  /** Turns an element element into a popover control button; takes the ID of the popover element to control as its value. */
  popovertarget?: 'top' | 'bottom' | 'left' | 'right' | 'auto' | undefined;
  /** Specifies the action to be performed on a popover element being controlled by a control element. */
  popovertargetaction?: 'show' | 'hide' | 'toggle' | undefined;
};

type BaseEvents = {};

export type ReactorAccountProps = {};

export type ReactorAccountSolidJsProps = {
  /** Set the innerHTML of the element */
  innerHTML?: string | undefined;
  /** Set the textContent of the element */
  textContent?: string | number | undefined;
};

/** `ReactorBalance` component event */
export type ReactorBalanceElementEvent<E = Event> = TypedEvent<ReactorBalance, E>;
/** `reactor-balance-change` event type */
export type ReactorBalanceReactorBalanceChangeElementEvent = ReactorBalanceElementEvent<
  CustomEvent<BalanceChangeDetail>
>;
/** `reactor-balance-low` event type */
export type ReactorBalanceReactorBalanceLowElementEvent = ReactorBalanceElementEvent<
  CustomEvent<BalanceChangeDetail & { threshold: number }>
>;

export type ReactorBalanceProps = {
  /** A URL on the site's backend that answers `{credits, mode?, credit_limit?, auto_topup?}`. */
  src?: ReactorBalance['src'] | undefined;
  /** Seconds between refetches (paused while the tab is hidden); 0 disables. */
  refresh?: ReactorBalance['refresh'] | undefined;
  /** Warn when the balance is at or below this many credits. */
  'low-threshold'?: ReactorBalance['lowThreshold'] | undefined;
  /** Warn when the balance is at or below this many credits. */
  lowThreshold?: ReactorBalance['lowThreshold'] | undefined;
  /** Where to buy credits. */
  'topup-url'?: ReactorBalance['topupUrl'] | undefined;
  /** Where to buy credits. */
  topupUrl?: ReactorBalance['topupUrl'] | undefined;
  /** The Reactor API origin whose price list converts credits to money. Default: the page's
`<meta name="reactor-api-url">`, else the one the page's other reactor elements name, else
`https://api.reactor.inc`. */
  'api-url'?: ReactorBalance['apiUrl'] | undefined;
  /** The Reactor API origin whose price list converts credits to money. Default: the page's
`<meta name="reactor-api-url">`, else the one the page's other reactor elements name, else
`https://api.reactor.inc`. */
  apiUrl?: ReactorBalance['apiUrl'] | undefined;
  /** Count only the session with this id (`<reactor-session id="…">`); all of the page's by default. */
  session?: ReactorBalance['session'] | undefined;
  /** Instead of `src`: an async function that answers the same document. */
  source?: ReactorBalance['source'] | undefined;

  /** `{credits, projected}` when the shown balance changes. */
  'onreactor-balance-change'?:
    ((e: ReactorBalanceReactorBalanceChangeElementEvent) => void) | undefined;
  /** `{credits, projected, threshold}` once each time the balance falls to `low-threshold`. */
  'onreactor-balance-low'?: ((e: ReactorBalanceReactorBalanceLowElementEvent) => void) | undefined;
};

export type ReactorBalanceSolidJsProps = {
  /** A URL on the site's backend that answers `{credits, mode?, credit_limit?, auto_topup?}`. */
  'prop:src'?: ReactorBalance['src'] | undefined;
  /** Seconds between refetches (paused while the tab is hidden); 0 disables. */
  'prop:refresh'?: ReactorBalance['refresh'] | undefined;
  /** Warn when the balance is at or below this many credits. */
  'attr:low-threshold'?: ReactorBalance['lowThreshold'] | undefined;
  /** Warn when the balance is at or below this many credits. */
  'prop:lowThreshold'?: ReactorBalance['lowThreshold'] | undefined;
  /** Where to buy credits. */
  'attr:topup-url'?: ReactorBalance['topupUrl'] | undefined;
  /** Where to buy credits. */
  'prop:topupUrl'?: ReactorBalance['topupUrl'] | undefined;
  /** The Reactor API origin whose price list converts credits to money. Default: the page's
`<meta name="reactor-api-url">`, else the one the page's other reactor elements name, else
`https://api.reactor.inc`. */
  'attr:api-url'?: ReactorBalance['apiUrl'] | undefined;
  /** The Reactor API origin whose price list converts credits to money. Default: the page's
`<meta name="reactor-api-url">`, else the one the page's other reactor elements name, else
`https://api.reactor.inc`. */
  'prop:apiUrl'?: ReactorBalance['apiUrl'] | undefined;
  /** Count only the session with this id (`<reactor-session id="…">`); all of the page's by default. */
  'prop:session'?: ReactorBalance['session'] | undefined;
  /** Instead of `src`: an async function that answers the same document. */
  'prop:source'?: ReactorBalance['source'] | undefined;
  /** `{credits, projected}` when the shown balance changes. */
  'on:reactor-balance-change'?:
    ((e: ReactorBalanceReactorBalanceChangeElementEvent) => void) | undefined;
  /** `{credits, projected, threshold}` once each time the balance falls to `low-threshold`. */
  'on:reactor-balance-low'?: ((e: ReactorBalanceReactorBalanceLowElementEvent) => void) | undefined;

  /** Set the innerHTML of the element */
  innerHTML?: string | undefined;
  /** Set the textContent of the element */
  textContent?: string | number | undefined;
};

/** `ReactorPricing` component event */
export type ReactorPricingElementEvent<E = Event> = TypedEvent<ReactorPricing, E>;
/** `reactor-pricing-load` event type */
export type ReactorPricingReactorPricingLoadElementEvent = ReactorPricingElementEvent<
  CustomEvent<{ pricing: Pricing }>
>;

export type ReactorPricingProps = {
  /** The Reactor API origin. Default: the page's `<meta name="reactor-api-url">`, else the one the
page's other reactor elements name, else `https://api.reactor.inc`. */
  'api-url'?: ReactorPricing['apiUrl'] | undefined;
  /** The Reactor API origin. Default: the page's `<meta name="reactor-api-url">`, else the one the
page's other reactor elements name, else `https://api.reactor.inc`. */
  apiUrl?: ReactorPricing['apiUrl'] | undefined;
  /** Show one model only, as a compact price (e.g. `helios`). */
  model?: ReactorPricing['model'] | undefined;
  /** Seconds between refetches; 0 (the default) loads once. */
  refresh?: ReactorPricing['refresh'] | undefined;
  /** Which amounts to show: `usd`, `credits` or `both` (the default). */
  currency?: ReactorPricing['currency'] | undefined;

  /** `{pricing}` each time prices are loaded. */
  'onreactor-pricing-load'?:
    ((e: ReactorPricingReactorPricingLoadElementEvent) => void) | undefined;
};

export type ReactorPricingSolidJsProps = {
  /** The Reactor API origin. Default: the page's `<meta name="reactor-api-url">`, else the one the
page's other reactor elements name, else `https://api.reactor.inc`. */
  'attr:api-url'?: ReactorPricing['apiUrl'] | undefined;
  /** The Reactor API origin. Default: the page's `<meta name="reactor-api-url">`, else the one the
page's other reactor elements name, else `https://api.reactor.inc`. */
  'prop:apiUrl'?: ReactorPricing['apiUrl'] | undefined;
  /** Show one model only, as a compact price (e.g. `helios`). */
  'prop:model'?: ReactorPricing['model'] | undefined;
  /** Seconds between refetches; 0 (the default) loads once. */
  'prop:refresh'?: ReactorPricing['refresh'] | undefined;
  /** Which amounts to show: `usd`, `credits` or `both` (the default). */
  'prop:currency'?: ReactorPricing['currency'] | undefined;
  /** `{pricing}` each time prices are loaded. */
  'on:reactor-pricing-load'?:
    ((e: ReactorPricingReactorPricingLoadElementEvent) => void) | undefined;

  /** Set the innerHTML of the element */
  innerHTML?: string | undefined;
  /** Set the textContent of the element */
  textContent?: string | number | undefined;
};

/** `ReactorSession` component event */
export type ReactorSessionElementEvent<E = Event> = TypedEvent<ReactorSession, E>;
/** `reactor-status-change` event type */
export type ReactorSessionReactorStatusChangeElementEvent = ReactorSessionElementEvent<
  CustomEvent<{
    status: SessionElementStatus;
    previous: SessionElementStatus;
  }>
>;
/** `reactor-ready` event type */
export type ReactorSessionReactorReadyElementEvent = ReactorSessionElementEvent<
  CustomEvent<{ sessionId: string | null }>
>;
/** `reactor-idle-warning` event type */
export type ReactorSessionReactorIdleWarningElementEvent = ReactorSessionElementEvent<
  CustomEvent<{ secondsLeft: number }>
>;
/** `reactor-end` event type */
export type ReactorSessionReactorEndElementEvent = ReactorSessionElementEvent<
  CustomEvent<SessionEndDetail>
>;
/** `reactor-receipt` event type */
export type ReactorSessionReactorReceiptElementEvent = ReactorSessionElementEvent<
  CustomEvent<SessionReceiptDetail>
>;
/** `reactor-error` event type */
export type ReactorSessionReactorErrorElementEvent = ReactorSessionElementEvent<
  CustomEvent<SessionErrorDetail>
>;
/** `reactor-message` event type */
export type ReactorSessionReactorMessageElementEvent = ReactorSessionElementEvent<
  CustomEvent<{ message: unknown }>
>;
/** `reactor-capabilities` event type */
export type ReactorSessionReactorCapabilitiesElementEvent = ReactorSessionElementEvent<
  CustomEvent<{ capabilities: Capabilities }>
>;
/** `reactor-moderation` event type */
export type ReactorSessionReactorModerationElementEvent = ReactorSessionElementEvent<
  CustomEvent<ModerationDetail>
>;
/** `reactor-upload-progress` event type */
export type ReactorSessionReactorUploadProgressElementEvent = ReactorSessionElementEvent<
  CustomEvent<{ name: string; loaded: number; total: number }>
>;
/** `reactor-snapshot` event type */
export type ReactorSessionReactorSnapshotElementEvent = ReactorSessionElementEvent<
  CustomEvent<{ file: File }>
>;
/** `reactor-stats` event type */
export type ReactorSessionReactorStatsElementEvent = ReactorSessionElementEvent<
  CustomEvent<{ stats: ConnectionStats }>
>;

export type ReactorSessionProps = {
  /** The model to run, e.g. `helios` (required). */
  model?: ReactorSession['model'] | undefined;
  /** The site's own route that answers a short-lived session token (`{jwt, expires_at}`). */
  'token-url'?: ReactorSession['tokenUrl'] | undefined;
  /** The site's own route that answers a short-lived session token (`{jwt, expires_at}`). */
  tokenUrl?: ReactorSession['tokenUrl'] | undefined;
  /** The Reactor API origin. Default: the page's `<meta name="reactor-api-url">`, else the one the
page's other reactor elements name, else `https://api.reactor.inc`. */
  'api-url'?: ReactorSession['apiUrl'] | undefined;
  /** The Reactor API origin. Default: the page's `<meta name="reactor-api-url">`, else the one the
page's other reactor elements name, else `https://api.reactor.inc`. */
  apiUrl?: ReactorSession['apiUrl'] | undefined;
  /** Hard cap on one session, in seconds; clamped to 1..1200 (the platform's own limit). */
  'max-duration'?: ReactorSession['maxDuration'] | undefined;
  /** Hard cap on one session, in seconds; clamped to 1..1200 (the platform's own limit). */
  maxDuration?: ReactorSession['maxDuration'] | undefined;
  /** Seconds without page activity before the idle warning; `0` disables idle detection. */
  'idle-timeout'?: ReactorSession['idleTimeout'] | undefined;
  /** Seconds without page activity before the idle warning; `0` disables idle detection. */
  idleTimeout?: ReactorSession['idleTimeout'] | undefined;
  /** Seconds the idle warning lasts before the session is ended (20 or more: WCAG 2.2.1 gives a visitor 20 s to answer). */
  'idle-warning'?: ReactorSession['idleWarning'] | undefined;
  /** Seconds the idle warning lasts before the session is ended (20 or more: WCAG 2.2.1 gives a visitor 20 s to answer). */
  idleWarning?: ReactorSession['idleWarning'] | undefined;
  /** Seconds a live player may stay on the page unseen (`display: none` on it or an ancestor, as a
framework's hidden route or a closed panel; `visibility: hidden`; `content-visibility:
hidden`) before the session ends (reason `hidden`); shown again sooner, it goes on. Scrolled
out of view is not hidden. `0`: no limit. */
  'hidden-timeout'?: ReactorSession['hiddenTimeout'] | undefined;
  /** Seconds a live player may stay on the page unseen (`display: none` on it or an ancestor, as a
framework's hidden route or a closed panel; `visibility: hidden`; `content-visibility:
hidden`) before the session ends (reason `hidden`); shown again sooner, it goes on. Scrolled
out of view is not hidden. `0`: no limit. */
  hiddenTimeout?: ReactorSession['hiddenTimeout'] | undefined;
  /** Optional budget in credits: the session ends when its cost reaches it. */
  'max-cost'?: ReactorSession['maxCost'] | undefined;
  /** Optional budget in credits: the session ends when its cost reaches it. */
  maxCost?: ReactorSession['maxCost'] | undefined;
  /** What a live session does while the page is put away (hidden: the home screen, another app or
tab). `hold`: the stream stops at once with a recoverable disconnect; the platform holds the
GPU, billed, for its recoverable window (about 30 s), and the session resumes when the page
is back within it, else the platform ends it. `end`: the session ends (reason `background`).
`keep`: it runs on, under the idle detector and the time limit. `auto` (default): `hold` on a
touch-first device (coarse pointer: phones, tablets), `keep` elsewhere. A frozen page ends
its session whatever this says. */
  background?: ReactorSession['background'] | undefined;
  /** Connect as soon as the element is on the page (off by default: pre-warming is discouraged). */
  autoconnect?: ReactorSession['autoconnect'] | undefined;
  /** Recover a dropped connection within the platform's window (on unless `reconnect="false"`). */
  reconnect?: ReactorSession['reconnect'] | undefined;
  /** One live session per visitor across the site's tabs and players (on unless
`exclusive="false"`): another tab shows "live in another tab" with a choice to move it here. */
  exclusive?: ReactorSession['exclusive'] | undefined;
  /** Mute the audio (on unless `muted="false"`), so autoplay works. */
  muted?: ReactorSession['muted'] | undefined;
  /** The name of the video track to show. */
  'video-track'?: ReactorSession['videoTrack'] | undefined;
  /** The name of the video track to show. */
  videoTrack?: ReactorSession['videoTrack'] | undefined;
  /** Where to buy credits; linked from the out-of-credits message. */
  'topup-url'?: ReactorSession['topupUrl'] | undefined;
  /** Where to buy credits; linked from the out-of-credits message. */
  topupUrl?: ReactorSession['topupUrl'] | undefined;
  /** Keyboard control while the video has focus: `wasd` or `arrows` (the `move` command with a
direction, `pressed` true then false). Off by default. */
  keys?: ReactorSession['keys'] | undefined;
  /** Controls for visitors, built from the model's own contract, like `<video controls>`: present
and empty, every command that maps to a control (a text box, buttons, hold buttons, a
switch, a slider, a file picker), with a snapshot and a fullscreen button; a space-separated
list of command names picks and orders them. Absent: none. */
  controls?: ReactorSession['controls'] | undefined;
  /** The visitor's names for the controls: JSON (attribute) or an object (property) that maps a
command, a field or a value to text, as `{"set_prompt": "Describe a scene"}`. Otherwise a
control is named after its command (`set_seed_image`: "Seed image"). */
  'control-labels'?: ReactorSession['controlLabels'] | undefined;
  /** The visitor's names for the controls: JSON (attribute) or an object (property) that maps a
command, a field or a value to text, as `{"set_prompt": "Describe a scene"}`. Otherwise a
control is named after its command (`set_seed_image`: "Seed image"). */
  controlLabels?: ReactorSession['controlLabels'] | undefined;
  /** Shows the setup checklist inside the element, for the site's owner (never on by default):
the page, its frame, the token route and the API, each failing line with its fix. The
checklist is its own script, `reactor-elements.debug.js`, loaded after the bundle (npm:
`import 'reactor-elements/debug'`); without it, a line says to load it. */
  debug?: ReactorSession['debug'] | undefined;
  /** Keys to commands, in place of the `keys` preset: `{w: {command: 'move', data: {…}}}`. */
  keyMap?: ReactorSession['keyMap'] | undefined;
  /** A fixed session token (instead of `token-url`); it cannot be refreshed. */
  token?: ReactorSession['token'] | undefined;
  /** A function that returns a session token (instead of `token-url`). */
  tokenProvider?: ReactorSession['tokenProvider'] | undefined;

  /** `{status, previous}` on every status change. */
  'onreactor-status-change'?:
    ((e: ReactorSessionReactorStatusChangeElementEvent) => void) | undefined;
  /** `{sessionId}` when the session is live (billing starts). */
  'onreactor-ready'?: ((e: ReactorSessionReactorReadyElementEvent) => void) | undefined;
  /** `{secondsLeft}` when the idle warning opens. */
  'onreactor-idle-warning'?:
    ((e: ReactorSessionReactorIdleWarningElementEvent) => void) | undefined;
  /** `{reason, sessionId, billedSeconds, credits, usd, message}` when a session is over (the meter's figures; `message`: the platform's own words when it ended it). */
  'onreactor-end'?: ((e: ReactorSessionReactorEndElementEvent) => void) | undefined;
  /** `{sessionId, billedSeconds, credits, usd, final: true}` after `reactor-end`, when the platform states the session's effective cost. */
  'onreactor-receipt'?: ((e: ReactorSessionReactorReceiptElementEvent) => void) | undefined;
  /** `{code, status, message, retryAfter, setup}` for any failure (`setup`: the site's configuration or token route is at fault; the visitor sees a calm line, the console the fix). */
  'onreactor-error'?: ((e: ReactorSessionReactorErrorElementEvent) => void) | undefined;
  /** `{message}` for each message from the model. */
  'onreactor-message'?: ((e: ReactorSessionReactorMessageElementEvent) => void) | undefined;
  /** `{capabilities}` when the session is live (its tracks), and again when the model's contract arrives (its commands). */
  'onreactor-capabilities'?:
    ((e: ReactorSessionReactorCapabilitiesElementEvent) => void) | undefined;
  /** `{action, message, command, categories}` when the platform moderated an input: `warn` (the session goes on; the visitor reads the message) or `terminate` (the session ends, reason `moderation`). */
  'onreactor-moderation'?: ((e: ReactorSessionReactorModerationElementEvent) => void) | undefined;
  /** `{name, loaded, total}` while `uploadFile` sends the bytes. */
  'onreactor-upload-progress'?:
    ((e: ReactorSessionReactorUploadProgressElementEvent) => void) | undefined;
  /** `{file}`, a PNG of the current frame, from the snapshot button or `snapshot()`. Cancel it to keep the file from being shared or downloaded (the page takes it). */
  'onreactor-snapshot'?: ((e: ReactorSessionReactorSnapshotElementEvent) => void) | undefined;
  /** `{stats}` every 2 s while live: `{rtt, fps, packetLoss, bitrate, quality}`. */
  'onreactor-stats'?: ((e: ReactorSessionReactorStatsElementEvent) => void) | undefined;
};

export type ReactorSessionSolidJsProps = {
  /** The model to run, e.g. `helios` (required). */
  'prop:model'?: ReactorSession['model'] | undefined;
  /** The site's own route that answers a short-lived session token (`{jwt, expires_at}`). */
  'attr:token-url'?: ReactorSession['tokenUrl'] | undefined;
  /** The site's own route that answers a short-lived session token (`{jwt, expires_at}`). */
  'prop:tokenUrl'?: ReactorSession['tokenUrl'] | undefined;
  /** The Reactor API origin. Default: the page's `<meta name="reactor-api-url">`, else the one the
page's other reactor elements name, else `https://api.reactor.inc`. */
  'attr:api-url'?: ReactorSession['apiUrl'] | undefined;
  /** The Reactor API origin. Default: the page's `<meta name="reactor-api-url">`, else the one the
page's other reactor elements name, else `https://api.reactor.inc`. */
  'prop:apiUrl'?: ReactorSession['apiUrl'] | undefined;
  /** Hard cap on one session, in seconds; clamped to 1..1200 (the platform's own limit). */
  'attr:max-duration'?: ReactorSession['maxDuration'] | undefined;
  /** Hard cap on one session, in seconds; clamped to 1..1200 (the platform's own limit). */
  'prop:maxDuration'?: ReactorSession['maxDuration'] | undefined;
  /** Seconds without page activity before the idle warning; `0` disables idle detection. */
  'attr:idle-timeout'?: ReactorSession['idleTimeout'] | undefined;
  /** Seconds without page activity before the idle warning; `0` disables idle detection. */
  'prop:idleTimeout'?: ReactorSession['idleTimeout'] | undefined;
  /** Seconds the idle warning lasts before the session is ended (20 or more: WCAG 2.2.1 gives a visitor 20 s to answer). */
  'attr:idle-warning'?: ReactorSession['idleWarning'] | undefined;
  /** Seconds the idle warning lasts before the session is ended (20 or more: WCAG 2.2.1 gives a visitor 20 s to answer). */
  'prop:idleWarning'?: ReactorSession['idleWarning'] | undefined;
  /** Seconds a live player may stay on the page unseen (`display: none` on it or an ancestor, as a
framework's hidden route or a closed panel; `visibility: hidden`; `content-visibility:
hidden`) before the session ends (reason `hidden`); shown again sooner, it goes on. Scrolled
out of view is not hidden. `0`: no limit. */
  'attr:hidden-timeout'?: ReactorSession['hiddenTimeout'] | undefined;
  /** Seconds a live player may stay on the page unseen (`display: none` on it or an ancestor, as a
framework's hidden route or a closed panel; `visibility: hidden`; `content-visibility:
hidden`) before the session ends (reason `hidden`); shown again sooner, it goes on. Scrolled
out of view is not hidden. `0`: no limit. */
  'prop:hiddenTimeout'?: ReactorSession['hiddenTimeout'] | undefined;
  /** Optional budget in credits: the session ends when its cost reaches it. */
  'attr:max-cost'?: ReactorSession['maxCost'] | undefined;
  /** Optional budget in credits: the session ends when its cost reaches it. */
  'prop:maxCost'?: ReactorSession['maxCost'] | undefined;
  /** What a live session does while the page is put away (hidden: the home screen, another app or
tab). `hold`: the stream stops at once with a recoverable disconnect; the platform holds the
GPU, billed, for its recoverable window (about 30 s), and the session resumes when the page
is back within it, else the platform ends it. `end`: the session ends (reason `background`).
`keep`: it runs on, under the idle detector and the time limit. `auto` (default): `hold` on a
touch-first device (coarse pointer: phones, tablets), `keep` elsewhere. A frozen page ends
its session whatever this says. */
  'prop:background'?: ReactorSession['background'] | undefined;
  /** Connect as soon as the element is on the page (off by default: pre-warming is discouraged). */
  'prop:autoconnect'?: ReactorSession['autoconnect'] | undefined;
  /** Recover a dropped connection within the platform's window (on unless `reconnect="false"`). */
  'prop:reconnect'?: ReactorSession['reconnect'] | undefined;
  /** One live session per visitor across the site's tabs and players (on unless
`exclusive="false"`): another tab shows "live in another tab" with a choice to move it here. */
  'prop:exclusive'?: ReactorSession['exclusive'] | undefined;
  /** Mute the audio (on unless `muted="false"`), so autoplay works. */
  'prop:muted'?: ReactorSession['muted'] | undefined;
  /** The name of the video track to show. */
  'attr:video-track'?: ReactorSession['videoTrack'] | undefined;
  /** The name of the video track to show. */
  'prop:videoTrack'?: ReactorSession['videoTrack'] | undefined;
  /** Where to buy credits; linked from the out-of-credits message. */
  'attr:topup-url'?: ReactorSession['topupUrl'] | undefined;
  /** Where to buy credits; linked from the out-of-credits message. */
  'prop:topupUrl'?: ReactorSession['topupUrl'] | undefined;
  /** Keyboard control while the video has focus: `wasd` or `arrows` (the `move` command with a
direction, `pressed` true then false). Off by default. */
  'prop:keys'?: ReactorSession['keys'] | undefined;
  /** Controls for visitors, built from the model's own contract, like `<video controls>`: present
and empty, every command that maps to a control (a text box, buttons, hold buttons, a
switch, a slider, a file picker), with a snapshot and a fullscreen button; a space-separated
list of command names picks and orders them. Absent: none. */
  'prop:controls'?: ReactorSession['controls'] | undefined;
  /** The visitor's names for the controls: JSON (attribute) or an object (property) that maps a
command, a field or a value to text, as `{"set_prompt": "Describe a scene"}`. Otherwise a
control is named after its command (`set_seed_image`: "Seed image"). */
  'attr:control-labels'?: ReactorSession['controlLabels'] | undefined;
  /** The visitor's names for the controls: JSON (attribute) or an object (property) that maps a
command, a field or a value to text, as `{"set_prompt": "Describe a scene"}`. Otherwise a
control is named after its command (`set_seed_image`: "Seed image"). */
  'prop:controlLabels'?: ReactorSession['controlLabels'] | undefined;
  /** Shows the setup checklist inside the element, for the site's owner (never on by default):
the page, its frame, the token route and the API, each failing line with its fix. The
checklist is its own script, `reactor-elements.debug.js`, loaded after the bundle (npm:
`import 'reactor-elements/debug'`); without it, a line says to load it. */
  'prop:debug'?: ReactorSession['debug'] | undefined;
  /** Keys to commands, in place of the `keys` preset: `{w: {command: 'move', data: {…}}}`. */
  'prop:keyMap'?: ReactorSession['keyMap'] | undefined;
  /** A fixed session token (instead of `token-url`); it cannot be refreshed. */
  'prop:token'?: ReactorSession['token'] | undefined;
  /** A function that returns a session token (instead of `token-url`). */
  'prop:tokenProvider'?: ReactorSession['tokenProvider'] | undefined;
  /** `{status, previous}` on every status change. */
  'on:reactor-status-change'?:
    ((e: ReactorSessionReactorStatusChangeElementEvent) => void) | undefined;
  /** `{sessionId}` when the session is live (billing starts). */
  'on:reactor-ready'?: ((e: ReactorSessionReactorReadyElementEvent) => void) | undefined;
  /** `{secondsLeft}` when the idle warning opens. */
  'on:reactor-idle-warning'?:
    ((e: ReactorSessionReactorIdleWarningElementEvent) => void) | undefined;
  /** `{reason, sessionId, billedSeconds, credits, usd, message}` when a session is over (the meter's figures; `message`: the platform's own words when it ended it). */
  'on:reactor-end'?: ((e: ReactorSessionReactorEndElementEvent) => void) | undefined;
  /** `{sessionId, billedSeconds, credits, usd, final: true}` after `reactor-end`, when the platform states the session's effective cost. */
  'on:reactor-receipt'?: ((e: ReactorSessionReactorReceiptElementEvent) => void) | undefined;
  /** `{code, status, message, retryAfter, setup}` for any failure (`setup`: the site's configuration or token route is at fault; the visitor sees a calm line, the console the fix). */
  'on:reactor-error'?: ((e: ReactorSessionReactorErrorElementEvent) => void) | undefined;
  /** `{message}` for each message from the model. */
  'on:reactor-message'?: ((e: ReactorSessionReactorMessageElementEvent) => void) | undefined;
  /** `{capabilities}` when the session is live (its tracks), and again when the model's contract arrives (its commands). */
  'on:reactor-capabilities'?:
    ((e: ReactorSessionReactorCapabilitiesElementEvent) => void) | undefined;
  /** `{action, message, command, categories}` when the platform moderated an input: `warn` (the session goes on; the visitor reads the message) or `terminate` (the session ends, reason `moderation`). */
  'on:reactor-moderation'?: ((e: ReactorSessionReactorModerationElementEvent) => void) | undefined;
  /** `{name, loaded, total}` while `uploadFile` sends the bytes. */
  'on:reactor-upload-progress'?:
    ((e: ReactorSessionReactorUploadProgressElementEvent) => void) | undefined;
  /** `{file}`, a PNG of the current frame, from the snapshot button or `snapshot()`. Cancel it to keep the file from being shared or downloaded (the page takes it). */
  'on:reactor-snapshot'?: ((e: ReactorSessionReactorSnapshotElementEvent) => void) | undefined;
  /** `{stats}` every 2 s while live: `{rtt, fps, packetLoss, bitrate, quality}`. */
  'on:reactor-stats'?: ((e: ReactorSessionReactorStatsElementEvent) => void) | undefined;

  /** Set the innerHTML of the element */
  innerHTML?: string | undefined;
  /** Set the textContent of the element */
  textContent?: string | number | undefined;
};

export type CustomElements = {
  /**
   * An optional scope for pages that can nest: the sessions, balances and price lists inside it
   * share their own account state instead of the page-wide one. Without it, every element on the
   * page shares one state (no nesting needed). It renders nothing of its own.
   *
   * ## Attributes & Properties
   *
   * Component attributes and properties that can be applied to the element or by using JavaScript.
   *
   * - `store`: The account state shared by this element's children. (property only) (readonly)
   *
   * ## Slots
   *
   * Areas where markup can be added to the component.
   *
   * - `(default)`: The reactor elements (and anything else) that share this scope.
   */
  'reactor-account': Partial<ReactorAccountProps & BaseProps<ReactorAccount> & BaseEvents>;

  /**
   * The account balance from a source the site provides (Reactor has no public balance endpoint
   * yet), projected down live while sessions on the page are billed, with a low-balance warning.
   *
   * ## Attributes & Properties
   *
   * Component attributes and properties that can be applied to the element or by using JavaScript.
   *
   * - `src`: A URL on the site's backend that answers `{credits, mode?, credit_limit?, auto_topup?}`.
   * - `refresh`: Seconds between refetches (paused while the tab is hidden); 0 disables.
   * - `low-threshold`/`lowThreshold`: Warn when the balance is at or below this many credits.
   * - `topup-url`/`topupUrl`: Where to buy credits.
   * - `api-url`/`apiUrl`: The Reactor API origin whose price list converts credits to money. Default: the page's
   * `<meta name="reactor-api-url">`, else the one the page's other reactor elements name, else
   * `https://api.reactor.inc`.
   * - `session`: Count only the session with this id (`<reactor-session id="…">`); all of the page's by default.
   * - `source`: Instead of `src`: an async function that answers the same document. (property only)
   * - `credits`: The balance as last fetched, in credits (null before the first fetch). (property only) (readonly)
   * - `projected`: The fetched balance minus what the page's sessions have billed since the fetch. (property only) (readonly)
   *
   * ## Events
   *
   * Events that will be emitted by the component.
   *
   * - `reactor-balance-change`: `{credits, projected}` when the shown balance changes.
   * - `reactor-balance-low`: `{credits, projected, threshold}` once each time the balance falls to `low-threshold`.
   *
   * ## Methods
   *
   * Methods that can be called to access component functionality.
   *
   * - `reload() => Promise<void>`: Fetches the balance now.
   *
   * ## CSS Custom Properties
   *
   * CSS variables available for styling the component.
   *
   * - `--reactor-danger`: The colour of the warning. (default: `undefined`)
   * - `--reactor-border`: The panel border colour. (default: `undefined`)
   *
   * ## CSS Parts
   *
   * Custom selectors for styling elements within the component.
   *
   * - `base`: The outer wrapper.
   * - `amount`: The balance in credits.
   * - `money`: The balance's money value.
   * - `mode`: Prepaid or postpaid (invoice) billing, and the auto top-up state.
   * - `estimate`: "≈ N min left at the current rate", while sessions are billed.
   * - `warning`: The low-balance or out-of-credits warning.
   * - `topup-link`: The link to buy credits (`topup-url`).
   * - `error`: The error message.
   */
  'reactor-balance': Partial<ReactorBalanceProps & BaseProps<ReactorBalance> & BaseEvents>;

  /**
   * The live public price list of Reactor (`GET {api-url}/pricing`, no sign-in), per model. Shares
   * one request with every other element on the page.
   *
   * ## Attributes & Properties
   *
   * Component attributes and properties that can be applied to the element or by using JavaScript.
   *
   * - `api-url`/`apiUrl`: The Reactor API origin. Default: the page's `<meta name="reactor-api-url">`, else the one the
   * page's other reactor elements name, else `https://api.reactor.inc`.
   * - `model`: Show one model only, as a compact price (e.g. `helios`).
   * - `refresh`: Seconds between refetches; 0 (the default) loads once.
   * - `currency`: Which amounts to show: `usd`, `credits` or `both` (the default).
   *
   * ## Events
   *
   * Events that will be emitted by the component.
   *
   * - `reactor-pricing-load`: `{pricing}` each time prices are loaded.
   *
   * ## CSS Custom Properties
   *
   * CSS variables available for styling the component.
   *
   * - `--reactor-accent`: The accent colour. (default: `undefined`)
   * - `--reactor-border`: The panel border colour. (default: `undefined`)
   *
   * ## CSS Parts
   *
   * Custom selectors for styling elements within the component.
   *
   * - `base`: The outer wrapper.
   * - `table`: The price table.
   * - `row`: One model's row (also the compact one-model line).
   * - `model`: A model's name.
   * - `price`: A price cell.
   * - `empty`: Shown when no prices are listed, or the model is not listed.
   * - `error`: The error message.
   * - `retry-button`: Loads the prices again after an error.
   */
  'reactor-pricing': Partial<ReactorPricingProps & BaseProps<ReactorPricing> & BaseEvents>;

  /**
   * A live Reactor GPU session that cannot run up a bill by accident: connect flow, video surface,
   * idle detector, hard timeout, cost ticker, and a disconnect that reaches the server when the
   * page goes away or the element is removed.
   *
   * ## Attributes & Properties
   *
   * Component attributes and properties that can be applied to the element or by using JavaScript.
   *
   * - `model`: The model to run, e.g. `helios` (required).
   * - `token-url`/`tokenUrl`: The site's own route that answers a short-lived session token (`{jwt, expires_at}`).
   * - `api-url`/`apiUrl`: The Reactor API origin. Default: the page's `<meta name="reactor-api-url">`, else the one the
   * page's other reactor elements name, else `https://api.reactor.inc`.
   * - `max-duration`/`maxDuration`: Hard cap on one session, in seconds; clamped to 1..1200 (the platform's own limit).
   * - `idle-timeout`/`idleTimeout`: Seconds without page activity before the idle warning; `0` disables idle detection.
   * - `idle-warning`/`idleWarning`: Seconds the idle warning lasts before the session is ended (20 or more: WCAG 2.2.1 gives a visitor 20 s to answer).
   * - `hidden-timeout`/`hiddenTimeout`: Seconds a live player may stay on the page unseen (`display: none` on it or an ancestor, as a
   * framework's hidden route or a closed panel; `visibility: hidden`; `content-visibility:
   * hidden`) before the session ends (reason `hidden`); shown again sooner, it goes on. Scrolled
   * out of view is not hidden. `0`: no limit.
   * - `max-cost`/`maxCost`: Optional budget in credits: the session ends when its cost reaches it.
   * - `background`: What a live session does while the page is put away (hidden: the home screen, another app or
   * tab). `hold`: the stream stops at once with a recoverable disconnect; the platform holds the
   * GPU, billed, for its recoverable window (about 30 s), and the session resumes when the page
   * is back within it, else the platform ends it. `end`: the session ends (reason `background`).
   * `keep`: it runs on, under the idle detector and the time limit. `auto` (default): `hold` on a
   * touch-first device (coarse pointer: phones, tablets), `keep` elsewhere. A frozen page ends
   * its session whatever this says.
   * - `autoconnect`: Connect as soon as the element is on the page (off by default: pre-warming is discouraged).
   * - `reconnect`: Recover a dropped connection within the platform's window (on unless `reconnect="false"`).
   * - `exclusive`: One live session per visitor across the site's tabs and players (on unless
   * `exclusive="false"`): another tab shows "live in another tab" with a choice to move it here.
   * - `muted`: Mute the audio (on unless `muted="false"`), so autoplay works.
   * - `video-track`/`videoTrack`: The name of the video track to show.
   * - `topup-url`/`topupUrl`: Where to buy credits; linked from the out-of-credits message.
   * - `keys`: Keyboard control while the video has focus: `wasd` or `arrows` (the `move` command with a
   * direction, `pressed` true then false). Off by default.
   * - `controls`: Controls for visitors, built from the model's own contract, like `<video controls>`: present
   * and empty, every command that maps to a control (a text box, buttons, hold buttons, a
   * switch, a slider, a file picker), with a snapshot and a fullscreen button; a space-separated
   * list of command names picks and orders them. Absent: none.
   * - `control-labels`/`controlLabels`: The visitor's names for the controls: JSON (attribute) or an object (property) that maps a
   * command, a field or a value to text, as `{"set_prompt": "Describe a scene"}`. Otherwise a
   * control is named after its command (`set_seed_image`: "Seed image").
   * - `debug`: Shows the setup checklist inside the element, for the site's owner (never on by default):
   * the page, its frame, the token route and the API, each failing line with its fix. The
   * checklist is its own script, `reactor-elements.debug.js`, loaded after the bundle (npm:
   * `import 'reactor-elements/debug'`); without it, a line says to load it.
   * - `status`: `disconnected` before the first connect; `connecting` | `waiting` | `ready` | `reconnecting`; then `ended` or `error`. (property only) (readonly)
   * - `sessionId`: The current (or last) session's id. (property only) (readonly)
   * - `billedSeconds`: Billed seconds of the current (or last) session, from the monotonic clock. (property only) (readonly)
   * - `cost`: Cost of the current (or last) session at the live rate (zero while the rate is unknown). (property only) (readonly)
   * - `receipt`: The platform's effective cost of the last session (`{credits, usd, seconds}`), once it
   * stated one after the end; null before (and from a platform that does not). Final, where
   * `cost` is the page's own count. (property only) (readonly)
   * - `capabilities`: What the model of the current (or last) session declares: its tracks and its commands. (property only) (readonly)
   * - `stats`: The connection's quality while live (`{rtt, fps, packetLoss, bitrate, quality}`), else null. (property only) (readonly)
   * - `remainingSeconds`: Seconds left before the hard timeout: the whole cap before a session, 0 after it. (property only) (readonly)
   * - `keyMap`: Keys to commands, in place of the `keys` preset: `{w: {command: 'move', data: {…}}}`. (property only)
   * - `token`: A fixed session token (instead of `token-url`); it cannot be refreshed. (property only)
   * - `tokenProvider`: A function that returns a session token (instead of `token-url`). (property only)
   *
   * ## Events
   *
   * Events that will be emitted by the component.
   *
   * - `reactor-status-change`: `{status, previous}` on every status change.
   * - `reactor-ready`: `{sessionId}` when the session is live (billing starts).
   * - `reactor-idle-warning`: `{secondsLeft}` when the idle warning opens.
   * - `reactor-end`: `{reason, sessionId, billedSeconds, credits, usd, message}` when a session is over (the meter's figures; `message`: the platform's own words when it ended it).
   * - `reactor-receipt`: `{sessionId, billedSeconds, credits, usd, final: true}` after `reactor-end`, when the platform states the session's effective cost.
   * - `reactor-error`: `{code, status, message, retryAfter, setup}` for any failure (`setup`: the site's configuration or token route is at fault; the visitor sees a calm line, the console the fix).
   * - `reactor-message`: `{message}` for each message from the model.
   * - `reactor-capabilities`: `{capabilities}` when the session is live (its tracks), and again when the model's contract arrives (its commands).
   * - `reactor-moderation`: `{action, message, command, categories}` when the platform moderated an input: `warn` (the session goes on; the visitor reads the message) or `terminate` (the session ends, reason `moderation`).
   * - `reactor-upload-progress`: `{name, loaded, total}` while `uploadFile` sends the bytes.
   * - `reactor-snapshot`: `{file}`, a PNG of the current frame, from the snapshot button or `snapshot()`. Cancel it to keep the file from being shared or downloaded (the page takes it).
   * - `reactor-stats`: `{stats}` every 2 s while live: `{rtt, fps, packetLoss, bitrate, quality}`.
   *
   * ## Slots
   *
   * Areas where markup can be added to the component.
   *
   * - `connect-label`: The label of the connect button.
   * - `poster`: Shown in the video area until the first frame arrives (and after the session).
   * - `overlay`: Controls laid over the video.
   *
   * ## Methods
   *
   * Methods that can be called to access component functionality.
   *
   * - `connect() => Promise<void>`: Starts a session. Resolves when it is live, or when it failed (see `reactor-error`).
   * - `takeOver() => Promise<void>`: Ends this visitor's session in another tab or player of the site (status `elsewhere`), then
   * starts one here.
   * - `disconnect() => void`: Ends the session for good (non-recoverable); also cancels a connect in progress.
   * - `sendCommand(name: string, data: unknown = {}) => Promise<void>`: Sends a command to the model. Resolves once sent; rejects with a PlatformError when the
   * session is not live, when the model does not declare `name`, when `data` misses a required
   * field or has one of the wrong type, or when it is larger than the connection allows.
   * Pass a `FileRef` from `uploadFile` as a value to send a file.
   * - `uploadFile(file: Blob, options: Pick<UploadOptions, 'name' | 'accept' | 'maxBytes'> = {}) => Promise<FileRef>`: Uploads a file for the model while live (checked first: not empty, at most `maxBytes`, of a
   * type `accept` names); resolves with the reference to pass inside `sendCommand` data. Fires
   * `reactor-upload-progress`; the session's end cancels it.
   * - `snapshot() => Promise<File | null>`: The current frame as a PNG `File` (null while there is no frame); fires `reactor-snapshot`.
   * Unlike the snapshot button, it neither shares nor downloads the file.
   * - `keepAlive() => void`: Counts as page activity: resets the idle timer and closes the idle warning.
   *
   * ## CSS Custom Properties
   *
   * CSS variables available for styling the component.
   *
   * - `--reactor-accent`: The accent colour of buttons and highlights. (default: `undefined`)
   * - `--reactor-danger`: The colour of errors and warnings. (default: `undefined`)
   * - `--reactor-radius`: The corner radius. (default: `undefined`)
   * - `--reactor-font`: The font family. (default: `undefined`)
   * - `--reactor-video-fit`: How the video fills its box (`object-fit`), default `contain`. (default: `undefined`)
   * - `--reactor-stage-background`: The background of the video area. (default: `undefined`)
   * - `--reactor-focus-ring`: The focus ring's outer colour (default `#1b1d23`). (default: `undefined`)
   * - `--reactor-focus-ring-inner`: The focus ring's inner band (default `#fff`): with the outer, 3:1 on any background. (default: `undefined`)
   *
   * ## CSS Parts
   *
   * Custom selectors for styling elements within the component.
   *
   * - `base`: The outer wrapper.
   * - `stage`: The video area.
   * - `video`: The `<video>` that shows the model's video track.
   * - `status`: The announced status line.
   * - `cost`: The cost line: the estimate before, the live ticker during, the receipt after.
   * - `countdown`: The time left before the hard timeout.
   * - `connect-button`: The button that starts a session.
   * - `disconnect-button`: The button that ends (or cancels) a session.
   * - `take-over-button`: "Move it here", when the visitor's session is live in another tab.
   * - `idle-dialog`: The "still there?" dialog.
   * - `keep-alive-button`: The dialog's "Keep session" button.
   * - `error`: The error message.
   * - `moderation`: The platform's moderation message (a live region), when it refused an input.
   * - `controls`: The visitor controls (`controls`): built from the model's contract, under the video.
   * - `control`: Each control: also named by its kind (`prompt`, `hold-pad`, `hold-group`, `choice`, `toggle`, `slider`, `upload`).
   * - `prompt`: A text box with its send button, for a command that takes text.
   * - `prompt-count`: The prompt's characters so far and its limit.
   * - `hold-pad`: Direction buttons held to move (press: `pressed: true`, release: `pressed: false`).
   * - `hold-button`: One held button.
   * - `snapshot-button`: Saves (or shares) the current frame as a PNG.
   * - `fullscreen-button`: The player full screen with its controls.
   * - `controls-status`: The controls' live region: what the last use did, or why it failed.
   * - `keys-hint`: The keys that steer the model (with `keys`), over the video.
   * - `mute-button`: Turns the model's sound on and off (when it sends audio).
   * - `quality`: The connection quality while live: good, fair or poor (`data-quality`).
   * - `debug`: The setup checklist (`debug`), or the line that says to load its script.
   */
  'reactor-session': Partial<ReactorSessionProps & BaseProps<ReactorSession> & BaseEvents>;
};

export type CustomElementsSolidJs = {
  /**
   * An optional scope for pages that can nest: the sessions, balances and price lists inside it
   * share their own account state instead of the page-wide one. Without it, every element on the
   * page shares one state (no nesting needed). It renders nothing of its own.
   *
   * ## Attributes & Properties
   *
   * Component attributes and properties that can be applied to the element or by using JavaScript.
   *
   * - `store`: The account state shared by this element's children. (property only) (readonly)
   *
   * ## Slots
   *
   * Areas where markup can be added to the component.
   *
   * - `(default)`: The reactor elements (and anything else) that share this scope.
   */
  'reactor-account': Partial<
    ReactorAccountProps & ReactorAccountSolidJsProps & BaseProps<ReactorAccount> & BaseEvents
  >;

  /**
   * The account balance from a source the site provides (Reactor has no public balance endpoint
   * yet), projected down live while sessions on the page are billed, with a low-balance warning.
   *
   * ## Attributes & Properties
   *
   * Component attributes and properties that can be applied to the element or by using JavaScript.
   *
   * - `src`: A URL on the site's backend that answers `{credits, mode?, credit_limit?, auto_topup?}`.
   * - `refresh`: Seconds between refetches (paused while the tab is hidden); 0 disables.
   * - `low-threshold`/`lowThreshold`: Warn when the balance is at or below this many credits.
   * - `topup-url`/`topupUrl`: Where to buy credits.
   * - `api-url`/`apiUrl`: The Reactor API origin whose price list converts credits to money. Default: the page's
   * `<meta name="reactor-api-url">`, else the one the page's other reactor elements name, else
   * `https://api.reactor.inc`.
   * - `session`: Count only the session with this id (`<reactor-session id="…">`); all of the page's by default.
   * - `source`: Instead of `src`: an async function that answers the same document. (property only)
   * - `credits`: The balance as last fetched, in credits (null before the first fetch). (property only) (readonly)
   * - `projected`: The fetched balance minus what the page's sessions have billed since the fetch. (property only) (readonly)
   *
   * ## Events
   *
   * Events that will be emitted by the component.
   *
   * - `reactor-balance-change`: `{credits, projected}` when the shown balance changes.
   * - `reactor-balance-low`: `{credits, projected, threshold}` once each time the balance falls to `low-threshold`.
   *
   * ## Methods
   *
   * Methods that can be called to access component functionality.
   *
   * - `reload() => Promise<void>`: Fetches the balance now.
   *
   * ## CSS Custom Properties
   *
   * CSS variables available for styling the component.
   *
   * - `--reactor-danger`: The colour of the warning. (default: `undefined`)
   * - `--reactor-border`: The panel border colour. (default: `undefined`)
   *
   * ## CSS Parts
   *
   * Custom selectors for styling elements within the component.
   *
   * - `base`: The outer wrapper.
   * - `amount`: The balance in credits.
   * - `money`: The balance's money value.
   * - `mode`: Prepaid or postpaid (invoice) billing, and the auto top-up state.
   * - `estimate`: "≈ N min left at the current rate", while sessions are billed.
   * - `warning`: The low-balance or out-of-credits warning.
   * - `topup-link`: The link to buy credits (`topup-url`).
   * - `error`: The error message.
   */
  'reactor-balance': Partial<
    ReactorBalanceProps & ReactorBalanceSolidJsProps & BaseProps<ReactorBalance> & BaseEvents
  >;

  /**
   * The live public price list of Reactor (`GET {api-url}/pricing`, no sign-in), per model. Shares
   * one request with every other element on the page.
   *
   * ## Attributes & Properties
   *
   * Component attributes and properties that can be applied to the element or by using JavaScript.
   *
   * - `api-url`/`apiUrl`: The Reactor API origin. Default: the page's `<meta name="reactor-api-url">`, else the one the
   * page's other reactor elements name, else `https://api.reactor.inc`.
   * - `model`: Show one model only, as a compact price (e.g. `helios`).
   * - `refresh`: Seconds between refetches; 0 (the default) loads once.
   * - `currency`: Which amounts to show: `usd`, `credits` or `both` (the default).
   *
   * ## Events
   *
   * Events that will be emitted by the component.
   *
   * - `reactor-pricing-load`: `{pricing}` each time prices are loaded.
   *
   * ## CSS Custom Properties
   *
   * CSS variables available for styling the component.
   *
   * - `--reactor-accent`: The accent colour. (default: `undefined`)
   * - `--reactor-border`: The panel border colour. (default: `undefined`)
   *
   * ## CSS Parts
   *
   * Custom selectors for styling elements within the component.
   *
   * - `base`: The outer wrapper.
   * - `table`: The price table.
   * - `row`: One model's row (also the compact one-model line).
   * - `model`: A model's name.
   * - `price`: A price cell.
   * - `empty`: Shown when no prices are listed, or the model is not listed.
   * - `error`: The error message.
   * - `retry-button`: Loads the prices again after an error.
   */
  'reactor-pricing': Partial<
    ReactorPricingProps & ReactorPricingSolidJsProps & BaseProps<ReactorPricing> & BaseEvents
  >;

  /**
   * A live Reactor GPU session that cannot run up a bill by accident: connect flow, video surface,
   * idle detector, hard timeout, cost ticker, and a disconnect that reaches the server when the
   * page goes away or the element is removed.
   *
   * ## Attributes & Properties
   *
   * Component attributes and properties that can be applied to the element or by using JavaScript.
   *
   * - `model`: The model to run, e.g. `helios` (required).
   * - `token-url`/`tokenUrl`: The site's own route that answers a short-lived session token (`{jwt, expires_at}`).
   * - `api-url`/`apiUrl`: The Reactor API origin. Default: the page's `<meta name="reactor-api-url">`, else the one the
   * page's other reactor elements name, else `https://api.reactor.inc`.
   * - `max-duration`/`maxDuration`: Hard cap on one session, in seconds; clamped to 1..1200 (the platform's own limit).
   * - `idle-timeout`/`idleTimeout`: Seconds without page activity before the idle warning; `0` disables idle detection.
   * - `idle-warning`/`idleWarning`: Seconds the idle warning lasts before the session is ended (20 or more: WCAG 2.2.1 gives a visitor 20 s to answer).
   * - `hidden-timeout`/`hiddenTimeout`: Seconds a live player may stay on the page unseen (`display: none` on it or an ancestor, as a
   * framework's hidden route or a closed panel; `visibility: hidden`; `content-visibility:
   * hidden`) before the session ends (reason `hidden`); shown again sooner, it goes on. Scrolled
   * out of view is not hidden. `0`: no limit.
   * - `max-cost`/`maxCost`: Optional budget in credits: the session ends when its cost reaches it.
   * - `background`: What a live session does while the page is put away (hidden: the home screen, another app or
   * tab). `hold`: the stream stops at once with a recoverable disconnect; the platform holds the
   * GPU, billed, for its recoverable window (about 30 s), and the session resumes when the page
   * is back within it, else the platform ends it. `end`: the session ends (reason `background`).
   * `keep`: it runs on, under the idle detector and the time limit. `auto` (default): `hold` on a
   * touch-first device (coarse pointer: phones, tablets), `keep` elsewhere. A frozen page ends
   * its session whatever this says.
   * - `autoconnect`: Connect as soon as the element is on the page (off by default: pre-warming is discouraged).
   * - `reconnect`: Recover a dropped connection within the platform's window (on unless `reconnect="false"`).
   * - `exclusive`: One live session per visitor across the site's tabs and players (on unless
   * `exclusive="false"`): another tab shows "live in another tab" with a choice to move it here.
   * - `muted`: Mute the audio (on unless `muted="false"`), so autoplay works.
   * - `video-track`/`videoTrack`: The name of the video track to show.
   * - `topup-url`/`topupUrl`: Where to buy credits; linked from the out-of-credits message.
   * - `keys`: Keyboard control while the video has focus: `wasd` or `arrows` (the `move` command with a
   * direction, `pressed` true then false). Off by default.
   * - `controls`: Controls for visitors, built from the model's own contract, like `<video controls>`: present
   * and empty, every command that maps to a control (a text box, buttons, hold buttons, a
   * switch, a slider, a file picker), with a snapshot and a fullscreen button; a space-separated
   * list of command names picks and orders them. Absent: none.
   * - `control-labels`/`controlLabels`: The visitor's names for the controls: JSON (attribute) or an object (property) that maps a
   * command, a field or a value to text, as `{"set_prompt": "Describe a scene"}`. Otherwise a
   * control is named after its command (`set_seed_image`: "Seed image").
   * - `debug`: Shows the setup checklist inside the element, for the site's owner (never on by default):
   * the page, its frame, the token route and the API, each failing line with its fix. The
   * checklist is its own script, `reactor-elements.debug.js`, loaded after the bundle (npm:
   * `import 'reactor-elements/debug'`); without it, a line says to load it.
   * - `status`: `disconnected` before the first connect; `connecting` | `waiting` | `ready` | `reconnecting`; then `ended` or `error`. (property only) (readonly)
   * - `sessionId`: The current (or last) session's id. (property only) (readonly)
   * - `billedSeconds`: Billed seconds of the current (or last) session, from the monotonic clock. (property only) (readonly)
   * - `cost`: Cost of the current (or last) session at the live rate (zero while the rate is unknown). (property only) (readonly)
   * - `receipt`: The platform's effective cost of the last session (`{credits, usd, seconds}`), once it
   * stated one after the end; null before (and from a platform that does not). Final, where
   * `cost` is the page's own count. (property only) (readonly)
   * - `capabilities`: What the model of the current (or last) session declares: its tracks and its commands. (property only) (readonly)
   * - `stats`: The connection's quality while live (`{rtt, fps, packetLoss, bitrate, quality}`), else null. (property only) (readonly)
   * - `remainingSeconds`: Seconds left before the hard timeout: the whole cap before a session, 0 after it. (property only) (readonly)
   * - `keyMap`: Keys to commands, in place of the `keys` preset: `{w: {command: 'move', data: {…}}}`. (property only)
   * - `token`: A fixed session token (instead of `token-url`); it cannot be refreshed. (property only)
   * - `tokenProvider`: A function that returns a session token (instead of `token-url`). (property only)
   *
   * ## Events
   *
   * Events that will be emitted by the component.
   *
   * - `reactor-status-change`: `{status, previous}` on every status change.
   * - `reactor-ready`: `{sessionId}` when the session is live (billing starts).
   * - `reactor-idle-warning`: `{secondsLeft}` when the idle warning opens.
   * - `reactor-end`: `{reason, sessionId, billedSeconds, credits, usd, message}` when a session is over (the meter's figures; `message`: the platform's own words when it ended it).
   * - `reactor-receipt`: `{sessionId, billedSeconds, credits, usd, final: true}` after `reactor-end`, when the platform states the session's effective cost.
   * - `reactor-error`: `{code, status, message, retryAfter, setup}` for any failure (`setup`: the site's configuration or token route is at fault; the visitor sees a calm line, the console the fix).
   * - `reactor-message`: `{message}` for each message from the model.
   * - `reactor-capabilities`: `{capabilities}` when the session is live (its tracks), and again when the model's contract arrives (its commands).
   * - `reactor-moderation`: `{action, message, command, categories}` when the platform moderated an input: `warn` (the session goes on; the visitor reads the message) or `terminate` (the session ends, reason `moderation`).
   * - `reactor-upload-progress`: `{name, loaded, total}` while `uploadFile` sends the bytes.
   * - `reactor-snapshot`: `{file}`, a PNG of the current frame, from the snapshot button or `snapshot()`. Cancel it to keep the file from being shared or downloaded (the page takes it).
   * - `reactor-stats`: `{stats}` every 2 s while live: `{rtt, fps, packetLoss, bitrate, quality}`.
   *
   * ## Slots
   *
   * Areas where markup can be added to the component.
   *
   * - `connect-label`: The label of the connect button.
   * - `poster`: Shown in the video area until the first frame arrives (and after the session).
   * - `overlay`: Controls laid over the video.
   *
   * ## Methods
   *
   * Methods that can be called to access component functionality.
   *
   * - `connect() => Promise<void>`: Starts a session. Resolves when it is live, or when it failed (see `reactor-error`).
   * - `takeOver() => Promise<void>`: Ends this visitor's session in another tab or player of the site (status `elsewhere`), then
   * starts one here.
   * - `disconnect() => void`: Ends the session for good (non-recoverable); also cancels a connect in progress.
   * - `sendCommand(name: string, data: unknown = {}) => Promise<void>`: Sends a command to the model. Resolves once sent; rejects with a PlatformError when the
   * session is not live, when the model does not declare `name`, when `data` misses a required
   * field or has one of the wrong type, or when it is larger than the connection allows.
   * Pass a `FileRef` from `uploadFile` as a value to send a file.
   * - `uploadFile(file: Blob, options: Pick<UploadOptions, 'name' | 'accept' | 'maxBytes'> = {}) => Promise<FileRef>`: Uploads a file for the model while live (checked first: not empty, at most `maxBytes`, of a
   * type `accept` names); resolves with the reference to pass inside `sendCommand` data. Fires
   * `reactor-upload-progress`; the session's end cancels it.
   * - `snapshot() => Promise<File | null>`: The current frame as a PNG `File` (null while there is no frame); fires `reactor-snapshot`.
   * Unlike the snapshot button, it neither shares nor downloads the file.
   * - `keepAlive() => void`: Counts as page activity: resets the idle timer and closes the idle warning.
   *
   * ## CSS Custom Properties
   *
   * CSS variables available for styling the component.
   *
   * - `--reactor-accent`: The accent colour of buttons and highlights. (default: `undefined`)
   * - `--reactor-danger`: The colour of errors and warnings. (default: `undefined`)
   * - `--reactor-radius`: The corner radius. (default: `undefined`)
   * - `--reactor-font`: The font family. (default: `undefined`)
   * - `--reactor-video-fit`: How the video fills its box (`object-fit`), default `contain`. (default: `undefined`)
   * - `--reactor-stage-background`: The background of the video area. (default: `undefined`)
   * - `--reactor-focus-ring`: The focus ring's outer colour (default `#1b1d23`). (default: `undefined`)
   * - `--reactor-focus-ring-inner`: The focus ring's inner band (default `#fff`): with the outer, 3:1 on any background. (default: `undefined`)
   *
   * ## CSS Parts
   *
   * Custom selectors for styling elements within the component.
   *
   * - `base`: The outer wrapper.
   * - `stage`: The video area.
   * - `video`: The `<video>` that shows the model's video track.
   * - `status`: The announced status line.
   * - `cost`: The cost line: the estimate before, the live ticker during, the receipt after.
   * - `countdown`: The time left before the hard timeout.
   * - `connect-button`: The button that starts a session.
   * - `disconnect-button`: The button that ends (or cancels) a session.
   * - `take-over-button`: "Move it here", when the visitor's session is live in another tab.
   * - `idle-dialog`: The "still there?" dialog.
   * - `keep-alive-button`: The dialog's "Keep session" button.
   * - `error`: The error message.
   * - `moderation`: The platform's moderation message (a live region), when it refused an input.
   * - `controls`: The visitor controls (`controls`): built from the model's contract, under the video.
   * - `control`: Each control: also named by its kind (`prompt`, `hold-pad`, `hold-group`, `choice`, `toggle`, `slider`, `upload`).
   * - `prompt`: A text box with its send button, for a command that takes text.
   * - `prompt-count`: The prompt's characters so far and its limit.
   * - `hold-pad`: Direction buttons held to move (press: `pressed: true`, release: `pressed: false`).
   * - `hold-button`: One held button.
   * - `snapshot-button`: Saves (or shares) the current frame as a PNG.
   * - `fullscreen-button`: The player full screen with its controls.
   * - `controls-status`: The controls' live region: what the last use did, or why it failed.
   * - `keys-hint`: The keys that steer the model (with `keys`), over the video.
   * - `mute-button`: Turns the model's sound on and off (when it sends audio).
   * - `quality`: The connection quality while live: good, fair or poor (`data-quality`).
   * - `debug`: The setup checklist (`debug`), or the line that says to load its script.
   */
  'reactor-session': Partial<
    ReactorSessionProps & ReactorSessionSolidJsProps & BaseProps<ReactorSession> & BaseEvents
  >;
};

export type CustomCssProperties = {
  /** The colour of the warning. */
  '--reactor-danger'?: string | undefined;
  /** The panel border colour. */
  '--reactor-border'?: string | undefined;
  /** The accent colour. */
  '--reactor-accent'?: string | undefined;
  /** The corner radius. */
  '--reactor-radius'?: string | undefined;
  /** The font family. */
  '--reactor-font'?: string | undefined;
  /** How the video fills its box (`object-fit`), default `contain`. */
  '--reactor-video-fit'?: string | undefined;
  /** The background of the video area. */
  '--reactor-stage-background'?: string | undefined;
  /** The focus ring's outer colour (default `#1b1d23`). */
  '--reactor-focus-ring'?: string | undefined;
  /** The focus ring's inner band (default `#fff`): with the outer, 3:1 on any background. */
  '--reactor-focus-ring-inner'?: string | undefined;
};
