/** Server-side helpers (never part of the browser bundle). */
export {
  createTokenHandler,
  type AuthorizeResult,
  type TokenHandler,
  type TokenHandlerOptions,
} from './token-handler.js';
export { toNodeHandler } from './node-adapter.js';
export { ENV_VARIABLES, optionsFromEnv, tokenHandlerFromEnv } from './env.js';
export type { ConnectionInfo } from './client-identity.js';
export {
  createMemoryStore,
  type LimitCheck,
  type LimitStore,
  type LimitVerdict,
} from './limit-store.js';
export {
  createRedisStore,
  type RedisScriptClient,
  type RedisStore,
  type RedisStoreOptions,
} from './redis-store.js';
export {
  ReactorLimits,
  createDurableObjectStore,
  type DurableObjectNamespaceLike,
  type DurableObjectStateLike,
} from './durable-object-store.js';
export { originMatcher, type OriginMatcher } from './origins.js';
