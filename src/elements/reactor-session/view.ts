/**
 * The parts of `<reactor-session>` that show the session's state: the status line, the 429
 * countdown, the cost line (the estimate before, the live ticker during, the receipt after) and
 * the error. Pure templates of the session unit's read-only state, in the element's language.
 */
import { html, nothing } from 'lit';
import type { Session } from '../../session/session.js';
import { safeLink } from '../../internal/links.js';
import { fill, format } from '../../controllers/localize.js';
import {
  formatCredits,
  formatDuration,
  formatMoney,
  spokenDuration,
} from '../../internal/format.js';
import type { Cost } from '../../platform/pricing.js';
import { describeFailure, type SessionText, visibleMessage } from './messages.js';

/** The status line: a 429 wait, how the session ended, the time limit near, or its status. */
export function announcement(
  { status, endReason, rateLimit, wasLive, onThisPage, timeWarning }: Session,
  t: SessionText,
  lang: string,
): string {
  if (rateLimit) return format(t.busyRetrying, { seconds: rateLimit.retryAfter });
  if (status === 'ready' && timeWarning)
    return format(t.timeWarning, { time: spokenDuration(timeWarning, lang) });
  if (status === 'elsewhere' && onThisPage) return t.elsewhereOnPage;
  if (status !== 'ended' || !endReason) return t[status];
  // Cancelled while connecting or waiting: there was no session to end, and no bill.
  return endReason === 'user' && !wasLive
    ? t.cancelled
    : format(t.endedBecause, {
        reason: endReason === 'moved' && onThisPage ? t.movedOnPage : t[`end-${endReason}`],
      });
}

export function retryLine({ rateLimit }: Session, t: SessionText) {
  if (!rateLimit) return nothing;
  const seconds = Math.max(0, Math.ceil((rateLimit.until - performance.now()) / 1000));
  return html`<p class="retry" aria-hidden="true">${format(t.retrying, { seconds })}</p>`;
}

/**
 * A duration as `m:ss`, read out in words (a label on a plain `span` is ignored by many screen
 * readers: the words are hidden text instead).
 */
const time = (seconds: number, lang: string) =>
  html`<span aria-hidden="true">${formatDuration(seconds)}</span
    ><span class="sr-only">${spokenDuration(seconds, lang)}</span>`;

const money = (cost: Cost, t: SessionText, lang: string) =>
  format(t.amount, {
    credits: formatCredits(cost.credits, lang),
    money: formatMoney(cost.usd, lang),
  });

/**
 * What an ended session billed, for the status line (hidden text): announced once with the end,
 * from the meter (the platform's final figure may follow in the cost line, silently).
 */
export function endedBill(session: Session, t: SessionText, lang: string) {
  if (session.status !== 'ended' || !session.wasLive) return nothing;
  return html`<span class="sr-only"
    >${format(t.billed, {
      time: spokenDuration(session.billedSeconds, lang),
      amount: session.setup.price.price ? money(session.cost, t, lang) : t.costUnavailable,
    })}</span
  >`;
}

export function costLine(session: Session, t: SessionText, lang: string, live: boolean) {
  if (session.wasLive) {
    // After the end, the platform's own figure once it gave one (final), the meter's until then.
    const final = live ? null : session.receipt;
    const amount = final
      ? money(final, t, lang)
      : session.setup.price.price
        ? money(session.cost, t, lang)
        : t.costUnavailable;
    return html`<div part="cost" class="cost ${live ? 'live' : 'receipt'}" ?data-final=${!!final}>
        ${
          live
            ? html`<span class="sr-only">${t.billedSoFar}</span>`
            : html`<span class="label">${final ? t.finalReceipt : t.receipt}</span>`
        }
        ${fill(t.billed, {
          time: time(final?.seconds ?? session.billedSeconds, lang),
          amount: html`<span class="amount">${amount}</span>`,
        })}
      </div>
      ${
        live
          ? html`<div part="countdown" class="countdown">
              ${fill(t.left, { time: time(session.remainingSeconds, lang) })}
            </div>`
          : nothing
      }`;
  }
  // Before: the platform's dry run when it answered one, else the price list.
  const { seconds, cost: most } = session.setup.estimate;
  const cost = most
    ? format(t.atMost, { amount: money(most, t, lang) })
    : html`<span class="muted"
        >${session.setup.price.problem ? t.priceUnavailable : t.loadingPrice}</span
      >`;
  return html`<div part="cost" class="cost estimate">
    ${fill(t.estimate, { time: formatDuration(seconds), cost })}
  </div>`;
}

/**
 * The platform's moderation message, an alert (shown when the platform refused an input; kept in
 * the page, hidden, so that showing it is what a screen reader announces).
 */
export function moderationLine({ moderation }: Session) {
  const message = moderation?.message ?? '';
  return html`<p part="moderation" class="moderation" role="alert" ?hidden=${!message}>
    ${message}
  </p>`;
}

export function errorBlock({ failure }: Session, t: SessionText, topupUrl: string) {
  if (!failure) return nothing;
  const topup =
    failure.error.code === 'payment-required' && safeLink(topupUrl, 'topup-url')
      ? html`<a href=${topupUrl} target="_blank" rel="noopener">${t.topUp}</a>`
      : nothing;
  return html`<div part="error" class="error" role="alert">
    ${visibleMessage(describeFailure(failure, t), t)} ${topup}
  </div>`;
}
