import { ContextConsumer, ContextProvider } from '@lit/context';
import type { ReactiveControllerHost } from 'lit';
import { AccountStore } from './account-store.js';
import { accountContext } from './context.js';

const INSTALLED = Symbol.for('reactor-elements.document-store');

interface Installed {
  store: AccountStore;
}

type Global = typeof globalThis & { [INSTALLED]?: Installed };

/** The page's store, when a copy of the library installed one (see `installDocumentStore`). */
export const documentStore = (): AccountStore | undefined =>
  (globalThis as Global)[INSTALLED]?.store;

/**
 * The page-wide default: one AccountStore provided on `<html>`, so sibling elements share it
 * without nesting. It answers every request no nearer provider took, so none goes unanswered;
 * a wrapper (`<reactor-account>`) upgraded after its children announces itself, and this provider
 * then sends its subscribers' requests again, to be answered by the wrapper (lit's own
 * re-parenting: no ContextRoot needed). Installed once per page, even with two copies of the
 * bundle (the flag is a registered symbol on `globalThis`). Returns the page's store.
 */
export function installDocumentStore(): AccountStore {
  const existing = documentStore();
  if (existing) return existing;
  const store = new AccountStore();
  (globalThis as Global)[INSTALLED] = { store };
  if (typeof document !== 'undefined') {
    new ContextProvider(document.documentElement, { context: accountContext, initialValue: store });
  }
  return store;
}

/**
 * Gives an element the account store that applies to it: the nearest provider (a wrapper such
 * as `<reactor-account>`), else the page-wide one. `onChange` runs when it switches stores. The
 * lifecycle is the ContextConsumer's: it asks on connect and unsubscribes on disconnect.
 */
export class StoreConsumer {
  private current: AccountStore;

  constructor(
    host: ReactiveControllerHost & HTMLElement,
    private readonly onChange?: (store: AccountStore, previous: AccountStore) => void,
  ) {
    this.current = installDocumentStore();
    new ContextConsumer(host, {
      context: accountContext,
      subscribe: true,
      callback: (store) => this.use(store),
    });
  }

  get store(): AccountStore {
    return this.current;
  }

  private use(store: AccountStore | undefined): void {
    if (!store || store === this.current) return;
    const previous = this.current;
    this.current = store;
    this.onChange?.(store, previous);
  }
}
