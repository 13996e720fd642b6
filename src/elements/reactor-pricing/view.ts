/**
 * What `<reactor-pricing>` shows, from its state: a loading skeleton, the error with a retry
 * button, the price table, or one model's compact line, in credits, money or both. Pure
 * templates, in the element's language.
 */
import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { format } from '../../controllers/localize.js';
import { formatCredits, formatMoney, formatRate } from '../../internal/format.js';
import { type ModelPrice, type Pricing, findModel } from '../../platform/pricing.js';
import type { PricingText } from './messages.js';

export type CurrencyDisplay = 'usd' | 'credits' | 'both';

/** `currency`, with anything unknown read as `both`. */
export const displayOf = (currency: string): CurrencyDisplay =>
  currency === 'usd' || currency === 'credits' ? currency : 'both';

export interface PricingViewState {
  loading: boolean;
  error: string | null;
  pricing: Pricing | null;
  /** One model's line instead of the table. */
  model: string;
  display: CurrencyDisplay;
  /** Its error is the page's one announcement of it (the other price lists show it silently). */
  announce: boolean;
}

export function pricingView(
  state: PricingViewState,
  t: PricingText,
  [lang, textLang]: [string, string],
  onRetry: () => void,
) {
  return html`<div
    part="base"
    class="base"
    aria-busy=${state.loading ? 'true' : 'false'}
    lang=${textLang}
  >
    ${body(state, t, lang, onRetry)}
  </div>`;
}

function body(state: PricingViewState, t: PricingText, lang: string, onRetry: () => void) {
  const { pricing, model, display } = state;
  if (state.loading) {
    return html`<span class="sr-only">${t.loading}</span>
      <span class="skeleton" aria-hidden="true"></span>
      <span class="skeleton" aria-hidden="true"></span>`;
  }
  if (state.error !== null || !pricing) {
    return html`<p
        part="error"
        class="error"
        role=${ifDefined(state.announce ? 'alert' : undefined)}
      >
        ${format(t.failed, { error: state.error })}
      </p>
      <button part="retry-button" type="button" @click=${onRetry}>${t.retry}</button>`;
  }
  if (!pricing.models.length) return html`<p part="empty" class="muted">${t.none}</p>`;
  if (!model) return table(pricing, display, t, lang);
  const price = findModel(pricing, model);
  if (!price) return html`<p part="empty" class="muted">${format(t.unknownModel, { model })}</p>`;
  return compact(price, pricing, display, t, lang);
}

/** What `seconds` of `price` cost, in credits and in money. */
function amounts(price: ModelPrice, pricing: Pricing, seconds: number, lang: string) {
  const credits = price.creditsPerSecond * seconds;
  return {
    credits: formatCredits(credits, lang),
    money: formatMoney(credits / pricing.creditsPerDollar, lang),
  };
}

function compact(
  price: ModelPrice,
  pricing: Pricing,
  display: CurrencyDisplay,
  t: PricingText,
  lang: string,
) {
  const rate = format(t.rate, { credits: formatRate(price.creditsPerSecond, lang) });
  const { credits, money } = amounts(price, pricing, 60, lang);
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

/**
 * The most rows the table renders: a price list is a handful of models, and one of 100,000 took
 * seconds to render. The rest are said to be cut; one model's line (`model`) is always exact.
 */
export const MAX_ROWS = 100;

function table(pricing: Pricing, display: CurrencyDisplay, t: PricingText, lang: string) {
  const money = display !== 'credits';
  const { models } = pricing;
  const unit = (seconds: number, price: ModelPrice) => {
    const a = amounts(price, pricing, seconds, lang);
    return money ? a.money : `${a.credits}`;
  };
  return html`<table part="table">
      <caption class="sr-only">
        ${t.caption}
      </caption>
      <thead>
        <tr>
          <th scope="col">${t.model}</th>
          ${display !== 'usd' ? html`<th scope="col">${t.creditsPerSecond}</th>` : nothing}
          <th scope="col">${money ? t.perMinute : t.creditsPerMinute}</th>
          <th scope="col">${money ? t.perHour : t.creditsPerHour}</th>
        </tr>
      </thead>
      <tbody>
        ${models.slice(0, MAX_ROWS).map(
          (price) =>
            html`<tr part="row">
              <th scope="row" part="model">${price.name}</th>
              ${
                display !== 'usd'
                  ? html`<td part="price">${formatRate(price.creditsPerSecond, lang)}</td>`
                  : nothing
              }
              <td part="price">${unit(60, price)}</td>
              <td part="price">${unit(3600, price)}</td>
            </tr>`,
        )}
      </tbody>
    </table>
    ${
      models.length > MAX_ROWS
        ? html`<p part="more" class="muted">
            ${format(t.more, {
              shown: MAX_ROWS,
              total: formatCredits(models.length, lang),
            })}
          </p>`
        : nothing
    }`;
}
