import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { type Clock, MAX_WAKE_UP_MS, sessionClock } from '../platform/session-clock.js';

/**
 * One absolute deadline on a monotonic clock (a hard timeout, a budget). The timer is only a
 * wake-up call: on every wake-up, and when the tab becomes visible again, the time left is
 * recomputed from the session clock, so neither a throttled background tab nor a sleeping
 * laptop can stretch it (wake-ups are at most a second apart). The deadline
 * survives the host being moved in the DOM (disconnected and connected again).
 *
 * In a hidden page the browser fires timers late (throttled to about once a second), so a last
 * short timer could land most of a second past the deadline: there, the last wake-up within a
 * second of the deadline ends it, up to a second early, never that late.
 */
export class DeadlineController implements ReactiveController {
  private deadline: number | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private connected = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly onExpire: () => void,
    private readonly clock: Clock = sessionClock,
  ) {
    host.addController(this);
  }

  /** Starts (or restarts) the countdown: it expires `ms` from now. */
  start(ms: number): void {
    this.deadline = this.clock() + Math.max(0, ms);
    this.schedule();
  }

  /** Stops the countdown without expiring. */
  stop(): void {
    this.deadline = null;
    this.clearTimer();
  }

  get active(): boolean {
    return this.deadline !== null;
  }

  /** Milliseconds left, or null when not counting down. */
  get remainingMs(): number | null {
    return this.deadline === null ? null : Math.max(0, this.deadline - this.clock());
  }

  hostConnected(): void {
    this.connected = true;
    document.addEventListener('visibilitychange', this.check);
    this.schedule();
  }

  hostDisconnected(): void {
    this.connected = false;
    document.removeEventListener('visibilitychange', this.check);
    this.clearTimer();
  }

  private schedule(): void {
    this.clearTimer();
    if (this.deadline === null || !this.connected) return;
    const left = this.deadline - this.clock();
    if (left <= 0) {
      this.expire();
      return;
    }
    this.timer = setTimeout(this.check, Math.min(left, MAX_WAKE_UP_MS));
  }

  private readonly check = () => {
    if (this.deadline === null) return;
    const left = this.deadline - this.clock();
    if (left <= 0 || (document.hidden && left <= MAX_WAKE_UP_MS)) this.expire();
    else this.schedule();
  };

  private expire(): void {
    this.stop();
    this.onExpire();
    this.host.requestUpdate();
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
