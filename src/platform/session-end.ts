/**
 * How a session is ended on the wire: a non-recoverable `DELETE /sessions/{id}`. The GPU bills
 * until one lands, so the normal path retries what may pass on a second try, and the unload path
 * sends a `keepalive` request that outlives the page. Framework-free.
 */
import { type PlatformError, asPlatformError } from './errors.js';
import { API_HEADERS, requestJson } from './http.js';
import type { TokenSource } from './tokens.js';
import { say } from '../internal/console.js';

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
 * DELETEs the session with the token it was created with, retrying transient failures. Never
 * throws. Resolves with null when the platform confirmed the end, else with the last try's
 * error: the platform then ends the session itself once the connection has been gone for its
 * recoverable window, and bills until then.
 *
 * A 404 is proof of an end only when the session's own token got it: a newer token (tried once
 * when the session's token was refused) may simply not see the session (a scoped token sees only
 * its own), so a 404 then proves nothing.
 */
export async function deleteSession(
  apiUrl: string,
  id: string,
  jwt: string,
  tokens: TokenSource,
): Promise<PlatformError | null> {
  const send = (token: string) =>
    requestJson(`${apiUrl}/sessions/${id}`, {
      method: 'DELETE',
      headers: { ...API_HEADERS, Authorization: `Bearer ${token}` },
      timeoutMs: 10_000,
      // The visitor may leave right after the end (End, then close the tab; a page that
      // removes its iframe): without keepalive the page's teardown cancels this DELETE and
      // the platform holds, and bills, the GPU for its recoverable window.
      keepalive: true,
    });
  for (let attempt = 1; ; attempt++) {
    try {
      await send(jwt);
      return null;
    } catch (error) {
      let failure: PlatformError | null = asPlatformError(error);
      if (failure.code === 'not-found') return null; // already over
      if (failure.code === 'unauthorized') failure = await withNewToken(send, tokens, failure);
      if (!failure) return null;
      if (attempt >= DELETE_ATTEMPTS || !RETRYABLE.has(failure.code)) {
        say(`could not terminate the session: ${String(failure)}`);
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
 * The session's token was refused: one try with a newer one (an unscoped token may end it).
 * Null when that ended the session.
 */
async function withNewToken(
  send: (token: string) => Promise<unknown>,
  tokens: TokenSource,
  refused: PlatformError,
): Promise<PlatformError | null> {
  try {
    tokens.invalidate();
    await send(await tokens.get());
    return null;
  } catch (error) {
    const failure = asPlatformError(error);
    // Not found by another token is not proof of an end: report the refusal instead.
    return failure.code === 'not-found' ? refused : failure;
  }
}

/** A request built ahead of time, to be sent as the very first step of an unload handler. */
export interface PreparedRequest {
  readonly url: string;
  readonly init: RequestInit;
}

/**
 * The DELETE for `pagehide`/`beforeunload`, built while the session runs: it survives the page
 * (`keepalive`) and carries a token already held (there is no time to fetch one then).
 *
 * Built ahead, not at unload, because of Firefox: closing a tab shuts its content process down
 * and aborts the running page script at its next interrupt check (a loop, an object spread), an
 * uncatchable abort. An unload handler that builds headers before calling `fetch` is then often
 * cut off before any request exists (a tab close ended 42 % of sessions that way). With the
 * request ready, `fetch` is the handler's first step (and `UnloadController` gives it a second
 * listener, for when the first one is cut off all the same).
 */
export function unloadRequest(apiUrl: string, id: string, jwt: string): PreparedRequest {
  const headers: Record<string, string> = { ...API_HEADERS, Authorization: `Bearer ${jwt}` };
  return {
    url: `${apiUrl}/sessions/${id}`,
    init: { method: 'DELETE', keepalive: true, headers, credentials: 'omit' },
  };
}
