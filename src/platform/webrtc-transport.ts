/**
 * The WebRTC half of a session, one per connection (a reconnect opens a new one on the same
 * session and connection id): ICE servers → SDP offer → poll for the answer → up when the peer
 * connection is connected and both channels open (`control`, made first, for the track verbs;
 * `data` for commands and the platform's messages). Today's runtime keeps every track it sends
 * paused until the client resumes it by name on `control`: each track is resumed as it arrives.
 * It also owns the channels: the encoding (wire.ts), the size limit and the keep-alive ping.
 * Framework-free; the session client drives it.
 */
import { PlatformError, cancelled } from './errors.js';
import { ANSWER_POLL, markPhase, poll } from './poll-schedule.js';
import type { JsonResponse } from './http.js';
import { decodeData, encodeCommand, encodeRuntime, encodeTrackVerb } from './wire.js';
import { iceReady } from './ice-ready.js';

export interface TrackCapability {
  name: string;
  kind: 'video' | 'audio';
  direction: 'recvonly' | 'sendonly';
}

/** Identifies this client to the platform (the official SDK's protocol version). */
export const CLIENT_INFO = { sdk_version: '2.9.0', sdk_type: 'js' };

/** The session's ICE servers, ready for `RTCPeerConnection`. */
export type IceServers = RTCIceServer[];

/**
 * One call to the session's SDP route, authorised by the session client (it knows the
 * connection's path: `…/connections/{cid}/sdp_params`, or an older platform's `…/sdp_params`).
 */
