/**
 * The parts of `<reactor-session>` that show the session's state: the status line, the 429
 * countdown, the cost line (the estimate before, the live ticker during, the receipt after) and
 * the error. Pure templates of the session unit's read-only state.
 */
import { html, nothing } from 'lit';
import type { SessionController } from '../controllers/session.js';
import { formatCredits, formatDuration, formatMoney, spokenDuration } from '../internal/format.js';
import type { Cost } from '../platform/pricing.js';
import { END_TEXT, STATUS_TEXT, describeFailure, visibleMessage } from './session-messages.js';

/** The status line: a 429 wait, how the session ended, or its status. */
export function announcement({ status, endReason, rateLimit }: SessionController): string {
  if (rateLimit) return `All GPUs for this site are busy, retrying in ${rateLimit.retryAfter} s.`;
  return status === 'ended' && endReason
    ? `${STATUS_TEXT.ended}. ${END_TEXT[endReason]}`
    : STATUS_TEXT[status];
}

export function retryLine({ rateLimit }: SessionController) {
  if (!rateLimit) return nothing;
  const left = Math.max(0, Math.ceil((rateLimit.until - performance.now()) / 1000));
  return html`<p class="retry" aria-hidden="true">Retrying in ${left} s…</p>`;
}

export function costLine(session: SessionController, locale: string, live: boolean) {
  const money = (cost: Cost) =>
    `${formatCredits(cost.credits, locale)} credits (${formatMoney(cost.usd, locale)})`;
  if (session.wasLive) {
    const billed = session.billedSeconds;
    const remaining = session.remainingSeconds;
    const amount = session.price.price ? money(session.cost) : 'cost unavailable';
    return html`<div part="cost" class="cost ${live ? 'live' : 'receipt'}">
        ${
          live
            ? html`<span class="sr-only">Billed so far:</span>`
            : html`<span class="label">Receipt:</span>`
        }
        <span class="billed" aria-label=${`${spokenDuration(billed)} billed`}
          >${formatDuration(billed)}</span
        >
        billed · <span class="amount">${amount}</span>
      </div>
      ${
        live
          ? html`<div part="countdown" class="countdown">
              <span aria-label=${`${spokenDuration(remaining)} left`}
                >${formatDuration(remaining)}</span
              >
              left
            </div>`
          : nothing
      }`;
  }
  const cap = session.capSeconds;
  const most = session.price.costOf(cap);
  const estimate = most
    ? html`at most ${money(most)}`
    : html`<span class="muted"
        >${session.price.problem ? 'price unavailable' : 'loading price…'}</span
      >`;
  return html`<div part="cost" class="cost estimate">
    Up to ${formatDuration(cap)} per session, ${estimate}
  </div>`;
}

export function errorBlock({ failure }: SessionController, topupUrl: string) {
  if (!failure) return nothing;
  const message = visibleMessage(describeFailure(failure));
  const topup =
    failure.error.code === 'payment-required' && topupUrl
      ? html` <a href=${topupUrl} target="_blank" rel="noopener">Top up credits</a>`
      : nothing;
  return html`<div part="error" class="error" role="alert">${message}${topup}</div>`;
}
