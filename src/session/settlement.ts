/**
 * What follows a session's end once the platform answered its DELETE: the account store freezes
 * the session's entry, then the platform's effective cost replaces the meter's figure (the
 * receipt), and an end by the platform is checked for lack of credits. Never on unload: the page
 * has no time left, and nobody to show a figure to.
 */
import type { PlatformError } from '../platform/errors.js';
import type { SessionClient } from '../platform/session-client.js';
import type { AccountStore, BilledSession } from '../store/account-store.js';
import type { EndReason, SessionReceiptDetail } from './events.js';
import type { PlatformCost, PlatformFigures } from './platform-figures.js';

export interface Ended {
  sessionId: string | null;
  reason: EndReason;
  /** The store's entry of the session (null when it never billed). */
  billed: BilledSession | null;
  /** What the meter counted: credits and seconds. */
  metered: { credits: number; seconds: number };
  /** Credits per second of the session's model (for the seconds the platform's figure covers). */
  rate: number;
  /** The DELETE's outcome: null once the platform confirmed the end. */
  terminated: Promise<PlatformError | null>;
  unload: boolean;
}

export interface SettlementSink {
  /** The platform stated the session's cost: the receipt. */
  receipt(cost: PlatformCost, detail: SessionReceiptDetail): void;
  /** The platform ended the session for lack of credits. */
  outOfCredits(refusal: PlatformError): void;
}

/** Settles an ended session with the platform's own figures; see the module comment. */
export async function settle(
  client: SessionClient,
  ended: Ended,
  store: AccountStore,
  figures: PlatformFigures,
  sink: SettlementSink,
): Promise<void> {
  const { billed, sessionId, metered } = ended;
  if (!billed) return;
  const failure = await ended.terminated;
  // Announced once the DELETE is answered, so a balance refetched then is final.
  store.ended(billed);
  if (failure || ended.unload) return;
  const cost = await figures.effectiveCost(client, sessionId, metered, ended.rate);
  if (cost) {
    store.settle(billed, cost.credits - metered.credits);
    const { credits, usd } = cost;
    const billedSeconds = cost.seconds ?? metered.seconds;
    sink.receipt(cost, { sessionId, billedSeconds, credits, usd, final: true });
  }
  // Ended by the platform: say so when it was for lack of credits (its dry run answers 402).
  const refusal = ended.reason === 'server' && (await figures.outOfCredits(client));
  if (refusal) sink.outOfCredits(refusal);
}
