/**
 * The platform's own cost figures, modelled on the pricing documents (a dry run's
 * `cost_estimate`, a finished request's `metadata.cost`): the real session API may shape them
 * differently, so the elements treat both as optional.
 */
import type { EmulatorConfig } from './config.js';
import type { LedgerEntry } from './types.js';

/** A cost in the platform's units: credits, dollars, and the seconds it is for. */
export interface PlatformCost {
  credits: number;
  dollars: number;
  /** The seconds the figure is for: assumed (an estimate) or billed (the effective cost). */
  duration_s: number;
}

const dollars = (config: EmulatorConfig, credits: number) => credits / config.creditsPerDollar;

/**
 * The answer of `POST /sessions?dryRun=true`: the cost of the longest session the platform
 * would allow now (its time limit, or what the balance pays for when that is less).
 */
export function dryRunAnswer(
  config: EmulatorConfig,
  model: string,
  spendable: number,
): Record<string, unknown> {
  const rate = config.models[model] ?? 0;
  const limit = config.maxDurationMs / 1000;
  const seconds = rate > 0 ? Math.min(limit, Math.floor(spendable / rate)) : limit;
  const credits = seconds * rate;
  return {
    dry_run: true,
    model: { name: model },
    cost_estimate: { credits, dollars: dollars(config, credits), duration_s: seconds },
  };
}

/** `metadata` of `GET /sessions/{id}`: `cost_estimate` (so far) while live, `cost` once closed. */
export function sessionMetadata(config: EmulatorConfig, entry: LedgerEntry) {
  const cost: PlatformCost = {
    credits: entry.credits,
    dollars: dollars(config, entry.credits),
    duration_s: entry.billed_ms / 1000,
  };
  return {
    provider: 'reactor-emulator',
    executed_model: entry.model,
    ...(entry.state === 'CLOSED' ? { cost } : { cost_estimate: cost }),
  };
}
