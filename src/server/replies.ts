/**
 * The broker's answers: JSON, never cached, CORS for an allowed origin only. A refusal carries
 * `{error, code, message}` (`error` for routes written against the official templates,
 * `code`/`message` in the platform's own error shape, which the elements read) and is logged as
 * one line for the site owner. Neither ever holds a key, an upstream body or a stack trace.
 */

import { maskSecrets } from '../internal/secrets.js';

export type Log = (line: string) => void;

export function reply(
  status: number,
  body: unknown,
  origin: string | null,
  headers: Record<string, string> = {},
): Response {
  return new Response(body === null ? null : JSON.stringify(body), {
    status,
    headers: {
      'Content-Type': 'application/json',
      'Cache-Control': 'no-store',
      Vary: 'Origin',
      ...(origin
        ? { 'Access-Control-Allow-Origin': origin, 'Access-Control-Allow-Methods': 'GET, POST' }
        : {}),
      ...headers,
    },
  });
}

/**
 * A refusal: the short JSON error for the page, and one log line (`why`) for the site owner
 * (none when `why` is null: said already).
 */
export function refusal(log: Log) {
  return (
    status: number,
    code: string,
    message: string,
    why: string | null,
    origin: string | null,
    headers: Record<string, string> = {},
  ): Response => {
    if (why !== null) log(`[reactor-elements token broker] ${status} ${code}: ${why}`);
    return reply(status, { error: message, code, message }, origin, headers);
  };
}

/** The page's origin: the Origin header, or the Referer's origin (same-origin GETs omit Origin). */
export function originOf(request: Request): string | null {
  const header = request.headers.get('Origin') ?? request.headers.get('Referer');
  if (!header || header === 'null') return null;
  try {
    return new URL(header).origin;
  } catch {
    return null;
  }
}

/** Seconds for `Retry-After`: whole, at least 1. */
export const retrySeconds = (ms: number) => String(Math.max(1, Math.ceil(ms / 1000)));

export { maskSecrets };

/** An error as one log phrase, secrets masked. */
export const said = (error: unknown) =>
  maskSecrets(error instanceof Error ? error.message : String(error));
