/**
 * Our own lean client of the Reactor session protocol (as today's runtime speaks it, in its JSON
 * codec): the life of one session, from its token through the coordinator calls (create → poll
 * for a GPU → register a connection → terminate, see session-api.ts) around a
 * {@link WebRtcTransport} (ICE servers → SDP offer → answer → ready when the peer connection is
 * connected and both channels open, its tracks resumed), the model's contract (asked for at each
 * ready), the platform's own ends and moderation, a watchdog for a live session that shows no
 * frame, its recovery from a drop, and its end. Framework-free; the session unit drives it.
 *
 * Money rules: any failure terminates whatever was created; a drop is recovered within the
 * platform's window or the session is terminated; `terminateOnUnload()` sends a keepalive DELETE
 * that outlives the page.
 */
import { Emitter } from './emitter.js';
import { PlatformError, asPlatformError, cancelled } from './errors.js';
import { timeoutSignal, type TimeoutSignal } from './timeout-signal.js';
import { markPhase } from './poll-schedule.js';
import {
  type ApiCall,
  type Capabilities,
  apiCall,
  createBody,
  createSession,
  iceServers,
  pollCapabilities,
  registerConnection,
} from './session-api.js';
import { LiveLink, type PlatformEnd } from './live-link.js';
import type { ModerationDetail } from './runtime-messages.js';
import { type CommandCapability, type FileRef, checkCommand, wireCommand } from './commands.js';
import { type PlatformCost, dryRunCreate, effectiveCost } from './platform-cost.js';
import { type UploadOptions, uploadFile } from './uploads.js';
import { type PreparedRequest, deleteSession, unloadRequest } from './session-end.js';
import { checkSessionLease, tokenDeadlineOf } from './tokens.js';
import { WebRtcTransport, type TrackCapability, type TransportEvents } from './webrtc-transport.js';
import type {
  SessionClientEvents,
  SessionClientOptions,
  SessionStatus,
} from './session-client-types.js';

export type {
  Capabilities,
  TrackCapability,
  PlatformCost,
  CommandCapability,
  FileRef,
  UploadOptions,
  ModerationDetail,
  SessionClientEvents,
  SessionClientOptions,
  SessionStatus,
};

/** A signal nothing aborts: the create request's (see `startSession`). */
const NEVER = new AbortController().signal;

export class SessionClient extends Emitter<SessionClientEvents> {
  status: SessionStatus = 'disconnected';
  sessionId: string | null = null;
  /** The session this client created, kept after its end (for the end's report). */
  createdId: string | null = null;
  capabilities: Capabilities | null = null;
  /** The connection was dropped on purpose (`hold()`) and has not come back since. */
  held = false;

  private readonly apiUrl: string;
  private transport: WebRtcTransport | null = null;
  /** The session's SDP route: its registered connection's (kept across reconnects). */
  private sdpPath: string | null = null;
  /** The contract, the runtime's news and the frame watchdog of the live connection. */
  private readonly link: LiveLink;
  private controller = new AbortController();
  /** The token the session was created with: it alone can see, and end, the session. */
  private jwt: string | null = null;
  /** The last moment (epoch ms) the session may run: its token's expiry less a margin. */
  private deadline: number | null = null;
  /** The unload DELETE, ready to send (see `unloadRequest`); null while there is no session. */
  private unloadDelete: PreparedRequest | null = null;
  private ended = false;
  /** The session the last `terminate()` ended, once the platform confirmed it. */
  private endedId: string | null = null;

  constructor(private readonly options: SessionClientOptions) {
    super();
    this.apiUrl = options.apiUrl.replace(/\/+$/, '');
    this.link = new LiveLink(
      {
        contract: (commands) => {
          this.capabilities = { ...this.capabilities!, commands };
          this.emit('capabilities', { capabilities: this.capabilities });
        },
        moderation: (detail) => this.emit('moderation', detail),
        end: (reason, error, message) => void this.endForPlatform(reason, error, message),
      },
      options.noVideoMs,
    );
  }

