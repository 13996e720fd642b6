/**
 * The billing meter: what a session has cost so far, by the platform's rules. It starts when the
 * session is `ready`, keeps running through a recoverable disconnect (the GPU is still held and
 * billed), and stops at termination. It reads a monotonic clock and never counts ticks, so it is
 * right after the tab was in the background or the machine slept (see `sessionClock`).
 */
import { type Cost, costOf } from './pricing.js';
import { type Clock, sessionClock } from './session-clock.js';

export class BillingMeter {
  private startedAt: number | null = null;
  private stoppedAt: number | null = null;

  constructor(private readonly clock: Clock = sessionClock) {}

  /** The session is ready. A later ready (after a reconnect) does not restart the meter. */
  start(): void {
    if (this.startedAt === null) this.startedAt = this.clock();
  }

  /** The session was terminated. Idempotent; a meter that never started stays at zero. */
  stop(): void {
    if (this.startedAt !== null && this.stoppedAt === null) this.stoppedAt = this.clock();
  }

  get running(): boolean {
    return this.startedAt !== null && this.stoppedAt === null;
  }

  get started(): boolean {
    return this.startedAt !== null;
  }

  /** Billed time in milliseconds, to now while running. */
  get billedMs(): number {
    if (this.startedAt === null) return 0;
    return Math.max(0, (this.stoppedAt ?? this.clock()) - this.startedAt);
  }

  get billedSeconds(): number {
    return this.billedMs / 1000;
  }

  /** What the billed time costs at `creditsPerSecond`. */
  cost(creditsPerSecond: number, creditsPerDollar: number): Cost {
    return costOf(creditsPerSecond, this.billedSeconds, creditsPerDollar);
  }
}
