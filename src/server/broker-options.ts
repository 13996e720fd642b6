/**
 * The token broker's options, checked and with their defaults: every number the site owner
 * sets is validated once, at start, so a typo fails the deploy rather than a visitor's click.
 */
import { maskSecrets } from './replies.js';
import type { ConnectionInfo } from './client-identity.js';
import { createMemoryStore, type LimitStore } from './limit-store.js';
import { originMatcher } from './origins.js';
import { PLATFORM_MAX_SESSION_S } from './spend.js';

/** What `authorize` answers: true to go on; false (403) or a status and message to refuse. */
export type AuthorizeResult = boolean | { status: 401 | 403; message?: string };

export interface TokenHandlerOptions {
  /** The Reactor API key (`rk_…`). Server-side only. */
  apiKey: string;
  /** Models the tokens may start sessions for, e.g. `['reactor/helios']`. */
  models: string[];
  /**
   * Page origins allowed to ask, e.g. `['https://example.com']`; `https://*.webflow.io` allows
   * every subdomain of a domain (a builder's preview sites), never the domain itself.
   */
  allowedOrigins: string[];
  /**
   * Sessions one token may create (reconnects reuse the session; the elements take a new token
   * when one is spent). Default 2.
   */
  maxSessions?: number;
  /**
   * The longest session (seconds) the site's pages allow, at most the platform's 1,200. Default
   * 1,200. It sizes each token's reservation under `dailyCreditCeiling` and its lifetime. The
   * elements end their sessions by then; the platform does not know it (see SECURITY.md).
   */
  maxDuration?: number;
  /** Token lifetime in seconds (the platform caps it at 21,600). Default `maxDuration` + 300. */
  expiresAfter?: number;
  /** Default `https://api.reactor.inc`. */
  apiUrl?: string;
  /** Tokens one client may get in any minute. Default 10. */
  perClientPerMinute?: number;
  /** Tokens the whole site may hand out in any minute, every instance together. Default 100. */
  perSitePerMinute?: number;
  /**
   * Credits the site may commit in a UTC day: each token reserves its worst case
   * (`maxSessions` × `maxDuration` × the highest rate of its models, from `GET /pricing`), and
   * a token that would pass the ceiling is refused (429) until the day ends. Default: none.
   */
  dailyCreditCeiling?: number;
  /** Where the limits are counted. Default: this process's memory (each instance alone). */
  store?: LimitStore;
  /**
   * How many proxies in front of the broker append to `X-Forwarded-For` (e.g. 1 behind one
   * reverse proxy or a serverless platform's edge). Default 0: the header is not read.
   */
  trustProxy?: number;
  /** How to tell clients apart instead (e.g. a user id from the site's session). */
  clientKey?: (request: Request, info?: ConnectionInfo) => string;
  /** The site's own gate before any limit or upstream call: its login, a bot check, a plan. */
  authorize?: (
    request: Request,
    info?: ConnectionInfo,
  ) => AuthorizeResult | Promise<AuthorizeResult>;
  /** Where refusals are logged, one line each (default `console.warn`). */
  log?: (line: string) => void;
  /** For tests and unusual runtimes. */
  fetch?: typeof fetch;
  now?: () => number;
}

const positive = (value: number | undefined, fallback: number, name: string) => {
  if (value === undefined) return fallback;
  if (!(value > 0) || !Number.isFinite(value))
    throw new Error(`createTokenHandler: ${name} must be a positive number, not ${value}.`);
  return value;
};

/** The options with defaults applied; throws a clear error for a missing or bad one. */
export function brokerSettings(options: TokenHandlerOptions) {
  if (!options.apiKey) throw new Error('createTokenHandler: apiKey is required.');
  if (!options.models?.length) throw new Error('createTokenHandler: list at least one model.');
  if (!options.allowedOrigins?.length)
    throw new Error('createTokenHandler: list the allowed origins.');
  const allowed = originMatcher(options.allowedOrigins);
  const write = options.log ?? ((line: string) => console.warn(line));
  // Every line masked, whoever wrote it (a secret must never reach a log).
  const log = (line: string) => write(maskSecrets(line));
  if (/\s/.test(options.apiKey.trim()))
    throw new Error(
      'createTokenHandler: apiKey holds a space or a line break (two keys pasted?): set exactly one key.',
    );
  for (const wildcard of allowed.shared)
    log(
      `[reactor-elements token broker] allowedOrigins: ${wildcard} lets every site on that shared domain ask for tokens on your account; list your own subdomain (e.g. ${wildcard.replace('*', 'my-site')}) instead.`,
    );
  const maxDuration = Math.min(
    PLATFORM_MAX_SESSION_S,
    positive(options.maxDuration, PLATFORM_MAX_SESSION_S, 'maxDuration'),
  );
  return {
    apiUrl: (options.apiUrl ?? 'https://api.reactor.inc').replace(/\/+$/, ''),
    allowed,
    perClient: positive(options.perClientPerMinute, 10, 'perClientPerMinute'),
    perSite: positive(options.perSitePerMinute, 100, 'perSitePerMinute'),
    maxSessions: positive(options.maxSessions, 2, 'maxSessions'),
    maxDuration,
    ceiling:
      options.dailyCreditCeiling === undefined
        ? null
        : positive(options.dailyCreditCeiling, 0, 'dailyCreditCeiling'),
    expiresAfter: Math.min(
      21_600,
      Math.max(60, positive(options.expiresAfter, maxDuration + 300, 'expiresAfter')),
    ),
    trustProxy: Math.max(0, Math.floor(options.trustProxy ?? 0)),
    store: options.store ?? createMemoryStore(),
    now: options.now ?? (() => Date.now()),
    doFetch: options.fetch ?? fetch,
    log,
  };
}
