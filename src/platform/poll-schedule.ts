/**
 * How often the connect polls (GPU assignment, then the SDP answer). The protocol has no push,
 * so every poll that lands just after the answer became ready costs the visitor up to one
 * interval: the first moments are polled at a short fixed rate (measured from one poll's start
 * to the next, so a slow network does not stretch it), and only as long as an answer is likely;
 * after that the wait grows by 1.5× per poll, so a long queue for a GPU costs few requests. The
 * price is requests: a 300 ms GPU wait takes about 12 GETs and the answer about 11 (the
 * official SDK: 3 and 2, and about 500 ms more per connect). On a network, a poll cannot start
 * before the last one answered, so the rate is at most one per round trip. A 429 on a poll is
 * honoured (its `Retry-After`).
 */
import { PlatformError, cancelled } from './errors.js';

export interface PollSchedule {
  /** The fixed interval while polling is fast. */
  fastMs: number;
  /** How long polling stays fast. */
  fastForMs: number;
  /** The longest wait once it has slowed down (each wait is 1.5× the last). */
  capMs: number;
}

/** GPU assignment: every 25 ms for 1 s (most waits are shorter), then 50 ms growing to 1 s. */
export const CAPABILITIES_POLL: PollSchedule = { fastMs: 25, fastForMs: 1000, capMs: 1000 };
/**
 * The SDP answer: every 10 ms for 500 ms (the platform composes it in about 100 ms: it gathers
 * its own ICE candidates first), then 20 ms growing to 500 ms.
 */
export const ANSWER_POLL: PollSchedule = { fastMs: 10, fastForMs: 500, capMs: 500 };

/**
 * A `performance.mark` per connect phase (`reactor:token`, `reactor:created`, `reactor:gpu`,
 * `reactor:ice`, `reactor:answer`, `reactor:ready`): visible in the browser's performance panel,
 * and read by `npm run bench` for its phase breakdown (the latest connect only).
 */
export const markPhase = (phase: string) => {
  // One mark per name: the timeline keeps every entry for the page's life, and a page that
  // connects all day would collect six a connect.
  performance.clearMarks?.(`reactor:${phase}`);
  performance.mark?.(`reactor:${phase}`);
};

/** Waits `ms`, or rejects with `aborted` when `signal` aborts first. */
export const abortableSleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal.aborted) return reject(cancelled());
    // The listener goes with the sleep: a connect sleeps some 25 times on one signal, and
    // each listener left behind would live as long as the signal.
    const onAbort = () => {
      clearTimeout(timer);
      reject(cancelled());
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
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
    const probed = performance.now();
    try {
      const value = await probe();
      if (value !== undefined) return value;
      // While fast, the interval runs from one poll's start to the next (a slow answer does not
      // stretch it): on a 40 ms network a 50 ms wait after each answer made the period 90 ms.
      if (probed - started < schedule.fastForMs)
        wait = Math.max(0, schedule.fastMs - (performance.now() - probed));
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
