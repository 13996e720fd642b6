/**
 * The coordinator's HTTP calls of one session, apart from its lifecycle: a call authorised with
 * a token, `POST /sessions` (with its 429 retries and one fresh token on a 401 or 403), the poll
 * for a GPU (the session's capabilities) and the session's ICE servers. Framework-free.
 */
import { PlatformError } from './errors.js';
import { API_HEADERS, TRANSPORT_HEADERS, type JsonResponse, requestJson } from './http.js';
import { CAPABILITIES_POLL, abortableSleep, poll } from './poll-schedule.js';
import type { CommandCapability } from './commands.js';
import { CLIENT_INFO, type IceServers, type TrackCapability } from './webrtc-transport.js';

export interface Capabilities {
  protocol_version: string;
  tracks: TrackCapability[];
  commands?: CommandCapability[];
  emission_fps?: number | null;
}

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** A coordinator call with one token; `transport`: a WebRTC route (its own version header). */
export type ApiCall = <T>(
  path: string,
  init: { method?: Method; body?: unknown; transport?: boolean },
) => Promise<JsonResponse<T>>;

/** Coordinator calls to `apiUrl` with `jwt`, cancelled by `signal`. */
export function apiCall(apiUrl: string, jwt: string | null, signal: AbortSignal): ApiCall {
  return (path, init) =>
    requestJson(`${apiUrl}${path}`, {
      method: init.method ?? 'GET',
      body: init.body,
      signal,
      headers: {
        ...(init.transport ? TRANSPORT_HEADERS : API_HEADERS),
        Authorization: `Bearer ${jwt}`,
      },
      // The HTTP cache's default mode, on purpose: `no-store` and `no-cache` also bypass
      // Chromium's CORS preflight cache, and every poll then paid a preflight (8 to 12 per
      // connect instead of 3, measured by `npm run bench`). A poll is still never answered from
      // the cache: the session's answers carry no freshness (no max-age, Expires or
      // Last-Modified), so the browser asks the server each time.
      cache: 'default',
    });
}

/** The body of `POST /sessions` for `model`. */
export const createBody = (model: string) => ({
  model: { name: model },
  client_info: CLIENT_INFO,
  supported_transports: [{ protocol: 'webrtc', version: '1.0' }],
});

const BACKOFF_CAP_S = 30;
/**
 * The longest wait a 429 on create gets, whatever its `Retry-After` says (`1e9`, a date in 9999):
 * past it the visitor would watch a countdown nobody can wait for, and `setTimeout` fires at once.
 */
const RETRY_AFTER_CAP_S = 60;

export interface CreateOptions {
  /** Retries of a 429 before giving up. */
  retries: number;
  /** The call with the token held now (it changes after a refresh). */
  call: () => ApiCall;
  /** Drops the held token and takes a fresh one (at most once). */
  refreshToken: () => Promise<void>;
  /** A 429: the wait about to start, in whole seconds. */
  onRateLimited: (retryAfter: number, attempt: number, code: string) => void;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  signal: AbortSignal;
}

/**
 * `POST /sessions`: the new session's id. A refused token (401: expired; 403: it has created all
 * the sessions it may) is replaced once, which is safe since no session exists yet; a 429 is
 * retried after its `Retry-After` (at least an exponential backoff, with jitter).
 */
export async function createSession(model: string, options: CreateOptions): Promise<string> {
  const sleep = options.sleep ?? abortableSleep;
  let refreshed = false;
  for (let attempt = 1; ; attempt++) {
    try {
      const { data } = await options.call()<{ session_id?: unknown }>('/sessions', {
        method: 'POST',
        body: createBody(model),
      });
      if (typeof data?.session_id !== 'string') {
        throw new PlatformError('bad-response', 'The platform did not name the new session.');
      }
      return data.session_id;
    } catch (error) {
      const code = error instanceof PlatformError ? error.code : '';
      if ((code === 'unauthorized' || code === 'forbidden') && !refreshed) {
        refreshed = true;
        await options.refreshToken();
        continue;
      }
      const limited = code === 'rate-limited' || code === 'concurrency-limit';
      if (!limited || attempt > options.retries) throw error;
      const backoff = Math.min(BACKOFF_CAP_S, 2 ** (attempt - 1));
      const retryAfter = (error as PlatformError).retryAfter ?? 0;
      const wait =
        Math.min(RETRY_AFTER_CAP_S, Math.max(retryAfter, backoff)) * (1 + Math.random() * 0.2);
      options.onRateLimited(Math.ceil(wait), attempt, code);
      await sleep(wait * 1000, options.signal);
    }
  }
}

/** Polls the session until a GPU is assigned: its capabilities. */
export function pollCapabilities(
  call: ApiCall,
  sessionId: string,
  signal: AbortSignal,
): Promise<Capabilities> {
  return poll(CAPABILITIES_POLL, () => capabilitiesNow(call, sessionId), signal);
}

/** One poll of the session: its capabilities once the GPU is assigned, else undefined. */
async function capabilitiesNow(
  call: ApiCall,
  sessionId: string,
): Promise<Capabilities | undefined> {
  const { data } = await call<{
    state?: string;
    capabilities?: Capabilities;
    selected_transport?: { protocol: string };
  }>(`/sessions/${sessionId}`, {});
  if (data?.state === 'CLOSED' || data?.state === 'INACTIVE') {
    throw new PlatformError('conflict', 'The session ended before a GPU was ready.');
  }
  if (!data?.capabilities || !data.selected_transport) return undefined;
  if (data.selected_transport.protocol !== 'webrtc') {
    throw new PlatformError(
      'bad-response',
      `Unsupported transport ${data.selected_transport.protocol}.`,
    );
  }
  if (!Array.isArray(data.capabilities.tracks))
    throw new PlatformError('bad-response', 'No track list.');
  return data.capabilities;
}

/**
 * Registers the session's connection (`POST …/transport/webrtc/connections` → `{connection_id}`)
 * and returns its SDP route, `…/connections/{cid}/sdp_params`, where the offer goes (`PUT` on the
 * same id to reconnect). A platform without the route (404, 405) is an older one: its cid-less
 * `…/sdp_params` is used instead.
 */
export async function registerConnection(call: ApiCall, sessionId: string): Promise<string> {
  const base = `/sessions/${sessionId}/transport/webrtc`;
  try {
    const { data } = await call<{ connection_id?: unknown }>(`${base}/connections`, {
      method: 'POST',
      body: {},
      transport: true,
    });
    const cid = data?.connection_id;
    if (!/^\d{1,9}$/.test(String(cid)))
      throw new PlatformError('bad-response', 'The platform did not name the connection.');
    return `${base}/connections/${String(cid)}/sdp_params`;
  } catch (error) {
    const status = (error as PlatformError).status;
    if (status === 404 || status === 405) return `${base}/sdp_params`;
    throw error;
  }
}

/** `GET …/ice_servers` of the session, as `RTCIceServer`s. */
export async function iceServers(call: ApiCall, sessionId: string): Promise<IceServers> {
  const { data } = await call<{
    ice_servers?: { uris: string[]; credentials?: { username: string; password: string } }[];
  }>(`/sessions/${sessionId}/transport/webrtc/ice_servers`, { transport: true });
  return (data?.ice_servers ?? []).map((s) => ({
    urls: s.uris,
    ...(s.credentials
      ? { username: s.credentials.username, credential: s.credentials.password }
      : {}),
  }));
}
