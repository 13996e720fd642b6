/**
 * The emulated Reactor platform for one account: its sessions through their states, the billing
 * ledger, the limits, the WebRTC answer of each session's GPU, uploads and forced faults. The
 * HTTP routes are in server.ts.
 */
import { admit } from './admission.js';
import { Billing } from './billing.js';
import { type EmulatorConfig, DEFAULT_CONFIG, applyConfigPatch } from './config.js';
import { dryRunAnswer } from './cost.js';
import { type ErrorReply, errorText, errors } from './errors.js';
import { type Fault, FaultQueue } from './faults.js';
import type { TokenClaims } from './jwt.js';
import type { Peer, PeerFactory } from './peer.js';
import { ProcessPeer } from './peer-process.js';
import {
  type SessionRecord as Session,
  ledgerEntry,
  newSession,
  sessionView,
} from './session-record.js';
import { LEGACY_CONNECTION, registerConnection, servedAnswer, startAnswer } from './signalling.js';
import type { ReceivedCommand } from './peer.js';
import { authorize, mintRaw, mintToken } from './tokens.js';
import type { SessionState, EndedBy, LedgerEntry } from './types.js';
import { UploadStore, checkUploadRequest } from './uploads.js';

export type { SessionState, EndedBy, LedgerEntry };

const WAITING_AFTER_MS = 50;
/**
 * How long a peer stays open after the platform said why it ends the session, once the message
 * left its send buffer (closing the connection at once may drop what the transport still holds).
 */
const SAY_BEFORE_CLOSE_MS = 300;

export type Result<T> = { ok: true; status?: number; value: T } | { ok: false; error: ErrorReply };
const ok = <T>(value: T, status?: number): Result<T> => ({ ok: true, value, status });
const fail = <T>(error: ErrorReply): Result<T> => ({ ok: false, error });

export class Platform {
  config: EmulatorConfig;
  private sessions = new Map<string, Session>();
  private creations: { model: string; at: number }[] = [];
  private readonly faults = new FaultQueue();
  private readonly billing: Billing;
  private sweeper: ReturnType<typeof setInterval>;
  readonly uploads = new UploadStore();

  private readonly createPeer: PeerFactory;

  constructor(
    private readonly initial: Partial<EmulatorConfig> = {},
    deps: { createPeer?: PeerFactory } = {},
  ) {
    this.createPeer = deps.createPeer ?? ((options) => new ProcessPeer(options));
    this.config = structuredClone({ ...DEFAULT_CONFIG, ...initial });
    this.billing = new Billing(() => this.config);
    this.sweeper = setInterval(() => this.sweep(), 50);
    this.sweeper.unref();
  }

  // ---- control API -------------------------------------------------------------------------

  /** Ends every live session (without a ledger entry surviving) and restores the start config. */
  reset(): void {
    for (const s of this.sessions.values()) s.peer?.close();
    this.sessions.clear();
    this.uploads.clear();
    this.creations = [];
    this.faults.clear();
    this.config = structuredClone({ ...DEFAULT_CONFIG, ...this.initial });
    this.billing.reset();
  }

  configure(patch: Record<string, unknown>): Result<EmulatorConfig> {
    this.sweep();
    const { faults, drop_peer: dropPeer, ...rest } = patch;
    const unknown = applyConfigPatch(this.config, rest);
    if (unknown.length)
      return fail(errors.badRequest(`Unknown config keys: ${unknown.join(', ')}`));
    if ('balance' in rest) this.billing.credits = this.config.balance;
    const badFault = Array.isArray(faults) && this.faults.add(faults as Partial<Fault>[]);
    if (badFault) return fail(badFault);
    if (typeof dropPeer === 'string') {
      const dropped = this.dropPeer(dropPeer);
      if (!dropped.ok) return fail(dropped.error);
    }
    return ok(this.config);
  }

  /** Takes the next forced fault that matches `METHOD /path`, if any. */
  takeFault(method: string, path: string): Fault | null {
    return this.faults.take(method, path);
  }

  /** Closes a session's peer from the GPU side, as a network drop would. */
  dropPeer(id: string): Result<LedgerEntry> {
    const s = this.sessions.get(id);
    if (!s || s.state === 'CLOSED') return fail(errors.notFound(`No live session ${id}.`));
    this.hold(s, 'dropped by the emulator');
    return ok(this.entry(s, Date.now()));
  }

