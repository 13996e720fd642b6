/** The events of `<reactor-session>`, typed for `addEventListener` on any element. */
import type {
  SessionElementStatus,
  SessionEndDetail,
  SessionReceiptDetail,
  ModerationDetail,
} from '../../session/session.js';
import type { Capabilities } from '../../platform/session-client.js';
import type { ConnectionStats } from './stats-reader.js';
import type { SessionErrorDetail } from './messages.js';

export {};

declare global {
  interface HTMLElementEventMap {
    'reactor-status-change': CustomEvent<{
      status: SessionElementStatus;
      previous: SessionElementStatus;
    }>;
    'reactor-ready': CustomEvent<{ sessionId: string | null }>;
    'reactor-idle-warning': CustomEvent<{ secondsLeft: number }>;
    'reactor-end': CustomEvent<SessionEndDetail>;
    'reactor-receipt': CustomEvent<SessionReceiptDetail>;
    'reactor-error': CustomEvent<SessionErrorDetail>;
    'reactor-message': CustomEvent<{ message: unknown }>;
    'reactor-capabilities': CustomEvent<{ capabilities: Capabilities }>;
    'reactor-moderation': CustomEvent<ModerationDetail>;
    'reactor-upload-progress': CustomEvent<{ name: string; loaded: number; total: number }>;
    'reactor-snapshot': CustomEvent<{ file: File }>;
    'reactor-stats': CustomEvent<{ stats: ConnectionStats }>;
  }
}
