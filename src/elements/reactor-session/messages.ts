/**
 * What `<reactor-session>` tells people, in one table: buttons, status lines, the idle dialog,
 * the cost line, end reasons and errors. English is built in; a page replaces any message per
 * language with `registerTranslation(lang, { session: {...} })`. `{name}` marks a value.
 */
import type { EndReason, SessionElementStatus, SessionFailure } from '../../session/session.js';
import { format } from '../../controllers/localize.js';
import { asPlatformError } from '../../platform/errors.js';
import { controlMessages } from '../../controls/messages.js';

export type { EndReason, SessionElementStatus };

export const sessionMessages = {
  ...controlMessages,
  start: 'Start session',
  end: 'End session',
  cancel: 'Cancel',
  poster: '{model} · live session',
  videoLabel: 'Live video from {model}',
  idleTitle: 'Still there?',
  idleText: 'The session ends in {seconds}\u00a0s to stop billing.',
  keepSession: 'Keep session',
  disconnected: 'Not connected',
  connecting: 'Connecting…',
  waiting: 'Waiting for a GPU (free until it is live)',
  ready: 'Live: billed per second',
  timeWarning: 'Live: the time limit ends the session in {time}.',
  reconnecting: 'Connection lost, reconnecting (the GPU is held and still billed)',
  ended: 'Session ended',
  error: 'Session failed',
  endedBecause: 'Session ended. {reason}',
  'end-user': 'You ended the session.',
  cancelled: 'Cancelled: nothing was billed.',
  'end-idle': 'Ended because nobody was using the page.',
  'end-timeout': 'Ended at the time limit.',
  'end-budget': 'Ended at the spending limit.',
  'end-unload': 'Ended when the page was left.',
  'end-removed': 'Ended when the player was removed from the page.',
  'end-hidden': 'Ended when the player was hidden.',
  'end-background': 'Ended while the page was in the background.',
  'end-server': 'Reactor ended the session.',
  'end-error': 'The session failed.',
  'end-moderation': 'Reactor stopped it for its content rules.',
  'end-moved': 'It moved to another tab.',
  movedOnPage: 'It moved to another player on this page.',
  elsewhere: 'Your session is live in another tab.',
  elsewhereOnPage: 'Your session is live in another player on this page.',
  moveHere: 'Move it here',
  busyRetrying: 'All GPUs for this site are busy, retrying in {seconds} s.',
  retrying: 'Retrying in {seconds} s…',
  billedSoFar: 'Billed so far:',
  receipt: 'Receipt:',
  finalReceipt: 'Receipt (final, from Reactor):',
  billed: '{time} billed · {amount}',
  left: '{time} left',
  amount: '{credits} credits ({money})',
  costUnavailable: 'cost unavailable',
  estimate: 'Up to {time} per session, {cost}',
  atMost: 'at most {amount}',
  priceUnavailable: 'price unavailable',
  loadingPrice: 'loading price…',
  topUp: 'Top up credits',
  keysHint: 'Keys: {keys}',
  stageLabel: 'Live video. Keys: {keys}',
  sound: 'Sound',
  'quality-good': 'Connection: good',
  'quality-fair': 'Connection: fair',
  'quality-poor': 'Connection: poor',
  setup: 'Live sessions are not available on this page right now.',
  unauthorized:
    'The session token was refused (401), even after fetching a new one. Check the token route of this site.',
  'payment-required': 'The account is out of credits (402). Top up to start a session.',
  forbidden: 'Not allowed (403): {detail}',
  'rate-limited': 'All GPUs for this site are busy (429). Please try again in a minute.',
  'client-outdated':
    'This page uses an outdated Reactor client (426). The site needs to update reactor-elements.',
  'server-outdated': 'The Reactor server does not support this client yet (501).',
  network: 'Could not reach Reactor. Check the connection and try again. ({detail})',
  timeout: 'Reactor did not answer in time. {detail}',
  'no-gpu': 'No GPU became free in time. Nothing was billed: please try again later.',
  unsupported: 'This browser cannot play live video.',
  'no-video': 'The video did not start. Nothing more will be billed.',
  'server-error': 'Reactor had a problem ({status}). Please try again.',
  'not-found': 'Not found (404): {detail}',
  unconfirmedEnd:
    'Reactor did not confirm the end of the session. It stops the session, and its billing, within about 30 s.',
};

export type SessionMessage = keyof typeof sessionMessages;

/** The session's messages in the element's language. */
export type SessionText = typeof sessionMessages;

/** The detail of a `reactor-error` event. */
export interface SessionErrorDetail {
  code: string;
  status: number | null;
  /** What happened, in full (for a setup mistake: exactly what to fix). */
  message: string;
  retryAfter: number | null;
  /** The site's setup is at fault (configuration, token route), not Reactor. */
  setup: boolean;
}

/** The text shown in the element: calm for a setup mistake, the full message otherwise. */
export const visibleMessage = (detail: SessionErrorDetail, t: SessionText) =>
  detail.setup ? t.setup : detail.message;

/**
 * A clear, plain message for any failure (PlatformError or not). A setup mistake keeps the
 * platform's English (it is for the developer, in the console), and so does a code without a
 * message of its own (`bad-response`, `bad-request`, `conflict`, `aborted`: already specific).
 */
export function describeError(error: unknown, t: SessionText): SessionErrorDetail {
  const e = asPlatformError(error);
  const own = t[(e.code === 'concurrency-limit' ? 'rate-limited' : e.code) as SessionMessage];
  return {
    code: e.code,
    status: e.status,
    message:
      e.setup || !own
        ? e.message
        : format(own, { detail: e.message, status: e.status ?? 'server error' }),
    retryAfter: e.retryAfter,
    setup: e.setup,
  };
}

/** The message for a session's failure, including an end the platform never confirmed. */
export function describeFailure(
  { error, unconfirmedEnd }: SessionFailure,
  t: SessionText,
): SessionErrorDetail {
  const detail = describeError(error, t);
  return unconfirmedEnd
    ? { ...detail, message: t.unconfirmedEnd, retryAfter: null, setup: false }
    : detail;
}
