/**
 * The token broker a site owner runs on their backend: `(Request, info?) => Promise<Response>`,
 * usable from Node, edge runtimes and serverless functions. It holds the Reactor API key, asks
 * `POST {apiUrl}/tokens` for a JWT scoped to the allowed models and a session count, and hands
 * the page `{jwt, expires_at}`. It never sends the key, or an upstream error body that could
 * carry it, to the browser.
 *
 * Before a token is minted: the page's origin, the site's own `authorize` hook, then every limit
 * at once on the limit store (tokens per client and per site a minute, the day's worst-case
 * spend). A store that cannot be reached refuses the token (it fails closed). See SECURITY.md.
 */
import { clientAddress, type ConnectionInfo } from './client-identity.js';
import type { LimitCheck } from './limit-store.js';
import {
  brokerSettings,
  type AuthorizeResult,
  type TokenHandlerOptions,
} from './broker-options.js';
import { originOf, refusal, reply, retrySeconds, said } from './replies.js';
import { shortModelName } from '../platform/pricing.js';
import { BODY_LIMIT, readBody } from './request-body.js';
import { priceList, utcDay, worstCaseCredits } from './spend.js';

export type { AuthorizeResult, TokenHandlerOptions } from './broker-options.js';

export type TokenHandler = (request: Request, info?: ConnectionInfo) => Promise<Response>;

