/**
 * Our own lean client of the Reactor session protocol (the wire protocol of the official SDK
 * 2.9.0): create → poll → ICE servers → SDP offer → poll the answer → ready when the peer
 * connection is connected and the `data` channel open. Framework-free; the elements drive it.
 *
 * Money rules: any failure terminates whatever was created; a drop is recovered within the
 * platform's window or the session is terminated; `terminateOnUnload()` sends a keepalive DELETE
 * that outlives the page.
 */
import { PlatformError } from './errors.js';
import { API_HEADERS, TRANSPORT_HEADERS, requestJson } from './http.js';
import type { TokenSource } from './tokens.js';

export type SessionStatus = 'disconnected' | 'connecting' | 'waiting' | 'ready' | 'reconnecting';

export interface TrackCapability {
  name: string;
  kind: 'video' | 'audio';
  direction: 'recvonly' | 'sendonly';
}

export interface Capabilities {
  protocol_version: string;
  tracks: TrackCapability[];
  commands?: { name: string; description: string; schema?: Record<string, unknown> }[];
  emission_fps?: number | null;
}

export interface SessionClientOptions {
  apiUrl: string;
  model: string;
  tokens: TokenSource;
  /** Retries of a 429 before giving up (default 5). */
  rateLimitRetries?: number;
  /** Recover a dropped connection within the platform's window (default true). */
  reconnect?: boolean;
  /** Gives up connecting after this long (default 3 min; waiting for a GPU is free). */
  connectTimeoutMs?: number;
  /** Sleep between 429 retries; replaceable in tests. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

export interface SessionClientEvents {
  status: { status: SessionStatus; previous: SessionStatus };
  track: { name: string; track: MediaStreamTrack; stream: MediaStream };
  message: { message: unknown };
  'runtime-message': { message: unknown };
  /** A 429: the client waits `retryAfter` seconds, then tries again (attempt counts from 1). */
  'rate-limited': { retryAfter: number; attempt: number; code: string };
  /** The session is over: `server` when the platform ended it, `error` when it could not recover. */
  ended: { reason: 'server' | 'error'; error?: PlatformError };
}

const SDK_INFO = { sdk_version: '2.9.0', sdk_type: 'js' };
const PING_INTERVAL_MS = 5000;
const ICE_GATHER_LIMIT_MS = 3000;
const TRANSPORT_READY_LIMIT_MS = 20_000;
const MAX_MESSAGE_BYTES = 256 * 1024;
const BACKOFF_CAP_S = 30;
/** Tries of the terminating DELETE (network errors, 5xx, 429, timeouts are retried). */
const DELETE_ATTEMPTS = 4;
const RETRYABLE: ReadonlySet<string> = new Set([
  'network',
  'timeout',
  'server-error',
  'rate-limited',
  'concurrency-limit',
]);

const abortableSleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal.aborted) return reject(new PlatformError('aborted', 'Cancelled.'));
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(new PlatformError('aborted', 'Cancelled.'));
      },
      { once: true },
    );
  });

export class SessionClient extends EventTarget {
  status: SessionStatus = 'disconnected';
  sessionId: string | null = null;
  capabilities: Capabilities | null = null;

  private readonly apiUrl: string;
  private pc: RTCPeerConnection | null = null;
  private channel: RTCDataChannel | null = null;
  private controller = new AbortController();
  private pingTimer: ReturnType<typeof setInterval> | null = null;
  private jwt: string | null = null;
  private ended = false;

  constructor(private readonly options: SessionClientOptions) {
    super();
    this.apiUrl = options.apiUrl.replace(/\/+$/, '');
  }

  on<K extends keyof SessionClientEvents>(
    type: K,
    listener: (detail: SessionClientEvents[K]) => void,
  ): () => void {
    const handler = (event: Event) =>
      listener((event as CustomEvent<SessionClientEvents[K]>).detail);
    this.addEventListener(type, handler);
    return () => this.removeEventListener(type, handler);
  }

