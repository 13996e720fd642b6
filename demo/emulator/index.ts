export { createEmulator, type Emulator } from './server.js';
export { Platform, type LedgerEntry, type EndedBy, type SessionState } from './platform.js';
export { DEFAULT_CONFIG, type EmulatorConfig } from './config.js';
export type { Peer, PeerFactory, PeerOptions } from './peer.js';
