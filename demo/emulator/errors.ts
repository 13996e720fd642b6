/**
 * Every error body the emulator sends, in one place. The real platform's exact bodies are not
 * published; when they are, change them here.
 */
export type ErrorCode =
  | 'unauthorized'
  | 'forbidden'
  | 'payment-required'
  | 'rate-limited'
  | 'concurrency-limit'
  | 'client-outdated'
  | 'not-found'
  | 'session-closed'
  | 'bad-request'
  | 'server-error';

export interface ErrorReply {
  status: number;
  /** The coordinator's shape, or the runtime's (`{detail}`, its transport routes). */
  body: { code: ErrorCode; message: string; retry_after?: number } | { detail: string };
  headers?: Record<string, string>;
}

/** What an error reply says, in either shape. */
export const errorText = (reply: ErrorReply) =>
  'detail' in reply.body ? reply.body.detail : reply.body.message;

export const errors = {
  unauthorized: (
    message = 'The token is missing, malformed, badly signed or expired.',
  ): ErrorReply => ({
    status: 401,
    body: { code: 'unauthorized', message },
  }),
  forbidden: (message: string): ErrorReply => ({
    status: 403,
    body: { code: 'forbidden', message },
  }),
  paymentRequired: (): ErrorReply => ({
    status: 402,
    body: {
      code: 'payment-required',
      message: 'The account is out of credits. Top up to start sessions.',
    },
  }),
  concurrency: (limit: number, retryAfter: number): ErrorReply => ({
    status: 429,
    headers: { 'Retry-After': String(retryAfter) },
    body: {
      code: 'concurrency-limit',
      message: `Too many concurrent sessions: the account may run ${limit} at a time.`,
      retry_after: retryAfter,
    },
  }),
  rateLimited: (perMinute: number, retryAfter: number): ErrorReply => ({
    status: 429,
    headers: { 'Retry-After': String(retryAfter) },
    body: {
      code: 'rate-limited',
      message: `Too many new sessions: at most ${perMinute} per minute per model.`,
      retry_after: retryAfter,
    },
  }),
  clientOutdated: (header: string, value: string): ErrorReply => ({
    status: 426,
    body: {
      code: 'client-outdated',
      message: `Unsupported ${header}: ${value}. Upgrade the client.`,
    },
  }),
  notFound: (what = 'Not found'): ErrorReply => ({
    status: 404,
    body: { code: 'not-found', message: what },
  }),
  sessionClosed: (id: string): ErrorReply => ({
    status: 409,
    body: { code: 'session-closed', message: `Session ${id} has ended.` },
  }),
  badRequest: (message: string): ErrorReply => ({
    status: 400,
    body: { code: 'bad-request', message },
  }),
  /** The runtime's transport routes answer `{detail}` only. */
  transport: (status: number, detail: string): ErrorReply => ({
    status,
    body: { detail },
  }),
  serverError: (message = 'Internal error.'): ErrorReply => ({
    status: 500,
    body: { code: 'server-error', message },
  }),
};

/** The reply for a fault forced with `POST /_emulator/config {faults}`. */
export function forcedReply(status: number, retryAfter: number): ErrorReply {
  switch (status) {
    case 401:
      return errors.unauthorized('Forced by the emulator.');
    case 402:
      return errors.paymentRequired();
    case 426:
      return errors.clientOutdated('Reactor-API-Version', 'forced');
    case 429:
      return errors.concurrency(5, retryAfter);
    case 404:
      return errors.notFound('Forced by the emulator.');
    default:
      return {
        status,
        body: { code: 'server-error', message: `Forced ${status} by the emulator.` },
      };
  }
}