  /** Starts a session; resolves when it is ready (billed from here). */
  async connect(): Promise<void> {
    if (this.status !== 'disconnected' || this.sessionId) {
      throw new PlatformError('conflict', 'This client already has a session.');
    }
    this.ended = false;
    this.sdpPath = null;
    this.controller = new AbortController();
    const limit = timeoutSignal(this.options.connectTimeoutMs ?? 180_000, this.controller.signal);
    let tokenLimit: TimeoutSignal | null = null;
    let signal = limit.signal;
    this.setStatus('connecting');
    try {
      await this.takeToken(signal);
      // Waiting for a GPU must not outlast the token either.
      if (this.deadline !== null) {
        tokenLimit = timeoutSignal(Math.max(0, this.deadline - Date.now()), signal);
        signal = tokenLimit.signal;
      }
      markPhase('token');
      // A session lost before it is live (a 400 on its connection: its GPU went away) is
      // ended, unbilled, and replaced once.
      for (let attempt = 1; ; attempt++) {
        try {
          await this.startSession(signal);
          break;
        } catch (error) {
          if (attempt > 1 || !this.capabilities || asPlatformError(error).status !== 400)
            throw error;
          await this.endLost();
        }
      }
      markPhase('ready');
      this.setStatus('ready');
      this.link.live(this.transport!, this.capabilities!.tracks);
    } catch (error) {
      // Classified first: the end aborts the controller, and a timeout then looks like a cancel.
      const failure = this.normalise(error, signal);
      await this.terminate();
      throw failure;
    } finally {
      limit.clear();
      tokenLimit?.clear();
    }
  }

  /** Creates a session, waits for its GPU, registers a connection and opens it. */
  private async startSession(signal: AbortSignal): Promise<void> {
    // The create itself is never cancelled (only the waits between its retries): once sent, the
    // platform may have made the session, and only its answer names it. A connect cancelled or
    // timed out meanwhile ends that session as soon as the answer arrives.
    const id = await createSession(this.options.model, {
      retries: this.options.rateLimitRetries ?? 5,
      call: () => this.api(NEVER),
      refreshToken: () => (this.options.tokens.invalidate(), this.takeToken(signal)),
      onRateLimited: (retryAfter, attempt, code) =>
        this.emit('rate-limited', { retryAfter, attempt, code }),
      sleep: this.options.sleep,
      signal,
    });
    if (signal.aborted) {
      if (this.jwt) void deleteSession(this.apiUrl, id, this.jwt, this.options.tokens);
      throw cancelled();
    }
    this.sessionId = id;
    this.createdId = this.sessionId;
    markPhase('created');
    this.prepareUnload();
    this.setStatus('waiting');
    // Neither the ICE servers nor the peer connection (its certificate, its candidates)
    // depend on the GPU: both are made while it is being assigned.
    const transport = this.newTransport();
    const prepared = iceServers(this.api(signal), id).then((ice) => transport.prepare(ice));
    prepared.catch(() => undefined); // awaited below; a failed poll must not leave it unhandled
    this.capabilities = await pollCapabilities(this.api(signal), id, signal);
    this.link.declared(this.capabilities.commands);
    markPhase('gpu');
    this.sdpPath = await registerConnection(this.api(signal), id);
    await prepared;
    await transport.open('POST', this.capabilities.tracks, signal);
  }

  /** The session was lost before it went live: end it (never billed) and forget it. */
  private async endLost(): Promise<void> {
    const id = this.sessionId;
    this.closeTransport();
    this.sessionId = this.capabilities = this.sdpPath = this.unloadDelete = null;
    if (id && this.jwt) await deleteSession(this.apiUrl, id, this.jwt, this.options.tokens);
  }

  /** Ends the session for a reason of the platform's (no reconnect can help), and says so. */
  private async endForPlatform(
    reason: PlatformEnd,
    error?: PlatformError,
    message?: string,
  ): Promise<void> {
    if (this.ended) return;
    await this.terminate();
    this.emit('ended', { reason, error, message });
  }

  /**
   * The last moment (epoch ms) this session may run: the expiry of the token it was created
   * with, less the time its DELETE needs. Null when the token's expiry is unknown.
   */
  get tokenDeadline(): number | null {
    return this.deadline;
  }

