/**
 * The session token, fetched ahead while the visitor's pointer (or focus) is on Start, so the
 * click skips that round trip (about one request's latency, see `npm run bench`). The token
 * serves one connect; a hover without a click costs one short-lived token, never one per page
 * view. A failure here is silent: the connect fetches again and reports it.
 */
import type { TokenSource } from '../platform/tokens.js';

export class TokenPrefetch {
  private held: { tokens: TokenSource; key: readonly unknown[] } | null = null;

  constructor(
    /** What decides which token source a connect would use (the config's token settings). */
    private readonly key: () => readonly unknown[],
  ) {}

  /** Starts fetching with `tokens` (kept while the key is unchanged); answers the source held. */
  warm(tokens: TokenSource): TokenSource {
    const key = this.key();
    if (!this.held || !same(this.held.key, key)) this.held = { tokens, key };
    this.held.tokens.lease().catch(() => undefined);
    return this.held.tokens;
  }

  /** The warmed token source, when it still fits the configuration; given out once. */
  take(): TokenSource | null {
    const held = this.held;
    this.held = null;
    return held && same(held.key, this.key()) ? held.tokens : null;
  }
}

const same = (a: readonly unknown[], b: readonly unknown[]) =>
  a.length === b.length && a.every((v, i) => v === b[i]);
