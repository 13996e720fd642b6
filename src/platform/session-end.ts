/**
 * How a session is ended on the wire: a non-recoverable `DELETE /sessions/{id}`. The GPU bills
 * until one lands, so the normal path retries what may pass on a second try, and the unload path
 * sends a `keepalive` request that outlives the page. Framework-free.
 */
import { type PlatformError, asPlatformError } from './errors.js';
import { API_HEADERS, requestJson } from './http.js';
import type { TokenSource } from './tokens.js';

/** Tries of the terminating DELETE (network errors, 5xx, 429, timeouts are retried). */
const DELETE_ATTEMPTS = 4;
const RETRYABLE: ReadonlySet<string> = new Set([
  'network',
  'timeout',
  'server-error',
  'rate-limited',
  'concurrency-limit',
]);

/**
 * DELETEs the session, retrying transient failures. Never throws. Resolves with null when the
 * platform confirmed the end (a 404 means it was already over), else with the last try's error:
 * the platform then ends the session itself once the connection has been gone for its
 * recoverable window, and bills until then.
 */
export async function deleteSession(
  apiUrl: string,
  id: string,
  tokens: TokenSource,
): Promise<PlatformError | null> {
  for (let attempt = 1; ; attempt++) {
    try {
      await tokens.withToken((jwt) =>
        requestJson(`${apiUrl}/sessions/${id}`, {
          method: 'DELETE',
          headers: { ...API_HEADERS, Authorization: `Bearer ${jwt}` },
          timeoutMs: 10_000,
          // The visitor may leave right after the end (End, then close the tab; a page that
          // removes its iframe): without keepalive the page's teardown cancels this DELETE and
          // the platform holds, and bills, the GPU for its recoverable window.
          keepalive: true,
        }),
      );
      return null;
    } catch (error) {
      const failure = asPlatformError(error);
      if (failure.code === 'not-found') return null; // already over
      if (attempt >= DELETE_ATTEMPTS || !RETRYABLE.has(failure.code)) {
        console.warn('[reactor-elements] could not terminate the session:', failure);
        return failure;
      }
      const wait =
        failure.retryAfter !== null
          ? Math.min(failure.retryAfter * 1000, 5000)
          : 500 * 2 ** (attempt - 1);
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}

/**
 * For `pagehide`/`beforeunload`: a DELETE that survives the page (`keepalive`), sent at once with
 * a token already held (there is no time to fetch one). Synchronous: nothing is awaited.
 */
export function deleteSessionOnUnload(apiUrl: string, id: string, jwt: string): void {
  void fetch(`${apiUrl}/sessions/${id}`, {
    method: 'DELETE',
    keepalive: true,
    headers: { ...API_HEADERS, Authorization: `Bearer ${jwt}` },
    credentials: 'omit',
  }).catch(() => undefined);
}
