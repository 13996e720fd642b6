import wrtc from '@roamhq/wrtc';
import { TestPattern } from './pattern.js';

/** One entry of the offer's `track_mapping` (the server's wording: `recvonly` = model → browser). */
export interface TrackMappingEntry {
  mid: string;
  name: string;
  kind: 'video' | 'audio';
  direction: 'recvonly' | 'sendonly';
}

export interface CommandCapability {
  name: string;
  description: string;
  schema?: Record<string, unknown>;
}

export interface PeerHooks {
  /** The peer connection is connected and the `data` channel open: the session is live. */
  onReady(): void;
  /** The browser went away (closed, failed, or silent too long). Not called after `close()`. */
  onGone(reason: string): void;
  /** An application command arrived (already echoed back). */
  onCommand(type: string, data: unknown): void;
}

export interface PeerOptions {
  /** The model name, shown at the top of the picture. */
  title: string;
  /** The session id, shown at the bottom. */
  label: string;
  video: { width: number; height: number; fps: number };
  commands: CommandCapability[];
  silenceMs: number;
  hooks: PeerHooks;
}

/** What the platform needs of a GPU peer; tests can supply their own. */
export interface Peer {
  /** Answers an SDP offer; resolves with the complete answer SDP. */
  answer(offer: string, mapping: TrackMappingEntry[]): Promise<string>;
  /** Closes the connection from the GPU side; no hook is called afterwards. */
  close(): void;
}

export type PeerFactory = (options: PeerOptions) => Peer;

const ICE_GATHER_LIMIT_MS = 2000;

/** The GPU end of one WebRTC connection: answers the browser's offer and streams the pattern. */
export class GpuPeer implements Peer {
  private readonly pc: RTCPeerConnection;
  private readonly source = new wrtc.nonstandard.RTCVideoSource();
  private readonly track: MediaStreamTrack = this.source.createTrack();
  private readonly pattern: TestPattern;
  private channel: RTCDataChannel | null = null;
  /** A quiet 440 Hz tone, when the browser asked for an audio track. */
  private audio: {
    source: InstanceType<typeof wrtc.nonstandard.RTCAudioSource>;
    track: MediaStreamTrack;
    timer: ReturnType<typeof setInterval> | null;
    t: number;
  } | null = null;
  private frameTimer: ReturnType<typeof setInterval> | null = null;
  private readonly startedAt = Date.now();
  private lastHeard = Date.now();
  private connected = false;
  private ready = false;
  private ended = false;

  constructor(private readonly options: PeerOptions) {
    this.pattern = new TestPattern(
      options.video.width,
      options.video.height,
      options.title,
      options.label,
    );
    this.pc = new wrtc.RTCPeerConnection({ iceServers: [] });
    this.pc.ondatachannel = (event: RTCDataChannelEvent) => this.attach(event.channel);
    this.pc.onconnectionstatechange = () => {
      const state = this.pc.connectionState;
      if (state === 'connected') {
        this.connected = true;
        this.lastHeard = Date.now();
        this.checkReady();
      } else if (state === 'disconnected' || state === 'failed' || state === 'closed') {
        this.gone(`peer connection ${state}`);
      }
    };
  }

  /** Answers an SDP offer; resolves with the complete answer SDP (no trickle ICE). */
  async answer(offer: string, mapping: TrackMappingEntry[]): Promise<string> {
    await this.pc.setRemoteDescription({ type: 'offer', sdp: offer });
    let videoAttached = false;
    for (const transceiver of this.pc.getTransceivers()) {
      const entry = mapping.find((m) => m.mid === transceiver.mid);
      if (!videoAttached && entry?.kind === 'video' && entry.direction === 'recvonly') {
        transceiver.direction = 'sendonly';
        await transceiver.sender.replaceTrack(this.track);
        videoAttached = true;
      } else if (!this.audio && entry?.kind === 'audio' && entry.direction === 'recvonly') {
        const source = new wrtc.nonstandard.RTCAudioSource();
        this.audio = { source, track: source.createTrack(), timer: null, t: 0 };
        transceiver.direction = 'sendonly';
        await transceiver.sender.replaceTrack(this.audio.track);
      } else if (entry?.direction === 'sendonly') {
        transceiver.direction = 'recvonly';
      }
    }
    const answer = await this.pc.createAnswer();
    await this.pc.setLocalDescription(answer);
    await this.iceGathered();
    this.startFrames();
    return this.pc.localDescription?.sdp ?? answer.sdp ?? '';
  }

