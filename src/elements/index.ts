/**
 * The element classes without registering any tag: import these to subclass or to register
 * under your own names. `reactor-elements` (src/index.ts) registers the default tags.
 */
export {
  ReactorSession,
  PLATFORM_MAX_DURATION,
  DEFAULT_API_URL,
  type SessionEndDetail,
  type EndReason,
  type SessionElementStatus,
  type SessionErrorDetail,
} from './reactor-session.js';
export { ReactorPricing } from './reactor-pricing.js';
export { ReactorBalance } from './reactor-balance.js';
