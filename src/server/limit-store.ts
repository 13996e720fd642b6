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

/** Keys kept at most (the oldest goes first): a flood of fresh client keys cannot grow memory. */
const MAX_KEYS = 10_000;

/** Limits in this process's memory (the default). */
export function createMemoryStore(): LimitStore {
  const rates = new Map<string, number[]>();
  const budgets = new Map<string, { used: number; resetAt: number }>();
  const bounded = <V>(map: Map<string, V>, key: string, value: V) => {
    map.delete(key);
    map.set(key, value);
    if (map.size > MAX_KEYS) map.delete(map.keys().next().value!);
  };
  return {
    take(checks, now) {
      const recent = checks.map((c) =>
        c.kind === 'rate' ? (rates.get(c.key) ?? []).filter((at) => now - at < c.windowMs) : [],
      );
      for (const [index, check] of checks.entries()) {
        if (check.kind === 'rate') {
          const times = recent[index]!;
          if (times.length + 1 > check.limit)
            return Promise.resolve({
              ok: false,
              index,
              retryAfterMs: (times[0] ?? now) + check.windowMs - now,
            });
        } else {
          const held = budgets.get(check.key);
          const used = held && held.resetAt > now ? held.used : 0;
          if (used + check.cost > check.limit)
            return Promise.resolve({ ok: false, index, retryAfterMs: check.resetAt - now });
        }
      }
      for (const [index, check] of checks.entries()) {
        if (check.kind === 'rate') bounded(rates, check.key, [...recent[index]!, now]);
        else {
          const held = budgets.get(check.key);
          const used = held && held.resetAt > now ? held.used : 0;
          bounded(budgets, check.key, { used: used + check.cost, resetAt: check.resetAt });
        }
      }
      return Promise.resolve({ ok: true });
    },
  };
}
