/**
 * What `<reactor-session>` tells its session unit, read at the moment it is needed, and the
 * checks made on it before anything is created: a session that cannot be run safely is refused
 * with a clear message instead.
 */
import { PLATFORM_MAX_DURATION } from '../internal/constants.js';
import { setupError } from '../platform/errors.js';
import { checkApiUrl, isHttpUrl } from '../platform/http.js';
import type { Capabilities } from '../platform/session-client.js';
import { TokenSource, refuseApiKey, type TokenProvider } from '../platform/tokens.js';
import { numberAtLeast } from '../internal/numbers.js';
import { say } from '../internal/console.js';
import { BACKGROUND_POLICIES } from './background.js';

export interface SessionConfig {
  readonly model: string;
  readonly apiUrl: string;
  readonly tokenUrl: string;
  readonly token: string | undefined;
  readonly tokenProvider: TokenProvider | undefined;
  readonly reconnect: boolean;
  /** One live session per visitor across the site's tabs and elements. */
  readonly exclusive: boolean;
  readonly maxDuration: number;
  readonly idleTimeout: number;
  readonly idleWarning: number;
  readonly hiddenTimeout: number;
  readonly maxCost: number | null;
  readonly videoTrack: string;
  /** What the page put away does to a live session: `auto`, `hold`, `end` or `keep`. */
  readonly background: string;
}

const DEFAULT_MAX_DURATION = 300;
const DEFAULT_IDLE_TIMEOUT = 60;
/** WCAG 2.2.1: a visitor gets at least 20 s to answer a warning that a time limit is near. */
export const ACCESSIBLE_WARNING = 20;
const DEFAULT_IDLE_WARNING = ACCESSIBLE_WARNING;
const DEFAULT_HIDDEN_TIMEOUT = 5;

/** A `max-duration` that is a positive number (else null: the default is used, and said). */
const maxDurationOf = (config: SessionConfig) => {
  const n = numberAtLeast(config.maxDuration, 0);
  return n && n > 0 ? n : null;
};

/** `max-duration` clamped to the platform's limits, in seconds. */
export function capSeconds(config: SessionConfig): number {
  const seconds = maxDurationOf(config) ?? DEFAULT_MAX_DURATION;
  return Math.min(PLATFORM_MAX_DURATION, Math.max(1, seconds));
}

/**
 * The idle timeout and warning in milliseconds. A timeout of 0 disables idle detection; a value
 * that is not a number (or is negative) is a mistake, and never turns the safeguard off.
 */
export function idleTimes(config: SessionConfig): { timeoutMs: number; warningMs: number } {
  return {
    timeoutMs: (numberAtLeast(config.idleTimeout, 0) ?? DEFAULT_IDLE_TIMEOUT) * 1000,
    warningMs: (numberAtLeast(config.idleWarning, 0) ?? DEFAULT_IDLE_WARNING) * 1000,
  };
}

/** How long the player may stay hidden while live, in milliseconds; 0: no limit. */
export const hiddenMs = (config: SessionConfig) =>
  (numberAtLeast(config.hiddenTimeout, 0) ?? DEFAULT_HIDDEN_TIMEOUT) * 1000;

/** `max-cost` when it is a positive number of credits; null when unset or not usable. */
export function budgetCredits(config: SessionConfig): number | null {
  const credits = numberAtLeast(config.maxCost, 0);
  return credits && credits > 0 ? credits : null;
}

/** A `max-cost` was set but is not a positive number: no session runs without its budget. */
const badBudget = (config: SessionConfig) =>
  config.maxCost != null && budgetCredits(config) === null;

/**
 * What is wrong with the numeric attributes and `background`, one console line each (`raw`: the
 * attribute's text as written). Everything but a bad `max-cost` falls back to a safe value.
 */