  /** Closes the connection from the GPU side (termination or a forced drop). */
  close(): void {
    if (this.ended) return;
    this.ended = true;
    this.stopFrames();
    try {
      this.channel?.close();
    } catch {
      /* already closed */
    }
    this.track.stop();
    this.pc.close();
  }

  private iceGathered(): Promise<void> {
    if (this.pc.iceGatheringState === 'complete') return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ICE_GATHER_LIMIT_MS);
      this.pc.onicegatheringstatechange = () => {
        if (this.pc.iceGatheringState === 'complete') {
          clearTimeout(timer);
          resolve();
        }
      };
    });
  }

  private startFrames(): void {
    if (this.frameTimer) return;
    const audio = this.audio;
    if (audio) {
      // 10 ms of 48 kHz mono per tick: a tone a visitor can hear once unmuted.
      const samples = new Int16Array(480);
      audio.timer = setInterval(() => {
        for (let i = 0; i < samples.length; i++, audio.t++)
          samples[i] = Math.round(3000 * Math.sin((2 * Math.PI * 440 * audio.t) / 48_000));
        audio.source.onData({
          samples,
          sampleRate: 48_000,
          bitsPerSample: 16,
          channelCount: 1,
          numberOfFrames: 480,
        });
      }, 10);
    }
    const interval = Math.round(1000 / Math.max(1, this.options.video.fps));
    this.frameTimer = setInterval(() => {
      const now = Date.now();
      this.source.onFrame(this.pattern.render(now - this.startedAt));
      if (this.ready && now - this.lastHeard > this.options.silenceMs) this.gone('peer silent');
    }, interval);
  }

  private stopFrames(): void {
    if (this.frameTimer) clearInterval(this.frameTimer);
    this.frameTimer = null;
    if (this.audio?.timer) clearInterval(this.audio.timer);
    this.audio?.track.stop();
  }

  private attach(channel: RTCDataChannel): void {
    this.channel = channel;
    channel.onopen = () => this.checkReady();
    channel.onclose = () => this.gone('data channel closed');
    channel.onmessage = (event: MessageEvent) => this.receive(event.data);
    if (channel.readyState === 'open') this.checkReady();
  }

  private checkReady(): void {
    if (this.ready || this.ended || !this.connected || this.channel?.readyState !== 'open') return;
    this.ready = true;
    this.options.hooks.onReady();
  }

  private gone(reason: string): void {
    if (this.ended) return;
    this.close();
    this.options.hooks.onGone(reason);
  }

  private send(scope: 'application' | 'runtime', type: string, data: unknown): void {
    if (this.channel?.readyState !== 'open') return;
    try {
      this.channel.send(JSON.stringify({ scope, data: { type, data } }));
    } catch (error) {
      // The readyState seen here lags the native channel: a message queued before the close
      // event still runs, and its reply throws. Thrown from an event handler, that would be an
      // uncaught exception in whatever process hosts the emulator (the test runner stops on it).
      // A channel that closed under us is the browser going away, as its close event will say.
      if ((error as Error).name === 'InvalidStateError') this.gone('data channel closed');
      else console.warn(`[emulator] could not send ${type} to the browser: ${String(error)}`);
    }
  }

  private receive(raw: unknown): void {
    if (this.ended) return;
    this.lastHeard = Date.now();
    if (typeof raw !== 'string') return;
    let message: { scope?: string; data?: { type?: string; data?: unknown; uploads?: unknown } };
    try {
      message = JSON.parse(raw) as typeof message;
    } catch {
      return;
    }
    const type = message.data?.type;
    if (typeof type !== 'string') return;
    if (message.scope === 'runtime') {
      if (type === 'ping') this.send('runtime', 'pong', { t: Date.now() });
      if (type === 'requestCapabilities') {
        this.send('runtime', 'modelCapabilities', { commands: this.options.commands });
      }
      return;
    }
    const uploads = message.data?.uploads;
    this.send('application', 'echo', {
      command: type,
      data: message.data?.data ?? null,
      ...(uploads ? { uploads } : {}),
    });
    this.options.hooks.onCommand(type, message.data?.data);
  }
}
