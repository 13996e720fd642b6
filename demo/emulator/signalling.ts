/**
 * A session's WebRTC signalling on the GPU side: an offer (`POST`/`PUT …/sdp_params`) starts a
 * new GPU peer in place of any earlier one, and its answer is served once ready and the
 * configured answer delay has passed.
 */
import type { EmulatorConfig } from './config.js';
import { type ErrorReply, errors } from './errors.js';
import { modelCapabilities } from './models.js';
import type { Peer, PeerFactory, TrackMappingEntry } from './peer.js';
import type { SessionRecord } from './session-record.js';

/** What the platform does when the session's GPU peer is ready or gone. */
export interface PeerEvents {
  ready(peer: Peer): void;
  gone(peer: Peer, reason: string): void;
}

/** Starts answering `body`'s offer with a new peer of `s`; null, or the 400 to answer. */
export function startAnswer(
  s: SessionRecord,
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
    commands: modelCapabilities(s.model).commands,
    silenceMs: config.peerSilenceMs,
    hooks: {
      onReady: () => events.ready(peer),
      onGone: (reason) => events.gone(peer, reason),
      onCommand: () => {
        s.commands += 1;
      },
    },
  });
  s.peer = peer;
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
      console.error(`[emulator] answering ${s.id} failed:`, error);
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
  return { status: 200, body: { sdp_answer: s.answer.sdp } };
}
