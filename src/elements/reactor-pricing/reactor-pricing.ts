import type { PropertyValues } from 'lit';
import { PollController } from '../../controllers/poll.js';
import { LocalizeController } from '../../controllers/localize.js';
import { decimal } from '../../internal/converters.js';
import { ReactorElement } from '../../internal/reactor-element.js';
import { PlatformError, messageOf } from '../../platform/errors.js';
import { checkApiUrl } from '../../platform/http.js';
import type { Pricing } from '../../platform/pricing.js';
import { StoreConsumer } from '../../store/store-consumer.js';
import { apiUrlFor } from '../../internal/api-url.js';
import { pricingMessages } from './messages.js';
import { pricingStyles } from './styles.js';
import { type CurrencyDisplay, displayOf, pricingView } from './view.js';
import { ProblemLog, numberAtLeast, refreshProblem } from '../../internal/numbers.js';
import { say } from '../../internal/console.js';

export type { CurrencyDisplay };

/** The price list that announces a failure to load prices (the others show it silently). */
let announcer: ReactorPricing | null = null;
const announce = (el: ReactorPricing) => (announcer = el);

/**
 * The live public price list of Reactor (`GET {api-url}/pricing`, no sign-in), per model. Shares
 * one request with every other element on the page.
 *
 * @summary Live Reactor prices: credits per second, money per minute and per hour.
 * @tagname reactor-pricing
 *
 * @csspart base - The outer wrapper.
 * @csspart table - The price table.
 * @csspart row - One model's row (also the compact one-model line).
 * @csspart model - A model's name.
 * @csspart price - A price cell.
 * @csspart empty - Shown when no prices are listed, or the model is not listed.
 * @csspart error - The error message.
 * @csspart retry-button - Loads the prices again after an error.
 *
 * @cssprop --reactor-accent - The accent colour.
 * @cssprop --reactor-border - The panel border colour.
 *
 * @fires {CustomEvent<{ pricing: Pricing }>} reactor-pricing-load - `{pricing}` each time prices are loaded.
 */
export class ReactorPricing extends ReactorElement {
  static override styles = pricingStyles;

  static override properties = {
    apiUrl: { attribute: 'api-url', reflect: true },
    model: { reflect: true },
    refresh: { converter: decimal, reflect: true },
    currency: { reflect: true },
    pricing: { state: true },
    error: { state: true },
    loading: { state: true },
  };

  /**
   * The Reactor API origin. Default: the page's `<meta name="reactor-api-url">`, else the one the
   * page's other reactor elements name, else `https://api.reactor.inc`.
   */
  apiUrl = '';

  /** Show one model only, as a compact price (e.g. `helios`). */
  model = '';

  /** Seconds between refetches; 0 (the default) loads once. */
  refresh = 0;

  /** Which amounts to show: `usd`, `credits` or `both` (the default). */
  currency: CurrencyDisplay = 'both';

  private pricing: Pricing | null = null;
  private error: string | null = null;
  private loading = true;

  private readonly store = new StoreConsumer(this);
  private readonly problems = new ProblemLog('reactor-pricing');
  private readonly msg = new LocalizeController(this, 'pricing', pricingMessages);
  private readonly poll = new PollController(this, {
    run: (signal, round) => this.load(signal, round > 0),
    intervalMs: () => (numberAtLeast(this.refresh, 0) ?? 0) * 1000,
  });

  override connectedCallback(): void {
    super.connectedCallback();
    this.store.store.nameApiUrl(this.apiUrl);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Before the attribute is reflected back (a NaN would overwrite what the owner wrote).
    if (changed.has('refresh')) this.problems.say([refreshProblem(this, 0)]);
  }

  protected override updated(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('apiUrl') && changed.get('apiUrl') !== undefined) void this.poll.refresh();
  }

  private async load(signal: AbortSignal, fresh: boolean): Promise<void> {
    this.loading = !this.pricing;
    try {
      const apiUrl = apiUrlFor(this.apiUrl, this.store.store);
      checkApiUrl(apiUrl);
      const pricing = await this.store.store.pricing(apiUrl, { signal, fresh });
      this.pricing = pricing;
      this.error = null;
      this.emit('reactor-pricing-load', { pricing });
    } catch (error) {
      if (error instanceof PlatformError && error.code === 'aborted') return;
      // The site's mistake is an error; a bad answer from the platform a warning (it shows too).
      const message = messageOf(error);
      if (error instanceof PlatformError && error.setup)
        say(`<reactor-pricing>: ${message}`, 'error');
      else say(`<reactor-pricing>: ${message}`);
      this.pricing = null;
      this.error = message;
    } finally {
      this.loading = false;
    }
  }

  private readonly onRetry = () => {
    this.error = null;
    this.loading = true;
    void this.poll.refresh();
  };

  override render() {
    const { loading, error, pricing, model } = this;
    // One alert per page for the price list's failure: every price list would say the same.
    if (error !== null && (announcer?.error == null || !announcer.isConnected)) announce(this);
    return pricingView(
      {
        loading,
        error,
        pricing,
        model,
        display: displayOf(this.currency),
        announce: announcer === this,
      },
      this.msg.t,
      [this.msg.lang, this.msg.textLang],
      this.onRetry,
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'reactor-pricing': ReactorPricing;
  }
  interface HTMLElementEventMap {
    'reactor-pricing-load': CustomEvent<{ pricing: Pricing }>;
  }
}