  /**
   * Terminates a session from the platform side (`ended_by: fault`); the browser first hears
   * `sessionEnded {reason}` (default `deployment`, as the runtime says when it is redeployed).
   */
  terminateFault(id: string, reason?: unknown): Result<LedgerEntry> {
    const s = this.sessions.get(id);
    if (!s || s.state === 'CLOSED') return fail(errors.notFound(`No live session ${id}.`));
    const said = typeof reason === 'string' && reason ? reason.slice(0, 64) : 'deployment';
    this.terminate(s, Date.now(), 'fault', said);
    return ok(this.entry(s, Date.now()));
  }

  /**
   * The platform's moderation of a session's input: the browser hears `moderation {action,
   * message, …}`; `terminate` then ends the session (`ended_by: moderation`).
   */
  moderate(id: string, body: Record<string, unknown>): Result<LedgerEntry> {
    const s = this.sessions.get(id);
    if (!s || s.state === 'CLOSED') return fail(errors.notFound(`No live session ${id}.`));
    const action = body.action === 'terminate' ? 'terminate' : 'warn';
    const message = typeof body.message === 'string' ? body.message : 'This prompt is not allowed.';
    s.peer?.notify('moderation', {
      action,
      input_kind: 'text',
      command: typeof body.command === 'string' ? body.command : 'set_prompt',
      categories: Array.isArray(body.categories) ? body.categories : ['policy'],
      message,
    });
    if (action === 'terminate') this.terminate(s, Date.now(), 'moderation', message);
    return ok(this.entry(s, Date.now()));
  }

  /** Every command the GPU side of session `id` received (`{command, data, uploads, at}`). */
  commandsOf(id: string): Result<ReceivedCommand[]> {
    const s = this.sessions.get(id);
    return s ? ok(s.commands) : fail(errors.notFound(`No session ${id}.`));
  }

  ledger(): LedgerEntry[] {
    const now = this.sweep();
    return [...this.sessions.values()].map((s) => this.entry(s, now));
  }

  balance(): Record<string, unknown> {
    this.sweep();
    const c = this.config;
    return {
      credits: Math.round(this.billing.credits * 1000) / 1000,
      mode: c.balanceMode,
      ...(c.creditLimit !== null ? { credit_limit: c.creditLimit } : {}),
      ...(c.autoTopup ? { auto_topup: c.autoTopup } : {}),
    };
  }

  close(): void {
    clearInterval(this.sweeper);
    for (const s of this.sessions.values()) s.peer?.close();
  }

  // ---- tokens ------------------------------------------------------------------------------

  mintToken(options: { expiresAfter?: unknown; authorizationDetails?: unknown }) {
    return mintToken(this.config.jwtSecret, options);
  }

  /** Mints a token for the given claims as they are (tests: expired tokens). */
  mintRaw(claims: Partial<TokenClaims>) {
    return mintRaw(this.config.jwtSecret, claims);
  }

  authorize(header: string | undefined): Result<TokenClaims> {
    const auth = authorize(this.config.jwtSecret, header);
    return 'claims' in auth ? ok(auth.claims) : fail(auth.error);
  }

  // ---- coordinator -------------------------------------------------------------------------

  /**
   * `POST /sessions`. A dry run (`?dryRun=true`, when the config models it) is checked exactly
   * like a create (token, scope, balance, limits) and answers the estimate of the longest session
   * it would allow, creating nothing and counting against no limit.
   */
  createSession(
    claims: TokenClaims,
    body: unknown,
    options: { dryRun?: boolean } = {},
  ): Result<Record<string, unknown>> {
    const now = this.sweep();
    const dryRun = options.dryRun === true && this.config.dryRun;
    this.creations = this.creations.filter((c) => now - c.at < 60_000);
    const spendable = this.billing.credits - this.billing.floor();
    const admitted = admit(claims, body, {
      config: this.config,
      sessions: this.sessions.values(),
      spendable,
      creations: this.creations,
      now,
    });
    if ('error' in admitted) return fail(admitted.error);
    const { model, name } = admitted;
    if (dryRun) return ok(dryRunAnswer(this.config, model, spendable));
    this.creations.push({ model, at: now });
    const s = newSession(name, model, claims.jti, now);
    this.sessions.set(s.id, s);
    return ok(this.view(s), 201);
  }

  getSession(claims: TokenClaims, id: string): Result<Record<string, unknown>> {
    this.sweep();
    const s = this.owned(claims, id);
    return s ? ok(this.view(s)) : fail(errors.notFound(`Session ${id} not found.`));
  }

  sessionInfo(claims: TokenClaims, id: string): Result<Record<string, unknown>> {
    this.sweep();
    const s = this.owned(claims, id);
    if (!s) return fail(errors.notFound(`Session ${id} not found.`));
    return ok({ session_id: s.id, state: s.state, cluster: 'emulator-local' });
  }