  /** Re-establishes the transport of the same session (within the platform's recoverable window). */
  async reconnect(): Promise<void> {
    if (!this.sessionId || !this.capabilities)
      throw new PlatformError('conflict', 'There is no session to resume.');
    this.closeTransport();
    this.setStatus('reconnecting');
    const limit = timeoutSignal(25_000, this.controller.signal);
    const { signal } = limit;
    try {
      const transport = this.newTransport();
      await transport.prepare(await iceServers(this.api(signal), this.sessionId));
      await transport.open('PUT', this.capabilities.tracks, signal);
      this.held = false;
      this.setStatus('ready');
      this.link.live(transport, this.capabilities.tracks);
    } catch (error) {
      const failure = this.normalise(error, signal);
      // 400: the runtime's "No session running".
      const ended =
        failure.code === 'conflict' || failure.code === 'not-found' || failure.status === 400;
      await this.terminate();
      this.emit('ended', { reason: ended ? 'server' : 'error', error: failure });
      throw failure;
    } finally {
      limit.clear();
    }
  }

  /**
   * Drops the connection of a ready session on purpose, recoverably: no DELETE, so the platform
   * holds (and bills) the GPU for its recoverable window, within which `resume()` reconnects to
   * the same session. Past the window, the platform has ended it, and `resume()` reports the end.
   */
  hold(): void {
    if (this.status !== 'ready') return;
    this.held = true;
    this.closeTransport();
    this.setStatus('reconnecting');
  }

  /** Reconnects a held session (see `hold()`) unless it is already on its way back. */
  resume(): void {
    // A failed reconnect() terminated the session and reported it.
    if (this.held && !this.transport && !this.ended) this.reconnect().catch(() => undefined);
  }

  /**
   * Ends the session for good (non-recoverable): local cleanup, then DELETE. Never throws.
   * Resolves with null when the platform confirmed the end (or there was nothing to end), else
   * with the error of the last try: the platform then ends the session itself once the connection
   * has been gone for its recoverable window, and bills until then.
   */
  async terminate(): Promise<PlatformError | null> {
    const id = this.sessionId;
    this.ended = true;
    this.unloadDelete = null;
    this.controller.abort();
    this.closeTransport();
    this.sessionId = null;
    this.setStatus('disconnected');
    if (!id || !this.jwt) return null;
    const failure = await deleteSession(this.apiUrl, id, this.jwt, this.options.tokens);
    if (!failure) this.endedId = id;
    return failure;
  }

  /**
   * What a session would cost, asked of the platform without creating one (a dry run, with a
   * token from the client's source). Null when the platform gives no estimate; rejects with
   * the platform's 402 when the account could not pay for a session.
   */
  async dryRun(signal: AbortSignal): Promise<PlatformCost | null> {
    const { jwt } = await this.options.tokens.lease(signal);
    const call = apiCall(this.apiUrl, jwt, signal);
    return dryRunCreate(call, createBody(this.options.model), (id) =>
      deleteSession(this.apiUrl, id, jwt, this.options.tokens),
    );
  }

  /**
   * The platform's effective cost of the session the last `terminate()` ended (one GET after
   * its DELETE was answered; never on unload). Null when the platform does not say.
   */
  effectiveCost(signal = new AbortController().signal): Promise<PlatformCost | null> {
    const id = this.endedId;
    return id && this.jwt ? effectiveCost(this.api(signal), id) : Promise.resolve(null);
  }

  /**
   * For `pagehide`/`beforeunload`: the prepared keepalive DELETE, sent as the very first step
   * (nothing may run before `fetch`: Firefox may abort this script at any loop, see
   * `unloadRequest`), then cleared, so a second call sends nothing. Synchronous; the session is
   * considered over.
   */
  terminateOnUnload(): void {
    const request = this.unloadDelete;
    if (request) fetch(request.url, request.init).catch(() => undefined);
    this.unloadDelete = null;
    if (this.ended) return;
    this.ended = true;
    this.controller.abort();
    this.closeTransport();
    this.sessionId = null;
    this.setStatus('disconnected');
  }

