import { randomUUID } from 'node:crypto';
import { type EmulatorConfig, DEFAULT_CONFIG, applyConfigPatch, shortModelName } from './config.js';
import { dryRunAnswer, sessionMetadata } from './cost.js';
import { type ErrorReply, errors } from './errors.js';
import { type TokenClaims, signJwt, verifyJwt, newTokenId } from './jwt.js';
import { modelCapabilities } from './models.js';
import { UploadStore } from './uploads.js';
import { type Peer, type PeerFactory, type TrackMappingEntry, GpuPeer } from './peer.js';
import type { SessionState, EndedBy, LedgerEntry } from './types.js';

export type { SessionState, EndedBy, LedgerEntry };

interface Session {
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
  commands: number;
}

interface Fault {
  status: number;
  times: number;
  route: string | null;
  retryAfter: number;
}

const LIVE: SessionState[] = ['CREATED', 'WAITING', 'ACTIVE', 'SUSPENDED'];
const WAITING_AFTER_MS = 50;

export type Result<T> = { ok: true; status?: number; value: T } | { ok: false; error: ErrorReply };
const ok = <T>(value: T, status?: number): Result<T> => ({ ok: true, value, status });
const fail = <T>(error: ErrorReply): Result<T> => ({ ok: false, error });

/** The emulated Reactor platform for one account: tokens, sessions, billing and faults. */
export class Platform {
  config: EmulatorConfig;
  private sessions = new Map<string, Session>();
  private creations: { model: string; at: number }[] = [];
  private faults: Fault[] = [];
  private credits: number;
  private lastChargeAt = Date.now();
  private sweeper: ReturnType<typeof setInterval>;
  readonly uploads = new UploadStore();

  private readonly createPeer: PeerFactory;

  constructor(
    private readonly initial: Partial<EmulatorConfig> = {},
    deps: { createPeer?: PeerFactory } = {},
  ) {
    this.createPeer = deps.createPeer ?? ((options) => new GpuPeer(options));
    this.config = structuredClone({ ...DEFAULT_CONFIG, ...initial });
    this.credits = this.config.balance;
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
    this.faults = [];
    this.config = structuredClone({ ...DEFAULT_CONFIG, ...this.initial });
    this.credits = this.config.balance;
    this.lastChargeAt = Date.now();
  }

  configure(patch: Record<string, unknown>): Result<EmulatorConfig> {
    this.sweep();
    const { faults, drop_peer: dropPeer, ...rest } = patch;
    const unknown = applyConfigPatch(this.config, rest);
    if (unknown.length)
      return fail(errors.badRequest(`Unknown config keys: ${unknown.join(', ')}`));
    if ('balance' in rest) this.credits = this.config.balance;
    if (Array.isArray(faults)) {
      for (const f of faults as Partial<Fault>[]) {
        if (typeof f.status !== 'number')
          return fail(errors.badRequest('A fault needs a numeric status.'));
        this.faults.push({
          status: f.status,
          times: f.times ?? 1,
          route: f.route ?? null,
          retryAfter: f.retryAfter ?? 1,
        });
      }
    }
    if (typeof dropPeer === 'string') {
      const dropped = this.dropPeer(dropPeer);
      if (!dropped.ok) return fail(dropped.error);
    }
    return ok(this.config);
  }

  /** Takes the next forced fault that matches `METHOD /path`, if any. */
  takeFault(method: string, path: string): Fault | null {
    const route = `${method} ${path}`;
    const fault = this.faults.find(
      (f) => f.times > 0 && (!f.route || routeMatches(f.route, route)),
    );
    if (!fault) return null;
    fault.times -= 1;
    this.faults = this.faults.filter((f) => f.times > 0);
    return fault;
  }

  /** Closes a session's peer from the GPU side, as a network drop would. */
  dropPeer(id: string): Result<LedgerEntry> {
    const s = this.sessions.get(id);
    if (!s || s.state === 'CLOSED') return fail(errors.notFound(`No live session ${id}.`));
    this.hold(s, 'dropped by the emulator');
    return ok(this.entry(s, Date.now()));
  }

  /** Terminates a session from the platform side (`ended_by: fault`). */
  terminateFault(id: string, detail = 'terminated by the emulator'): Result<LedgerEntry> {
    const s = this.sessions.get(id);
    if (!s || s.state === 'CLOSED') return fail(errors.notFound(`No live session ${id}.`));
    this.terminate(s, Date.now(), 'fault', detail);
    return ok(this.entry(s, Date.now()));
  }

  ledger(): LedgerEntry[] {
    const now = this.sweep();
    return [...this.sessions.values()].map((s) => this.entry(s, now));
  }

