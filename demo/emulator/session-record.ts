/** One emulated session as the platform keeps it, and how it shows: its API view and its ledger entry. */
import { randomUUID } from 'node:crypto';
import type { EmulatorConfig } from './config.js';
import { sessionMetadata } from './cost.js';
import { modelCapabilities } from './models.js';
import type { Peer, ReceivedCommand } from './peer.js';
import type { EndedBy, LedgerEntry, SessionState } from './types.js';

export interface SessionRecord {
  id: string;
  requestedModel: string;
  model: string;
  tokenId: string;
  createdAt: number;
  readyAt: number | null;
  terminatedAt: number | null;
  state: SessionState;
  endedBy: EndedBy | null;
  endDetail: string | null;
  heldSince: number | null;
  peer: Peer | null;
  answer: { sdp: string | null; failed: boolean; servableAt: number } | null;
  offers: number;
  /** Every command the GPU side received, in order. */
  commands: ReceivedCommand[];
  /** The connection ids registered (`POST …/connections`), and the last one handed out. */
  connections: Set<number>;
  lastConnection: number;
  /** The connection the current peer answers. */
  connectionId: number | null;
}

/** The states in which a session counts against the concurrency limit. */
export const LIVE: readonly SessionState[] = ['CREATED', 'WAITING', 'ACTIVE', 'SUSPENDED'];

/** A session just created for `model` (asked for as `requestedModel`) with the token `tokenId`. */
export function newSession(
  requestedModel: string,
  model: string,
  tokenId: string,
  now: number,
): SessionRecord {
  return {
    id: randomUUID(),
    requestedModel,
    model,
    tokenId,
    createdAt: now,
    readyAt: null,
    terminatedAt: null,
    state: 'CREATED',
    endedBy: null,
    endDetail: null,
    heldSince: null,
    peer: null,
    answer: null,
    offers: 0,
    commands: [],
    connections: new Set(),
    lastConnection: 0,
    connectionId: null,
  };
}

/** What `GET /sessions/{id}` answers: capabilities once a GPU is assigned, metadata when modelled. */
export function sessionView(
  s: SessionRecord,
  config: EmulatorConfig,
  entry: LedgerEntry,
): Record<string, unknown> {
  const assigned = s.state === 'ACTIVE' || s.state === 'SUSPENDED';
  return {
    ...(config.sessionMetadata ? { metadata: sessionMetadata(config, entry) } : {}),
    session_id: s.id,
    state: s.state,
    cluster: 'emulator-local',
    model: { name: s.requestedModel, version: 'emulator' },
    server_info: { server_version: 'reactor-emulator/0.1.0' },
    ...(assigned
      ? {
          selected_transport: { protocol: 'webrtc', version: '1.0' },
          capabilities: {
            protocol_version: '1.0',
            ...modelCapabilities(s.model),
            emission_fps: config.video.fps,
          },
        }
      : {}),
  };
}

/** The session's line in the ledger at `now`, billed at `rate` credits per second. */
export function ledgerEntry(s: SessionRecord, now: number, rate: number): LedgerEntry {
  const billedMs = s.readyAt === null ? 0 : Math.max(0, (s.terminatedAt ?? now) - s.readyAt);
  return {
    session_id: s.id,
    model: s.model,
    created_at: s.createdAt,
    ready_at: s.readyAt,
    terminated_at: s.terminatedAt,
    billed_ms: billedMs,
    credits: (billedMs * rate) / 1000,
    state: s.state,
    ended_by: s.endedBy,
    end_detail: s.endDetail,
    held_since: s.heldSince,
    reconnects: Math.max(0, s.offers - 1),
    commands_received: s.commands.length,
  };
}
