import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * A visibility-aware tick: while running it asks the host to re-render every `intervalMs`, and at
 * once when the tab becomes visible again. It only triggers renders; whatever is shown must be
 * computed from a monotonic clock, because background tabs throttle timers (never count ticks).
 */
export class ClockController implements ReactiveController {
  private timer: ReturnType<typeof setInterval> | null = null;
  private running = false;
  private connected = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly intervalMs = 250,
  ) {
    host.addController(this);
  }

  start(): void {
    this.running = true;
    this.arm();
  }

  stop(): void {
    this.running = false;
    this.disarm();
  }

  hostConnected(): void {
    this.connected = true;
    document.addEventListener('visibilitychange', this.onVisibility);
    this.arm();
  }

  hostDisconnected(): void {
    this.connected = false;
    document.removeEventListener('visibilitychange', this.onVisibility);
    this.disarm();
  }

  private arm(): void {
    if (!this.running || !this.connected || this.timer) return;
    this.timer = setInterval(() => this.host.requestUpdate(), this.intervalMs);
  }

  private disarm(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private readonly onVisibility = () => {
    if (this.running && !document.hidden) this.host.requestUpdate();
  };
}