  deleteSession(claims: TokenClaims, id: string): Result<Record<string, unknown>> {
    const now = this.sweep();
    const s = this.owned(claims, id);
    if (!s || s.state === 'CLOSED') return fail(errors.notFound(`Session ${id} not found.`));
    this.terminate(s, now, 'client', 'DELETE');
    return ok({ session_id: s.id, state: s.state });
  }

  /** `POST /sessions/{id}/uploads`: a presigned URL for one file; only while the session is live. */
  requestUpload(
    claims: TokenClaims,
    id: string,
    body: unknown,
    origin: string,
  ): Result<Record<string, unknown>> {
    this.sweep();
    const s = this.owned(claims, id);
    if (!s) return fail(errors.notFound(`Session ${id} not found.`));
    // ACTIVE is enough: a GPU is assigned. Billing (`readyAt`) starts when the GPU side sees the
    // peer, which can be a moment after the browser's data channel opened and it said ready.
    if (s.state !== 'ACTIVE')
      return fail({
        status: 409,
        body: { code: 'session-closed', message: 'Uploads need a live session.' },
      });
    const file = checkUploadRequest(body, this.config.maxUploadBytes);
    if ('error' in file) return fail(file.error);
    // Tests: the next URLs are issued already expired.
    const expired = this.config.expiredUploadUrls > 0;
    if (expired) this.config.expiredUploadUrls -= 1;
    return ok(
      this.uploads.issue(s.id, file, origin, expired ? 0 : this.config.uploadUrlTtlMs),
      201,
    );
  }

  iceServers(claims: TokenClaims, id: string): Result<Record<string, unknown>> {
    this.sweep();
    const s = this.owned(claims, id);
    if (!s) return fail(errors.notFound(`Session ${id} not found.`));
    if (s.state === 'CLOSED') return fail(errors.sessionClosed(id));
    return ok({ ice_servers: [] });
  }

  /**
   * The session a transport call names, in the runtime's words: 404 `Unknown session`, 400 `No
   * session running` once it ended, 409 before a GPU is assigned.
   */
  private transportSession(claims: TokenClaims, id: string): Result<Session> {
    this.sweep();
    const s = this.owned(claims, id);
    if (!s) return fail(errors.transport(404, 'Unknown session'));
    if (s.state === 'CLOSED') return fail(errors.transport(400, 'No session running'));
    if (s.state !== 'ACTIVE' && s.state !== 'SUSPENDED')
      return fail(errors.transport(409, 'No GPU assigned yet.'));
    return ok(s);
  }

  /** `POST …/transport/webrtc/connections`: a new connection id, 201. */
  register(claims: TokenClaims, id: string): Result<Record<string, unknown>> {
    const found = this.transportSession(claims, id);
    if (!found.ok) return found;
    const cid = registerConnection(found.value);
    if (cid === null) return fail(errors.transport(503, 'Connection limit reached'));
    return ok({ connection_id: cid }, 201);
  }

  /** The connection `cid` of a session, or the runtime's 404 for an unknown one. */
  private connection(
    claims: TokenClaims,
    id: string,
    cid: number | 'legacy',
  ): Result<{ s: Session; cid: number }> {
    const found = this.transportSession(claims, id);
    if (!found.ok) return found;
    if (cid === 'legacy') return ok({ s: found.value, cid: LEGACY_CONNECTION });
    if (!found.value.connections.has(cid))
      return fail(errors.transport(404, `Unknown connection ${cid}`));
    return ok({ s: found.value, cid });
  }

  /**
   * `POST` (first connect) or `PUT` (reconnect) `…/connections/{cid}/sdp_params` (or the relay's
   * cid-less path): starts answering, 202 `{connection_id}`.
   */
  offer(
    claims: TokenClaims,
    id: string,
    body: unknown,
    cid: number | 'legacy' = 'legacy',
  ): Result<Record<string, unknown>> {
    const found = this.connection(claims, id, cid);
    if (!found.ok) return found;
    const { s } = found.value;
    const refused = startAnswer(s, found.value.cid, body, Date.now(), {
      config: this.config,
      createPeer: this.createPeer,
      events: {
        ready: (peer) => this.peerReady(s, peer),
        gone: (peer, reason) => {
          if (s.peer === peer) this.hold(s, reason);
        },
      },
    });
    if (refused) return fail(errors.transport(400, errorText(refused)));
    return ok({ session_id: s.id, connection_id: found.value.cid }, 202);
  }