  /** Starts a session; resolves when it is ready (billed from here). */
  async connect(): Promise<void> {
    if (this.status !== 'disconnected' || this.sessionId) {
      throw new PlatformError('conflict', 'This client already has a session.');
    }
    this.ended = false;
    this.controller = new AbortController();
    const signal = AbortSignal.any([
      this.controller.signal,
      AbortSignal.timeout(this.options.connectTimeoutMs ?? 180_000),
    ]);
    this.setStatus('connecting');
    try {
      const created = await this.createSession(signal);
      this.sessionId = created.session_id;
      this.setStatus('waiting');
      this.capabilities = await this.pollCapabilities(signal);
      await this.openTransport('POST', signal);
      this.setStatus('ready');
    } catch (error) {
      await this.terminate();
      throw this.normalise(error, signal);
    }
  }

  /** Re-establishes the transport of the same session (within the platform's recoverable window). */
  async reconnect(): Promise<void> {
    if (!this.sessionId || !this.capabilities)
      throw new PlatformError('conflict', 'There is no session to resume.');
    this.closeTransport();
    this.setStatus('reconnecting');
    const signal = AbortSignal.any([this.controller.signal, AbortSignal.timeout(25_000)]);
    try {
      await this.openTransport('PUT', signal);
      this.setStatus('ready');
    } catch (error) {
      const failure = this.normalise(error, signal);
      const ended = failure.code === 'conflict' || failure.code === 'not-found';
      await this.terminate();
      this.emit('ended', { reason: ended ? 'server' : 'error', error: failure });
      throw failure;
    }
  }

