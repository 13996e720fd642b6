/** Node-side helpers for the emulator tests: HTTP calls and a scripted GPU peer. */
import {
  createEmulator,
  type Emulator,
  type EmulatorConfig,
  type Peer,
  type PeerOptions,
} from '../../demo/emulator/index.js';
import type { LedgerEntry } from '../../demo/emulator/types.js';

export interface Harness {
  emulator: Emulator;
  url: string;
  call(method: string, path: string, options?: CallOptions): Promise<Response>;
  json<T = Record<string, unknown>>(
    method: string,
    path: string,
    options?: CallOptions,
  ): Promise<T>;
  token(claims?: Record<string, unknown>): Promise<string>;
  createSession(jwt: string, model?: string): Promise<Response>;
  entry(id: string): Promise<LedgerEntry>;
  waitFor<T>(
    probe: () => Promise<T | false | undefined>,
    label: string,
    timeoutMs?: number,
  ): Promise<T>;
  stop(): Promise<void>;
}

interface CallOptions {
  jwt?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

const API_HEADERS = { 'Reactor-API-Version': '1', 'Reactor-API-Accept-Version': '1' };

/** Polls `probe` until it gives a value that is not false or undefined; throws after `timeoutMs`. */
export async function waitFor<T>(
  probe: () => T | false | undefined | Promise<T | false | undefined>,
  label: string,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== false && value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${label}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export async function startEmulator(config: Partial<EmulatorConfig> = {}): Promise<Harness> {
  const emulator = createEmulator(
    { gpuDelayMs: 100, ...config },
    { createPeer: (o) => new FakePeer(o) },
  );
  const url = await emulator.listen(0);
  const call = (method: string, path: string, options: CallOptions = {}) =>
    fetch(`${url}${path}`, {
      method,
      headers: {
        ...(path.includes('/transport/') ? { 'Reactor-WebRTC-Version': '1.0' } : API_HEADERS),
        ...(options.jwt ? { Authorization: `Bearer ${options.jwt}` } : {}),
        ...(options.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        ...options.headers,
      },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  const harness: Harness = {
    emulator,
    url,
    call,
    async json(method, path, options) {
      const response = await call(method, path, options);
      return (await response.json()) as never;
    },
    async token(claims) {
      const body = claims
        ? await harness.json<{ jwt: string }>('POST', '/_emulator/token', { body: claims })
        : await harness.json<{ jwt: string }>('GET', '/api/reactor-token');
      return body.jwt;
    },
    createSession: (jwt, model = 'helios') =>
      call('POST', '/sessions', { jwt, body: sessionBody(model) }),
    async entry(id) {
      const all = await harness.json<LedgerEntry[]>('GET', '/_emulator/sessions');
      const found = all.find((e) => e.session_id === id);
      if (!found) throw new Error(`no ledger entry for ${id}`);
      return found;
    },
    waitFor,
    stop: () => emulator.close(),
  };
  return harness;
}

export function sessionBody(model: string) {
  return {
    model: { name: model },
    client_info: { sdk_version: 'test', sdk_type: 'js' },
    supported_transports: [{ protocol: 'webrtc', version: '1.0' }],
  };
}

/**
 * A stand-in for the GPU peer (the real one is wrtc, proven against Chromium in the browser
 * suite; wrtc crashes at process exit when a Node process holds both ends). The test decides
 * when the browser "connects" and when it goes away.
 */
export class FakePeer implements Peer {
  static last: FakePeer | null = null;
  closed = false;
  /** The runtime messages sent to the browser (`sessionEnded`, `moderation`). */
  notified: { type: string; data: unknown }[] = [];
  constructor(readonly options: PeerOptions) {
    FakePeer.last = this;
  }
  answer(): Promise<string> {
    return Promise.resolve('v=0 fake-answer');
  }
  sent(): Promise<void> {
    return Promise.resolve();
  }
  notify(type: string, data: unknown): void {
    if (!this.closed) this.notified.push({ type, data });
  }
  close(): void {
    this.closed = true;
  }
  /** The browser's peer connection and data channel are up. */
  connect(): void {
    this.options.hooks.onReady();
  }
  /** The browser went away without a DELETE. */
  vanish(): void {
    this.close();
    this.options.hooks.onGone('test: peer vanished');
  }
}

/** Creates a session, offers, polls the answer and connects the fake peer; resolves when billed. */
export async function connectSession(
  h: Harness,
  jwt: string,
  model = 'helios',
): Promise<{ id: string; peer: FakePeer }> {
  const created = (await (await h.createSession(jwt, model)).json()) as { session_id: string };
  const id = created.session_id;
  await h.waitFor(async () => {
    const s = await h.json<{ state: string }>('GET', `/sessions/${id}`, { jwt });
    return s.state === 'ACTIVE';
  }, 'ACTIVE');
  const peer = await connectPeer(h, jwt, id, 'POST');
  return { id, peer };
}

/**
 * Offers on the session's connection `cid` (today's route), or on the relay's cid-less path
 * (`'legacy'`), polls the answer and connects the fake peer.
 */
export async function connectPeer(
  h: Harness,
  jwt: string,
  id: string,
  method: 'POST' | 'PUT',
  cid: number | 'legacy' = 'legacy',
): Promise<FakePeer> {
  const base = `/sessions/${id}/transport/webrtc${cid === 'legacy' ? '' : `/connections/${cid}`}/sdp_params`;
  const offered = await h.call(method, base, {
    jwt,
    body: {
      sdp_offer: 'v=0 fake-offer',
      track_mapping: [{ mid: '0', name: 'main_video', kind: 'video', direction: 'recvonly' }],
    },
  });
  if (offered.status !== 202) throw new Error(`offer: ${offered.status}`);
  const peer = FakePeer.last!;
  const answer = await h.waitFor(async () => {
    const r = await h.call('GET', base, { jwt });
    return r.status === 200 && ((await r.json()) as { sdp_answer: string }).sdp_answer;
  }, 'the SDP answer');
  if (!answer) throw new Error('empty answer');
  peer.connect();
  return peer;
}
