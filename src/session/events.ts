/** What the session unit announces: its states, why a session ended, its failures. */
import type { PlatformError } from '../platform/errors.js';
import type { Capabilities, ModerationDetail, SessionStatus } from '../platform/session-client.js';

export type { ModerationDetail };

/**
 * `disconnected` before the first connect; then the client's states; then `ended` or `error`.
 * `elsewhere`: this visitor's session is live in another tab or element of the site.
 */
export type SessionElementStatus = SessionStatus | 'ended' | 'error' | 'elsewhere';

/** Why a session ended. */
export type EndReason =
  | 'user'
  | 'idle'
  | 'timeout'
  | 'budget'
  | 'unload'
  | 'removed'
  /** The player stayed hidden (`hidden-timeout`): on the page, seen by nobody. */
  | 'hidden'
  /** The page was put away with `background="end"`, or held past the platform's window. */
  | 'background'
  /** The platform ended it (its reason, when it gave one, is the end's `message`). */
  | 'server'
  /** The platform's moderation ended it (its words are the end's `message`). */
  | 'moderation'
  | 'error'
  /** Another tab or element of the site took the session over. */
  | 'moved';

/** Detail of `reactor-end`. */
export interface SessionEndDetail {
  reason: EndReason;
  sessionId: string | null;
  billedSeconds: number;
  credits: number;
  usd: number;
  /** The platform's own words, when it ended the session (`server`, `moderation`); else null. */
  message: string | null;
}

/** Detail of `reactor-receipt`: the platform's effective cost of an ended session. */
export interface SessionReceiptDetail {
  sessionId: string | null;
  billedSeconds: number;
  credits: number;
  usd: number;
  /** The platform's own figure, not an estimate. */
  final: true;
}

/** A failure: the platform's error, and whether it means the end was never confirmed. */
export interface SessionFailure {
  error: PlatformError;
  /** Every DELETE failed: the platform bills until it notices the session is gone. */
  unconfirmedEnd: boolean;
}

export interface SessionEvents {
  status: { status: SessionElementStatus; previous: SessionElementStatus };
  /** The session is live: billing starts. */
  ready: { sessionId: string | null };
  'idle-warning': { secondsLeft: number };
  /** The idle warning was dismissed by activity. */
  'idle-resume': null;
  error: SessionFailure;
  end: SessionEndDetail;
  receipt: SessionReceiptDetail;
  message: { message: unknown };
  /** The model's declared tracks and commands, when the session is live and when its contract arrives. */
  capabilities: { capabilities: Capabilities };
  /** The platform moderated an input: `warn` (the session goes on) or `terminate`. */
  moderation: ModerationDetail;
  track: { name: string; track: MediaStreamTrack };
}