  /**
   * Sends a command to the model; only while ready, only one the model declares (when it declares
   * any), with data that fits its schema's required fields and types. Throws a PlatformError.
   */
  sendCommand(name: string, data: unknown): void {
    const transport = this.liveTransport(`send "${name}"`);
    checkCommand(this.link.contract, name, data);
    const wire = wireCommand(data);
    transport.sendCommand(name, wire.data, wire.uploads);
  }

  /**
   * Uploads a file for the model (only while ready); resolves with the reference to pass inside
   * command data. The session's end cancels it.
   */
  async uploadFile(file: Blob, options: UploadOptions = {}): Promise<FileRef> {
    this.liveTransport('upload a file');
    const { signal } = this.controller;
    return uploadFile(this.api(signal), this.sessionId!, file, { ...options, signal }, (ref) =>
      this.liveTransport('upload a file').sendRuntime('fileUploaded', ref),
    );
  }

  /** The connection's statistics while there is one. */
  stats(): Promise<RTCStatsReport> | null {
    return this.transport?.stats() ?? null;
  }

  /** The transport of a ready session, else a `conflict` error saying what could not be done. */
  private liveTransport(what: string): WebRtcTransport {
    if (this.status !== 'ready' || !this.transport?.isOpen)
      throw new PlatformError('conflict', `Cannot ${what}: the session is ${this.status}.`);
    return this.transport;
  }

  // ---- steps -----------------------------------------------------------------------------

  /** Coordinator calls with the session's own token (never a newer one: see `jwt`). */
  private api(signal: AbortSignal): ApiCall {
    return apiCall(this.apiUrl, this.jwt, signal);
  }

  /** Takes a token for a new session, long-lived enough to run one (else a setup error). */
  private async takeToken(signal: AbortSignal): Promise<void> {
    const lease = await this.options.tokens.lease(signal);
    checkSessionLease(lease);
    this.jwt = lease.jwt;
    this.deadline = tokenDeadlineOf(lease);
    this.prepareUnload();
  }

  /** Rebuilds the unload DELETE for the current session and token. */
  private prepareUnload(): void {
    const id = this.sessionId;
    this.unloadDelete = id && this.jwt ? unloadRequest(this.apiUrl, id, this.jwt) : null;
  }

  /** A new transport for this session, in place of any earlier one. */
  private newTransport(): WebRtcTransport {
    this.closeTransport();
    this.transport = new WebRtcTransport(
      (init, callSignal) => this.api(callSignal)(this.sdpPath!, { ...init, transport: true }),
      (type, detail) => {
        if (type === 'runtime-message' && !this.ended)
          this.link.onRuntime((detail as { message: unknown }).message);
        this.emit<keyof TransportEvents>(type, detail);
      },
      () => void this.dropped(),
    );
    return this.transport;
  }

  /** The connection dropped without a terminate: recover, or end the session so it stops billing. */
  private async dropped(): Promise<void> {
    if (this.ended || this.status !== 'ready') return;
    this.closeTransport();
    if (this.options.reconnect === false) {
      await this.terminate();
      this.emit('ended', {
        reason: 'error',
        error: new PlatformError('network', 'The connection dropped.'),
      });
      return;
    }
    try {
      await this.reconnect();
    } catch {
      /* reconnect() terminated and reported it */
    }
  }

  private closeTransport(): void {
    this.link.stop();
    this.transport?.close();
    this.transport = null;
  }

  private normalise(error: unknown, signal: AbortSignal): PlatformError {
    const failure = asPlatformError(error);
    // Our own connect timeout fired (not a cancel): say so, and whether no GPU came in time.
    if (failure.code !== 'aborted' || this.controller.signal.aborted || !signal.aborted)
      return failure;
    return this.status === 'waiting' && !this.capabilities
      ? new PlatformError('no-gpu', 'No GPU was assigned before the connect limit.')
      : new PlatformError('timeout', 'Connecting took too long.');
  }

  private setStatus(status: SessionStatus): void {
    if (status === this.status) return;
    const previous = this.status;
    this.status = status;
    this.emit('status', { status, previous });
  }
}
