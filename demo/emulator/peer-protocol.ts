/** The messages between the emulator and a GPU worker process (peer-host.ts). */
import type { ReceivedCommand, TrackMappingEntry, PeerOptions } from './peer.js';

export type PeerMode = ReturnType<PeerOptions['mode']>;

/**
 * What a GPU worker is told. `n` numbers the worker's peers, one at a time: what is said of an
 * earlier peer never reaches a later one.
 */
export type HostRequest =
  | { t: 'init'; n: number; options: Omit<PeerOptions, 'mode' | 'hooks'> & { mode: PeerMode } }
  | { t: 'mode'; n: number; mode: PeerMode }
  | { t: 'answer'; n: number; id: number; offer: string; mapping: TrackMappingEntry[] }
  | { t: 'notify'; n: number; type: string; data: unknown }
  | { t: 'sent'; n: number; id: number }
  | { t: 'close'; n: number };

/** What a GPU worker reports; `closed`: its peer `n` is closed and settled, the worker is free. */
export type HostReply =
  | { t: 'up' }
  | { t: 'ready'; n: number }
  | { t: 'gone'; n: number; reason: string }
  | { t: 'command'; n: number; command: ReceivedCommand }
  | { t: 'answered'; n: number; id: number; sdp?: string; error?: string }
  | { t: 'sent'; n: number; id: number }
  | { t: 'closed'; n: number };
