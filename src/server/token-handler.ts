/**
 * The token broker a site owner runs on their backend: `(Request) => Promise<Response>`, usable
 * from Node, edge runtimes and serverless functions. It holds the Reactor API key, asks
 * `POST {apiUrl}/tokens` for a JWT scoped to the allowed models and a session count, and hands
 * the page `{jwt, expires_at}`. It never sends the key, or an upstream error body that could
 * carry it, to the browser.
 *
 * Refusals answer `{code, message}` (the platform's own error shape, which the elements read) and
 * are logged as one line each, without secrets, so a site owner can see why pages get no token.
 */

export interface TokenHandlerOptions {
  /** The Reactor API key (`rk_…`). Server-side only. */
  apiKey: string;
  /** Models the tokens may start sessions for, e.g. `['reactor/helios']`. */
  models: string[];
  /** Page origins allowed to ask, e.g. `['https://example.com']`. */
  allowedOrigins: string[];
  /** Sessions one token may create (reconnects reuse the session). Default 5. */
  maxSessions?: number;
  /** Token lifetime in seconds (the platform caps it at 21,600). Default 3,600. */
  expiresAfter?: number;
  /** Default `https://api.reactor.inc`. */
  apiUrl?: string;
  /** Tokens one client may get per minute. Default 10. */
  perClientPerMinute?: number;
  /** How to tell clients apart; default: the first `X-Forwarded-For` address, else the origin. */
  clientKey?: (request: Request) => string;
  /** Where refusals are logged, one line each (default `console.warn`). */
  log?: (line: string) => void;
  /** For tests and unusual runtimes. */
  fetch?: typeof fetch;
  now?: () => number;
}

export type TokenHandler = (request: Request) => Promise<Response>;

const short = (model: string) => model.slice(model.lastIndexOf('/') + 1).toLowerCase();

export function createTokenHandler(options: TokenHandlerOptions): TokenHandler {
  if (!options.apiKey) throw new Error('createTokenHandler: apiKey is required.');
  if (!options.models?.length) throw new Error('createTokenHandler: list at least one model.');
  if (!options.allowedOrigins?.length)
    throw new Error('createTokenHandler: list the allowed origins.');
  const apiUrl = (options.apiUrl ?? 'https://api.reactor.inc').replace(/\/+$/, '');
  const allowed = new Set(options.allowedOrigins.map((o) => new URL(o).origin));
  const perMinute = options.perClientPerMinute ?? 10;
  const now = options.now ?? (() => Date.now());
  const doFetch = options.fetch ?? fetch;
  const recent = new Map<string, number[]>();
  const log = options.log ?? ((line: string) => console.warn(line));

  /** A refusal: `{code, message}` for the page, and one log line (`why`) for the site owner. */
  const refuse = (
    status: number,
    code: string,
    message: string,
    why: string,
    origin: string | null,
    headers: Record<string, string> = {},
  ) => {
    log(`[reactor-elements token broker] ${status} ${code}: ${why}`);
    return reply(status, { code, message }, origin, headers);
  };

  const reply = (
    status: number,
    body: unknown,
    origin: string | null,
    headers: Record<string, string> = {},
  ) =>
    new Response(body === null ? null : JSON.stringify(body), {
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

  /** The page's origin: the Origin header, or the Referer's origin (same-origin GETs omit Origin). */
  const originOf = (request: Request): string | null => {
    const header = request.headers.get('Origin') ?? request.headers.get('Referer');
    if (!header || header === 'null') return null;
    try {
      return new URL(header).origin;
    } catch {
      return null;
    }
  };

  const underLimit = (key: string): number | null => {
    const t = now();
    const times = (recent.get(key) ?? []).filter((at) => t - at < 60_000);
    if (times.length >= perMinute) {
      recent.set(key, times);
      return Math.max(1, Math.ceil((times[0]! + 60_000 - t) / 1000));
    }
    times.push(t);
    recent.set(key, times);
    if (recent.size > 10_000) recent.delete(recent.keys().next().value!);
    return null;
  };

  return async (request) => {
    const origin = originOf(request);
    if (!origin || !allowed.has(origin)) {
      return refuse(
        403,
        'origin-not-allowed',
        'This origin may not request tokens.',
        `origin ${origin ?? '(none)'} is not in allowedOrigins`,
        null,
      );
    }
    if (request.method === 'OPTIONS')
      return reply(204, null, origin, { 'Access-Control-Max-Age': '600' });
    if (request.method !== 'GET' && request.method !== 'POST') {
      return refuse(
        405,
        'method-not-allowed',
        'Use GET or POST.',
        `method ${request.method}`,
        origin,
        {
          Allow: 'GET, POST, OPTIONS',
        },
      );
    }
    let requested = new URL(request.url).searchParams.get('model');
    if (request.method === 'POST' && !requested) {
      const body = (await request.json().catch(() => null)) as { model?: unknown } | null;
      if (typeof body?.model === 'string') requested = body.model;
    }
    let models = options.models;
    if (requested) {
      models = options.models.filter((m) => short(m) === short(requested!));
      if (!models.length) {
        const name = requested.slice(0, 100);
        return refuse(
          400,
          'unknown-model',
          `Unknown model: ${name}`,
          `model ${JSON.stringify(name)} is not in models`,
          origin,
        );
      }
    }
    const client =
      options.clientKey?.(request) ??
      request.headers.get('X-Forwarded-For')?.split(',')[0]?.trim() ??
      origin;
    const retryAfter = underLimit(client);
    if (retryAfter !== null) {
      return refuse(
        429,
        'rate-limited',
        'Too many token requests.',
        `client ${client} asked for more than ${perMinute} tokens a minute`,
        origin,
        { 'Retry-After': String(retryAfter) },
      );
    }
    let upstream: Response;
    try {
      upstream = await doFetch(`${apiUrl}/tokens`, {
        method: 'POST',
        headers: { 'Reactor-API-Key': options.apiKey, 'Content-Type': 'application/json' },
        body: JSON.stringify({
          expires_after: Math.min(21_600, Math.max(60, options.expiresAfter ?? 3600)),
          authorization_details: [
            {
              type: 'session',
              resources: { models: { match: models } },
              constraints: { max_sessions: options.maxSessions ?? 5 },
            },
          ],
        }),
        signal: AbortSignal.timeout(10_000),
      });
    } catch (error) {
      return refuse(
        502,
        'token-service-unreachable',
        'The token service could not be reached.',
        `POST ${apiUrl}/tokens failed (${error instanceof Error ? error.message : String(error)})`,
        origin,
      );
    }
    const data = (await upstream.json().catch(() => null)) as {
      jwt?: unknown;
      expires_at?: unknown;
    } | null;
    if (!upstream.ok || typeof data?.jwt !== 'string' || typeof data.expires_at !== 'number') {
      // The upstream body is neither passed on nor logged: it could quote the request, key included.
      const hint = upstream.status === 401 || upstream.status === 403 ? ' (check apiKey)' : '';
      return refuse(
        502,
        'token-service-refused',
        `The token service refused (${upstream.status}).`,
        `POST ${apiUrl}/tokens answered ${upstream.status}${upstream.ok ? ' without {jwt, expires_at}' : ''}${hint}`,
        origin,
      );
    }
    return reply(200, { jwt: data.jwt, expires_at: data.expires_at }, origin);
  };
}
