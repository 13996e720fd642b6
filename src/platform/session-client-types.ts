/** The session client's public shapes: its statuses, its options and what it announces. */
import type { PlatformError } from './errors.js';
import type { PlatformEnd } from './live-link.js';
import type { ModerationDetail } from './runtime-messages.js';
import type { Capabilities } from './session-api.js';
import type { TokenSource } from './tokens.js';
import type { TransportEvents } from './webrtc-transport.js';

export type SessionStatus = 'disconnected' | 'connecting' | 'waiting' | 'ready' | 'reconnecting';

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
  /**
   * How long a live connection may show no video frame before the session is ended (default
   * `NO_VIDEO_LIMIT_MS`, 8 s; 0: never).
   */
  noVideoMs?: number;
  /** Sleep between 429 retries; replaceable in tests. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

export interface SessionClientEvents extends TransportEvents {
  status: { status: SessionStatus; previous: SessionStatus };
  /** A 429: the client waits `retryAfter` seconds, then tries again (attempt counts from 1). */
  'rate-limited': { retryAfter: number; attempt: number; code: string };
  /**
   * The session is over: `server` when the platform ended it (`message`: the reason it gave),
   * `moderation` when its moderation did (`message`: its words), `error` when it could not
   * recover (or showed no video).
   */
  ended: { reason: PlatformEnd; error?: PlatformError; message?: string };
  /** The model's contract arrived: `capabilities.commands` is the model's own list now. */
  capabilities: { capabilities: Capabilities };
  /** The platform moderated an input (`warn`: for the visitor to read; `terminate`: it ends). */
  moderation: ModerationDetail;
}
