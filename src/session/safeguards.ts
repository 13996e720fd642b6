/**
 * The safeguards of a live session, armed together when billing starts and stopped together at
 * its end: the hard timeout, the budget (`max-cost`), the idle detector, and the clock that ticks
 * the countdown and the cost.
 */
import { ClockController } from '../controllers/clock.js';
import { DeadlineController } from '../controllers/deadline.js';
import { IdleController, type IdleOptions } from '../controllers/idle.js';
import type { ReactiveControllerHost } from 'lit';

/** Why a safeguard ended the session. */
export type GuardReason = 'timeout' | 'budget' | 'idle';

export class Safeguards {
  private readonly clock: ClockController;
  private readonly deadline: DeadlineController;
  private readonly budget: DeadlineController;
  private readonly idle: IdleController;

  constructor(host: ReactiveControllerHost, end: (reason: GuardReason) => void) {
    this.clock = new ClockController(host, 250);
    this.deadline = new DeadlineController(host, () => end('timeout'));
    this.budget = new DeadlineController(host, () => end('budget'));
    this.idle = new IdleController(host);
  }

  /**
   * Billing started: the hard timeout fires in `limitMs`, the idle detector watches with
   * `idle` (its `onExpire` ends the session as `idle`), and the clock ticks.
   */
  arm(limitMs: number, idle: Omit<IdleOptions, 'onExpire'>, onIdle: () => void): void {
    this.deadline.start(limitMs);
    this.clock.start();
    this.idle.arm({ ...idle, onExpire: onIdle });
  }

  /** The budget's countdown: `ms` of billing left before it is reached. */
  armBudget(ms: number): void {
    this.budget.start(ms);
  }

  /** Ticks the clock outside a session (a rate-limit wait counting down). */
  tick(): void {
    this.clock.start();
  }

  /** The session is over: nothing fires any more. */
  disarm(): void {
    this.deadline.stop();
    this.budget.stop();
    this.idle.disarm();
    this.clock.stop();
  }

  /** Milliseconds before the hard timeout while it runs, else null. */
  get remainingMs(): number | null {
    return this.deadline.remainingMs;
  }

  /** Whole seconds left in the idle warning (0 when not warning). */
  get idleSecondsLeft(): number {
    return this.idle.secondsLeft;
  }

  /** Counts as page activity: resets the idle timer and dismisses the idle warning. */
  keepAlive(): void {
    this.idle.keepAlive();
  }

  /** Runs `fn` (a programmatic focus move) without counting what it causes as activity. */
  quietly(fn: () => void): void {
    this.idle.quietly(fn);
  }
}
