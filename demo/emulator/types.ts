/** Wire types of the emulator's control API, shared by the emulator and the browser tests. */
export type SessionState = 'CREATED' | 'WAITING' | 'ACTIVE' | 'SUSPENDED' | 'CLOSED';
export type EndedBy = 'client' | 'max-duration' | 'abandoned' | 'fault' | 'moderation';

/** One row of `GET /_emulator/sessions`. Times are epoch milliseconds of the emulator's clock. */
export interface LedgerEntry {
  session_id: string;
  model: string;
  created_at: number;
  ready_at: number | null;
  terminated_at: number | null;
  /** From ready to termination (to now while live), recoverable hold included. */
  billed_ms: number;
  /** `billed_ms` at the model's rate. */
  credits: number;
  state: SessionState;
  ended_by: EndedBy | null;
  end_detail: string | null;
  /** When the current recoverable hold started, or null. */
  held_since: number | null;
  reconnects: number;
  commands_received: number;
}
