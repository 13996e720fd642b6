import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface PollOptions {
  /** One round; the signal aborts when the host leaves the page or a newer round starts. */
  run: (signal: AbortSignal, round: number) => Promise<void>;
  /** Milliseconds between the end of one round and the next; 0 = run once. */
  intervalMs: () => number;
}

/**
 * Runs a fetch now and then again `intervalMs` after each round ends (a timeout chain, never an
 * interval, so rounds never overlap). Paused while the tab is hidden, and a round runs as soon as
 * the tab is visible again. Leaving the page aborts the round in flight.
 */
export class PollController implements ReactiveController {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inFlight: AbortController | null = null;
  private dueAt: number | null = null;
  private rounds = 0;
  private connected = false;

  constructor(
    host: ReactiveControllerHost,
    private readonly options: PollOptions,
  ) {
    host.addController(this);
  }

  /** Runs a round now (e.g. a retry button, or after a session ended). */
  refresh(): Promise<void> {
    return this.round();
  }

  hostConnected(): void {
    this.connected = true;
    document.addEventListener('visibilitychange', this.onVisibility);
    // The first round waits for the code that put the element on the page: a property set just
    // after (`parent.append(el); el.apiUrl = …`, a framework's binding) is in it. Unless the
    // host's first update started one already.
    const rounds = this.rounds;
    queueMicrotask(() => rounds === this.rounds && void this.round());
  }

  hostDisconnected(): void {
    this.connected = false;
    document.removeEventListener('visibilitychange', this.onVisibility);
    this.clearTimer();
    this.inFlight?.abort();
    this.inFlight = null;
  }

  private async round(): Promise<void> {
    if (!this.connected) return;
    this.clearTimer();
    this.inFlight?.abort();
    const controller = new AbortController();
    this.inFlight = controller;
    this.dueAt = null;
    try {
      await this.options.run(controller.signal, this.rounds++);
    } catch {
      /* run() shows its own errors; polling goes on */
    } finally {
      if (this.inFlight === controller) {
        this.inFlight = null;
        this.scheduleNext();
      }
    }
  }

  private scheduleNext(): void {
    const interval = this.options.intervalMs();
    if (!this.connected || !(interval > 0)) return;
    this.dueAt = performance.now() + interval;
    if (!document.hidden) this.timer = setTimeout(() => void this.round(), interval);
  }

  private readonly onVisibility = () => {
    if (document.hidden) {
      this.clearTimer();
    } else if (this.dueAt !== null) {
      // Back from the background: the data may be stale, fetch it now.
      void this.round();
    }
  };

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
