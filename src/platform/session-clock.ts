/**
 * The clock every session decision reads (billing meter, hard timeout, budget, idle): monotonic,
 * and it keeps counting while the machine sleeps.
 *
 * `performance.now()` never goes back, but on Linux and macOS it stops while the machine is
 * suspended, and the platform bills a held GPU through a laptop's sleep; `Date.now()` keeps
 * going but can be set back or forward. So each reading advances by the monotonic step, or by
 * the wall-clock step when that one is more than a second longer (a sleep, or a clock set
 * forward: either ends a session early, the safe side); a wall clock set back counts nothing.
 */
export type Clock = () => number;

const SLEEP_THRESHOLD_MS = 1000;

/** A session clock over the given clocks (injectable for tests). */
export function createSessionClock(
  monotonic: Clock = () => performance.now(),
  wall: Clock = () => Date.now(),
): Clock {
  let lastMonotonic = monotonic();
  let lastWall = wall();
  let value = lastMonotonic;
  return () => {
    const m = monotonic();
    const w = wall();
    const step = m - lastMonotonic;
    const wallStep = w - lastWall;
    value += wallStep - step > SLEEP_THRESHOLD_MS ? wallStep : Math.max(0, step);
    lastMonotonic = m;
    lastWall = w;
    return value;
  };
}

/** The page's one session clock: every reader shares it, so they agree after a sleep. */
export const sessionClock: Clock = createSessionClock();

/**
 * Timers are wake-up calls only, at most this far apart, so a deadline is re-checked within a
 * second of waking up (timers run on the clock that stopped while asleep).
 */
export const MAX_WAKE_UP_MS = 1000;
