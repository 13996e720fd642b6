/**
 * What the session unit's news does to `<reactor-session>`: each becomes its `reactor-` event,
 * and the parts that live with the session (the idle dialog, the video, the statistics, the
 * visitor controls) start and stop with it.
 */
import type { Session, SessionFailure } from '../../session/session.js';
import { say } from '../../internal/console.js';
import type { SessionErrorDetail } from './messages.js';

export interface SessionParts {
  emit(name: `reactor-${string}`, detail: unknown): void;
  /** The session is over or not started: nothing of a live session stays. */
  stop(): void;
  /** The session went live (not again after a reconnect): the statistics start. */
  live(): void;
  describe(failure: SessionFailure): SessionErrorDetail;
  idleWarning(open: boolean): void;
  track(name: string, track: MediaStreamTrack): void;
}

export function relaySession(session: Session, parts: SessionParts): void {
  session.on('status', (detail) => {
    if (!session.busy) parts.stop();
    else if (detail.status === 'ready' && detail.previous !== 'reconnecting') parts.live();
    parts.emit('reactor-status-change', detail);
  });
  for (const type of ['ready', 'end', 'receipt', 'message', 'capabilities', 'moderation'] as const)
    session.on(type, (detail) => parts.emit(`reactor-${type}`, detail));
  session.on('error', (failure) => {
    const detail = parts.describe(failure);
    // A setup mistake: the visitor sees a calm line, the developer this one.
    if (detail.setup) say(`<reactor-session>: ${detail.message}`, 'error');
    parts.emit('reactor-error', detail);
  });
  session.on('idle-warning', ({ secondsLeft }) => {
    parts.emit('reactor-idle-warning', { secondsLeft });
    parts.idleWarning(true);
  });
  session.on('idle-resume', () => parts.idleWarning(false));
  session.on('track', ({ name, track }) => parts.track(name, track));
}
