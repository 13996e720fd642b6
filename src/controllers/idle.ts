import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { type Clock, MAX_WAKE_UP_MS, sessionClock } from '../platform/session-clock.js';

/** The page activity that counts as "someone is here". */
export const ACTIVITY_EVENTS = [
  'pointerdown',
  'pointermove',
  'keydown',
  'wheel',
  'touchstart',
  'focusin',
  'scroll',
] as const;

export type IdleState = 'off' | 'watching' | 'warning';

export interface IdleOptions {
  /** The warning starts after this long without activity. */
  timeoutMs: number;
  /** The warning lasts this long before `onExpire`. */
  warningMs: number;
  onWarn: (secondsLeft: number) => void;
  onExpire: () => void;
  /** The warning was dismissed by activity or `keepAlive()`. */
  onResume?: () => void;
}

const WARNING_POLL_MS = 250;

/**
 * Idle detection for a billed session. Activity listeners are passive, capture-phase on the
 * document, and do nothing but store a timestamp; a hidden tab produces no activity, so it counts
 * as inactive. Timers are wake-up calls only: every decision is made from the monotonic clock.
 */
export class IdleController implements ReactiveController {
  state: IdleState = 'off';
  private options: IdleOptions | null = null;
  private lastActivity = 0;
  private warningEndsAt = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private connected = false;
  private listening = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly clock: Clock = sessionClock,
  ) {
    host.addController(this);
  }

  /** Starts watching for inactivity. A timeout of 0 (or less) disables detection. */
  arm(options: IdleOptions): void {
    this.disarm();
    if (!(options.timeoutMs > 0)) return;
    this.options = options;
    this.lastActivity = this.clock();
    this.state = 'watching';
    this.listen();
    this.schedule();
  }

  disarm(): void {
    this.state = 'off';
    this.options = null;
    this.unlisten();
    this.clearTimer();
  }

  /** Counts as activity: resets the timer and dismisses a warning. */
  keepAlive(): void {
    this.lastActivity = this.clock();
    if (this.state === 'warning') this.check();
    else this.schedule();
  }

  /** Runs `fn` (e.g. a programmatic focus move) without counting the events it causes as activity. */
  quietly(fn: () => void): void {
    const last = this.lastActivity;
    try {
      fn();
    } finally {
      this.lastActivity = last;
    }
  }

  /** Whole seconds left in the warning (0 when not warning). */
  get secondsLeft(): number {
    if (this.state !== 'warning') return 0;
    return Math.max(0, Math.ceil((this.warningEndsAt - this.clock()) / 1000));
  }

  hostConnected(): void {
    this.connected = true;
    if (this.state !== 'off') {
      this.listen();
      this.schedule();
    }
  }

  hostDisconnected(): void {
    this.connected = false;
    this.unlisten();
    this.clearTimer();
  }

  private readonly onActivity = () => {
    this.lastActivity = this.clock();
  };

  private readonly onVisibility = () => this.check();

  private listen(): void {
    if (this.listening || !this.connected) return;
    this.listening = true;
    for (const type of ACTIVITY_EVENTS)
      document.addEventListener(type, this.onActivity, { passive: true, capture: true });
    document.addEventListener('visibilitychange', this.onVisibility);
  }

  private unlisten(): void {
    if (!this.listening) return;
    this.listening = false;
    for (const type of ACTIVITY_EVENTS)
      document.removeEventListener(type, this.onActivity, { capture: true });
    document.removeEventListener('visibilitychange', this.onVisibility);
  }

  private schedule(): void {
    this.clearTimer();
    if (!this.options || !this.connected) return;
    const wait =
      this.state === 'warning'
        ? WARNING_POLL_MS
        : this.lastActivity + this.options.timeoutMs - this.clock();
    this.timer = setTimeout(() => this.check(), Math.min(Math.max(0, wait), MAX_WAKE_UP_MS));
  }

  private check(): void {
    const options = this.options;
    if (!options) return;
    const now = this.clock();
    if (this.state === 'watching') {
      if (now - this.lastActivity >= options.timeoutMs) {
        this.state = 'warning';
        this.warningEndsAt = now + options.warningMs;
        options.onWarn(this.secondsLeft);
      }
    } else if (this.state === 'warning') {
      if (this.lastActivity > this.warningEndsAt - options.warningMs) {
        this.state = 'watching';
        options.onResume?.();
      } else if (now >= this.warningEndsAt - (document.hidden ? MAX_WAKE_UP_MS : 0)) {
        // A hidden page's timers come about a second late: there the warning's last second ends
        // it (as `DeadlineController` does), up to a second early rather than that late.
        this.disarm();
        this.host.requestUpdate();
        options.onExpire();
        return;
      }
    }
    this.host.requestUpdate();
    this.schedule();
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
