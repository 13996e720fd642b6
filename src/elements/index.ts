/**
 * The element classes without registering any tag: import these to subclass or to register
 * under your own names. `reactor-elements` (src/index.ts) registers the default tags.
 */
export type { SessionEndDetail, SessionReceiptDetail } from '../session/events.js';
export type { PlatformCost } from '../platform/platform-cost.js';
export type { BackgroundPolicy } from '../session/background.js';
export {
  ReactorSession,
  type EndReason,
  type SessionElementStatus,
  type SessionErrorDetail,
  type Capabilities,
  type ConnectionStats,
  type FileRef,
  type KeyMap,
  type ModerationDetail,
} from './reactor-session/reactor-session.js';
export { ReactorPricing, type CurrencyDisplay } from './reactor-pricing/reactor-pricing.js';
export { ReactorBalance, type BalanceChangeDetail } from './reactor-balance/reactor-balance.js';
export { ReactorAccount } from './reactor-account/reactor-account.js';
// The checklist's element is defined by its own opt-in script (`reactor-elements/debug`): its
// type only, so that the generated JSX types can name it; none of its code.
export type { ReactorDebug } from './reactor-debug/reactor-debug.js';
export { PLATFORM_MAX_DURATION, DEFAULT_API_URL } from '../internal/constants.js';
export type { TokenProvider, TokenReply } from '../platform/tokens.js';
export type { BalanceSource } from '../platform/balance.js';
export type { UploadOptions } from '../platform/uploads.js';
export type { ControlLabels } from '../controls/labels.js';
export type { Pricing, ModelPrice, Cost } from '../platform/pricing.js';
export { registerTranslation, type Translation, type MessageTable } from '../i18n/registry.js';
export { sessionMessages } from './reactor-session/messages.js';
export { pricingMessages } from './reactor-pricing/messages.js';
export { balanceMessages } from './reactor-balance/messages.js';
