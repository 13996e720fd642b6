/** Server-side helpers (never part of the browser bundle). */
export {
  createTokenHandler,
  type TokenHandler,
  type TokenHandlerOptions,
} from './token-handler.js';
export { toNodeHandler } from './node-adapter.js';
