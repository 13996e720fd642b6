/** The one error type of the platform layer: what went wrong, the HTTP status, and when to retry. */
import { isNumber } from './values.js';

export type PlatformErrorCode =
  | 'unauthorized'
  | 'payment-required'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'rate-limited'
  | 'concurrency-limit'
  | 'client-outdated'
  | 'server-outdated'
  | 'bad-request'
  | 'server-error'
  | 'network'
  | 'bad-response'
  | 'timeout'
  /** The connect limit passed while waiting for a GPU: nothing was billed. */
  | 'no-gpu'
  /** The browser cannot play live video (it has no WebRTC): nothing was asked for. */
  | 'unsupported'
  /** Live, but no video frame arrived in time: the session was ended. */
  | 'no-video'
  | 'aborted';

/** Seconds to wait after a 429 or 503 that names no `Retry-After` (the platform's docs say 3). */
export const DEFAULT_RETRY_AFTER = 3;

export class PlatformError extends Error {
  override readonly name = 'PlatformError';

  constructor(
    readonly code: PlatformErrorCode,
    message: string,
    /** The HTTP status, or null when no response arrived. */
    readonly status: number | null = null,
    /** Seconds to wait before retrying, for 429 and 503; null otherwise. */
    readonly retryAfter: number | null = null,
    /**
     * The site's own setup is at fault (its configuration, its token route), not Reactor or the
     * visitor's network: the visitor gets a calm message, the developer the details.
     */
    readonly setup = false,
  ) {
    super(message);
  }
}

/** The error of anything the caller cancelled (an abort signal). */
export const cancelled = () => new PlatformError('aborted', 'Cancelled.');

/** A mistake in the site's setup: `message` says exactly what to fix. */
export const setupError = (
  message: string,
  code: PlatformErrorCode = 'bad-request',
  status?: number | null,
) => new PlatformError(code, message, status ?? null, null, true);

/** What a thrown value says. */
export const messageOf = (error: unknown) =>
  error instanceof Error ? error.message : String(error);

/** Any thrown value as a PlatformError (a non-platform failure counts as a network one). */
export function asPlatformError(error: unknown): PlatformError {
  return error instanceof PlatformError ? error : new PlatformError('network', messageOf(error));
}

const MESSAGE_LIMIT = 300;

function codeFor(status: number, bodyCode: unknown): PlatformErrorCode {
  switch (status) {
    case 401:
      return 'unauthorized';
    case 402:
      return 'payment-required';
    case 403:
      return 'forbidden';
    case 404:
      return 'not-found';
    case 409:
      return 'conflict';
    case 426:
      return 'client-outdated';
    case 429:
      return bodyCode === 'concurrency-limit' ? 'concurrency-limit' : 'rate-limited';
    case 501:
      return 'server-outdated';
    default:
      return status >= 500 ? 'server-error' : 'bad-request';
  }
}

/** Reads `Retry-After` as seconds (a number, or an HTTP date), else the body's `retry_after`. */
export function parseRetryAfter(
  header: string | null,
  body: unknown,
  now = Date.now(),
): number | null {
  if (header !== null && header.trim() !== '') {
    const seconds = Number(header);
    if (Number.isFinite(seconds) && seconds >= 0) return seconds;
    const date = /[a-z]/i.test(header) ? Date.parse(header) : NaN;
    if (Number.isFinite(date)) return Math.max(0, Math.ceil((date - now) / 1000));
  }
  const fromBody = (body as { retry_after?: unknown } | null)?.retry_after;
  return isNumber(fromBody) && fromBody >= 0 ? fromBody : null;
}

/**
 * The error for a non-2xx answer; `body` is the parsed JSON body (the coordinator's `{code,
 * message}`, or the runtime's `{detail}`), or its text, or null.
 */
export function errorFromResponse(status: number, headers: Headers, body: unknown): PlatformError {
  const record = body && typeof body === 'object' ? (body as Record<string, unknown>) : null;
  const code = codeFor(status, record?.code);
  const said = [record?.message, record?.detail, record?.error].find((t) => typeof t === 'string');
  const text =
    (said as string | undefined) ??
    (typeof body === 'string' && body && !body.trimStart().startsWith('<')
      ? body
      : `HTTP ${status}`);
  const retryable = status === 429 || status === 503;
  const retryAfter = retryable
    ? (parseRetryAfter(headers.get('Retry-After'), record) ?? DEFAULT_RETRY_AFTER)
    : null;
  return new PlatformError(code, text.slice(0, MESSAGE_LIMIT), status, retryAfter);
}
