/**
 * The safeguards of a live session, armed together when billing starts and stopped together at
 * its end: the hard timeout, the budget (`max-cost`), the idle detector, the hidden player
 * (`hidden-timeout`), and the clock that ticks the countdown and the cost.
 */
import { ClockController } from '../controllers/clock.js';
import { DeadlineController } from '../controllers/deadline.js';
import { HiddenController } from '../controllers/hidden.js';
import { IdleController, type IdleOptions } from '../controllers/idle.js';
import type { SessionHost } from './state.js';

/** Why a safeguard ended the session. */
export type GuardReason = 'timeout' | 'budget' | 'idle' | 'hidden';

export class Safeguards {
  private readonly clock: ClockController;
  private readonly deadline: DeadlineController;
  private readonly budget: DeadlineController;
  private readonly idle: IdleController;
  private readonly hidden: HiddenController;

  constructor(host: SessionHost, end: (reason: GuardReason) => void) {
    this.clock = new ClockController(host, 250);
    this.deadline = new DeadlineController(host, () => end('timeout'));
    this.budget = new DeadlineController(host, () => end('budget'));
    this.idle = new IdleController(host);
    this.hidden = new HiddenController(
      host,
      // The video area: the player's own box may be styled away (`display: contents`) or
      // squeezed while the content around it stays padded.
      () => host.shadowRoot?.querySelector('.stage'),
      () => end('hidden'),
    );
  }

  /**
   * Billing started: the hard timeout fires in `limitMs`, the idle detector watches with
   * `idle` (its `onExpire` ends the session as `idle`), a player hidden for `hiddenMs` ends it
   * (0: never), and the clock ticks.
   */
  arm(
    limitMs: number,
    idle: Omit<IdleOptions, 'onExpire'>,
    onIdle: () => void,
    hiddenMs: number,
  ): void {
    this.deadline.start(limitMs);
    this.clock.start();
    this.idle.arm({ ...idle, onExpire: onIdle });
    this.hidden.arm(hiddenMs);
  }

  /** A stricter time limit while live: the hard timeout fires in `ms` now. */
  shorten(ms: number): void {
    this.deadline.start(ms);
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
    this.hidden.arm(0);
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
