import type { AccountStore } from '../store/account-store.js';
import { DEFAULT_API_URL } from './constants.js';

/**
 * The Reactor API origin an element talks to, so that the elements of one page agree on one:
 * its own `api-url`; else the page's `<meta name="reactor-api-url" content="…">`; else the one
 * the page's other reactor elements name; else the production API.
 */
export function apiUrlFor(own: string, store?: Pick<AccountStore, 'namedApiUrl'>): string {
  const meta =
    typeof document === 'undefined'
      ? ''
      : document.querySelector<HTMLMetaElement>('meta[name="reactor-api-url"]')?.content;
  return own.trim() || meta?.trim() || store?.namedApiUrl || DEFAULT_API_URL;
}
