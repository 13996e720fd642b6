/**
 * The WebRTC half of a session, one per connection (a reconnect opens a new one on the same
 * session): ICE servers → SDP offer → poll for the answer → up when the peer connection is
 * connected and the `data` channel open. It also owns the data channel: the message envelope,
 * the size limit and the keep-alive ping. Framework-free; the session client drives it.
 */
import { PlatformError } from './errors.js';
import type { JsonResponse } from './http.js';

export interface TrackCapability {
  name: string;
  kind: 'video' | 'audio';
  direction: 'recvonly' | 'sendonly';
}

/** Identifies this client to the platform (the official SDK's protocol version). */
export const CLIENT_INFO = { sdk_version: '2.9.0', sdk_type: 'js' };

/** One call to `/sessions/{id}/transport/webrtc/{path}`, authorised by the session client. */
export type TransportCall = <T>(
  path: 'ice_servers' | 'sdp_params',
  init: { method?: 'POST' | 'PUT'; body?: unknown },
  signal: AbortSignal,
) => Promise<JsonResponse<T>>;

/** What a transport reports, in the session client's event shapes. */
export interface TransportEvents {
  track: { name: string; track: MediaStreamTrack; stream: MediaStream };
  /** A message of the model (the envelope's `application` scope, or no envelope). */
  message: { message: unknown };
  /** A message of the runtime (the envelope's `runtime` scope). */
  'runtime-message': { message: unknown };
}

export type TransportReport = <K extends keyof TransportEvents>(
  type: K,
  detail: TransportEvents[K],
) => void;

const PING_INTERVAL_MS = 5000;
const ICE_GATHER_LIMIT_MS = 3000;
const TRANSPORT_READY_LIMIT_MS = 20_000;
const MAX_MESSAGE_BYTES = 256 * 1024;

export const abortableSleep = (ms: number, signal: AbortSignal) =>
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

export class WebRtcTransport {
  private pc: RTCPeerConnection | null = null;
  private channel: RTCDataChannel | null = null;
  private pingTimer: ReturnType<typeof setInterval> | null = null;

  constructor(
    private readonly call: TransportCall,
    private readonly tracks: readonly TrackCapability[],
    private readonly report: TransportReport,
    /** The connection went away after it was up; never called after `close()`. */
    private readonly onDrop: () => void,
  ) {}

  /** True while the data channel is open. */
  get isOpen(): boolean {
    return this.channel?.readyState === 'open';
  }

  /** Offers (POST) or re-offers (PUT, a reconnect) and resolves once the connection is up. */
  async open(method: 'POST' | 'PUT', signal: AbortSignal): Promise<void> {
    const { data: ice } = await this.call<{
      ice_servers?: { uris: string[]; credentials?: { username: string; password: string } }[];
    }>('ice_servers', {}, signal);
    const iceServers: RTCIceServer[] = (ice?.ice_servers ?? []).map((s) => ({
      urls: s.uris,
      ...(s.credentials
        ? { username: s.credentials.username, credential: s.credentials.password }
        : {}),
    }));
    const pc = new RTCPeerConnection({ iceServers });
    this.pc = pc;
    this.attachChannel(pc.createDataChannel('data'));
    pc.ondatachannel = (event) => this.attachChannel(event.channel);
    const byTransceiver = new Map<RTCRtpTransceiver, string>();
    for (const track of this.tracks) {
      byTransceiver.set(pc.addTransceiver(track.kind, { direction: track.direction }), track.name);
    }
    pc.ontrack = (event) => {
      const name =
        byTransceiver.get(event.transceiver) ??
        event.transceiver.mid ??
        `unknown-${event.track.id}`;
      const stream = event.streams[0] ?? new MediaStream([event.track]);
      this.report('track', { name, track: event.track, stream });
    };
    await pc.setLocalDescription(await pc.createOffer());
    await iceGathered(pc);
    const mapping = this.tracks.map((track) => {
      const transceiver = [...byTransceiver].find(([, name]) => name === track.name)![0];
      return { mid: transceiver.mid ?? '', ...track };
    });
    const offered = await this.call(
      'sdp_params',
      {
        method,
        body: {
          sdp_offer: pc.localDescription!.sdp,
          client_info: CLIENT_INFO,
          track_mapping: mapping,
        },
      },
      signal,
    );
    if (offered.status !== 202)
      throw new PlatformError('bad-response', `The SDP offer got ${offered.status}, not 202.`);
    let delay = 50;
    for (;;) {
      const answer = await this.call<{ sdp_answer?: string }>('sdp_params', {}, signal);
      if (answer.status === 200 && answer.data?.sdp_answer) {
        await pc.setRemoteDescription({ type: 'answer', sdp: answer.data.sdp_answer });
        break;
      }
      await abortableSleep(delay, signal);
      delay = Math.min(500, delay * 1.5);
    }
    await this.connected(pc, signal);
    pc.onconnectionstatechange = () => {
      const state = pc.connectionState;
      if (pc === this.pc && (state === 'disconnected' || state === 'failed' || state === 'closed'))
        this.onDrop();
    };
    this.startPing();
  }

  /** Sends one envelope on the data channel; throws when it is larger than the channel allows. */
  send(scope: 'application' | 'runtime', type: string, data: unknown): void {
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

  /** Closes the channel and the peer connection. Idempotent; no hook is called afterwards. */
  close(): void {
    if (this.pingTimer) clearInterval(this.pingTimer);
    this.pingTimer = null;
    const pc = this.pc;
    this.pc = null;
    if (this.channel) this.channel.onmessage = this.channel.onclose = null;
    this.channel?.close();
    this.channel = null;
    pc?.close();
  }

  private connected(pc: RTCPeerConnection, signal: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => finish(new PlatformError('timeout', 'The video connection did not come up.')),
        TRANSPORT_READY_LIMIT_MS,
      );
      const check = () => {
        if (pc.connectionState === 'failed')
          finish(new PlatformError('network', 'The video connection failed.'));
        else if (pc.connectionState === 'connected' && this.isOpen) finish();
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

  private attachChannel(channel: RTCDataChannel): void {
    this.channel = channel;
    // The GPU side closed the channel: the session ended there, or its peer went away. The
    // connection state says so much later (Firefox: about 10 s, at the ICE consent check;
    // Chromium: seconds), and the meter would run on until then.
    channel.onclose = () => {
      if (channel === this.channel) this.onDrop();
    };
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
      const scope = envelope && typeof envelope === 'object' ? envelope.scope : undefined;
      if (scope === 'runtime') this.report('runtime-message', { message: envelope!.data });
      else this.report('message', { message: scope === 'application' ? envelope!.data : parsed });
    };
  }

  private startPing(): void {
    if (this.pingTimer) clearInterval(this.pingTimer);
    this.pingTimer = setInterval(() => {
      if (this.isOpen) this.send('runtime', 'ping', {});
    }, PING_INTERVAL_MS);
  }
}

function iceGathered(pc: RTCPeerConnection): Promise<void> {
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