  balance(): Record<string, unknown> {
    this.sweep();
    const c = this.config;
    return {
      credits: Math.round(this.credits * 1000) / 1000,
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
    const now = Date.now();
    const requested = typeof options.expiresAfter === 'number' ? options.expiresAfter : 3600;
    const ttl = Math.min(21_600, Math.max(1, Math.floor(requested)));
    const claims: TokenClaims = {
      sub: 'emulator-account',
      jti: newTokenId(),
      iat: Math.floor(now / 1000),
      exp: Math.floor(now / 1000) + ttl,
    };
    for (const detail of Array.isArray(options.authorizationDetails)
      ? options.authorizationDetails
      : []) {
      const d = detail as {
        type?: string;
        resources?: { models?: { match?: unknown } };
        constraints?: { max_sessions?: unknown };
      };
      if (d.type !== 'session') continue;
      const match = d.resources?.models?.match;
      if (Array.isArray(match)) claims.models = match.map((m) => shortModelName(String(m)));
      if (typeof d.constraints?.max_sessions === 'number')
        claims.max_sessions = d.constraints.max_sessions;
    }
    return { jwt: signJwt(claims, this.config.jwtSecret), expires_at: claims.exp };
  }

  /** Mints a token for the given claims as they are (tests: expired tokens). */
  mintRaw(claims: Partial<TokenClaims>) {
    const now = Math.floor(Date.now() / 1000);
    const full: TokenClaims = {
      sub: 'emulator-account',
      jti: newTokenId(),
      iat: now,
      exp: now + 3600,
      ...claims,
    };
    return { jwt: signJwt(full, this.config.jwtSecret), expires_at: full.exp };
  }

  authorize(header: string | undefined): Result<TokenClaims> {
    const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
    if (!match) return fail(errors.unauthorized('Missing bearer token.'));
    const claims = verifyJwt(match[1]!, this.config.jwtSecret);
    return claims ? ok(claims) : fail(errors.unauthorized());
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
    const name = (body as { model?: { name?: unknown } } | null)?.model?.name;
    if (typeof name !== 'string' || !name)
      return fail(errors.badRequest('model.name is required.'));
    const model = shortModelName(name);
    if (!(model in this.config.models)) return fail(errors.notFound(`Model ${name} not found.`));
    if (claims.models && !claims.models.includes(model)) {
      return fail(errors.forbidden(`This token may not start ${model} sessions.`));
    }
    if (claims.max_sessions !== undefined) {
      const used = [...this.sessions.values()].filter((s) => s.tokenId === claims.jti).length;
      if (used >= claims.max_sessions) {
        return fail(errors.forbidden(`This token has used its ${claims.max_sessions} sessions.`));
      }
    }
    if (this.credits <= this.creditFloor()) return fail(errors.paymentRequired());
    const live = [...this.sessions.values()].filter((s) => LIVE.includes(s.state)).length;
    if (live >= this.config.concurrencyLimit) {
      return fail(
        errors.concurrency(this.config.concurrencyLimit, this.config.concurrencyRetryAfter),
      );
    }
    this.creations = this.creations.filter((c) => now - c.at < 60_000);
    const recent = this.creations.filter((c) => c.model === model);
    if (recent.length >= this.config.sessionsPerMinute) {
      const retry = Math.max(1, Math.ceil((recent[0]!.at + 60_000 - now) / 1000));
      return fail(errors.rateLimited(this.config.sessionsPerMinute, retry));
    }
    if (dryRun) return ok(dryRunAnswer(this.config, model, this.credits - this.creditFloor()));
    this.creations.push({ model, at: now });
    const s: Session = {
      id: randomUUID(),
      requestedModel: name,
      model,
      tokenId: claims.jti,
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
      commands: 0,
    };
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
    const b = (body ?? {}) as { name?: unknown; size?: unknown; mime_type?: unknown };
    if (typeof b.name !== 'string' || !b.name || typeof b.mime_type !== 'string')
      return fail(errors.badRequest('name and mime_type are required.'));
    if (
      typeof b.size !== 'number' ||
      !Number.isInteger(b.size) ||
      b.size <= 0 ||
      b.size > this.config.maxUploadBytes
    )
      return fail(errors.badRequest(`size must be 1..${this.config.maxUploadBytes} bytes.`));
    // Tests: the next URLs are issued already expired.
    const expired = this.config.expiredUploadUrls > 0;
    if (expired) this.config.expiredUploadUrls -= 1;
    const file = { name: b.name, size: b.size, mime_type: b.mime_type };
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

  /** `POST` (first connect) or `PUT` (reconnect) `.../sdp_params`: starts answering, 202. */
  offer(claims: TokenClaims, id: string, body: unknown): Result<Record<string, unknown>> {
    const now = this.sweep();
    const s = this.owned(claims, id);
    if (!s) return fail(errors.notFound(`Session ${id} not found.`));
    if (s.state === 'CLOSED') return fail(errors.sessionClosed(id));
    if (s.state !== 'ACTIVE' && s.state !== 'SUSPENDED') {
      return {
        ok: false,
        error: { status: 409, body: { code: 'session-closed', message: 'No GPU assigned yet.' } },
      };
    }
    const b = body as { sdp_offer?: unknown; track_mapping?: unknown } | null;
    if (typeof b?.sdp_offer !== 'string' || !Array.isArray(b.track_mapping)) {
      return fail(errors.badRequest('sdp_offer and track_mapping are required.'));
    }
    s.peer?.close();
    s.offers += 1;
    const peer = this.createPeer({
      title: s.model,
      label: s.id,
      video: this.config.video,
      commands: modelCapabilities(s.model).commands,
      silenceMs: this.config.peerSilenceMs,
      hooks: {
        onReady: () => this.peerReady(s, peer),
        onGone: (reason) => {
          if (s.peer === peer) this.hold(s, reason);
        },
        onCommand: () => {
          s.commands += 1;
        },
      },
    });
    s.peer = peer;
    const answer: NonNullable<Session['answer']> = {
      sdp: null,
      failed: false,
      servableAt: now + this.config.sdpAnswerDelayMs,
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
    return ok({ session_id: s.id }, 202);
  }

  /** `GET .../sdp_params`: 202 until the answer is ready, then 200 `{sdp_answer}`. */
  sdpAnswer(claims: TokenClaims, id: string): Result<Record<string, unknown>> {
    const now = this.sweep();
    const s = this.owned(claims, id);
    if (!s) return fail(errors.notFound(`Session ${id} not found.`));
    if (s.state === 'CLOSED') return fail(errors.sessionClosed(id));
    if (!s.answer) return fail(errors.notFound('No SDP offer was sent.'));
    if (s.answer.failed) return fail(errors.serverError('The GPU could not answer the offer.'));
    if (!s.answer.sdp || now < s.answer.servableAt) return ok({}, 202);
    return ok({ sdp_answer: s.answer.sdp });
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
        if (now >= activeAt + this.config.recoverableWindowMs) {
          this.terminate(s, now, 'abandoned', 'the client never connected');
        }
      }
    }
    return now;
  }

  private creditFloor(): number {
    return this.config.balanceMode === 'postpaid' ? -(this.config.creditLimit ?? 0) : 0;
  }

  private billing(s: Session): boolean {
    return s.readyAt !== null && s.state !== 'CLOSED';
  }

  private rate(s: Session): number {
    return this.config.models[s.model] ?? 0;
  }

  /** Draws the balance down for every billed session; ends them all when it runs out. */
  private charge(now: number): void {
    const from = this.lastChargeAt;
    if (now <= from) return;
    this.lastChargeAt = now;
    let perMs = 0;
    let owed = 0;
    const billed: Session[] = [];
    for (const s of this.sessions.values()) {
      if (!this.billing(s)) continue;
      const start = Math.max(from, s.readyAt!);
      if (now <= start) continue;
      perMs += this.rate(s) / 1000;
      owed += ((now - start) * this.rate(s)) / 1000;
      billed.push(s);
    }
    this.credits -= owed;
    const floor = this.creditFloor();
    if (billed.length && this.credits <= floor) {
      const overshoot = floor - this.credits;
      const at = Math.round(now - overshoot / perMs);
      for (const s of billed)
        this.terminate(s, Math.max(at, s.readyAt!), 'fault', 'out of credits');
      // The refunds for the overshoot are rounded to whole milliseconds: the account is spent.
      this.credits = floor;
    }
  }

  private terminate(s: Session, at: number, endedBy: EndedBy, detail: string): void {
    if (s.state === 'CLOSED') return;
    if (this.billing(s) && at < this.lastChargeAt) {
      // Billed past the end by the last charge: give the difference back.
      this.credits += ((this.lastChargeAt - Math.max(at, s.readyAt!)) * this.rate(s)) / 1000;
    }
    s.state = 'CLOSED';
    s.terminatedAt = at;
    s.endedBy = endedBy;
    s.endDetail = detail;
    s.heldSince = null;
    s.peer?.close();
    s.peer = null;
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
    const assigned = s.state === 'ACTIVE' || s.state === 'SUSPENDED';
    return {
      ...(this.config.sessionMetadata
        ? { metadata: sessionMetadata(this.config, this.entry(s, Date.now())) }
        : {}),
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
              emission_fps: this.config.video.fps,
            },
          }
        : {}),
    };
  }

  private entry(s: Session, now: number): LedgerEntry {
    const billedMs = s.readyAt === null ? 0 : Math.max(0, (s.terminatedAt ?? now) - s.readyAt);
    return {
      session_id: s.id,
      model: s.model,
      created_at: s.createdAt,
      ready_at: s.readyAt,
      terminated_at: s.terminatedAt,
      billed_ms: billedMs,
      credits: (billedMs * this.rate(s)) / 1000,
      state: s.state,
      ended_by: s.endedBy,
      end_detail: s.endDetail,
      held_since: s.heldSince,
      reconnects: Math.max(0, s.offers - 1),
      commands_received: s.commands,
    };
  }
}

/**
 * A fault's `route` matches `METHOD /path` as a prefix, where `*` stands for one path segment:
 * with a star in place of the session id, one step of every session's connect can be picked, and
 * a trailing `$` makes it that path only (`GET /sessions/*$`: the poll, not the transport calls).
 */
function routeMatches(pattern: string, route: string): boolean {
  const exact = pattern.endsWith('$'); // a trailing `$`: this path only, not a prefix
  const parts = (exact ? pattern.slice(0, -1) : pattern)
    .split('*')
    .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('[^/]+')}${exact ? '$' : ''}`).test(route);
}
