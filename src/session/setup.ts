/**
 * A session before it starts: the API origin, the model's live price, the most one session may
 * cost (the platform's dry run, else the price list), the token fetched ahead while the pointer
 * is on Start, and what in the configuration would stop a session.
 */
import type { ReactiveControllerHost } from 'lit';
import { apiUrlFor } from '../internal/api-url.js';
import { PlatformError, asPlatformError } from '../platform/errors.js';
import { SessionClient } from '../platform/session-client.js';
import type { TokenSource } from '../platform/tokens.js';
import type { AccountStore } from '../store/account-store.js';
import { type SessionConfig, budgetCredits, capSeconds, tokenSourceFor } from './config.js';
import { LivePrice } from './live-price.js';
import { PlatformFigures, type SessionEstimate } from './platform-figures.js';
import { TokenPrefetch } from './token-prefetch.js';
import { say } from '../internal/console.js';

export class SessionSetup {
  /** The price of the configured model (for the estimate, the ticker and `max-cost`). */
  readonly price: LivePrice;
  /** The platform's dry-run estimate and effective cost. */
  readonly figures: PlatformFigures;
  /** The token fetched ahead while the pointer is on Start. */
  private readonly prefetch = new TokenPrefetch(() => {
    const { tokenUrl, token, tokenProvider } = this.config;
    return [this.apiUrl, tokenUrl, token, tokenProvider];
  });
  private warnedModel = '';

  constructor(
    private readonly host: ReactiveControllerHost & { readonly isConnected: boolean },
    private readonly config: SessionConfig,
    private readonly store: () => AccountStore,
  ) {
    this.price = new LivePrice(host);
    this.figures = new PlatformFigures(host, () => `${this.apiUrl} ${this.config.model.trim()}`);
  }

  /** The API origin: the element's `api-url`, else the page's (see `apiUrlFor`). */
  get apiUrl(): string {
    return apiUrlFor(this.config.apiUrl, this.store());
  }

  /** `max-duration` clamped to the platform's limits. */
  get capSeconds(): number {
    return capSeconds(this.config);
  }

  /** The most one session may cost: the platform's dry run when it gave one, else the price list. */
  get estimate(): SessionEstimate {
    return this.figures.estimate(this.capSeconds, this.price.costOf(this.capSeconds));
  }

  /** The token source of a connect (the one fetched ahead, when it still fits); throws a setup error. */
  tokens(): TokenSource {
    const tokens = this.sourceOfTokens();
    return this.prefetch.take() ?? tokens;
  }

  /**
   * Where the session's tokens come from. Throws on settings that cannot work, then in a browser
   * without WebRTC (some in-app browsers, WebKit builds without it): there no token is fetched
   * and no session created.
   */
  private sourceOfTokens(): TokenSource {
    const tokens = tokenSourceFor(this.config, this.apiUrl, this.host.isConnected);
    // After the settings' own mistakes (the owner's to fix, in any browser). The visitor's line
    // says it (`unsupported`); the page gets the code in `reactor-error`.
    if (!window.RTCPeerConnection) throw new PlatformError('unsupported', '');
    return tokens;
  }

  /**
   * The pointer or focus is on Start: fetch the token now (see `TokenPrefetch`), and with it ask
   * the platform's dry run (see `PlatformFigures`). Resolves with its 402, else null.
   */
  async warm(): Promise<PlatformError | null> {
    let tokens: TokenSource;
    try {
      tokens = this.prefetch.warm(this.sourceOfTokens());
    } catch {
      return null; // a setup problem (said at load, and again on Start), or no WebRTC
    }
    const model = this.config.model.trim();
    return this.figures.ask(new SessionClient({ apiUrl: this.apiUrl, model, tokens }));
  }

  /** (Re)loads the price of the configured model; a model the list lacks is said once. */
  async loadPrice(): Promise<void> {
    const { model } = this.config;
    await this.price.load(this.store(), this.apiUrl, model);
    const listed = this.price.pricing?.models.map((m) => m.name) ?? [];
    if (model.trim() && !this.price.price && listed.length && model !== this.warnedModel) {
      // Most likely a typo, and the price list says so before anyone clicks.
      this.warnedModel = model;
      say(
        `<reactor-session>: model "${model}" has no price in the price list of ${this.apiUrl} (priced: ${listed.join(', ')}).`,
      );
    }
  }

  /** With `max-cost` and the price loaded: the error that stops the session when it has none. */
  budgetProblem(): PlatformError | null {
    if (budgetCredits(this.config) === null || this.price.price) return null;
    const why = this.price.problem || 'the model is not in the price list.';
    return new PlatformError(
      'bad-response',
      `max-cost needs the live price of "${this.config.model}", which is not available: ${why}`,
    );
  }

  /**
   * What in the configuration would stop a session, said for the developer at load; null if
   * nothing. No token source yet is not said then: a page's script may set `tokenProvider` in a
   * later task (hydration); Start says it if it is still missing.
   */
  problem(): string | null {
    const { tokenUrl, token, tokenProvider } = this.config;
    if (!tokenUrl && !token && !tokenProvider) return null;
    try {
      tokenSourceFor(this.config, this.apiUrl, true);
      return null;
    } catch (error) {
      return asPlatformError(error).message;
    }
  }
}
