/**
 * The platform's own cost figures, beside our meter: a dry run's estimate before a session
 * (`POST /sessions?dryRun=true`) and the effective cost after it (`metadata.cost` of the closed
 * session). The pricing documents describe both for requests in general; the session API may
 * answer neither, so each read gives null rather than an error. Framework-free.
 */
import { PlatformError } from './errors.js';
import type { ApiCall } from './session-api.js';
import { isNumber, isRecord } from './values.js';

/** A cost as the platform states it: credits, dollars, and the seconds it covers when said. */
export interface PlatformCost {
  credits: number;
  usd: number;
  /** The seconds the figure is for (assumed by an estimate, billed by an effective cost). */
  seconds: number | null;
}

/** `{credits, dollars, duration_s?}` as a cost; null for anything else. */
export function readCost(value: unknown): PlatformCost | null {
  if (!isRecord(value) || !isNumber(value.credits) || value.credits < 0) return null;
  const seconds = isNumber(value.duration_s) && value.duration_s >= 0 ? value.duration_s : null;
  return { credits: value.credits, usd: isNumber(value.dollars) ? value.dollars : 0, seconds };
}

/**
 * The dry run of a create: the platform's estimate, or null when it gives none (an error other
 * than 402, no `cost_estimate`). Rejects with the 402: the account could not pay for a session.
 * A platform that ignores the query creates a real session: `end` ends it at once.
 */
export async function dryRunCreate(
  call: ApiCall,
  body: unknown,
  end: (sessionId: string) => Promise<unknown>,
): Promise<PlatformCost | null> {
  let data: Record<string, unknown> | null;
  try {
    ({ data } = await call<Record<string, unknown>>('/sessions?dryRun=true', {
      method: 'POST',
      body,
    }));
  } catch (error) {
    if (error instanceof PlatformError && error.code === 'payment-required') throw error;
    return null;
  }
  if (typeof data?.session_id === 'string') {
    await end(data.session_id);
    return null;
  }
  return readCost(data?.cost_estimate);
}

/** The effective cost of a closed session (`metadata.cost`), or null when it is not given. */
export async function effectiveCost(
  call: ApiCall,
  sessionId: string,
): Promise<PlatformCost | null> {
  try {
    const { data } = await call<{ metadata?: { cost?: unknown } }>(`/sessions/${sessionId}`, {});
    return readCost(data?.metadata?.cost);
  } catch {
    return null;
  }
}
