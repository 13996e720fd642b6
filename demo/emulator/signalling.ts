/**
 * A session's WebRTC signalling on the GPU side, as today's runtime does it: a client registers a
 * connection (`POST …/transport/webrtc/connections` → 201 `{connection_id}`), then offers on it
 * (`POST`, or `PUT` to reconnect: `…/connections/{cid}/sdp_params`) and polls for the answer
 * (`GET` on the same path, which hands the answer out). An offer starts a new GPU peer in place
 * of any earlier one; its answer is served once ready and the configured answer delay has passed.
 * The old cid-less paths are the platform's relay for older clients, on the reserved id 1001.
 */
import type { EmulatorConfig } from './config.js';
import { type ErrorReply, errors } from './errors.js';
import type { Peer, PeerFactory, TrackMappingEntry } from './peer.js';
import type { SessionRecord } from './session-record.js';

/** What the platform does when the session's GPU peer is ready or gone. */
export interface PeerEvents {
  ready(peer: Peer): void;
  gone(peer: Peer, reason: string): void;
}

/** The connection id the runtime reserves for a relayed legacy client. */
export const LEGACY_CONNECTION = 1001;

/** Registers a new connection of `s`: its id (ids in (1000, 9999], 1001 kept for the relay). */
export function registerConnection(s: SessionRecord): number | null {
  if (s.connections.size >= 64) return null;
  s.lastConnection =
    s.lastConnection < LEGACY_CONNECTION + 1 ? LEGACY_CONNECTION + 1 : s.lastConnection + 1;
  s.connections.add(s.lastConnection);
  return s.lastConnection;
}

/**
 * Starts answering `body`'s offer on connection `cid` with a new peer of `s`; null, or the 400
 * to answer. A relayed legacy client (`cid` 1001) gets its tracks at once; a registered one
 * only those it resumes.
 */
export function startAnswer(
  s: SessionRecord,
  cid: number,
  body: unknown,
  now: number,
  deps: { config: EmulatorConfig; createPeer: PeerFactory; events: PeerEvents },
): ErrorReply | null {
  const b = body as { sdp_offer?: unknown; track_mapping?: unknown } | null;
  if (typeof b?.sdp_offer !== 'string' || !Array.isArray(b.track_mapping)) {
    return errors.badRequest('sdp_offer and track_mapping are required.');
  }
  const { config, events } = deps;
  s.peer?.close();
  s.offers += 1;
  const peer = deps.createPeer({
    title: s.model,
    label: s.id,
    video: config.video,
    model: s.model,
    pausedTracks: cid !== LEGACY_CONNECTION,
    mode: () => ({ strict: config.strict, withholdTracks: config.withholdTracks }),
    silenceMs: config.peerSilenceMs,
    hooks: {
      onReady: () => events.ready(peer),
      onGone: (reason) => events.gone(peer, reason),
      onCommand: (received) => {
        s.commands.push(received);
      },
    },
  });
  s.peer = peer;
  s.connectionId = cid;
  const answer: NonNullable<SessionRecord['answer']> = {
    sdp: null,
    failed: false,
    servableAt: now + config.sdpAnswerDelayMs,
  };
  s.answer = answer;
  peer.answer(b.sdp_offer, b.track_mapping as TrackMappingEntry[]).then(
    (sdp) => {
      answer.sdp = sdp;
    },
    (error: unknown) => {
      answer.failed = true;
      // A peer closed before it answered (the session ended, or a newer offer) is no failure.
      if (s.peer === peer) console.error(`[emulator] answering ${s.id} failed:`, error);
    },
  );
  return null;
}

/** The answer of `s` at `now`: 202 (`{}`) until ready, then `{sdp_answer}`; or the error to answer. */
export function servedAnswer(
  s: SessionRecord,
  now: number,
): { status: number; body: Record<string, unknown> } | { error: ErrorReply } {
  if (!s.answer) return { error: errors.notFound('No SDP offer was sent.') };
  if (s.answer.failed) return { error: errors.serverError('The GPU could not answer the offer.') };
  if (!s.answer.sdp || now < s.answer.servableAt) return { status: 202, body: {} };
  return { status: 200, body: { sdp_answer: s.answer.sdp, connection_id: s.connectionId } };
}
