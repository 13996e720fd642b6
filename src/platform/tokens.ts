/**
 * Session tokens for the browser. The page asks the site's own backend (`token-url`) for a
 * short-lived JWT; the Reactor API key (`rk_…`) never reaches the page, and this module refuses
 * one loudly if it does.
 */
import { PlatformError, setupError, cancelled } from './errors.js';
import { DEFAULT_TIMEOUT_MS, requestJson } from './http.js';
import { isNumber } from './values.js';
import { timeoutSignal } from './timeout-signal.js';

/** What a token provider may return: a JWT, or the backend's JSON. */
export type TokenReply = string | { jwt?: unknown; token?: unknown; expires_at?: unknown };
/** A function that fetches a token (for sites that mint tokens their own way). */
export type TokenProvider = (signal?: AbortSignal) => Promise<TokenReply>;

export interface TokenSourceOptions {
  /** The site's token route; GET by default. */
  url?: string;
  method?: 'GET' | 'POST';
  provider?: TokenProvider;
  /** A fixed token (it cannot be refreshed). */
  token?: string;
  /** Refetch this long before `expires_at` (default 30 s). */
  refreshMarginMs?: number;
  /** How long to keep a token whose expiry is unknown (default 5 min). */
  unknownLifetimeMs?: number;
  now?: () => number;
}

/** A token and when it expires (epoch ms on this page's clock; null when unknown). */
export interface Lease {
  jwt: string;
  expiresAt: number | null;
}

interface Held extends Lease {
  /** Epoch ms after which it is not used again. */
  useUntil: number;
}

/**
 * A session keeps the token it was created with to its end: a scoped token sees only its own
 * sessions, so a newer token cannot poll, reconnect or end it. The session therefore ends this
 * long before that token expires (time for the DELETE and its retries)...
 */
export const TOKEN_END_MARGIN_MS = 15_000;
/** ...and a token with less than this left cannot start one (the margin plus 15 s of use). */
export const MIN_SESSION_TOKEN_MS = 30_000;

/** The last moment (epoch ms) a session created with `lease` may run; null when unbounded. */
export const tokenDeadlineOf = (lease: Lease): number | null =>
  lease.expiresAt === null ? null : lease.expiresAt - TOKEN_END_MARGIN_MS;

/** Throws a setup error when a token expires too soon to run a session with it. */
export function checkSessionLease(lease: Lease, now = Date.now()): void {
  if (lease.expiresAt === null || lease.expiresAt - now >= MIN_SESSION_TOKEN_MS) return;
  const left = Math.max(0, Math.round((lease.expiresAt - now) / 1000));
  throw setupError(
    `The session token expires in ${left} s; a session needs ${MIN_SESSION_TOKEN_MS / 1000} s or more ` +
      `(it ends ${TOKEN_END_MARGIN_MS / 1000} s before its token expires): raise expires_after on your token route.`,
    'bad-response',
  );
}

/** Throws when `value` looks like a Reactor API key: those belong on the server only. */
export function refuseApiKey(value: string, where: string): void {
  if (/^rk_/i.test(value.trim())) {
    const message =
      `${where} is a Reactor API key (rk_…): it is exposed to everyone who loads this page. Rotate the key now, ` +
      'and serve short-lived session tokens from your backend instead (see the token broker).';
    throw setupError(message, 'forbidden');
  }
}

/** Reads a numeric claim (`exp`, `iat`: epoch seconds) of a JWT, or null. */
export function jwtClaim(jwt: string, name: 'exp' | 'iat'): number | null {
  try {
    const payload = jwt.split('.')[1];
    if (!payload) return null;
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const value = (JSON.parse(json) as Record<string, unknown>)[name];
    return isNumber(value) ? value : null;
  } catch {
    return null;
  }
}

/** Reads the `exp` claim (epoch seconds) of a JWT, or null. */
export const jwtExpiry = (jwt: string) => jwtClaim(jwt, 'exp');

/**
 * `expires_at` read as epoch seconds, a value past the year 5000 being milliseconds (refused: a
 * session would outlive its token); the JWT's own `exp` when it is earlier or `expires_at` is
 * missing. Null when neither says.
 */
export function expiryOf(expiresAt: unknown, jwt: string): number | null {
  const exp = jwtExpiry(jwt);
  if (!isNumber(expiresAt)) return exp;
  if (expiresAt > 1e11)
    throw setupError(
      `The token route answered expires_at ${expiresAt}, which looks like milliseconds: it must be epoch seconds.`,
      'bad-response',
    );
  return exp === null ? expiresAt : Math.min(expiresAt, exp);
}

/**
 * A token route's (or provider's) answer read as the element reads it: the token (`jwt`, or
 * `token`, or the answer itself when it is a string) and its expiry in epoch seconds (see
 * `expiryOf`). Throws the setup error the element shows for an answer it cannot use: no token,
 * an API key, an expiry in milliseconds, a token already expired. The setup checklist uses it
 * too, so it passes exactly the tokens the element takes.
 */
