/**
 * The safeguards that end a live session on their own, started together when billing starts
 * and stopped together by every end: the hard timeout (`max-duration`, or the session token's
 * end if that comes first), the budget (`max-cost` at the live rate), the idle detector, and
 * the 250 ms clock that re-renders the ticker and the countdowns.
 */
import type { ReactiveControllerHost } from 'lit';
import { ClockController } from './clock.js';
import { DeadlineController } from './deadline.js';
import { IdleController, type IdleOptions } from './idle.js';

export class SessionGuards {
  /** Re-renders the host every 250 ms while running (the ticker, a 429 countdown). */
  readonly clock: ClockController;
  readonly idle: IdleController;
  private readonly deadline: DeadlineController;
  private readonly budget: DeadlineController;

  constructor(host: ReactiveControllerHost, end: (reason: 'timeout' | 'budget') => void) {
    this.clock = new ClockController(host, 250);
    this.deadline = new DeadlineController(host, () => end('timeout'));
    this.budget = new DeadlineController(host, () => end('budget'));
    this.idle = new IdleController(host);
  }

  /** Billing started: the hard timeout in `limitMs`, the idle detector, the clock. */
  start(limitMs: number, idle: IdleOptions): void {
    this.deadline.start(limitMs);
    this.clock.start();
    this.idle.arm(idle);
  }

  /**
   * (Re)starts the budget: it ends the session once `credits` are spent at `rate` credits a
   * second, `billedMs` being billed already. Nothing without a budget or a known rate.
   */
  startBudget(credits: number | null, rate: number, billedMs: number): void {
    if (credits === null || !rate) return;
    this.budget.start((credits / rate) * 1000 - billedMs);
  }

  /** Milliseconds before the hard timeout, or null when it is not counting. */
  get remainingMs(): number | null {
    return this.deadline.remainingMs;
  }

  stop(): void {
    this.deadline.stop();
    this.budget.stop();
    this.idle.disarm();
    this.clock.stop();
  }
}
