/**
 * The side-effect entry: installs the page-wide account state and registers
 * `<reactor-session>`, `<reactor-pricing>`, `<reactor-balance>` and `<reactor-account>` (first
 * copy wins; loading the library twice never throws), and re-exports the classes.
 */
import { defineElement } from './internal/define.js';
import {
  ReactorSession,
  ReactorPricing,
  ReactorBalance,
  ReactorAccount,
} from './elements/index.js';
import { installDocumentStore } from './store/store-consumer.js';

// The page-wide account state comes first, so sibling elements share it without nesting.
installDocumentStore();
defineElement('reactor-account', ReactorAccount);
defineElement('reactor-session', ReactorSession);
defineElement('reactor-pricing', ReactorPricing);
defineElement('reactor-balance', ReactorBalance);

export * from './elements/index.js';
export { defineElement } from './internal/define.js';
export { VERSION } from './internal/version.js';
export { AccountStore, type BilledSession, type AccountEvents } from './store/account-store.js';
export { accountContext } from './store/context.js';
export { installDocumentStore } from './store/store-consumer.js';
