/**
 * The time limit as a visitor meets it (WCAG 2.2.1): said in the status line a while before it
 * ends the session (60 s, or half the session when that is shorter), and extended once by the
 * visitor where the site allows it (`extra-time`), never past the platform's limit or the
 * session token's life. Framework-free.
 */
import type { LiveLimits } from './live-limits.js';
import type { Safeguards } from './safeguards.js';

/** The most time before the end at which the time limit is said. */
export const TIME_WARNING_S = 60;

export class TimeLimit {
  /** Seconds before the end at which the limit is said (0: no session). */
  private warnAt = 0;

  constructor(
    private readonly guards: Safeguards,
    private readonly limits: LiveLimits,
  ) {}

  /** Billing started with `limitMs` to go. */
  arm(limitMs: number): void {
    this.warnAt = Math.round(Math.min(TIME_WARNING_S, limitMs / 2000));
  }

  /** While the end is near: the seconds it was said at (a fixed figure, said once); else 0. */
  get warning(): number {
    const left = this.guards.remainingMs;
    return left !== null && left <= this.warnAt * 1000 ? this.warnAt : 0;
  }

  /**
   * The seconds the visitor may add now: near the end, once, `extraSeconds` at most, and within
   * the token's life (`tokenLeftMs`).
   */
  extension(extraSeconds: number, tokenLeftMs: number): number {
    const left = this.guards.remainingMs;
    if (!this.warning || this.limits.extended || left === null) return 0;
    return Math.max(0, Math.floor(Math.min(extraSeconds, (tokenLeftMs - left) / 1000)));
  }

  /** Adds `seconds` to the time limit (see `extension`). */
  extend(seconds: number): void {
    const left = this.guards.remainingMs;
    if (!(seconds > 0) || left === null) return;
    this.guards.shorten(left + seconds * 1000);
    this.limits.extend(seconds);
  }
}
