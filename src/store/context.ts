import { createContext } from '@lit/context';
import type { AccountStore } from './account-store.js';

/**
 * The context key of the shared account state. It is a registered symbol, so two copies of the
 * bundle on one page still ask for (and answer) the same context.
 */
export const accountContext = createContext<AccountStore>(
  Symbol.for('reactor-elements.account-context'),
);
