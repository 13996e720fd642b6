/**
 * What `<reactor-session>` tells its session unit, read at the moment it is needed, and the
 * checks made on it before anything is created: a session that cannot be run safely is refused
 * with a clear message instead.
 */
import { PLATFORM_MAX_DURATION } from '../internal/constants.js';
import { setupError } from '../platform/errors.js';
import { checkApiUrl } from '../platform/http.js';
import type { Capabilities } from '../platform/session-client.js';
import { TokenSource, refuseApiKey, type TokenProvider } from '../platform/tokens.js';
import { numberOr } from '../platform/values.js';

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
  readonly maxCost: number | null;
  readonly videoTrack: string;
}

/** `max-duration` clamped to the platform's limits, in seconds. */
export function capSeconds(config: SessionConfig): number {
  return Math.min(PLATFORM_MAX_DURATION, Math.max(1, numberOr(config.maxDuration, 300)));
}

/** The idle timeout and warning in milliseconds (a timeout of 0 disables idle detection). */
export function idleTimes(config: SessionConfig): { timeoutMs: number; warningMs: number } {
  return {
    timeoutMs: Math.max(0, numberOr(config.idleTimeout, 60)) * 1000,
    warningMs: Math.max(0, numberOr(config.idleWarning, 15)) * 1000,
  };
}

/** The budget in credits, or null when there is none. */
export function budgetCredits(config: SessionConfig): number | null {
  const { maxCost } = config;
  return maxCost !== null && Number.isFinite(maxCost) ? Math.max(0, maxCost) : null;
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
  if (tokenUrl) refuseApiKey(tokenUrl, 'token-url');
  if (tokenProvider) return new TokenSource({ provider: tokenProvider });
  if (token) return new TokenSource({ token });
  if (tokenUrl) return new TokenSource({ url: tokenUrl });
  throw setupError(
    'Set token-url to your site route that returns a session token (or set the token or tokenProvider property).',
  );
}

/** A `video-track` the model does not have would leave the stage dark: say so. */
export function warnOnMissingTrack(config: SessionConfig, capabilities: Capabilities | null) {
  const { videoTrack, model } = config;
  const tracks = capabilities?.tracks ?? [];
  if (tracks.some((t) => t.kind === 'video' && t.name === videoTrack)) return;
  const names = tracks.filter((t) => t.kind === 'video').map((t) => t.name);
  console.warn(
    `[reactor-elements] video-track "${videoTrack}" is not a video track of ${model} (it has: ${names.join(', ') || 'none'}).`,
  );
}
