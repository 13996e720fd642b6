/**
 * The platform's own cost figures for one session element, beside its meter: the dry run's
 * estimate before a session, and the effective cost after one.
 *
 * The dry run needs a token, so it is asked when a token is fetched ahead anyway (the pointer or
 * the focus on Start): at page load it would mint a token, and reserve its worst case against
 * the broker's daily ceiling, for every page view. The effective cost is read once the DELETE is
 * answered, never on unload (the page has no time left, and the figure nobody to show it to).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { type PlatformError, asPlatformError } from '../platform/errors.js';
import type { Cost } from '../platform/pricing.js';
import type { PlatformCost, SessionClient } from '../platform/session-client.js';
import { say } from '../internal/console.js';

export type { PlatformCost };

/** What one session may cost at most, and where the figure comes from. */
export interface SessionEstimate {
  seconds: number;
  /** Null while the price is unknown. */
  cost: Cost | null;
  /** From the platform's dry run (else from the price list). */
  platform: boolean;
}

export class PlatformFigures implements ReactiveController {
  private estimated: { key: string; cost: PlatformCost } | null = null;
  private askedKey: string | null = null;
  private request: AbortController | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    /** What the estimate depends on (the API origin and the model). */
    private readonly key: () => string,
  ) {
    host.addController(this);
  }

  /**
   * The most a session of `capSeconds` may cost: the dry run's figure for the current
   * configuration (over the time it assumed, when that is shorter: what the balance allows), else
   * `local`, the price list's.
   */
  estimate(capSeconds: number, local: Cost | null): SessionEstimate {
    const dry = this.estimated?.key === this.key() ? this.estimated.cost : null;
    if (!dry?.seconds) return { seconds: capSeconds, cost: local, platform: false };
    const seconds = Math.min(capSeconds, dry.seconds);
    const share = seconds / dry.seconds;
    return {
      seconds,
      cost: { credits: dry.credits * share, usd: dry.usd * share },
      platform: true,
    };
  }

  /**
   * Asks the dry run with `client`'s token, once per configuration. Resolves with the platform's
   * 402 (the account could not pay for a session; asked again next time), else null.
   */
  async ask(client: SessionClient): Promise<PlatformError | null> {
    const key = this.key();
    if (this.askedKey === key) return null;
    this.askedKey = key;
    this.request?.abort();
    const request = new AbortController();
    this.request = request;
    try {
      const cost = await client.dryRun(request.signal);
      if (cost && !request.signal.aborted) {
        this.estimated = { key, cost };
        this.host.requestUpdate();
      }
      return null;
    } catch (error) {
      const failure = asPlatformError(error);
      if (failure.code !== 'payment-required') return null; // the connect reports the rest
      this.askedKey = null;
      return request.signal.aborted ? null : failure;
    }
  }

  /**
   * The effective cost of the session `client` just ended, compared with what the meter counted
   * (`metered`, at `creditsPerSecond`): more than one second of billing apart is said to the
   * site owner. Null when the platform does not give one.
   */
  async effectiveCost(
    client: SessionClient,
    sessionId: string | null,
    metered: { credits: number; seconds: number },
    creditsPerSecond: number,
  ): Promise<PlatformCost | null> {
    const cost = await client.effectiveCost();
    if (!cost) return null;
    const apart = creditsPerSecond
      ? Math.abs(cost.credits - metered.credits) / creditsPerSecond
      : Math.abs((cost.seconds ?? metered.seconds) - metered.seconds);
    if (apart > 1)
      say(
        `<reactor-session>: Reactor billed ${cost.credits.toFixed(1)} credits for session ${sessionId}, the meter ${metered.credits.toFixed(1)} (${apart.toFixed(1)} s apart); the receipt shows Reactor's.`,
      );
    return cost;
  }

  /** After the platform ended a session: its 402 when the account ran out of credits, else null. */
  async outOfCredits(client: SessionClient): Promise<PlatformError | null> {
    try {
      await client.dryRun(new AbortController().signal);
      return null;
    } catch (error) {
      const failure = asPlatformError(error);
      return failure.code === 'payment-required' ? failure : null;
    }
  }

  hostDisconnected(): void {
    this.request?.abort();
    this.askedKey = null;
  }
}
