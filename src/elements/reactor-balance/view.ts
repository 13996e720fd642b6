/**
 * What `<reactor-balance>` shows, from its state: the amount (projected while sessions bill), its
 * money value, the billing mode, the minutes left at the current rate, and the low-balance or
 * out-of-credits warning. Pure templates, in the element's language.
 */
import { html, nothing } from 'lit';
import { format } from '../../controllers/localize.js';
import { formatCredits, formatMoney } from '../../internal/format.js';
import { safeLink } from '../../internal/links.js';
import { type Balance, creditFloor } from '../../platform/balance.js';
import type { BalanceText } from './messages.js';

export interface BalanceViewState {
  /** The balance as last fetched; null before the first fetch. */
  balance: Balance | null;
  /** The last fetch failed. */
  failed: boolean;
  /** The fetched balance minus what the page's sessions billed since. */
  projected: number;
  /** Credits per second the page's sessions bill now. */
  burnRate: number;
  lowThreshold: number | null;
  /** The platform refused a session for lack of credits. */
  outOfCredits: boolean;
  creditsPerDollar: number | null;
  topupUrl: string;
}

export function balanceView(
  state: BalanceViewState,
  t: BalanceText,
  lang: string,
  textLang: string,
) {
  const { balance, failed } = state;
  const busy = !balance && !failed;
  return html`<div part="base" class="base" aria-busy=${busy ? 'true' : 'false'} lang=${textLang}>
    ${failed ? html`<p part="error" class="error" role="alert">${t.failed}</p>` : nothing}
    ${
      balance
        ? amountView(balance, state, t, lang)
        : busy
          ? html`<p class="muted">${t.loading}</p>`
          : nothing
    }
  </div>`;
}

function amountView(balance: Balance, state: BalanceViewState, t: BalanceText, lang: string) {
  const { projected, burnRate: rate, lowThreshold: threshold, creditsPerDollar } = state;
  const topupUrl = safeLink(state.topupUrl, 'topup-url');
  const floor = creditFloor(balance);
  const low = threshold !== null && Number.isFinite(threshold) && projected <= threshold;
  const out = state.outOfCredits || projected <= floor;
  const topup = topupUrl
    ? html`<a part="topup-link" href=${topupUrl} target="_blank" rel="noopener">${t.topUp}</a>`
    : nothing;
  return html`
    <p part="label" class="muted">${t.label}</p>
    <p part="amount" class="amount">
      ${format(t.amount, { credits: formatCredits(Math.round(projected), lang) })}
    </p>
    ${
      creditsPerDollar
        ? html`<p part="money" class="muted">
            ${format(t.money, { money: formatMoney(projected / creditsPerDollar, lang) })}
          </p>`
        : nothing
    }
    ${modeView(balance, t, lang)}
    ${
      rate > 0
        ? html`<p part="estimate" class="muted">
            ${format(t.minutesLeft, {
              minutes: formatCredits(
                Math.max(0, Math.floor((projected - floor) / rate / 60)),
                lang,
              ),
            })}
          </p>`
        : nothing
    }
    ${
      out
        ? html`<p part="warning" class="warning" role="alert">${t.out} ${topup}</p>`
        : low
          ? html`<p part="warning" class="warning" role="alert">${t.low} ${topup}</p>`
          : topupUrl
            ? html`<p>${topup}</p>`
            : nothing
    }
  `;
}

/** Prepaid or postpaid (with its limit), and the auto top-up state. */
function modeView(balance: Balance, t: BalanceText, lang: string) {
  const { mode, creditLimit, autoTopup } = balance;
  if (!mode && !autoTopup) return nothing;
  const credits = (n: number) => formatCredits(n, lang);
  const modeText =
    mode === 'postpaid'
      ? creditLimit !== null
        ? format(t.postpaidLimit, { credits: credits(creditLimit) })
        : t.postpaid
      : mode === 'prepaid'
        ? t.prepaid
        : '';
  const money = autoTopup?.amountDollars;
  const at = autoTopup?.thresholdCredits;
  const topupText = !autoTopup
    ? ''
    : !autoTopup.enabled
      ? t.autoTopupOff
      : money == null
        ? t.autoTopupOn
        : at == null
          ? format(t.autoTopupAmount, { money: formatMoney(money, lang) })
          : format(t.autoTopupAt, { money: formatMoney(money, lang), credits: credits(at) });
  return html`<p part="mode" class="muted">
    ${[modeText, topupText].filter(Boolean).join(' · ')}
  </p>`;
}
