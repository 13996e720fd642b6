/**
 * fetch for the platform layer: version headers, an abort signal and a timeout, JSON that never
 * throws a raw SyntaxError, and every failure as a {@link PlatformError}.
 */
import { blockedByCsp, mixedContent, watchConnectSrc } from './blocked.js';
import { PlatformError, errorFromResponse, setupError, cancelled, messageOf } from './errors.js';
import { timeoutSignal } from './timeout-signal.js';

/** Sent on every coordinator call (the protocol's API version). */
export const API_HEADERS: Readonly<Record<string, string>> = {
  'Reactor-API-Version': '1',
  'Reactor-API-Accept-Version': '1',
};
/** Sent on every WebRTC transport call. */
export const TRANSPORT_HEADERS: Readonly<Record<string, string>> = {
  'Reactor-WebRTC-Version': '1.0',
};

export const DEFAULT_TIMEOUT_MS = 15_000;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  headers?: Record<string, string>;
  /** Sent as JSON. */
  body?: unknown;
  signal?: AbortSignal;
  /** Gives up after this long (default 15 s) with code `timeout`. */
  timeoutMs?: number;
  /** Lets the request outlive the page (unload). */
  keepalive?: boolean;
  /** Cookies: none for the Reactor API (default `omit`); the site's own routes may want them. */
  credentials?: RequestCredentials;
  /**
   * The HTTP cache mode. Default `no-cache`: every request asks the server (freshness is the
   * platform layer's business, e.g. the pricing cache, and a credential is never reused). The
   * session's own calls pass `default` (see `SessionClient`).
   */
  cache?: RequestCache;
}

export interface JsonResponse<T> {
  status: number;
  headers: Headers;
  /** The parsed body; null when it was empty. */
  data: T | null;
}

/** Makes a request and parses a JSON answer. Non-2xx answers reject with a PlatformError. */
export async function requestJson<T = unknown>(
  target: string,
  options: RequestOptions = {},
): Promise<JsonResponse<T>> {
  const url = absoluteUrl(target);
  watchConnectSrc();
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const timeout = timeoutSignal(timeoutMs, options.signal);
  const { signal } = timeout;
  const headers: Record<string, string> = { ...options.headers };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  let text: string;
  try {
    response = await fetch(url, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal,
      keepalive: options.keepalive,
      credentials: options.credentials ?? 'omit',
      cache: options.cache ?? 'no-cache',
    });
    text = await response.text();
  } catch (error) {
    if (options.signal?.aborted) throw cancelled();
    if (timeout.timedOut) {
      throw new PlatformError(
        'timeout',
        `No answer from ${new URL(url).origin} within ${timeoutMs} ms.`,
      );
    }
    const origin = new URL(url).origin;
    if (await blockedByCsp(origin)) {
      throw setupError(
        `The page's Content-Security-Policy blocks requests to ${origin}: add it to connect-src.`,
        'network',
      );
    }
    const mixed = mixedContent(url);
    if (mixed) throw setupError(mixed, 'network');
    const detail = messageOf(error);
    throw new PlatformError('network', `Could not reach ${origin} (${detail}).`);
  } finally {
    timeout.clear();
  }
  const parsed = parseJson(text);
  if (!response.ok)
    throw errorFromResponse(response.status, response.headers, parsed.ok ? parsed.value : text);
  if (!parsed.ok) {
    throw new PlatformError(
      'bad-response',
      `${new URL(url).pathname} did not answer JSON.`,
      response.status,
    );
  }
  return { status: response.status, headers: response.headers, data: parsed.value as T | null };
}

/** Resolves a page-relative URL (`/api/reactor-token`) against the document. */
export function absoluteUrl(url: string): string {
  return new URL(url, globalThis.location?.href).href;
}

/**
 * True when `url` is an `http:` or `https:` URL: absolute, or (with `base`) relative to it. Any
 * other scheme (`data:`, `javascript:`, `blob:`) or no URL at all is false.
 */
export function isHttpUrl(url: string, base?: string): boolean {
  try {
    return /^https?:$/.test(new URL(url, base).protocol);
  } catch {
    return false;
  }
}

/** Throws a setup error unless `apiUrl` is an absolute `http:` or `https:` URL. */
export function checkApiUrl(apiUrl: string): void {
  if (!isHttpUrl(apiUrl)) throw setupError(`api-url "${apiUrl}" is not an absolute URL.`);
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  if (text.trim() === '') return { ok: true, value: null };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}
