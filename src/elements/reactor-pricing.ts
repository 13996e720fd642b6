import { css, html, nothing, type PropertyValues } from 'lit';
import { PollController } from '../controllers/poll.js';
import { LocalizeController, format } from '../controllers/localize.js';
import { formatCredits, formatMoney, formatRate } from '../internal/format.js';
import { ReactorElement } from '../internal/reactor-element.js';
import { PlatformError } from '../platform/errors.js';
import { checkApiUrl } from '../platform/http.js';
import { type ModelPrice, type Pricing, findModel } from '../platform/pricing.js';
import { StoreController } from '../store/store-controller.js';
import { apiUrlFor } from '../internal/api-url.js';
import { pricingMessages } from './pricing-messages.js';
import { hostStyles, panelStyles } from './shared-styles.js';
import { ProblemLog, numberAtLeast, refreshProblem } from '../internal/numbers.js';

export type CurrencyDisplay = 'usd' | 'credits' | 'both';

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
 * @fires reactor-pricing-load - `{pricing}` each time prices are loaded.
 */
export class ReactorPricing extends ReactorElement {
  static override styles = [
    hostStyles,
    panelStyles,
    css`
      .base {
        overflow-x: auto; /* a narrow column scrolls the table instead of cutting it */
      }
      table {
        width: 100%;
        border-collapse: collapse;
        font-variant-numeric: tabular-nums;
      }
      caption {
        text-align: start;
        font-weight: 600;
        padding-bottom: 0.4em;
      }
      th,
      td {
        padding: 0.35em 0.5em;
        text-align: end;
        border-bottom: 1px solid var(--reactor-border, #e3e6eb);
      }
      th:first-child,
      td:first-child {
        text-align: start;
      }
      .compact {
        margin: 0;
        font-variant-numeric: tabular-nums;
      }
      .compact [part='model'] {
        font-weight: 600;
      }
      .muted {
        color: var(--_muted);
        margin: 0;
      }
      .error {
        color: var(--_danger);
        margin: 0 0 0.5em;
      }
      .skeleton {
        display: block;
        height: 1em;
        margin: 0.35em 0;
        border-radius: 4px;
        background: linear-gradient(90deg, #e9ecef, #f8f9fa, #e9ecef);
        background-size: 200% 100%;
        animation: shimmer 1.2s infinite linear;
      }
      @keyframes shimmer {
        to {
          background-position: -200% 0;
        }
      }
      @media (prefers-reduced-motion: reduce) {
        .skeleton {
          animation: none;
        }
      }
    `,
  ];

  static override properties = {
    apiUrl: { attribute: 'api-url', reflect: true },
    model: { reflect: true },
    refresh: { type: Number, reflect: true },
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

  private readonly store = new StoreController(this);
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
      const message = error instanceof Error ? error.message : String(error);
      if (error instanceof PlatformError && error.setup)
        console.error(`[reactor-elements] <reactor-pricing>: ${message}`);
      else console.warn(`[reactor-elements] <reactor-pricing>: ${message}`);
      this.pricing = null;
      this.error = error instanceof Error ? error.message : String(error);
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
    return html`<div part="base" class="base" aria-busy=${this.loading ? 'true' : 'false'}>
      ${this.renderBody()}
    </div>`;
  }

  private renderBody() {
    const { t } = this.msg;
    if (this.loading) {
      return html`<span class="sr-only">${t.loading}</span>
        <span class="skeleton" aria-hidden="true"></span>
        <span class="skeleton" aria-hidden="true"></span>`;
    }
    if (this.error !== null || !this.pricing) {
      return html`<p part="error" class="error" role="alert">
          ${format(t.failed, { error: this.error })}
        </p>
        <button part="retry-button" type="button" @click=${this.onRetry}>${t.retry}</button>`;
    }
    const pricing = this.pricing;
    if (!pricing.models.length) {
      return html`<p part="empty" class="muted">${t.none}</p>`;
    }
    if (this.model) {
      const price = findModel(pricing, this.model);
      if (!price)
        return html`<p part="empty" class="muted">
          ${format(t.unknownModel, { model: this.model })}
        </p>`;
      return this.renderCompact(price, pricing);
    }
    return this.renderTable(pricing);
  }

  /** `currency`, with anything unknown read as `both`. */
  private get display(): CurrencyDisplay {
    return this.currency === 'usd' || this.currency === 'credits' ? this.currency : 'both';
  }

  private amounts(price: ModelPrice, pricing: Pricing, seconds: number) {
    const locale = this.msg.lang;
    const credits = price.creditsPerSecond * seconds;
    return {
      credits: formatCredits(credits, locale),
      money: formatMoney(credits / pricing.creditsPerDollar, locale),
    };
  }

  private renderCompact(price: ModelPrice, pricing: Pricing) {
    const { display } = this;
    const { t, lang } = this.msg;
    const rate = format(t.rate, { credits: formatRate(price.creditsPerSecond, lang) });
    const { credits, money } = this.amounts(price, pricing, 60);
    const perMinute =
      display === 'credits'
        ? format(t.creditsAMinute, { credits })
        : format(t.moneyPerMinute, { money });
    const line = display === 'usd' ? perMinute : `${rate} · ${perMinute}`;
    return html`<p part="row" class="compact">
      <span part="model">${price.name}</span>
      <span part="price">${line}</span>
    </p>`;
  }

  private renderTable(pricing: Pricing) {
    const { t, lang: locale } = this.msg;
    const money = this.display !== 'credits';
    const unit = (seconds: number, price: ModelPrice) => {
      const a = this.amounts(price, pricing, seconds);
      return money ? a.money : `${a.credits}`;
    };
    return html`<table part="table">
      <caption class="sr-only">
        ${t.caption}
      </caption>
      <thead>
        <tr>
          <th scope="col">${t.model}</th>
          ${this.display !== 'usd' ? html`<th scope="col">${t.creditsPerSecond}</th>` : nothing}
          <th scope="col">${money ? t.perMinute : t.creditsPerMinute}</th>
          <th scope="col">${money ? t.perHour : t.creditsPerHour}</th>
        </tr>
      </thead>
      <tbody>
        ${pricing.models.map(
          (price) =>
            html`<tr part="row">
              <th scope="row" part="model">${price.name}</th>
              ${
                this.display !== 'usd'
                  ? html`<td part="price">${formatRate(price.creditsPerSecond, locale)}</td>`
                  : nothing
              }
              <td part="price">${unit(60, price)}</td>
              <td part="price">${unit(3600, price)}</td>
            </tr>`,
        )}
      </tbody>
    </table>`;
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