export type TransportCall = <T>(
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
const TRANSPORT_READY_LIMIT_MS = 20_000;
const MAX_MESSAGE_BYTES = 256 * 1024;

export class WebRtcTransport {
  private pc: RTCPeerConnection | null = null;
  private channel: RTCDataChannel | null = null;
  private control: RTCDataChannel | null = null;
  /** The names of the tracks received; each is resumed once `control` is open. */
  private readonly received = new Set<string>();
  private readonly resumed = new Set<string>();
  private pingTimer: ReturnType<typeof setInterval> | null = null;

  private closed = false;

  constructor(
    private readonly call: TransportCall,
    private readonly report: TransportReport,
    /** The connection went away after it was up; never called after `close()`. */
    private readonly onDrop: () => void,
  ) {}

  /** True while the data channel is open. */
  get isOpen(): boolean {
    return this.channel?.readyState === 'open';
  }

  /** True while both channels are open: the connection is up. */
  private get bothOpen(): boolean {
    return this.isOpen && this.control?.readyState === 'open';
  }

  /**
   * Creates the peer connection with its channels and a first local offer, so that its
   * certificate and ICE candidates exist before the GPU does: the session client calls this
   * during the wait for a GPU (the tracks come with the GPU). One BUNDLE transport
   * (`max-bundle`) carries every section, so the sections `open` adds need no candidates of
   * their own. Does nothing once the transport is closed.
   */
  async prepare(iceServers: IceServers): Promise<void> {
    if (this.closed || this.pc) return;
    const pc = new RTCPeerConnection({ iceServers, bundlePolicy: 'max-bundle' });
    this.pc = pc;
    // `control` before `data`, as the official SDK does; the runtime tells them apart by label.
    this.attachChannel(pc.createDataChannel('control'));
    this.attachChannel(pc.createDataChannel('data'));
    await pc.setLocalDescription(await pc.createOffer());
  }

  /** Offers (POST) or re-offers (PUT, a reconnect) the tracks; resolves once the connection is up. */
  async open(
    method: 'POST' | 'PUT',
    tracks: readonly TrackCapability[],
    signal: AbortSignal,
  ): Promise<void> {
    const pc = this.pc;
    if (!pc || this.closed) throw cancelled();
    const byTransceiver = new Map<RTCRtpTransceiver, string>();
    for (const track of tracks) {
      byTransceiver.set(pc.addTransceiver(track.kind, { direction: track.direction }), track.name);
    }
    pc.ontrack = (event) => {
      const name =
        byTransceiver.get(event.transceiver) ??
        event.transceiver.mid ??
        `unknown-${event.track.id}`;
      const stream = event.streams[0] ?? new MediaStream([event.track]);
      this.received.add(name);
      this.resumeTracks();
      this.report('track', { name, track: event.track, stream });
    };
    await pc.setLocalDescription(await pc.createOffer());
    await iceReady(pc, (pc.getConfiguration().iceServers ?? []).length > 0);
    markPhase('ice');
    const mapping = tracks.map((track) => {
      const transceiver = [...byTransceiver].find(([, name]) => name === track.name)![0];
      return { mid: transceiver.mid ?? '', ...track };
    });
    const offered = await this.call(
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
    const sdp = await poll(
      ANSWER_POLL,
      async () => {
        const answer = await this.call<{ sdp_answer?: string }>({}, signal);
        return answer.status === 200 && answer.data?.sdp_answer
          ? answer.data.sdp_answer
          : undefined;
      },
      signal,
    );
    markPhase('answer');
    await pc.setRemoteDescription({ type: 'answer', sdp });
    await this.connected(pc, signal);
    pc.onconnectionstatechange = () => {
      const state = pc.connectionState;
      if (pc === this.pc && (state === 'disconnected' || state === 'failed' || state === 'closed'))
        this.onDrop();
    };
    this.resumeTracks();
    this.startPing();
  }

  /** Sends a command for the model; throws when it is larger than the channel allows. */
  sendCommand(type: string, data: unknown, uploads?: Record<string, unknown>): void {
    this.sendText(type, encodeCommand(type, data, uploads));
  }

  /** Sends a message for the runtime (`requestSchema`, `fileUploaded`). */
  sendRuntime(type: string, data: unknown): void {
    this.sendText(type, encodeRuntime(type, data));
  }

  /**
   * Resumes every track received and not resumed yet, once `control` is open: the runtime
   * sends nothing of a track before (a black screen, billed).
   */
  private resumeTracks(): void {
    const control = this.control;
    if (control?.readyState !== 'open') return;
    for (const name of this.received)
      if (!this.resumed.has(name)) {
        this.resumed.add(name);
        control.send(encodeTrackVerb('resume_track', name));
      }
  }

  private sendText(type: string, text: string): void {
    const limit = this.pc?.sctp?.maxMessageSize || MAX_MESSAGE_BYTES;
    if (new TextEncoder().encode(text).length > limit) {
      throw new PlatformError(
        'bad-request',
        `The command "${type}" is larger than ${limit} bytes.`,
      );
    }
    this.channel!.send(text);
  }

  /** The peer connection's statistics (null once closed). */
  stats(): Promise<RTCStatsReport> | null {
    return this.pc && this.pc.connectionState !== 'closed' ? this.pc.getStats() : null;
  }

  /** Closes the channel and the peer connection. Idempotent; no hook is called afterwards. */
  close(): void {
    this.closed = true;
    if (this.pingTimer) clearInterval(this.pingTimer);
    this.pingTimer = null;
    const pc = this.pc;
    this.pc = null;
    for (const channel of [this.channel, this.control]) {
      if (channel) channel.onmessage = channel.onclose = channel.onopen = null;
      channel?.close();
    }
    this.channel = this.control = null;
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
        else if (pc.connectionState === 'connected' && this.bothOpen) finish();
      };
      const onAbort = () => finish(cancelled());
      const finish = (error?: PlatformError) => {
        clearTimeout(timer);
        pc.removeEventListener('connectionstatechange', check);
        signal.removeEventListener('abort', onAbort);
        if (error) reject(error);
        else resolve();
      };
      // Up is an event (the connection state, or the channel opening), not a polled state.
      pc.addEventListener('connectionstatechange', check);
      this.channel?.addEventListener('open', check);
      this.control?.addEventListener('open', check);
      signal.addEventListener('abort', onAbort, { once: true });
      check();
    });
  }

  private attachChannel(channel: RTCDataChannel): void {
    const isControl = channel.label === 'control';
    if (isControl) this.control = channel;
    else this.channel = channel;
    // The GPU side closed a channel: the session ended there, or its peer went away. The
    // connection state says so much later (Firefox: about 10 s, at the ICE consent check;
    // Chromium: seconds), and the meter would run on until then.
    channel.onclose = () => {
      if (channel === this.channel || channel === this.control) this.onDrop();
    };
    if (isControl) {
      // The runtime answers only a `publish_track` request here, which this client never sends.
      channel.onopen = () => this.resumeTracks();
      return;
    }
    channel.onmessage = (event: MessageEvent) => {
      const { scope, message } = decodeData(event.data);
      this.report(scope === 'runtime' ? 'runtime-message' : 'message', { message });
    };
  }

  private startPing(): void {
    if (this.pingTimer) clearInterval(this.pingTimer);
    this.pingTimer = setInterval(() => {
      if (this.isOpen) this.sendRuntime('ping', {});
    }, PING_INTERVAL_MS);
  }
}
