import wrtc from '@roamhq/wrtc';
import { TestPattern } from './pattern.js';
import {
  type MessageContext,
  type ReceivedCommand,
  onControlFrame,
  onDataFrame,
} from './peer-messages.js';

export type { ReceivedCommand };

/** One entry of the offer's `track_mapping` (the server's wording: `recvonly` = model → browser). */
export interface TrackMappingEntry {
  mid: string;
  name: string;
  kind: 'video' | 'audio';
  direction: 'recvonly' | 'sendonly';
}

/** A command of the legacy list (`capabilities.commands`, `modelCapabilities`). */
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
  /** An application command arrived. */
  onCommand(command: ReceivedCommand): void;
}

export interface PeerOptions {
  /** The model name, shown at the top of the picture. */
  title: string;
  /** The session id, shown at the bottom. */
  label: string;
  video: { width: number; height: number; fps: number };
  /** The model: its contract (`requestSchema`) and legacy command list. */
  model: string;
  /**
   * Today's runtime: every outbound track stays paused until the browser sends `resume_track`
   * for it on the `control` channel. False for the platform's relay of legacy clients (the old
   * cid-less signalling paths), which stream at once.
   */
  pausedTracks: boolean;
  /** Read at each use: `strict` (today's runtime only), `withholdTracks` (no frame ever). */
  mode(): { strict: boolean; withholdTracks: boolean };
  silenceMs: number;
  hooks: PeerHooks;
}

/** What the platform needs of a GPU peer; tests can supply their own. */
export interface Peer {
  /** Answers an SDP offer; resolves with the complete answer SDP. */
  answer(offer: string, mapping: TrackMappingEntry[]): Promise<string>;
  /** Sends a runtime message to the browser (`sessionEnded`, `moderation`). */
  notify(type: string, data: unknown): void;
  /** Resolves once what was sent has left the send buffer (at most a second). */
  sent(): Promise<void>;
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
  private control: RTCDataChannel | null = null;
  /**
   * What the platform said before this side saw the `data` channel open. A busy process hears
   * the channel's open event late, after the browser already counts the session as live: the
   * message waits for it rather than being lost.
   */
  private unsent: string[] = [];
  /** The names of the tracks the browser resumed (see `pausedTracks`). */
  private readonly resumed = new Set<string>();
  private videoName = '';
  private audioName = '';
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
        this.videoName = entry.name;
      } else if (!this.audio && entry?.kind === 'audio' && entry.direction === 'recvonly') {
        this.audioName = entry.name;
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

  notify(type: string, data: unknown): void {
    this.send('runtime', type, data);
  }

  async sent(): Promise<void> {
    const busy = () => this.unsent.length > 0 || (this.channel?.bufferedAmount ?? 0) > 0;
    for (let waited = 0; waited < 1000 && busy(); waited += 20)
      await new Promise((resolve) => setTimeout(resolve, 20));
  }

  /** Whether the track named `name` reaches the wire now. */
  private flowing(name: string): boolean {
    if (this.options.mode().withholdTracks) return false;
    return !this.options.pausedTracks || this.resumed.has(name);
  }

  /** Closes the connection from the GPU side (termination or a forced drop). */
  close(): void {
    if (this.ended) return;
    this.ended = true;
    this.stopFrames();
    for (const channel of [this.channel, this.control])
      try {
        channel?.close();
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
        if (!this.flowing(this.audioName)) return;
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
      if (this.flowing(this.videoName))
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

  /** The browser's channels, told apart by label as the runtime does: `control` and `data`. */
  private attach(channel: RTCDataChannel): void {
    const context: MessageContext = {
      model: this.options.model,
      strict: this.options.mode().strict,
      send: (scope, type, data) => this.send(scope, type, data),
      sendControl: (message) => this.sendOn(this.control, JSON.stringify(message)),
      command: (received) => this.options.hooks.onCommand(received),
      track: (name, on) => (on ? this.resumed.add(name) : this.resumed.delete(name)),
    };
    const control = channel.label === 'control';
    if (control) this.control = channel;
    else this.channel = channel;
    const opened = () => {
      if (!control) for (const text of this.unsent.splice(0)) this.sendOn(channel, text);
      this.checkReady();
    };
    channel.onopen = opened;
    channel.onclose = () => this.gone(`${channel.label} channel closed`);
    channel.onmessage = (event: MessageEvent) => {
      if (this.ended) return;
      this.lastHeard = Date.now();
      (control ? onControlFrame : onDataFrame)(event.data, context);
    };
    if (channel.readyState === 'open') opened();
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
    const text = JSON.stringify({ scope, data: { type, data } });
    const state = this.channel?.readyState ?? 'connecting';
    if (state === 'connecting') {
      if (!this.ended) this.unsent.push(text);
    } else this.sendOn(this.channel, text);
  }

  private sendOn(channel: RTCDataChannel | null, text: string): void {
    if (channel?.readyState !== 'open') return;
    try {
      channel.send(text);
    } catch (error) {
      // The readyState seen here lags the native channel: a message queued before the close
      // event still runs, and its reply throws. Thrown from an event handler, that would be an
      // uncaught exception in whatever process hosts the emulator (the test runner stops on it).
      // A channel that closed under us is the browser going away, as its close event will say.
      if ((error as Error).name === 'InvalidStateError') this.gone('data channel closed');
      else console.warn(`[emulator] could not send to the browser: ${String(error)}`);
    }
  }
}
