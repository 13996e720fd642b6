/**
 * The broker's limits on Cloudflare: one Durable Object (`ReactorLimits`) holds them for every
 * instance of the site's Worker, worldwide. A Durable Object handles one request at a time, and
 * delivers none while it reads or writes its storage, so a take is atomic without a lock: two
 * instances cannot both take the last token. Rates (per-minute windows) live in the object's
 * memory; the day's credit reservations in its storage, so they outlive the object's eviction.
 *
 * Written against the shapes it needs of the Workers runtime (no Cloudflare types required).
 */
import {
  type BudgetUse,
  type LimitCheck,
  type LimitStore,
  type LimitVerdict,
  memoryRecords,
  takeLimits,
} from './limit-store.js';

/** What the store needs of a Durable Object namespace binding. */
export interface DurableObjectNamespaceLike {
  idFromName(name: string): unknown;
  get(id: never): { fetch(input: string, init?: RequestInit): Promise<Response> };
}

/** What `ReactorLimits` needs of its Durable Object state. */
export interface DurableObjectStateLike {
  storage: {
    get<T>(keys: string[]): Promise<Map<string, T>>;
    put<T>(entries: Record<string, T>): Promise<void>;
  };
}

interface TakeRequest {
  checks: LimitCheck[];
  now: number;
}

/** The limits in the Durable Object of `namespace` named `name` (one per site by default). */
export function createDurableObjectStore(
  namespace: DurableObjectNamespaceLike,
  name = 'reactor-elements-limits',
): LimitStore {
  return {
    async take(checks, now) {
      const stub = namespace.get(namespace.idFromName(name) as never);
      const body: TakeRequest = { checks: [...checks], now };
      const response = await stub.fetch('https://reactor-limits/take', {
        method: 'POST',
        body: JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`the limits object answered ${response.status}`);
      return (await response.json()) as LimitVerdict;
    },
  };
}

/**
 * The Durable Object class that keeps the limits. Export it from the Worker's main module and
 * bind it (see `templates/cloudflare-worker/wrangler.toml`).
 */
export class ReactorLimits {
  private readonly rates = memoryRecords();

  constructor(private readonly state: DurableObjectStateLike) {}

  async fetch(request: Request): Promise<Response> {
    const { checks, now } = (await request.json()) as TakeRequest;
    const budgetKeys = checks.filter((c) => c.kind === 'budget').map((c) => c.key);
    const uses = budgetKeys.length
      ? await this.state.storage.get<BudgetUse>(budgetKeys)
      : new Map<string, BudgetUse>();
    const written: Record<string, BudgetUse> = {};
    const verdict = takeLimits(
      {
        times: (key) => this.rates.times(key),
        setTimes: (key, times) => this.rates.setTimes(key, times),
        use: (key) => uses.get(key),
        setUse: (key, use) => (written[key] = use),
      },
      checks,
      now,
    );
    if (Object.keys(written).length) await this.state.storage.put(written);
    return Response.json(verdict);
  }
}