export function readTokenReply(
  reply: TokenReply | null,
  now = Date.now(),
): { jwt: string; expiresAt: number | null } {
  const record = typeof reply === 'string' ? { jwt: reply } : (reply ?? {});
  const jwt = typeof record.jwt === 'string' ? record.jwt : record.token;
  if (typeof jwt !== 'string' || !jwt.trim()) {
    throw setupError(
      'The token route answered no token (expected {jwt, expires_at}).',
      'bad-response',
    );
  }
  refuseApiKey(jwt, 'The token route answered a value that');
  const expiresAt = expiryOf(record.expires_at, jwt);
  if (expiresAt !== null && expiresAt * 1000 <= now)
    throw setupError('The token route answered a token that has already expired.', 'bad-response');
  return { jwt, expiresAt };
}

export class TokenSource {
  private held: Held | null = null;
  private pending: Promise<Held> | null = null;
  private readonly now: () => number;

  constructor(private readonly options: TokenSourceOptions) {
    this.now = options.now ?? (() => Date.now());
    if (options.token !== undefined) refuseApiKey(options.token, 'The token');
    if (!options.url && !options.provider && !options.token) {
      throw new PlatformError(
        'bad-request',
        'A token source needs a token URL, a provider or a token.',
      );
    }
  }

  /** A token that is valid for a while yet; fetched once and shared by concurrent callers. */
  async get(signal?: AbortSignal): Promise<string> {
    return (await this.lease(signal)).jwt;
  }

  /** Like `get`, with the token's expiry: for a session, which keeps its token to the end. */
  async lease(signal?: AbortSignal): Promise<Lease> {
    if (this.held && this.now() < this.held.useUntil) return this.held;
    const token = this.options.token;
    if (token !== undefined && !this.options.url && !this.options.provider) {
      const exp = jwtExpiry(token);
      return { jwt: token, expiresAt: exp === null ? null : exp * 1000 };
    }
    this.pending ??= this.fetchToken(signal).finally(() => (this.pending = null));
    this.held = await this.pending;
    return this.held;
  }

  /** Forgets the held token (after the platform answered 401). */
  invalidate(): void {
    this.held = null;
  }

  private async fetchToken(signal?: AbortSignal): Promise<Held> {
    const reply = this.options.provider
      ? await this.fromProvider(this.options.provider, signal)
      : await this.fetchFromRoute(signal);
    const now = this.now();
    const { jwt, expiresAt } = readTokenReply(reply, now);
    const margin = this.options.refreshMarginMs ?? 30_000;
    const useUntil =
      expiresAt === null
        ? now + (this.options.unknownLifetimeMs ?? 5 * 60_000)
        : Math.max(now, expiresAt * 1000 - margin);
    // The earlier of `exp` on this page's clock and `exp - iat` from now: a page clock that runs
    // behind would otherwise let a session outlive its token (one ahead only ends it early).
    const issuedAt = jwtClaim(jwt, 'iat');
    const lifetime =
      expiresAt !== null && issuedAt !== null && expiresAt > issuedAt
        ? now + (expiresAt - issuedAt) * 1000
        : Infinity;
    return {
      jwt,
      useUntil,
      expiresAt: expiresAt === null ? null : Math.min(expiresAt * 1000, lifetime),
    };
  }

  /** The page's `tokenProvider`, given as long as a token route gets (a hung one is a timeout). */
  private fromProvider(provider: TokenProvider, signal?: AbortSignal): Promise<TokenReply> {
    const timeout = timeoutSignal(DEFAULT_TIMEOUT_MS, signal);
    const both = timeout.signal;
    return new Promise<TokenReply>((resolve, reject) => {
      const onAbort = () =>
        reject(
          signal?.aborted
            ? cancelled()
            : setupError(
                `tokenProvider did not answer within ${DEFAULT_TIMEOUT_MS / 1000} s.`,
                'timeout',
              ),
        );
      both.addEventListener('abort', onAbort, { once: true });
      provider(both)
        .then(resolve, reject)
        .finally(() => {
          both.removeEventListener('abort', onAbort);
          timeout.clear();
        });
    });
  }

  /** The site's token route: any failure there is the site's setup, said with the route's URL. */
  private async fetchFromRoute(signal?: AbortSignal): Promise<TokenReply> {
    const url = this.options.url!;
    try {
      const { data } = await requestJson<TokenReply>(url, {
        method: this.options.method ?? 'GET',
        signal,
        credentials: 'same-origin',
        cache: 'no-store', // a credential: never kept in, nor taken from, the HTTP cache
      });
      return data ?? {};
    } catch (error) {
      if (!(error instanceof PlatformError) || error.code === 'aborted') throw error;
      // The route's own limits (per visitor, per site, its daily ceiling): busy, not a setup
      // mistake, and worth another try later.
      if (error.status === 429)
        throw new PlatformError('rate-limited', error.message, 429, error.retryAfter);
      const said =
        error.status === null
          ? `failed: ${error.message}`
          : `answered ${error.status}: ${error.message}`;
      throw setupError(
        `token-url ${url} ${said} It must answer {jwt, expires_at} (see the token broker).`,
        error.code,
        error.status,
      );
    }
  }
}
