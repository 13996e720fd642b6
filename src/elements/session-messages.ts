/**
 * What `<reactor-session>` tells people, in one place: status lines, end reasons and error
 * messages. Plain strings, no markup.
 */
import type { EndReason, SessionElementStatus, SessionFailure } from '../controllers/session.js';
import { asPlatformError } from '../platform/errors.js';

export type { EndReason, SessionElementStatus };

export const STATUS_TEXT: Record<SessionElementStatus, string> = {
  disconnected: 'Not connected',
  connecting: 'Connecting…',
  waiting: 'Waiting for a GPU (free until it is live)',
  ready: 'Live: billed per second',
  reconnecting: 'Connection lost, reconnecting (the GPU is held and still billed)',
  ended: 'Session ended',
  error: 'Session failed',
};

export const END_TEXT: Record<EndReason, string> = {
  user: 'You ended the session.',
  idle: 'Ended because nobody was using the page.',
  timeout: 'Ended at the time limit.',
  budget: 'Ended at the spending limit.',
  unload: 'Ended when the page was left.',
  removed: 'Ended when the player was removed from the page.',
  server:
    'Reactor ended the session (the platform time limit was reached or the server stopped it).',
  error: 'The session failed.',
};

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

/** What a visitor is shown when the site's setup is at fault; the details go to the console. */
export const SETUP_TEXT = 'Live sessions are not available on this page right now.';

/** The text shown in the element: calm for a setup mistake, the full message otherwise. */
export const visibleMessage = (detail: SessionErrorDetail) =>
  detail.setup ? SETUP_TEXT : detail.message;

/** A clear, plain message for any failure (PlatformError or not). */
export function describeError(error: unknown): SessionErrorDetail {
  const e = asPlatformError(error);
  const detail = (text: string): SessionErrorDetail => ({
    code: e.code,
    status: e.status,
    message: text,
    retryAfter: e.retryAfter,
    setup: e.setup,
  });
  if (e.setup) return detail(e.message);
  switch (e.code) {
    case 'unauthorized':
      return detail(
        'The session token was refused (401), even after fetching a new one. Check the token route of this site.',
      );
    case 'payment-required':
      return detail('The account is out of credits (402). Top up to start a session.');
    case 'forbidden':
      return detail(`Not allowed (403): ${e.message}`);
    case 'rate-limited':
    case 'concurrency-limit':
      return detail('All GPUs for this site are busy (429). Please try again in a minute.');
    case 'client-outdated':
      return detail(
        'This page uses an outdated Reactor client (426). The site needs to update reactor-elements.',
      );
    case 'server-outdated':
      return detail('The Reactor server does not support this client yet (501).');
    case 'network':
      return detail(`Could not reach Reactor. Check the connection and try again. (${e.message})`);
    case 'timeout':
      return detail(`Reactor did not answer in time. ${e.message}`);
    case 'server-error':
      return detail(`Reactor had a problem (${e.status ?? 'server error'}). Please try again.`);
    case 'not-found':
      return detail(`Not found (404): ${e.message}`);
    case 'bad-response':
    case 'bad-request':
    case 'conflict':
    case 'aborted':
      return detail(e.message);
  }
}

/** The message for a session's failure, including an end the platform never confirmed. */
export function describeFailure({ error, unconfirmedEnd }: SessionFailure): SessionErrorDetail {
  if (!unconfirmedEnd) return describeError(error);
  return {
    code: error.code,
    status: error.status,
    message:
      'Reactor did not confirm the end of the session. The platform stops it, and its billing, ' +
      'once the connection has been gone for its recoverable window (about 30 s).',
    retryAfter: null,
    setup: false,
  };
}