export function attributeProblems(
  config: SessionConfig,
  raw: (attribute: string, value: unknown) => string,
): string[] {
  const problems: string[] = [];
  const { maxDuration, idleTimeout, idleWarning, maxCost } = config;
  const duration = maxDurationOf(config);
  if (duration === null)
    problems.push(
      `max-duration="${raw('max-duration', maxDuration)}" is not a positive number of seconds: using ${DEFAULT_MAX_DURATION}.`,
    );
  else if (duration > PLATFORM_MAX_DURATION)
    problems.push(
      `max-duration="${raw('max-duration', maxDuration)}" is over the platform's limit: using ${PLATFORM_MAX_DURATION}.`,
    );
  const idle = [
    ['idle-timeout', idleTimeout, DEFAULT_IDLE_TIMEOUT, ' (0 turns idle detection off)'],
    ['idle-warning', idleWarning, DEFAULT_IDLE_WARNING, ''],
    ['hidden-timeout', config.hiddenTimeout, DEFAULT_HIDDEN_TIMEOUT, ' (0: no limit)'],
  ] as const;
  for (const [name, value, fallback, note] of idle)
    if (numberAtLeast(value, 0) === null)
      problems.push(
        `${name}="${raw(name, value)}" is not a number of seconds${note}: using ${fallback}.`,
      );
  const warning = numberAtLeast(idleWarning, 0);
  if (warning !== null && warning < ACCESSIBLE_WARNING)
    problems.push(
      `idle-warning="${raw('idle-warning', idleWarning)}" is under ${ACCESSIBLE_WARNING} s: too short to answer for some visitors (WCAG 2.2.1).`,
    );
  // A removed attribute reads null: the default, not a mistake.
  const { background } = config;
  if (background != null && background !== 'auto' && !BACKGROUND_POLICIES.includes(background))
    problems.push(`background="${background}" is not hold, end or keep: using auto.`);
  if (badBudget(config))
    problems.push(
      `max-cost="${raw('max-cost', maxCost)}" is not a positive number of credits: no session starts until it is fixed.`,
    );
  return problems;
}

/** Validates the configuration (and the API origin it resolves to) and returns the token source. */
export function tokenSourceFor(
  config: SessionConfig,
  apiUrl: string,
  onPage: boolean,
): TokenSource {
  const { model, token, tokenProvider, tokenUrl } = config;
  if (!onPage) {
    // Its safeguards (timeout, idle, unload) only run on the page: never bill without them.
    throw setupError('Add <reactor-session> to the page before connecting.');
  }
  if (!model.trim()) {
    throw setupError('Set the model attribute, for example <reactor-session model="helios">.');
  }
  checkApiUrl(apiUrl);
  if (badBudget(config)) {
    throw setupError(
      `max-cost "${String(config.maxCost)}" is not a positive number of credits, so no session starts.`,
    );
  }
  if (tokenUrl) {
    refuseApiKey(tokenUrl, 'token-url');
    // A data: (or any non-http) URL carries its answer in the page, for every visitor to read.
    if (!isHttpUrl(tokenUrl, location.href))
      throw setupError(
        `token-url must be an http(s) route on your backend, not "${tokenUrl.split(',')[0]}": a token in the page is there for anyone to take.`,
      );
  }
  if (tokenProvider) return new TokenSource({ provider: tokenProvider });
  if (token) return new TokenSource({ token });
  if (tokenUrl) return new TokenSource({ url: tokenUrl });
  throw setupError(
    'Set token-url to your site route that returns a session token (or set the token or tokenProvider property).',
  );
}

/**
 * `token` is a property only: an attribute is visible to every visitor, and ignored. The console
 * line for one (`value`), worse when it is an API key.
 */
export function tokenAttributeProblem(value: string): string {
  const key = /^\s*rk_/i.test(value);
  return `<reactor-session token="…"> is ignored${key ? ', and it is a Reactor API key: remove it from the page now and rotate the key' : ''}. Use token-url with a route on your backend (see the token broker).`;
}

/** A `video-track` the model does not have would leave the stage dark: say so. */
export function warnOnMissingTrack(config: SessionConfig, capabilities: Capabilities | null) {
  const { videoTrack, model } = config;
  const tracks = capabilities?.tracks ?? [];
  if (tracks.some((t) => t.kind === 'video' && t.name === videoTrack)) return;
  const names = tracks.filter((t) => t.kind === 'video').map((t) => t.name);
  say(
    `video-track "${videoTrack}" is not a video track of ${model} (it has: ${names.join(', ') || 'none'}).`,
  );
}
