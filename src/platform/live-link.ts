/**
 * What a live connection carries besides the stream, apart from the session's lifecycle: the
 * model's contract (asked for at every ready, as the runtime expects), the runtime's news (its
 * own end of the session, its moderation) and a watchdog for the first video frame.
 * Framework-free; the session client keeps one per client and says what each piece of news does.
 */
import type { CommandCapability } from './commands.js';
import { PlatformError } from './errors.js';
import { watchForFrames } from './frame-watchdog.js';
import { type ModerationDetail, readRuntimeMessage } from './runtime-messages.js';
import type { TrackCapability, WebRtcTransport } from './webrtc-transport.js';

/** Why the platform's side of a live session ends it. */
export type PlatformEnd = 'server' | 'error' | 'moderation';

export interface LiveLinkHooks {
  /** The model's contract arrived: its commands. */
  contract(commands: CommandCapability[]): void;
  moderation(detail: ModerationDetail): void;
  /** The session must end: no reconnect can help (`message`: the platform's own words). */
  end(reason: PlatformEnd, error?: PlatformError, message?: string): void;
}

export class LiveLink {
  /** The model's commands once known (its contract, or a non-empty declared list), else null. */
  contract: CommandCapability[] | null = null;
  private stopWatch: (() => void) | null = null;

  constructor(
    private readonly hooks: LiveLinkHooks,
    /** How long a live connection may show no video frame (0: never ended for it). */
    private readonly noVideoMs?: number,
  ) {}

  /** A new session's descriptor: a non-empty list of commands is a contract already. */
  declared(commands: CommandCapability[] | undefined): void {
    this.contract = commands?.length ? commands : null;
  }

  /**
   * The connection is live (after a connect or a reconnect): ask for the model's contract and
   * watch for the first video frame of a model that sends video. None in time: a black screen
   * is not billed on.
   */
  live(transport: WebRtcTransport, tracks: readonly TrackCapability[]): void {
    try {
      transport.sendRuntime('requestSchema', {});
    } catch {
      /* the channel closed meanwhile: the drop is being handled */
    }
    this.stop();
    const video = tracks.some((t) => t.kind === 'video' && t.direction === 'recvonly');
    if (video && this.noVideoMs !== 0)
      this.stopWatch = watchForFrames(
        () => transport.stats(),
        () => this.hooks.end('error', new PlatformError('no-video', 'No video arrived.')),
        this.noVideoMs,
      );
  }

  /** The connection closed: its watch stops. */
  stop(): void {
    this.stopWatch?.();
    this.stopWatch = null;
  }

  /** A message of the runtime: the contract, the platform's own end of the session, moderation. */
  onRuntime(message: unknown): void {
    const news = readRuntimeMessage(message);
    if (!news) return;
    if (news.kind === 'contract') {
      this.contract = news.commands;
      this.hooks.contract(news.commands);
    } else if (news.kind === 'ended') {
      this.hooks.end('server', undefined, news.reason);
    } else {
      this.hooks.moderation(news.detail);
      if (news.detail.action === 'terminate')
        this.hooks.end('moderation', undefined, news.detail.message);
    }
  }
}
