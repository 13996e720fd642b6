/**
 * Whether the platform takes a new session, checked in the order the platform answers: the model,
 * the token's scope and session count, the balance (402), the concurrency limit and the rate of
 * creations per model per minute (429).
 */
import { type EmulatorConfig, shortModelName } from './config.js';
import { type ErrorReply, errors } from './errors.js';
import type { TokenClaims } from './jwt.js';
import { LIVE, type SessionRecord } from './session-record.js';

export interface AdmissionState {
  config: EmulatorConfig;
  sessions: Iterable<SessionRecord>;
  /** Credits above the account's floor. */
  spendable: number;
  /** Creations in the last minute. */
  creations: { model: string; at: number }[];
  now: number;
}

/** The short name of the model to start, or the error to answer. */
export function admit(
  claims: TokenClaims,
  body: unknown,
  state: AdmissionState,
): { model: string; name: string } | { error: ErrorReply } {
  const { config, now } = state;
  const name = (body as { model?: { name?: unknown } } | null)?.model?.name;
  if (typeof name !== 'string' || !name)
    return { error: errors.badRequest('model.name is required.') };
  const model = shortModelName(name);
  if (!(model in config.models)) return { error: errors.notFound(`Model ${name} not found.`) };
  if (claims.models && !claims.models.includes(model))
    return { error: errors.forbidden(`This token may not start ${model} sessions.`) };
  const sessions = [...state.sessions];
  if (claims.max_sessions !== undefined) {
    const used = sessions.filter((s) => s.tokenId === claims.jti).length;
    if (used >= claims.max_sessions)
      return {
        error: errors.forbidden(`This token has used its ${claims.max_sessions} sessions.`),
      };
  }
  if (state.spendable <= 0) return { error: errors.paymentRequired() };
  const live = sessions.filter((s) => LIVE.includes(s.state)).length;
  if (live >= config.concurrencyLimit)
    return { error: errors.concurrency(config.concurrencyLimit, config.concurrencyRetryAfter) };
  const recent = state.creations.filter((c) => c.model === model && now - c.at < 60_000);
  if (recent.length >= config.sessionsPerMinute) {
    const retry = Math.max(1, Math.ceil((recent[0]!.at + 60_000 - now) / 1000));
    return { error: errors.rateLimited(config.sessionsPerMinute, retry) };
  }
  return { model, name };
}
