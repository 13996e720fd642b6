/**
 * Where the token broker keeps its limits. A `take` checks every limit of one token request and
 * counts it against all of them, or against none: all or nothing, in one step (no read-then-write
 * race between two requests, or two instances). Two kinds of limit:
 * - `rate`: at most `limit` takes in any rolling `windowMs` (tokens per client, per site);
 * - `budget`: at most `limit` units summed until `resetAt` (the day's credit reservations).
 *
 * `createMemoryStore()` keeps them in this process: each instance of a site counts alone. For a
 * site on several machines, serverless functions or edge workers, `createRedisStore` shares them.
 */

export type LimitCheck =
  | { kind: 'rate'; key: string; limit: number; windowMs: number }
  | { kind: 'budget'; key: string; limit: number; cost: number; resetAt: number };

/** The outcome of a take: counted, or refused by the `index`-th check until `retryAfterMs`. */
export type LimitVerdict = { ok: true } | { ok: false; index: number; retryAfterMs: number };

export interface LimitStore {
  /** Checks every limit at `now` (epoch ms) and counts the request against all, or none. */
  take(checks: readonly LimitCheck[], now: number): Promise<LimitVerdict>;
}

/** The records a take reads and writes, per key: a rate's recent times, a budget's use. */
export interface LimitRecords {
  times(key: string): number[] | undefined;
  use(key: string): BudgetUse | undefined;
  setTimes(key: string, times: number[]): void;
  setUse(key: string, use: BudgetUse): void;
}

/** A budget's units used until `resetAt` (epoch ms). */
export interface BudgetUse {
  used: number;
  resetAt: number;
}

/**
 * One take on `records`: every check is looked at first, and the request is counted against all
 * of them, or none. Synchronous, so a caller that runs one take at a time (one process, one
 * Durable Object) needs no other lock.
 */
export function takeLimits(
  records: LimitRecords,
  checks: readonly LimitCheck[],
  now: number,
): LimitVerdict {
  const recent = checks.map((c) =>
    c.kind === 'rate' ? (records.times(c.key) ?? []).filter((at) => now - at < c.windowMs) : [],
  );
  const usedOf = (key: string) => {
    const held = records.use(key);
    return held && held.resetAt > now ? held.used : 0;
  };
  for (const [index, check] of checks.entries()) {
    if (check.kind === 'rate') {
      const times = recent[index]!;
      if (times.length + 1 > check.limit)
        return { ok: false, index, retryAfterMs: (times[0] ?? now) + check.windowMs - now };
    } else if (usedOf(check.key) + check.cost > check.limit) {
      return { ok: false, index, retryAfterMs: check.resetAt - now };
    }
  }
  for (const [index, check] of checks.entries()) {
    if (check.kind === 'rate') records.setTimes(check.key, [...recent[index]!, now]);
    else
      records.setUse(check.key, { used: usedOf(check.key) + check.cost, resetAt: check.resetAt });
  }
  return { ok: true };
}

/** Keys kept at most (the oldest goes first): a flood of fresh client keys cannot grow memory. */
const MAX_KEYS = 10_000;

/** Records in this process's memory, at most `MAX_KEYS` of each kind. */
export function memoryRecords(): LimitRecords {
  const rates = new Map<string, number[]>();
  const budgets = new Map<string, BudgetUse>();
  const bounded = <V>(map: Map<string, V>, key: string, value: V) => {
    map.delete(key);
    map.set(key, value);
    if (map.size > MAX_KEYS) map.delete(map.keys().next().value!);
  };
  return {
    times: (key) => rates.get(key),
    use: (key) => budgets.get(key),
    setTimes: (key, times) => bounded(rates, key, times),
    setUse: (key, use) => bounded(budgets, key, use),
  };
}

/** Limits in this process's memory (the default). */
export function createMemoryStore(): LimitStore {
  const records = memoryRecords();
  return { take: (checks, now) => Promise.resolve(takeLimits(records, checks, now)) };
}
