/**
 * The broker's limits in Redis, shared by every instance of a site. One Lua script per take
 * checks all limits and counts the request against all of them or none: Redis runs a script
 * alone, so two instances cannot both see room for the last token. Every key expires (a rate
 * key after its window, a budget key a minute after its reset), so nothing piles up.
 *
 * The client is node-redis (`redis`), the client Redis itself maintains, with types included;
 * it is an optional peer dependency: only `createRedisStore({ url })` loads it. Its offline
 * queue is off, so a take fails at once while Redis is unreachable (the broker then refuses
 * with 503: it fails closed), and the client reconnects by itself.
 */
import type { LimitCheck, LimitStore, LimitVerdict } from './limit-store.js';

/** What the store needs of a Redis client: node-redis's `eval` (v4 or later). */
export interface RedisScriptClient {
  eval(script: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
  /** node-redis says whether it is connected; a client without it is assumed ready. */
  readonly isReady?: boolean;
}

export interface RedisStoreOptions {
  /** A Redis URL (`redis://host:6379`): the store opens and owns its own client. */
  url?: string;
  /** Or a connected node-redis client of the site's own (then `close()` leaves it open). */
  client?: RedisScriptClient;
  /** Put before every key. Default `reactor-elements:`. */
  prefix?: string;
  /** How long a take may wait for Redis before it counts as unreachable. Default 2,000 ms. */
  timeoutMs?: number;
}

export interface RedisStore extends LimitStore {
  /** Closes the client the store opened from `url`. */
  close(): Promise<void>;
}

/**
 * KEYS: one per check. ARGV: now, a unique member, then per check: kind, limit, window (rate)
 * or reset time (budget), cost. Returns {0, 0} when counted, else {check number, retry ms}.
 */
const TAKE = `
local now = tonumber(ARGV[1])
local member = ARGV[2]
for i = 1, #KEYS do
  local kind, limit, span, cost = ARGV[i * 4 - 1], tonumber(ARGV[i * 4]), tonumber(ARGV[i * 4 + 1]), tonumber(ARGV[i * 4 + 2])
  if kind == 'rate' then
    redis.call('ZREMRANGEBYSCORE', KEYS[i], '-inf', now - span)
    if redis.call('ZCARD', KEYS[i]) + 1 > limit then
      local oldest = redis.call('ZRANGE', KEYS[i], 0, 0, 'WITHSCORES')
      return {i, math.max(1, (tonumber(oldest[2]) or now) + span - now)}
    end
  elseif tonumber(redis.call('GET', KEYS[i]) or '0') + cost > limit then
    return {i, math.max(1, span - now)}
  end
end
for i = 1, #KEYS do
  local kind, span, cost = ARGV[i * 4 - 1], tonumber(ARGV[i * 4 + 1]), ARGV[i * 4 + 2]
  if kind == 'rate' then
    redis.call('ZADD', KEYS[i], now, member)
    redis.call('PEXPIRE', KEYS[i], span)
  else
    redis.call('INCRBYFLOAT', KEYS[i], cost)
    redis.call('PEXPIREAT', KEYS[i], span + 60000)
  end
end
return {0, 0}
`;

interface OwnedClient extends RedisScriptClient {
  connect(): Promise<unknown>;
  close?(): Promise<unknown>;
  quit?(): Promise<unknown>;
  on(event: string, listener: (...args: unknown[]) => void): unknown;
}

async function openClient(url: string): Promise<OwnedClient> {
  // A specifier in a variable: a bundler of an edge function (where no Redis client runs, and
  // `redis` is not installed) leaves it alone instead of failing to resolve it.
  const name = 'redis';
  const { createClient } = (await import(name).catch((error: unknown) => {
    throw new Error(`createRedisStore needs node-redis: npm install redis (${String(error)})`);
  })) as typeof import('redis');
  const client = createClient({
    url,
    disableOfflineQueue: true,
    socket: {
      connectTimeout: 2000,
      reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 2000),
    },
  }) as unknown as OwnedClient;
  // Errors surface as failed takes (the broker logs those); without a listener they would crash.
  client.on('error', () => undefined);
  client.connect().catch(() => undefined);
  return client;
}

const withTimeout = <T>(promise: Promise<T>, ms: number): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Redis did not answer in ${ms} ms`)), ms);
    promise.then(
      (value) => (clearTimeout(timer), resolve(value)),
      (error: unknown) => (clearTimeout(timer), reject(error as Error)),
    );
  });

/** Limits in Redis, for a site on several instances. */
export function createRedisStore(options: RedisStoreOptions): RedisStore {
  if (!options.url === !options.client)
    throw new Error('createRedisStore: give either url or client.');
  const prefix = options.prefix ?? 'reactor-elements:';
  const timeoutMs = options.timeoutMs ?? 2000;
  const client: Promise<RedisScriptClient> = options.client
    ? Promise.resolve(options.client)
    : openClient(options.url!);
  client.catch(() => undefined);
  let connectedOnce = false;
  /** At start the client may still be connecting: wait for it then, never during an outage. */
  const waitReady = async (c: RedisScriptClient) => {
    const started = Date.now();
    while (c.isReady === false) {
      if (connectedOnce || Date.now() - started >= timeoutMs)
        throw new Error('Redis is not connected');
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    connectedOnce = true;
  };
  return {
    async take(checks: readonly LimitCheck[], now: number): Promise<LimitVerdict> {
      const c = await client;
      await waitReady(c);
      const args = [String(now), `${now}-${Math.random().toString(36).slice(2)}`];
      for (const check of checks) {
        args.push(check.kind, String(check.limit));
        if (check.kind === 'rate') args.push(String(check.windowMs), '1');
        else args.push(String(check.resetAt), String(check.cost));
      }
      const reply = (await withTimeout(
        c.eval(TAKE, { keys: checks.map((check) => prefix + check.key), arguments: args }),
        timeoutMs,
      )) as [number, number];
      const [index, retryAfterMs] = reply.map(Number) as [number, number];
      return index === 0 ? { ok: true } : { ok: false, index: index - 1, retryAfterMs };
    },
    async close() {
      if (options.client) return;
      const c = (await client) as OwnedClient;
      await (c.close?.() ?? c.quit?.())?.catch(() => undefined);
    },
  };
}
