/**
 * How often the connect polls (GPU assignment, then the SDP answer). The answer usually comes
 * within a second or two, and each poll that arrives just after it wastes only the interval, so
 * the first seconds are polled at a short fixed interval; after that the wait grows, so a long
 * queue for a GPU costs few requests. A 429 on a poll is honoured (its `Retry-After`).
 */
import { PlatformError } from './errors.js';

export interface PollSchedule {
  /** The fixed interval while polling is fast. */
  fastMs: number;
  /** How long polling stays fast. */
  fastForMs: number;
  /** The longest wait once it has slowed down (each wait is 1.5× the last). */
  capMs: number;
}

/** GPU assignment: every 50 ms for 2 s (a 300 ms wait is seen within 50 ms), then up to 1 s. */
export const CAPABILITIES_POLL: PollSchedule = { fastMs: 50, fastForMs: 2000, capMs: 1000 };
/** The SDP answer: every 25 ms for 2 s (the platform composes it in about 100 ms), then 500 ms. */
export const ANSWER_POLL: PollSchedule = { fastMs: 25, fastForMs: 2000, capMs: 500 };

/**
 * A `performance.mark` per connect phase (`reactor:token`, `reactor:created`, `reactor:gpu`,
 * `reactor:ice`, `reactor:answer`, `reactor:ready`): visible in the browser's performance panel,
 * and read by `npm run bench` for its phase breakdown.
 */
export const markPhase = (phase: string) => performance.mark?.(`reactor:${phase}`);

/** Waits `ms`, or rejects with `aborted` when `signal` aborts first. */
export const abortableSleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal.aborted) return reject(new PlatformError('aborted', 'Cancelled.'));
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(new PlatformError('aborted', 'Cancelled.'));
      },
      { once: true },
    );
  });

/** Longest `Retry-After` a poll waits for before it tries again anyway. */
const RETRY_AFTER_CAP_S = 10;

/**
 * Calls `probe` until it returns a value (not undefined), waiting by `schedule` between calls.
 * A rate-limited poll (429) waits its `Retry-After`; any other error ends the polling.
 */
export async function poll<T>(
  schedule: PollSchedule,
  probe: () => Promise<T | undefined>,
  signal: AbortSignal,
): Promise<T> {
  const started = performance.now();
  let slowMs = schedule.fastMs * 2;
  for (;;) {
    let wait: number;
    try {
      const value = await probe();
      if (value !== undefined) return value;
      if (performance.now() - started < schedule.fastForMs) wait = schedule.fastMs;
      else wait = slowMs = Math.min(schedule.capMs, slowMs * 1.5);
    } catch (error) {
      const limited =
        error instanceof PlatformError &&
        (error.code === 'rate-limited' || error.code === 'concurrency-limit');
      if (!limited) throw error;
      wait = Math.min(RETRY_AFTER_CAP_S, Math.max(1, error.retryAfter ?? 1)) * 1000;
    }
    await abortableSleep(wait, signal);
  }
}
