/**
 * What a session was started with, for its whole life: its time limit and its budget (its price
 * is fixed the same way, by the session unit). A live change to a limit applies at once when it
 * is stricter (a lower `max-cost` or `max-duration`); anything else (a higher limit, another
 * model, another price list, the idle settings) applies to the next session, and the console
 * says so, once per change.
 */
import type { SessionConfig } from './config.js';
import { budgetCredits } from './config.js';

/**
 * The settings whose live change waits for the next session, with their attribute names (the
 * client and the safeguards read them once, at connect or at ready). `background` and
 * `video-track` are read when they are needed, so a live change to them applies at once.
 */
const NEXT_TIME = {
  model: 'model',
  apiUrl: 'api-url',
  idleTimeout: 'idle-timeout',
  idleWarning: 'idle-warning',
  hiddenTimeout: 'hidden-timeout',
  reconnect: 'reconnect',
} as const;

type Seen = Record<keyof typeof NEXT_TIME, string>;

export class LiveLimits {
  private armed: { capSeconds: number; budget: number | null } | null = null;
  /** The settings as last seen, so that each change is said once. */
  private seen: Seen | null = null;

  /** Billing started with these settings (`apiUrl`: the origin it resolved to). */
  arm(config: SessionConfig, apiUrl: string, capSeconds: number): void {
    this.armed = { capSeconds, budget: budgetCredits(config) };
    this.seen = seenOf(config, apiUrl);
  }

  disarm(): void {
    this.armed = this.seen = null;
  }

  /** The budget in force: the one armed, or a lower one set since. */
  budget(config: SessionConfig): number | null {
    const now = budgetCredits(config);
    if (!this.armed) return now;
    const then = this.armed.budget;
    return then === null ? now : now === null ? then : Math.min(then, now);
  }

  /** The time limit in force, in seconds: the one armed, or a lower one set since. */
  capSeconds(capSeconds: number): number {
    return this.armed ? Math.min(this.armed.capSeconds, capSeconds) : capSeconds;
  }

  /**
   * A live change: the stricter limits are kept (they apply at once), and what waits for the
   * next session is returned, one console line each.
   */
  changed(config: SessionConfig, apiUrl: string, capSeconds: number): string[] {
    const { armed, seen } = this;
    if (!armed || !seen) return [];
    const lines: string[] = [];
    const next = 'it applies to the next session';
    const budget = budgetCredits(config);
    if (armed.budget !== null && (budget === null || budget > armed.budget))
      lines.push(
        `max-cost raised while a session is live: ${next} (this one stops at ${armed.budget} credits).`,
      );
    if (capSeconds > armed.capSeconds)
      lines.push(
        `max-duration raised while a session is live: ${next} (this one stops at ${armed.capSeconds} s).`,
      );
    const now = seenOf(config, apiUrl);
    for (const key of Object.keys(NEXT_TIME) as (keyof Seen)[])
      if (now[key] !== seen[key])
        lines.push(`${NEXT_TIME[key]} changed while a session is live: ${next}.`);
    this.armed = { budget: this.budget(config), capSeconds: this.capSeconds(capSeconds) };
    this.seen = now;
    return lines;
  }
}

function seenOf(config: SessionConfig, apiUrl: string): Seen {
  const values = config as unknown as Record<string, unknown>;
  const seen = {} as Seen;
  for (const key of Object.keys(NEXT_TIME) as (keyof Seen)[])
    seen[key] = key === 'apiUrl' ? apiUrl : String(values[key]);
  return seen;
}
