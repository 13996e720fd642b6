/**
 * The account balance. Reactor has no public balance endpoint yet, so it comes from a source the
 * site owner provides: a URL on their backend, or an async function. Validated here; never trusted.
 */
import { PlatformError } from './errors.js';
import { requestJson } from './http.js';
import { isNumber, isRecord } from './values.js';

export type BillingMode = 'prepaid' | 'postpaid';

export interface AutoTopup {
  enabled: boolean;
  /** Top up when the balance falls to this many credits. */
  thresholdCredits: number | null;
  /** How much each top-up buys, in dollars. */
  amountDollars: number | null;
}

export interface Balance {
  credits: number;
  mode: BillingMode | null;
  /** Postpaid only: how far below zero the account may go. */
  creditLimit: number | null;
  autoTopup: AutoTopup | null;
}

/** A function that answers the balance document (`{credits, mode?, credit_limit?, auto_topup?}`). */
export type BalanceSource = (signal: AbortSignal) => Promise<unknown>;

const bad = (message: string) => new PlatformError('bad-response', `Invalid balance: ${message}`);

export function parseBalance(data: unknown): Balance {
  if (!isRecord(data)) throw bad('not an object.');
  const doc = data;
  if (!isNumber(doc.credits)) throw bad('`credits` must be a number.');
  const mode = doc.mode === 'prepaid' || doc.mode === 'postpaid' ? doc.mode : null;
  const limit = doc.credit_limit;
  const creditLimit = isNumber(limit) && limit >= 0 ? limit : null;
  return { credits: doc.credits, mode, creditLimit, autoTopup: parseTopup(doc.auto_topup) };
}

function parseTopup(value: unknown): AutoTopup | null {
  if (typeof value === 'boolean')
    return { enabled: value, thresholdCredits: null, amountDollars: null };
  if (!value || typeof value !== 'object') return null;
  const t = value as Record<string, unknown>;
  return {
    enabled: t.enabled !== false,
    thresholdCredits: isNumber(t.threshold_credits) ? t.threshold_credits : null,
    amountDollars: isNumber(t.amount_dollars) ? t.amount_dollars : null,
  };
}

/** The lowest the balance can go before sessions are refused (0, or −limit when postpaid). */
export function creditFloor(balance: Balance): number {
  return balance.mode === 'postpaid' ? -(balance.creditLimit ?? 0) : 0;
}

/** Loads and validates the balance from a URL (GET, the page's cookies) or a function. */
export async function loadBalance(
  source: string | BalanceSource,
  signal: AbortSignal,
): Promise<Balance> {
  if (typeof source === 'function') return parseBalance(await source(signal));
  const { data } = await requestJson(source, { signal, credentials: 'same-origin' });
  return parseBalance(data);
}