  /** `GET …/sdp_params`: 202 until the answer is ready, then 200 `{sdp_answer, connection_id}`. */
  sdpAnswer(
    claims: TokenClaims,
    id: string,
    cid: number | 'legacy' = 'legacy',
  ): Result<Record<string, unknown>> {
    const found = this.connection(claims, id, cid);
    if (!found.ok) return found;
    const answer = servedAnswer(found.value.s, Date.now());
    return 'error' in answer
      ? fail(errors.transport(answer.error.status, errorText(answer.error)))
      : ok(answer.body, answer.status);
  }

  /** `POST …/connections/{cid}/ice_candidates`: trickled candidates, accepted (202). */
  iceCandidates(claims: TokenClaims, id: string, cid: number): Result<Record<string, unknown>> {
    const found = this.connection(claims, id, cid);
    return found.ok ? ok({}, 202) : found;
  }

  // ---- the clock -------------------------------------------------------------------------

  /** Advances states, enforces limits and bills up to now. Returns now. */
  sweep(now = Date.now()): number {
    this.charge(now);
    for (const s of this.sessions.values()) {
      if (s.state === 'CREATED' || s.state === 'WAITING') {
        const age = now - s.createdAt;
        s.state =
          age >= this.config.gpuDelayMs
            ? 'ACTIVE'
            : age >= WAITING_AFTER_MS
              ? 'WAITING'
              : 'CREATED';
      }
      if (s.state === 'CLOSED') continue;
      if (s.readyAt !== null && now >= s.readyAt + this.config.maxDurationMs) {
        this.terminate(
          s,
          s.readyAt + this.config.maxDurationMs,
          'max-duration',
          'the platform limit',
        );
      } else if (s.state === 'SUSPENDED' && s.heldSince !== null) {
        if (now >= s.heldSince + this.config.recoverableWindowMs) {
          this.terminate(
            s,
            s.heldSince + this.config.recoverableWindowMs,
            'abandoned',
            'no reconnect in time',
          );
        }
      } else if (s.state === 'ACTIVE' && s.readyAt === null) {
        const activeAt = s.createdAt + this.config.gpuDelayMs;
        if (now >= activeAt + this.config.noClientWindowMs) {
          this.terminate(s, now, 'abandoned', 'the client never connected');
        }
      }
    }
    return now;
  }

  /** Bills every session up to `now`; ends them all when the balance runs out. */
  private charge(now: number): void {
    const spent = this.billing.charge(this.sessions.values(), now);
    if (!spent) return;
    for (const s of spent.sessions)
      this.terminate(s, Math.max(spent.at, s.readyAt!), 'fault', 'out of credits');
    this.billing.spent();
  }

  /**
   * Ends a session. An end the client did not ask for is said first, as the runtime does
   * (`sessionEnded {reason}`), and the peer closes once the message is on its way, so that it is
   * delivered before the channel goes (billing stops at `at` all the same).
   */
  private terminate(s: Session, at: number, endedBy: EndedBy, detail: string): void {
    if (s.state === 'CLOSED') return;
    this.billing.ending(s, at);
    s.state = 'CLOSED';
    s.terminatedAt = at;
    s.endedBy = endedBy;
    s.endDetail = detail;
    s.heldSince = null;
    const peer = s.peer;
    s.peer = null;
    if (!peer) return;
    if (endedBy === 'client') return peer.close();
    if (endedBy !== 'moderation') peer.notify('sessionEnded', { reason: detail.slice(0, 64) });
    void peer.sent().then(() => setTimeout(() => peer.close(), SAY_BEFORE_CLOSE_MS).unref?.());
  }

  private hold(s: Session, reason: string): void {
    if (s.state === 'CLOSED') return;
    s.peer?.close();
    s.peer = null;
    s.state = 'SUSPENDED';
    s.heldSince = Date.now();
    s.endDetail = reason;
  }

  private peerReady(s: Session, peer: Peer): void {
    if (s.state === 'CLOSED' || s.peer !== peer) return;
    const now = Date.now();
    this.charge(now);
    if (s.readyAt === null) s.readyAt = now;
    s.state = 'ACTIVE';
    s.heldSince = null;
    s.endDetail = null;
  }

  private owned(claims: TokenClaims, id: string): Session | undefined {
    const s = this.sessions.get(id);
    if (!s) return undefined;
    const scoped = claims.models !== undefined || claims.max_sessions !== undefined;
    return scoped && s.tokenId !== claims.jti ? undefined : s;
  }

  private view(s: Session): Record<string, unknown> {
    return sessionView(s, this.config, this.entry(s, Date.now()));
  }

  private entry(s: Session, now: number): LedgerEntry {
    return ledgerEntry(s, now, this.billing.rate(s));
  }
}