export function createTokenHandler(given: TokenHandlerOptions): TokenHandler {
  // Model names are compared, and sent to the platform, in one case: `Reactor/Helios` in a
  // variable is the platform's `reactor/helios`.
  const options = { ...given, models: given.models?.map((m) => m.trim().toLowerCase()) };
  const {
    apiUrl,
    allowed,
    perClient,
    perSite,
    maxSessions,
    maxDuration,
    ceiling,
    expiresAfter,
    trustProxy,
    store,
    now,
    doFetch,
    log,
  } = brokerSettings(options);
  const refuse = refusal(log);
  const prices = priceList(apiUrl, doFetch, now);
  let warnedUnknownClient = false;
  let storeDown = false;

  /** Who asks: the site's `clientKey`, else an address the client cannot choose. */
  const clientOf = (request: Request, info?: ConnectionInfo) => {
    const key = options.clientKey?.(request, info) ?? clientAddress(request, info, trustProxy);
    if (key) return key;
    if (!warnedUnknownClient) {
      warnedUnknownClient = true;
      log(
        '[reactor-elements token broker] the client address is unknown, so every client shares one per-client limit: mount it with toNodeHandler, pass { remoteAddress } as the second argument, or set trustProxy or clientKey',
      );
    }
    return '(unknown)';
  };

  /** Every limit this request counts against. Throws when the day's reservation cannot be sized. */
  const checksFor = async (client: string, models: string[]): Promise<LimitCheck[]> => {
    const checks: LimitCheck[] = [
      { kind: 'rate', key: `client:${client}`, limit: perClient, windowMs: 60_000 },
      { kind: 'rate', key: 'site', limit: perSite, windowMs: 60_000 },
    ];
    if (ceiling !== null) {
      const cost = worstCaseCredits(await prices(), models, maxSessions, maxDuration);
      const { day, resetAt } = utcDay(now());
      checks.push({ kind: 'budget', key: `credits:${day}`, limit: ceiling, cost, resetAt });
    }
    return checks;
  };

  /** The request's step by step: each answers a refusal, or lets the next one go on. */
  return async (request, info) => {
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
      // The JSON body of a POST (`{model}`) is sent with its Content-Type, which a preflight
      // must allow.
      return reply(204, null, origin, {
        'Access-Control-Max-Age': '600',
        'Access-Control-Allow-Headers': 'Content-Type',
      });
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
    const models = await modelsFor(request, origin);
    if (models instanceof Response) return models;
    const denied = await authorizeRequest(request, info, origin);
    if (denied) return denied;
    const limited = await takeLimits(clientOf(request, info), models, origin);
    return limited ?? mint(models, origin);
  };

  /** The models the token may start: the one asked for (`?model=` or a POST body), else all. */
  async function modelsFor(request: Request, origin: string): Promise<string[] | Response> {
    let requested = new URL(request.url).searchParams.get('model');
    if (request.method === 'POST' && !requested) {
      const read = await readBody(request);
      if ('status' in read)
        return read.status === 413
          ? refuse(
              413,
              'body-too-large',
              'The request is too large.',
              `a body over ${BODY_LIMIT} bytes`,
              origin,
            )
          : refuse(
              408,
              'body-too-slow',
              'The request took too long.',
              'a body that did not arrive in time',
              origin,
            );
      let body: { model?: unknown } | null = null;
      try {
        body = JSON.parse(read.text) as { model?: unknown } | null;
      } catch {
        /* no JSON body: every allowed model */
      }
      if (typeof body?.model === 'string') requested = body.model;
    }
    if (!requested) return options.models;
    const wanted = shortModelName(requested).toLowerCase();
    const models = options.models.filter((m) => shortModelName(m).toLowerCase() === wanted);
    if (models.length) return models;
    const name = requested.slice(0, 100);
    return refuse(
      400,
      'unknown-model',
      `Unknown model: ${name}`,
      `model ${JSON.stringify(name)} is not in models`,
      origin,
    );
  }

  /** The site's own `authorize` hook, when it has one: null when it lets the request go on. */
  async function authorizeRequest(
    request: Request,
    info: ConnectionInfo | undefined,
    origin: string,
  ): Promise<Response | null> {
    if (!options.authorize) return null;
    let verdict: AuthorizeResult;
    try {
      verdict = await options.authorize(request, info);
    } catch (error) {
      return refuse(
        500,
        'authorize-failed',
        'Tokens are not available right now.',
        `authorize threw (${said(error)})`,
        origin,
      );
    }
    if (verdict === true) return null;
    const status = verdict === false ? 403 : verdict.status;
    const message =
      (verdict !== false && verdict.message) ||
      (status === 401 ? 'Sign in to start a session.' : 'Not allowed to start a session.');
    return refuse(
      status,
      status === 401 ? 'unauthenticated' : 'forbidden',
      message,
      `authorize refused (${status})`,
      origin,
    );
  }

  /** Every limit at once on the store (it fails closed): null when the token may be minted. */
  async function takeLimits(
    client: string,
    models: string[],
    origin: string,
  ): Promise<Response | null> {
    let checks: LimitCheck[];
    try {
      checks = await checksFor(client, models);
    } catch (error) {
      return refuse(
        503,
        'pricing-unavailable',
        'Tokens are not available right now.',
        `the daily ceiling needs the price of ${models.join(', ')}: ${said(error)}`,
        origin,
        { 'Retry-After': '30' },
      );
    }
    let verdict;
    try {
      verdict = await store.take(checks, now());
      if (storeDown) log('[reactor-elements token broker] the limit store answers again');
      storeDown = false;
    } catch (error) {
      // Fail closed: without the shared counts no limit holds. One line per outage, not per request.
      const why = storeDown
        ? null
        : `the limit store failed (${said(error)}); no tokens until it answers`;
      storeDown = true;
      const message = 'Tokens are not available right now.';
      return refuse(503, 'limits-unavailable', message, why, origin, { 'Retry-After': '5' });
    }
    if (verdict.ok) return null;
    const check = checks[verdict.index]!;
    const headers = { 'Retry-After': retrySeconds(verdict.retryAfterMs) };
    if (check.kind === 'budget')
      return refuse(
        429,
        'daily-ceiling',
        'The site has reached its sessions for today.',
        `the day's reservations would pass dailyCreditCeiling ${ceiling} (each token reserves ${check.cost} credits)`,
        origin,
        headers,
      );
    const who =
      check.key === 'site'
        ? `the site asked for more than ${perSite}`
        : `client ${client} asked for more than ${perClient}`;
    return refuse(
      429,
      'rate-limited',
      'Too many token requests.',
      `${who} tokens a minute`,
      origin,
      headers,
    );
  }

  async function mint(models: string[], origin: string): Promise<Response> {
    let upstream: Response;
    try {
      upstream = await doFetch(`${apiUrl}/tokens`, {
        method: 'POST',
        headers: { 'Reactor-API-Key': options.apiKey, 'Content-Type': 'application/json' },
        body: JSON.stringify({
          expires_after: expiresAfter,
          authorization_details: [
            {
              type: 'session',
              resources: { models: { match: models } },
              constraints: { max_sessions: maxSessions },
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
        `POST ${apiUrl}/tokens failed (${said(error)})`,
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
  }
}