  /**
   * Ends the session for good (non-recoverable): local cleanup, then DELETE. Never throws.
   * Resolves with null when the platform confirmed the end (or there was nothing to end), else
   * with the error of the last try: the platform then ends the session itself once the connection
   * has been gone for its recoverable window, and bills until then.
   */
  async terminate(): Promise<PlatformError | null> {
    const id = this.sessionId;
    this.ended = true;
    this.controller.abort();
    this.closeTransport();
    this.sessionId = null;
    this.setStatus('disconnected');
    if (!id) return null;
    // The GPU bills until this DELETE lands: retry what may pass on a second try.
    for (let attempt = 1; ; attempt++) {
      try {
        await this.options.tokens.withToken((jwt) =>
          requestJson(`${this.apiUrl}/sessions/${id}`, {
            method: 'DELETE',
            headers: { ...API_HEADERS, Authorization: `Bearer ${jwt}` },
            timeoutMs: 10_000,
          }),
        );
        return null;
      } catch (error) {
        const failure =
          error instanceof PlatformError
            ? error
            : new PlatformError('network', error instanceof Error ? error.message : String(error));
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
   * For `pagehide`/`beforeunload`: a DELETE that survives the page (`keepalive`), sent at once
   * with the token already held. Synchronous; the session is considered over.
   */
  terminateOnUnload(): void {
    const id = this.sessionId;
    if (!id || !this.jwt) return;
    this.ended = true;
    void fetch(`${this.apiUrl}/sessions/${id}`, {
      method: 'DELETE',
      keepalive: true,
      headers: { ...API_HEADERS, Authorization: `Bearer ${this.jwt}` },
      credentials: 'omit',
    }).catch(() => undefined);
    this.controller.abort();
    this.closeTransport();
    this.sessionId = null;
    this.setStatus('disconnected');
  }

  /** Sends a command to the model; only while ready. */
  sendCommand(name: string, data: unknown): void {
    if (this.status !== 'ready' || this.channel?.readyState !== 'open') {
      throw new PlatformError('conflict', `Cannot send "${name}": the session is ${this.status}.`);
    }
    this.send('application', name, data);
  }

  // ---- steps -----------------------------------------------------------------------------

  private async api<T>(
    path: string,
    init: { method?: 'GET' | 'POST' | 'PUT' | 'DELETE'; body?: unknown; transport?: boolean },
    signal: AbortSignal,
  ) {
    return this.options.tokens.withToken(async (jwt) => {
      this.jwt = jwt;
      return requestJson<T>(`${this.apiUrl}${path}`, {
        method: init.method ?? 'GET',
        body: init.body,
        signal,
        headers: {
          ...(init.transport ? TRANSPORT_HEADERS : API_HEADERS),
          Authorization: `Bearer ${jwt}`,
        },
      });
    }, signal);
  }

  private async createSession(signal: AbortSignal): Promise<{ session_id: string }> {
    const retries = this.options.rateLimitRetries ?? 5;
    const sleep = this.options.sleep ?? abortableSleep;
    for (let attempt = 1; ; attempt++) {
      try {
        const { data } = await this.api<{ session_id?: unknown }>(
          '/sessions',
          {
            method: 'POST',
            body: {
              model: { name: this.options.model },
              client_info: SDK_INFO,
              supported_transports: [{ protocol: 'webrtc', version: '1.0' }],
            },
          },
          signal,
        );
        if (typeof data?.session_id !== 'string') {
          throw new PlatformError('bad-response', 'The platform did not name the new session.');
        }
        return { session_id: data.session_id };
      } catch (error) {
        const limited =
          error instanceof PlatformError &&
          (error.code === 'rate-limited' || error.code === 'concurrency-limit');
        if (!limited || attempt > retries) throw error;
        const backoff = Math.min(BACKOFF_CAP_S, 2 ** (attempt - 1));
        const wait = Math.max(error.retryAfter ?? 0, backoff) * (1 + Math.random() * 0.2);
        this.emit('rate-limited', { retryAfter: Math.ceil(wait), attempt, code: error.code });
        await sleep(wait * 1000, signal);
      }
    }
  }

  private async pollCapabilities(signal: AbortSignal): Promise<Capabilities> {
    let delay = 100;
    for (;;) {
      const { data } = await this.api<{
        state?: string;
        capabilities?: Capabilities;
        selected_transport?: { protocol: string };
      }>(`/sessions/${this.sessionId}`, {}, signal);
      if (data?.state === 'CLOSED' || data?.state === 'INACTIVE') {
        throw new PlatformError('conflict', 'The session ended before a GPU was ready.');
      }
      if (data?.capabilities && data.selected_transport) {
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
      await abortableSleep(delay, signal);
      delay = Math.min(1000, delay * 1.5);
    }
  }

  private async openTransport(method: 'POST' | 'PUT', signal: AbortSignal): Promise<void> {
    const base = `/sessions/${this.sessionId}/transport/webrtc`;
    const { data: ice } = await this.api<{
      ice_servers?: { uris: string[]; credentials?: { username: string; password: string } }[];
    }>(`${base}/ice_servers`, { transport: true }, signal);
    const iceServers: RTCIceServer[] = (ice?.ice_servers ?? []).map((s) => ({
      urls: s.uris,
      ...(s.credentials
        ? { username: s.credentials.username, credential: s.credentials.password }
        : {}),
    }));
    const pc = new RTCPeerConnection({ iceServers });
    this.pc = pc;
    const channel = pc.createDataChannel('data');
    this.attachChannel(channel);
    pc.ondatachannel = (event) => this.attachChannel(event.channel);
    const byTransceiver = new Map<RTCRtpTransceiver, string>();
    for (const track of this.capabilities!.tracks) {
      byTransceiver.set(pc.addTransceiver(track.kind, { direction: track.direction }), track.name);
    }
    pc.ontrack = (event) => {
      const name =
        byTransceiver.get(event.transceiver) ??
        event.transceiver.mid ??
        `unknown-${event.track.id}`;
      this.emit('track', {
        name,
        track: event.track,
        stream: event.streams[0] ?? new MediaStream([event.track]),
      });
    };
    await pc.setLocalDescription(await pc.createOffer());
    await this.iceGathered(pc);
    const mapping = this.capabilities!.tracks.map((track) => {
      const transceiver = [...byTransceiver].find(([, name]) => name === track.name)![0];
      return { mid: transceiver.mid ?? '', ...track };
    });
    const offered = await this.api(
      `${base}/sdp_params`,
      {
        method,
        transport: true,
        body: {
          sdp_offer: pc.localDescription!.sdp,
          client_info: SDK_INFO,
          track_mapping: mapping,
        },
      },
      signal,
    );
    if (offered.status !== 202)
      throw new PlatformError('bad-response', `The SDP offer got ${offered.status}, not 202.`);
    let delay = 50;
    for (;;) {
      const answer = await this.api<{ sdp_answer?: string }>(
        `${base}/sdp_params`,
        { transport: true },
        signal,
      );
      if (answer.status === 200 && answer.data?.sdp_answer) {
        await pc.setRemoteDescription({ type: 'answer', sdp: answer.data.sdp_answer });
        break;
      }
      await abortableSleep(delay, signal);
      delay = Math.min(500, delay * 1.5);
    }
    await this.transportReady(pc, signal);
    pc.onconnectionstatechange = () => {
      const state = pc.connectionState;
      if (pc === this.pc && (state === 'disconnected' || state === 'failed' || state === 'closed'))
        void this.dropped();
    };
    this.startPing();
  }

  private iceGathered(pc: RTCPeerConnection): Promise<void> {
    if (pc.iceGatheringState === 'complete') return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ICE_GATHER_LIMIT_MS);
      pc.addEventListener('icegatheringstatechange', () => {
        if (pc.iceGatheringState === 'complete') {
          clearTimeout(timer);
          resolve();
        }
      });
    });
  }

  private transportReady(pc: RTCPeerConnection, signal: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => finish(new PlatformError('timeout', 'The video connection did not come up.')),
        TRANSPORT_READY_LIMIT_MS,
      );
      const check = () => {
        if (pc.connectionState === 'failed')
          finish(new PlatformError('network', 'The video connection failed.'));
        else if (pc.connectionState === 'connected' && this.channel?.readyState === 'open')
          finish();
      };
      const onAbort = () => finish(new PlatformError('aborted', 'Cancelled.'));
      const finish = (error?: PlatformError) => {
        clearTimeout(timer);
        clearInterval(poll);
        signal.removeEventListener('abort', onAbort);
        if (error) reject(error);
        else resolve();
      };
      const poll = setInterval(check, 20);
      signal.addEventListener('abort', onAbort, { once: true });
      check();
    });
  }

  /** The connection dropped without a terminate: recover, or end the session so it stops billing. */
  private async dropped(): Promise<void> {
    if (this.ended || this.status !== 'ready') return;
    this.closeTransport();
    if (this.options.reconnect === false) {
      await this.terminate();
      this.emit('ended', {
        reason: 'error',
        error: new PlatformError('network', 'The connection dropped.'),
      });
      return;
    }
    try {
      await this.reconnect();
    } catch {
      /* reconnect() terminated and reported it */
    }
  }

  private attachChannel(channel: RTCDataChannel): void {
    this.channel = channel;
    channel.onmessage = (event: MessageEvent) => {
      let parsed: unknown = event.data;
      if (typeof event.data === 'string') {
        try {
          parsed = JSON.parse(event.data) as unknown;
        } catch {
          /* not JSON: delivered as text */
        }
      }
      const envelope = parsed as { scope?: unknown; data?: unknown } | null;
      if (envelope && typeof envelope === 'object' && envelope.scope === 'runtime') {
        this.emit('runtime-message', { message: envelope.data });
      } else if (envelope && typeof envelope === 'object' && envelope.scope === 'application') {
        this.emit('message', { message: envelope.data });
      } else {
        this.emit('message', { message: parsed });
      }
    };
  }

  private send(scope: 'application' | 'runtime', type: string, data: unknown): void {
    const text = JSON.stringify({ scope, data: { type, data } });
    const limit = this.pc?.sctp?.maxMessageSize || MAX_MESSAGE_BYTES;
    if (new TextEncoder().encode(text).length > limit) {
      throw new PlatformError(
        'bad-request',
        `The command "${type}" is larger than ${limit} bytes.`,
      );
    }
    this.channel!.send(text);
  }

  private startPing(): void {
    this.stopPing();
    this.pingTimer = setInterval(() => {
      if (this.channel?.readyState === 'open') this.send('runtime', 'ping', {});
    }, PING_INTERVAL_MS);
  }

  private stopPing(): void {
    if (this.pingTimer) clearInterval(this.pingTimer);
    this.pingTimer = null;
  }

  private closeTransport(): void {
    this.stopPing();
    const pc = this.pc;
    this.pc = null;
    if (this.channel) this.channel.onmessage = null;
    this.channel?.close();
    this.channel = null;
    pc?.close();
  }

  private normalise(error: unknown, signal: AbortSignal): PlatformError {
    if (error instanceof PlatformError) {
      if (error.code === 'aborted' && !this.controller.signal.aborted && signal.aborted) {
        return new PlatformError('timeout', 'Connecting took too long.');
      }
      return error;
    }
    return new PlatformError('network', error instanceof Error ? error.message : String(error));
  }

  private setStatus(status: SessionStatus): void {
    if (status === this.status) return;
    const previous = this.status;
    this.status = status;
    this.emit('status', { status, previous });
  }

  private emit<K extends keyof SessionClientEvents>(type: K, detail: SessionClientEvents[K]): void {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }
}
