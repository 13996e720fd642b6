/**
 * The account's credits and how billed sessions draw them down: per second of the model's rate
 * from `readyAt` until the session closes, charged up to each moment the platform looks, with
 * what was charged past a session's end given back. Prepaid accounts stop at 0, postpaid ones at
 * their credit limit.
 */
import type { EmulatorConfig } from './config.js';
import type { SessionRecord } from './session-record.js';

export class Billing {
  credits: number;
  private lastChargeAt = Date.now();

  constructor(private readonly config: () => EmulatorConfig) {
    this.credits = config().balance;
  }

  /** Back to the configured balance, charged from now. */
  reset(): void {
    this.credits = this.config().balance;
    this.lastChargeAt = Date.now();
  }

  /** The lowest the balance may go: 0, or minus a postpaid account's credit limit. */
  floor(): number {
    const c = this.config();
    return c.balanceMode === 'postpaid' ? -(c.creditLimit ?? 0) : 0;
  }

  /** Credits per second of the session's model. */
  rate(s: SessionRecord): number {
    return this.config().models[s.model] ?? 0;
  }

  billing(s: SessionRecord): boolean {
    return s.readyAt !== null && s.state !== 'CLOSED';
  }

  /**
   * Draws the balance down for every billed session up to `now`. When it runs out, the moment it
   * did and the sessions that must end then (see `spent`).
   */
  charge(
    sessions: Iterable<SessionRecord>,
    now: number,
  ): { at: number; sessions: SessionRecord[] } | null {
    const from = this.lastChargeAt;
    if (now <= from) return null;
    this.lastChargeAt = now;
    let perMs = 0;
    let owed = 0;
    const billed: SessionRecord[] = [];
    for (const s of sessions) {
      if (!this.billing(s)) continue;
      const start = Math.max(from, s.readyAt!);
      if (now <= start) continue;
      perMs += this.rate(s) / 1000;
      owed += ((now - start) * this.rate(s)) / 1000;
      billed.push(s);
    }
    this.credits -= owed;
    const floor = this.floor();
    if (!billed.length || this.credits > floor) return null;
    const overshoot = floor - this.credits;
    return { at: Math.round(now - overshoot / perMs), sessions: billed };
  }

  /**
   * The sessions `charge` named have ended: the account is spent. (The refunds for the overshoot
   * are rounded to whole milliseconds, so the balance is set, not summed.)
   */
  spent(): void {
    this.credits = this.floor();
  }

  /** A session ends at `at`: what the last charge billed past that goes back. */
  ending(s: SessionRecord, at: number): void {
    if (this.billing(s) && at < this.lastChargeAt)
      this.credits += ((this.lastChargeAt - Math.max(at, s.readyAt!)) * this.rate(s)) / 1000;
  }
}
